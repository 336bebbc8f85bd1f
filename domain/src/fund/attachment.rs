//! Files a unit attaches to its application: PDF, JPEG, PNG or DOCX, recognised by their bytes
//! (never by the name or the declared type), at most 10 MB each and 20 per application. A DOCX
//! is a ZIP holding a Word document; one with macros (`vbaProject.bin`) is refused.

use serde::{Deserialize, Serialize};

/// The largest file accepted.
pub const MAX_ATTACHMENT_BYTES: usize = 10 * 1024 * 1024;
/// The most files one application holds.
pub const MAX_ATTACHMENTS: usize = 20;

/// The kinds of file accepted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum AttachmentKind {
    Pdf,
    Jpeg,
    Png,
    Docx,
}

impl AttachmentKind {
    const ALL: [AttachmentKind; 4] = [AttachmentKind::Pdf, AttachmentKind::Jpeg, AttachmentKind::Png, AttachmentKind::Docx];

    /// The type it is served with.
    pub fn content_type(self) -> &'static str {
        match self {
            AttachmentKind::Pdf => "application/pdf",
            AttachmentKind::Jpeg => "image/jpeg",
            AttachmentKind::Png => "image/png",
            AttachmentKind::Docx => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        }
    }

    /// Its file extension.
    pub fn extension(self) -> &'static str {
        match self {
            AttachmentKind::Pdf => "pdf",
            AttachmentKind::Jpeg => "jpg",
            AttachmentKind::Png => "png",
            AttachmentKind::Docx => "docx",
        }
    }

    /// The kind served with `content_type`.
    pub fn from_content_type(content_type: &str) -> Option<AttachmentKind> {
        Self::ALL.into_iter().find(|k| k.content_type() == content_type)
    }
}

/// Why a file was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AttachmentProblem {
    Empty,
    TooLarge,
    /// Not a PDF, JPEG, PNG or DOCX (or a DOCX with macros).
    UnsupportedType,
}

impl AttachmentProblem {
    /// The API's error code.
    pub fn code(self) -> &'static str {
        match self {
            AttachmentProblem::Empty => "empty",
            AttachmentProblem::TooLarge => "too_large",
            AttachmentProblem::UnsupportedType => "unsupported_type",
        }
    }

    /// What to do, in Chinese and English.
    pub fn words(self) -> (&'static str, &'static str) {
        match self {
            AttachmentProblem::Empty => ("请选择要上传的文件", "choose a file to upload"),
            AttachmentProblem::TooLarge => ("文件不能超过10MB", "a file is at most 10 MB"),
            AttachmentProblem::UnsupportedType => (
                "只接受 PDF、JPEG、PNG 或 DOCX 文件（不含宏）",
                "only PDF, JPEG, PNG or DOCX files (without macros) are accepted",
            ),
        }
    }
}

/// What `bytes` are, by their content.
#[cfg(feature = "files")]
pub fn recognise(bytes: &[u8]) -> Result<AttachmentKind, AttachmentProblem> {
    if bytes.is_empty() {
        return Err(AttachmentProblem::Empty);
    }
    if bytes.len() > MAX_ATTACHMENT_BYTES {
        return Err(AttachmentProblem::TooLarge);
    }
    let tail = &bytes[bytes.len().saturating_sub(1024)..];
    let kind = if bytes.starts_with(b"%PDF-") && tail.windows(5).any(|w| w == b"%%EOF") {
        AttachmentKind::Pdf
    } else if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) && tail.windows(2).any(|w| w == [0xFF, 0xD9]) {
        AttachmentKind::Jpeg
    } else if bytes.starts_with(b"\x89PNG\r\n\x1a\n") && tail.windows(4).any(|w| w == b"IEND") {
        AttachmentKind::Png
    } else if bytes.starts_with(b"PK\x03\x04") && is_word_document(bytes) {
        AttachmentKind::Docx
    } else {
        return Err(AttachmentProblem::UnsupportedType);
    };
    Ok(kind)
}

/// Whether a ZIP's directory names a Word document and no macros. Only the directory is read:
/// nothing is inflated, so a ZIP bomb costs nothing.
#[cfg(feature = "files")]
fn is_word_document(bytes: &[u8]) -> bool {
    let Ok(archive) = zip::ZipArchive::new(std::io::Cursor::new(bytes)) else { return false };
    let names: Vec<&str> = archive.file_names().collect();
    names.contains(&"[Content_Types].xml")
        && names.contains(&"word/document.xml")
        && !names.iter().any(|n| n.to_ascii_lowercase().ends_with("vbaproject.bin"))
}

/// A file's name as the unit gave it, made safe to show and to send back: the last path
/// segment, no control or quoting characters, at most 80 characters, ending in the extension
/// of what the file really is.
pub fn file_name(given: &str, kind: AttachmentKind) -> String {
    let last = given.rsplit(['/', '\\']).next().unwrap_or_default();
    let stem = last.rsplit_once('.').map_or(last, |(stem, _)| stem);
    let clean: String =
        stem.chars().filter(|c| !c.is_control() && !matches!(c, '"' | '\'' | '<' | '>' | ';' | '%')).take(80).collect();
    let clean = clean.trim();
    let stem = if clean.is_empty() { "附件" } else { clean };
    format!("{stem}.{}", kind.extension())
}

#[cfg(all(test, feature = "files"))]
mod tests {
    use super::*;
    use std::io::Write;

    fn zip_with(names: &[&str]) -> Vec<u8> {
        let mut out = std::io::Cursor::new(Vec::new());
        let mut writer = zip::ZipWriter::new(&mut out);
        for name in names {
            writer.start_file(*name, zip::write::SimpleFileOptions::default()).unwrap();
            writer.write_all(b"<xml/>").unwrap();
        }
        writer.finish().unwrap();
        out.into_inner()
    }

    #[test]
    fn files_are_known_by_their_bytes_not_their_names() {
        assert_eq!(recognise(b"%PDF-1.7\n1 0 obj\n%%EOF\n"), Ok(AttachmentKind::Pdf));
        assert_eq!(recognise(&[0xFF, 0xD8, 0xFF, 0xE0, 0, 0, 0xFF, 0xD9]), Ok(AttachmentKind::Jpeg));
        assert_eq!(recognise(b"\x89PNG\r\n\x1a\n....IEND\xaeB`\x82"), Ok(AttachmentKind::Png));
        assert_eq!(recognise(&zip_with(&["[Content_Types].xml", "word/document.xml"])), Ok(AttachmentKind::Docx));
        assert_eq!(recognise(b""), Err(AttachmentProblem::Empty));
        for bad in [&b"<html><script>alert(1)</script>"[..], b"%PDF-1.7 but cut short", b"MZ\x90\x00"] {
            assert_eq!(recognise(bad), Err(AttachmentProblem::UnsupportedType));
        }
        // A spreadsheet, and a Word document with macros, are ZIPs too.
        assert_eq!(recognise(&zip_with(&["[Content_Types].xml", "xl/workbook.xml"])), Err(AttachmentProblem::UnsupportedType));
        let macros = zip_with(&["[Content_Types].xml", "word/document.xml", "word/vbaProject.bin"]);
        assert_eq!(recognise(&macros), Err(AttachmentProblem::UnsupportedType));
        let mut huge = b"%PDF-".to_vec();
        huge.resize(MAX_ATTACHMENT_BYTES + 1, b' ');
        assert_eq!(recognise(&huge), Err(AttachmentProblem::TooLarge));
    }

    #[test]
    fn names_are_made_safe_and_tell_the_truth() {
        assert_eq!(file_name("C:\\Users\\a\\申报书.pdf", AttachmentKind::Pdf), "申报书.pdf");
        assert_eq!(file_name("../../etc/passwd", AttachmentKind::Png), "passwd.png");
        assert_eq!(file_name("invoice.pdf.exe", AttachmentKind::Docx), "invoice.pdf.docx");
        assert_eq!(file_name("\"><script>x</script>.pdf", AttachmentKind::Pdf), "script.pdf");
        assert_eq!(file_name("", AttachmentKind::Jpeg), "附件.jpg");
    }
}
