//! Pre-compressed assets that can be trusted. `scripts/precompress` writes `x.br` and `x.gz`
//! beside each built file and the server sends them to browsers that accept them — so a copy
//! left from an earlier build would send old code under a new name's URL (a hydration panic).
//! At start the server checks every copy against the file beside it and drops those that do
//! not decompress to exactly its bytes.

use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};

/// The encodings `scripts/precompress` writes, by file suffix.
const ENCODINGS: [&str; 2] = ["br", "gz"];

/// What the check of one folder found.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Checked {
    /// Copies that matched the file beside them.
    pub fresh: usize,
    /// Copies that did not (stale, corrupt, or with no file beside them), already removed.
    pub removed: Vec<PathBuf>,
    /// Copies that did not match and could not be removed: the folder must then be served
    /// without its pre-compressed copies.
    pub stuck: Vec<PathBuf>,
}

impl Checked {
    /// Whether every copy left in the folder may be served.
    pub fn servable(&self) -> bool {
        self.stuck.is_empty()
    }
}

/// Checks every `.br` and `.gz` under `dir` (recursively) and removes the ones that are not
/// an exact compression of the file beside them. A missing folder has nothing to check.
pub fn check_folder(dir: &Path) -> Checked {
    let mut checked = Checked::default();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(dir) = pending.pop() {
        let Ok(entries) = fs::read_dir(&dir) else { continue };
        for path in entries.flatten().map(|e| e.path()) {
            if path.is_dir() {
                pending.push(path);
            } else if let Some(source) = source_of(&path) {
                if matches_source(&path, &source) {
                    checked.fresh += 1;
                } else if fs::remove_file(&path).is_ok() {
                    checked.removed.push(path);
                } else {
                    checked.stuck.push(path);
                }
            }
        }
    }
    checked
}

/// `app.js` for `app.js.br` or `app.js.gz`; `None` for any other file.
fn source_of(path: &Path) -> Option<PathBuf> {
    let ext = path.extension()?.to_str()?;
    ENCODINGS.contains(&ext).then(|| path.with_extension(""))
}

/// Whether `copy` decompresses to exactly the bytes of `source`.
fn matches_source(copy: &Path, source: &Path) -> bool {
    let (Ok(compressed), Ok(original)) = (fs::read(copy), fs::read(source)) else { return false };
    let mut decompressed = Vec::with_capacity(original.len());
    // Read one byte past the original's length: a longer output is a mismatch too.
    let limit = original.len() as u64 + 1;
    let read = match copy.extension().and_then(|e| e.to_str()) {
        Some("br") => brotli_decompressor::Decompressor::new(&compressed[..], 4096)
            .take(limit)
            .read_to_end(&mut decompressed),
        Some("gz") => flate2::read::GzDecoder::new(&compressed[..]).take(limit).read_to_end(&mut decompressed),
        _ => return false,
    };
    read.is_ok() && decompressed == original
}

#[cfg(test)]
mod tests {
    use std::io::Write;

    use super::*;

    fn brotli(bytes: &[u8]) -> Vec<u8> {
        let mut out = Vec::new();
        let mut writer = brotli::CompressorWriter::new(&mut out, 4096, 5, 22);
        writer.write_all(bytes).unwrap();
        drop(writer);
        out
    }

    fn gzip(bytes: &[u8]) -> Vec<u8> {
        let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        encoder.write_all(bytes).unwrap();
        encoder.finish().unwrap()
    }

    fn folder(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("cc_precompressed_{name}_{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(dir.join("nested")).unwrap();
        dir
    }

    #[test]
    fn copies_of_the_current_file_are_kept() {
        let dir = folder("fresh");
        fs::write(dir.join("app.js"), "new code").unwrap();
        fs::write(dir.join("app.js.br"), brotli(b"new code")).unwrap();
        fs::write(dir.join("nested/app.css"), "body{}").unwrap();
        fs::write(dir.join("nested/app.css.gz"), gzip(b"body{}")).unwrap();
        let checked = check_folder(&dir);
        assert_eq!(checked, Checked { fresh: 2, ..Default::default() });
        assert!(dir.join("app.js.br").exists() && dir.join("nested/app.css.gz").exists());
    }

    #[test]
    fn copies_of_an_older_build_a_corrupt_one_and_orphans_are_removed() {
        let dir = folder("stale");
        fs::write(dir.join("app.js"), "new code").unwrap();
        fs::write(dir.join("app.js.br"), brotli(b"old code")).unwrap();
        fs::write(dir.join("app.js.gz"), gzip(b"new code and more")).unwrap();
        fs::write(dir.join("nested/app.wasm"), "wasm").unwrap();
        fs::write(dir.join("nested/app.wasm.br"), b"not brotli at all").unwrap();
        fs::write(dir.join("gone.js.gz"), gzip(b"gone")).unwrap();
        let checked = check_folder(&dir);
        assert_eq!(checked.fresh, 0);
        assert_eq!(checked.removed.len(), 4, "{checked:?}");
        assert!(checked.servable());
        assert!(!dir.join("app.js.br").exists() && !dir.join("gone.js.gz").exists());
        assert!(dir.join("app.js").exists(), "the files themselves stay");
    }

    #[test]
    fn a_missing_folder_has_nothing_to_check() {
        assert_eq!(check_folder(Path::new("/nonexistent/cc/pkg")), Checked::default());
    }
}
