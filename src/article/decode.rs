//! Turns a file's bytes into text: UTF-8 (with or without BOM), UTF-16 with BOM, or Windows-1252.

use serde::{Deserialize, Serialize};

/// How an article's bytes were decoded into its text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Encoding {
    /// UTF-8 without a byte-order mark.
    Utf8,
    /// UTF-8 with a byte-order mark, which is kept in the text so offsets match the file.
    Utf8Bom,
    /// UTF-16, little-endian, announced by its byte-order mark.
    Utf16Le,
    /// UTF-16, big-endian, announced by its byte-order mark.
    Utf16Be,
    /// Bytes that are not UTF-8, read as Windows-1252 (a superset of Latin-1).
    Windows1252,
}

impl Encoding {
    /// The encoding's usual label, as shown to the user.
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            Self::Utf8 => "UTF-8",
            Self::Utf8Bom => "UTF-8 (BOM)",
            Self::Utf16Le => "UTF-16LE",
            Self::Utf16Be => "UTF-16BE",
            Self::Windows1252 => "Windows-1252",
        }
    }
}

/// Why bytes could not be decoded as text.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DecodeError {
    /// The bytes hold NUL or other control bytes that text files do not contain.
    #[error("binary data (not a text file)")]
    Binary,
    /// A UTF-16 byte-order mark was followed by malformed UTF-16.
    #[error("malformed {0} text")]
    Malformed(&'static str),
}

/// Decodes `bytes`, choosing the encoding from a byte-order mark, then UTF-8 validity, then
/// falling back to Windows-1252. Binary data is refused rather than decoded into garbage.
pub fn decode(bytes: &[u8]) -> Result<(String, Encoding), DecodeError> {
    if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        return decode_utf16(rest, encoding_rs::UTF_16LE, Encoding::Utf16Le);
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        return decode_utf16(rest, encoding_rs::UTF_16BE, Encoding::Utf16Be);
    }
    if looks_binary(bytes) {
        return Err(DecodeError::Binary);
    }
    match std::str::from_utf8(bytes) {
        Ok(text) if text.starts_with('\u{FEFF}') => Ok((text.to_owned(), Encoding::Utf8Bom)),
        Ok(text) => Ok((text.to_owned(), Encoding::Utf8)),
        Err(_) => {
            let (text, _, _) = encoding_rs::WINDOWS_1252.decode(bytes);
            Ok((text.into_owned(), Encoding::Windows1252))
        }
    }
}

fn decode_utf16(
    rest: &[u8],
    codec: &'static encoding_rs::Encoding,
    encoding: Encoding,
) -> Result<(String, Encoding), DecodeError> {
    let (text, had_errors) = codec.decode_without_bom_handling(rest);
    if had_errors {
        return Err(DecodeError::Malformed(encoding.label()));
    }
    if looks_binary(text.as_bytes()) {
        return Err(DecodeError::Binary);
    }
    Ok((text.into_owned(), encoding))
}

/// Text files have no NUL bytes and few other C0 controls; look at the first 8 KiB.
fn looks_binary(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(8192)];
    let controls = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0C))
        .count();
    head.contains(&0) || controls * 100 > head.len().max(1) * 2
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_plain_and_with_bom() {
        assert_eq!(
            decode("Kyiv – Київ".as_bytes()).unwrap(),
            ("Kyiv – Київ".into(), Encoding::Utf8)
        );
        let (text, enc) = decode(b"\xEF\xBB\xBFSeoul").unwrap();
        assert_eq!(enc, Encoding::Utf8Bom);
        assert_eq!(
            text, "\u{FEFF}Seoul",
            "the BOM stays so byte offsets match the file"
        );
    }

    #[test]
    fn utf16_both_byte_orders() {
        let le: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("Sé 서울".encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        let be: Vec<u8> = [0xFE, 0xFF]
            .into_iter()
            .chain("Sé 서울".encode_utf16().flat_map(u16::to_be_bytes))
            .collect();
        assert_eq!(decode(&le).unwrap(), ("Sé 서울".into(), Encoding::Utf16Le));
        assert_eq!(decode(&be).unwrap(), ("Sé 서울".into(), Encoding::Utf16Be));
    }

    #[test]
    fn invalid_utf8_falls_back_to_windows_1252() {
        let (text, enc) = decode(b"caf\xE9 \x93quoted\x94 \x80").unwrap();
        assert_eq!(enc, Encoding::Windows1252);
        assert_eq!(text, "café “quoted” €");
    }

    #[test]
    fn binary_is_refused() {
        assert_eq!(
            decode(b"\x7FELF\x02\x01\x01\0\0\0"),
            Err(DecodeError::Binary)
        );
        assert_eq!(
            decode(&[0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0]),
            Err(DecodeError::Binary)
        );
    }

    #[test]
    fn odd_length_utf16_is_malformed() {
        assert!(matches!(
            decode(&[0xFF, 0xFE, b'a']),
            Err(DecodeError::Malformed(_))
        ));
    }
}
