//! Turns a file's bytes into text: UTF-8 (with or without BOM, a few invalid bytes repaired),
//! UTF-16 (with or without BOM), or Windows-1252; binary data is refused.

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
    /// The bytes hold NUL bytes (and are not UTF-16) or many other control bytes.
    #[error("binary data, not a text file ({0})")]
    Binary(&'static str),
    /// UTF-16 (announced by a byte-order mark, or recognised by its zero bytes) that does not
    /// decode.
    #[error("malformed {0} text")]
    Malformed(&'static str),
}

/// Invalid bytes in a file that is otherwise UTF-8: each invalid sequence became U+FFFD.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Repair {
    /// How many invalid sequences were replaced.
    pub replaced: usize,
    /// The byte offset of the first one in the file.
    pub first_at: usize,
}

impl std::fmt::Display for Repair {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let (count, s) = (self.replaced, if self.replaced == 1 { "" } else { "s" });
        write!(
            f,
            "{count} invalid UTF-8 byte sequence{s} replaced by \u{FFFD} (the first at byte {})",
            self.first_at
        )
    }
}

/// Text decoded from bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    /// The text.
    pub text: String,
    /// The encoding it was read in.
    pub encoding: Encoding,
    /// What had to be replaced, for a UTF-8 file with a few invalid bytes.
    pub repair: Option<Repair>,
}

/// Decodes `bytes`, choosing the encoding from a byte-order mark, then from where zero bytes
/// fall (UTF-16 without a mark), then UTF-8 (repairing a few invalid bytes), falling back to
/// Windows-1252 when the bytes are not mostly UTF-8. Binary data is refused rather than
/// decoded into garbage, judged on the whole file.
pub fn decode(bytes: &[u8]) -> Result<Decoded, DecodeError> {
    let whole = |text: String, encoding| Decoded {
        text,
        encoding,
        repair: None,
    };
    if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        return decode_utf16(rest, Encoding::Utf16Le).map(|text| whole(text, Encoding::Utf16Le));
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        return decode_utf16(rest, Encoding::Utf16Be).map(|text| whole(text, Encoding::Utf16Be));
    }
    if bytes.contains(&0) {
        let encoding =
            utf16_without_mark(bytes).ok_or(DecodeError::Binary("it holds NUL bytes"))?;
        return decode_utf16(bytes, encoding).map(|text| whole(text, encoding));
    }
    if too_many_controls(bytes) {
        return Err(DecodeError::Binary("it holds many control bytes"));
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        let encoding = if text.starts_with('\u{FEFF}') {
            Encoding::Utf8Bom
        } else {
            Encoding::Utf8
        };
        return Ok(whole(text.to_owned(), encoding));
    }
    let census = Utf8Census::of(bytes);
    if census.is_mostly_utf8() {
        let text = String::from_utf8_lossy(bytes).into_owned();
        let encoding = if text.starts_with('\u{FEFF}') {
            Encoding::Utf8Bom
        } else {
            Encoding::Utf8
        };
        return Ok(Decoded {
            text,
            encoding,
            repair: Some(Repair {
                replaced: census.invalid,
                first_at: census.first_invalid,
            }),
        });
    }
    let (text, _, _) = encoding_rs::WINDOWS_1252.decode(bytes);
    Ok(whole(text.into_owned(), Encoding::Windows1252))
}

/// How the non-ASCII bytes of a file that is not valid UTF-8 fall.
struct Utf8Census {
    /// Valid multi-byte sequences.
    multibyte: usize,
    /// Invalid sequences.
    invalid: usize,
    /// Byte offset of the first invalid sequence.
    first_invalid: usize,
}

impl Utf8Census {
    fn of(bytes: &[u8]) -> Self {
        let mut census = Self {
            multibyte: 0,
            invalid: 0,
            first_invalid: 0,
        };
        let mut offset = 0;
        for chunk in bytes.utf8_chunks() {
            census.multibyte += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
            offset += chunk.valid().len();
            if !chunk.invalid().is_empty() {
                if census.invalid == 0 {
                    census.first_invalid = offset;
                }
                census.invalid += 1;
            }
            offset += chunk.invalid().len();
        }
        census
    }

    /// Windows-1252 text almost never forms valid UTF-8 sequences by chance, so a file with
    /// more valid multi-byte sequences than invalid ones is UTF-8 with some damage.
    fn is_mostly_utf8(&self) -> bool {
        self.multibyte > self.invalid
    }
}

/// UTF-16 without a byte-order mark: mostly-Latin text has a zero in every other byte, on
/// the high side of each code unit (odd offsets for little-endian, even for big-endian).
fn utf16_without_mark(bytes: &[u8]) -> Option<Encoding> {
    if bytes.len() < 2 || !bytes.len().is_multiple_of(2) {
        return None;
    }
    let pairs = bytes.len() / 2;
    let (mut even, mut odd) = (0usize, 0usize);
    for pair in bytes.chunks_exact(2) {
        even += usize::from(pair[0] == 0);
        odd += usize::from(pair[1] == 0);
    }
    // At least a third of the units are Latin-range, and the zeros sit on one side only.
    let side = |zeros: usize, other: usize| zeros * 3 >= pairs && other * 20 <= pairs;
    if side(odd, even) {
        Some(Encoding::Utf16Le)
    } else if side(even, odd) {
        Some(Encoding::Utf16Be)
    } else {
        None
    }
}

fn decode_utf16(bytes: &[u8], encoding: Encoding) -> Result<String, DecodeError> {
    let codec = match encoding {
        Encoding::Utf16Be => encoding_rs::UTF_16BE,
        _ => encoding_rs::UTF_16LE,
    };
    let (text, had_errors) = codec.decode_without_bom_handling(bytes);
    if had_errors {
        return Err(DecodeError::Malformed(encoding.label()));
    }
    if text.contains('\0') {
        return Err(DecodeError::Binary("it holds NUL characters"));
    }
    if too_many_controls(text.as_bytes()) {
        return Err(DecodeError::Binary("it holds many control characters"));
    }
    Ok(text.into_owned())
}

/// Text has few C0 control bytes besides line breaks, tabs and form feeds: more than 2% of
/// the file is binary data.
fn too_many_controls(bytes: &[u8]) -> bool {
    let controls = bytes
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0C))
        .count();
    controls * 100 > bytes.len().max(1) * 2
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decoded(bytes: &[u8]) -> (String, Encoding) {
        let decoded = decode(bytes).unwrap();
        (decoded.text, decoded.encoding)
    }

    fn utf16(text: &str, big_endian: bool) -> Vec<u8> {
        text.encode_utf16()
            .flat_map(|unit| {
                if big_endian {
                    unit.to_be_bytes()
                } else {
                    unit.to_le_bytes()
                }
            })
            .collect()
    }

    #[test]
    fn utf8_plain_and_with_bom() {
        assert_eq!(
            decoded("Kyiv – Київ".as_bytes()),
            ("Kyiv – Київ".into(), Encoding::Utf8)
        );
        let (text, enc) = decoded(b"\xEF\xBB\xBFSeoul");
        assert_eq!(enc, Encoding::Utf8Bom);
        assert_eq!(
            text, "\u{FEFF}Seoul",
            "the BOM stays so byte offsets match the file"
        );
    }

    #[test]
    fn utf16_both_byte_orders_with_and_without_a_mark() {
        for big_endian in [false, true] {
            let (mark, encoding) = if big_endian {
                ([0xFE, 0xFF], Encoding::Utf16Be)
            } else {
                ([0xFF, 0xFE], Encoding::Utf16Le)
            };
            let with_mark: Vec<u8> = mark
                .into_iter()
                .chain(utf16("Sé 서울", big_endian))
                .collect();
            assert_eq!(decoded(&with_mark), ("Sé 서울".into(), encoding));
            let text = "Seoul said 12,000 troops were sent.\n";
            assert_eq!(decoded(&utf16(text, big_endian)), (text.into(), encoding));
        }
    }

    #[test]
    fn invalid_utf8_falls_back_to_windows_1252() {
        let decoded = decode(b"caf\xE9 \x93quoted\x94 \x80").unwrap();
        assert_eq!(decoded.encoding, Encoding::Windows1252);
        assert_eq!(decoded.text, "café “quoted” €");
        assert_eq!(decoded.repair, None);
    }

    #[test]
    fn a_few_invalid_bytes_in_utf8_are_replaced_and_reported() {
        let bytes = "Kyiv – “Київ” said \u{2014} ok ".as_bytes().to_vec();
        let mut damaged = bytes.clone();
        damaged.push(0xE9);
        damaged.extend_from_slice(b" end");
        let decoded = decode(&damaged).unwrap();
        assert_eq!(decoded.encoding, Encoding::Utf8);
        assert!(decoded.text.starts_with("Kyiv – “Київ”"), "no mojibake");
        assert!(decoded.text.ends_with("\u{FFFD} end"));
        assert_eq!(
            decoded.repair,
            Some(Repair {
                replaced: 1,
                first_at: bytes.len()
            })
        );
    }

    #[test]
    fn binary_is_refused_wherever_its_nul_bytes_are() {
        assert!(matches!(
            decode(b"\x7FELF\x02\x01\x01\0\0\0"),
            Err(DecodeError::Binary(_))
        ));
        assert!(matches!(
            decode(&[0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0]),
            Err(DecodeError::Binary(_))
        ));
        let mut late_nul = "Text. ".repeat(4000).into_bytes();
        late_nul.extend_from_slice(b"\0\x01\x02");
        assert!(late_nul.len() > 8192);
        assert!(matches!(decode(&late_nul), Err(DecodeError::Binary(_))));
    }

    #[test]
    fn odd_length_utf16_is_malformed() {
        assert!(matches!(
            decode(&[0xFF, 0xFE, b'a']),
            Err(DecodeError::Malformed(_))
        ));
    }
}
