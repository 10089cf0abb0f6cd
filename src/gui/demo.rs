//! The bundled sample articles, opened as a demo workspace on the first start.

use std::path::PathBuf;

macro_rules! sample {
    ($name:literal) => {
        (
            concat!("sample_data/", $name),
            include_bytes!(concat!("../../sample_data/", $name)).as_slice(),
        )
    };
}

const SAMPLES: [(&str, &[u8]); 5] = [
    sample!("000_48b00cfcbf5a8e27.txt"),
    sample!("001_e40d02d29da63f7d.txt"),
    sample!("002_956b89daf0f4f269.txt"),
    sample!("003_73f6baf72998de63.txt"),
    sample!("004_4ae87a3bd036c1c9.txt"),
];

/// The sample articles as `(path, bytes)`.
#[must_use]
pub fn samples() -> Vec<(PathBuf, &'static [u8])> {
    SAMPLES
        .iter()
        .map(|&(path, bytes)| (PathBuf::from(path), bytes))
        .collect()
}
