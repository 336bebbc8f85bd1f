//! Walking JPEG segments and PNG chunks: enough to read a picture's size and copy it without
//! its metadata. Not a decoder: the pixels are copied as they came.

use crate::image::ImageProblem;

pub(crate) const PNG_SIGNATURE: &[u8] = &[0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A];

fn be16(bytes: &[u8], at: usize) -> Result<u32, ImageProblem> {
    let b = bytes.get(at..at + 2).ok_or(ImageProblem::Damaged)?;
    Ok(u32::from(u16::from_be_bytes([b[0], b[1]])))
}

fn be32(bytes: &[u8], at: usize) -> Result<u32, ImageProblem> {
    let b = bytes.get(at..at + 4).ok_or(ImageProblem::Damaged)?;
    Ok(u32::from_be_bytes([b[0], b[1], b[2], b[3]]))
}

/// A JPEG's (width, height, bytes without APP1–APP15 and comments), wherever those sit: before
/// the first scan, between the scans of a progressive picture, or after its end (phones append
/// blocks there; everything after the end-of-image marker is dropped). APP0 (JFIF) and an ICC
/// colour profile in APP2 stay: they change how the picture looks, and carry nothing personal.
pub(crate) fn clean_jpeg(bytes: &[u8]) -> Result<(u32, u32, Vec<u8>), ImageProblem> {
    let mut out = Vec::with_capacity(bytes.len());
    out.extend_from_slice(&bytes[..2]);
    let mut at = 2;
    let mut size = None;
    let mut scanned = false;
    loop {
        if bytes.get(at) != Some(&0xFF) {
            return Err(ImageProblem::Damaged);
        }
        // Markers may be padded with any number of 0xFF bytes.
        while bytes.get(at + 1) == Some(&0xFF) {
            at += 1;
        }
        let marker = *bytes.get(at + 1).ok_or(ImageProblem::Damaged)?;
        if marker == 0xD9 {
            // End of image: the picture is complete only if it had a frame and a scan.
            let (width, height) = size.filter(|_| scanned).ok_or(ImageProblem::Damaged)?;
            out.extend_from_slice(&[0xFF, 0xD9]);
            return Ok((width, height, out));
        }
        let length = be16(bytes, at + 2)? as usize;
        let end = at + 2 + length;
        if length < 2 || end > bytes.len() {
            return Err(ImageProblem::Damaged);
        }
        let segment = &bytes[at..end];
        let is_sof = matches!(marker, 0xC0..=0xCF) && !matches!(marker, 0xC4 | 0xC8 | 0xCC);
        if is_sof {
            size = Some((be16(bytes, at + 7)?, be16(bytes, at + 5)?));
        }
        let icc_profile = marker == 0xE2 && segment.get(4..16) == Some(b"ICC_PROFILE\0".as_slice());
        let metadata = matches!(marker, 0xE1..=0xEF | 0xFE) && !icc_profile;
        if !metadata {
            out.extend_from_slice(segment);
        }
        at = end;
        if marker == 0xDA {
            // Start of scan: compressed data follows, up to the next marker; copied as it is.
            size.ok_or(ImageProblem::Damaged)?;
            let data_end = scan_end(bytes, at)?;
            out.extend_from_slice(&bytes[at..data_end]);
            at = data_end;
            scanned = true;
        }
    }
}

/// Where a scan's compressed data starting at `from` ends: at the first 0xFF that begins a
/// marker. In the data a 0xFF is followed by 0x00 (a stuffed byte) or a restart marker.
fn scan_end(bytes: &[u8], from: usize) -> Result<usize, ImageProblem> {
    let mut at = from;
    while let Some(offset) = bytes.get(at..).and_then(|rest| rest.iter().position(|&b| b == 0xFF)) {
        let ff = at + offset;
        let mut next = ff + 1;
        while bytes.get(next) == Some(&0xFF) {
            next += 1;
        }
        match bytes.get(next) {
            Some(0x00 | 0xD0..=0xD7) => at = next + 1,
            Some(_) => return Ok(ff),
            None => break,
        }
    }
    Err(ImageProblem::Damaged)
}

/// A PNG's (width, height, bytes without text, EXIF and time chunks).
pub(crate) fn clean_png(bytes: &[u8]) -> Result<(u32, u32, Vec<u8>), ImageProblem> {
    let mut out = Vec::with_capacity(bytes.len());
    out.extend_from_slice(PNG_SIGNATURE);
    let mut at = PNG_SIGNATURE.len();
    if bytes.get(at + 4..at + 8) != Some(b"IHDR".as_slice()) {
        return Err(ImageProblem::Damaged);
    }
    let (width, height) = (be32(bytes, at + 8)?, be32(bytes, at + 12)?);
    loop {
        let length = be32(bytes, at)? as usize;
        let end = at.checked_add(12 + length).ok_or(ImageProblem::Damaged)?;
        if end > bytes.len() {
            return Err(ImageProblem::Damaged);
        }
        let kind = &bytes[at + 4..at + 8];
        if !matches!(kind, b"tEXt" | b"zTXt" | b"iTXt" | b"eXIf" | b"tIME") {
            out.extend_from_slice(&bytes[at..end]);
        }
        at = end;
        if kind == b"IEND" {
            return Ok((width, height, out));
        }
    }
}

#[cfg(test)]
pub(crate) mod tests {
    /// A minimal JPEG's structure (not a decodable picture), with or without an EXIF block.
    pub fn jpeg(width: u16, height: u16, exif: bool) -> Vec<u8> {
        let mut out = vec![0xFF, 0xD8];
        out.extend_from_slice(&[
            0xFF, 0xE0, 0x00, 0x10, b'J', b'F', b'I', b'F', 0, 1, 1, 0, 0, 1, 0, 1, 0, 0,
        ]);
        if exif {
            out.extend_from_slice(&[0xFF, 0xE1, 0x00, 0x0C, b'E', b'x', b'i', b'f', 0, 0, 1, 2, 3, 4]);
            out.extend_from_slice(&[0xFF, 0xFE, 0x00, 0x05, b'h', b'i', b'!']);
        }
        let [w1, w2] = width.to_be_bytes();
        let [h1, h2] = height.to_be_bytes();
        out.extend_from_slice(&[0xFF, 0xC0, 0x00, 0x0B, 8, h1, h2, w1, w2, 1, 1, 0x11, 0]);
        out.extend_from_slice(&[0xFF, 0xDA, 0x00, 0x08, 1, 1, 0, 0, 0x3F, 0]);
        out.extend_from_slice(&[0x12, 0x34, 0xFF, 0x00, 0x56, 0xFF, 0xD9]);
        out
    }

    fn chunk(out: &mut Vec<u8>, kind: &[u8; 4], data: &[u8]) {
        out.extend_from_slice(&(data.len() as u32).to_be_bytes());
        out.extend_from_slice(kind);
        out.extend_from_slice(data);
        out.extend_from_slice(&[0, 0, 0, 0]);
    }

    /// A minimal PNG's structure, with or without a text chunk.
    pub fn png(width: u32, height: u32, text: bool) -> Vec<u8> {
        let mut out = super::PNG_SIGNATURE.to_vec();
        let mut ihdr = width.to_be_bytes().to_vec();
        ihdr.extend_from_slice(&height.to_be_bytes());
        ihdr.extend_from_slice(&[8, 2, 0, 0, 0]);
        chunk(&mut out, b"IHDR", &ihdr);
        if text {
            chunk(&mut out, b"tEXt", b"Author\0someone");
        }
        chunk(&mut out, b"IDAT", &[1, 2, 3, 4]);
        chunk(&mut out, b"IEND", &[]);
        out
    }

    #[test]
    fn metadata_after_the_end_and_between_progressive_scans_is_dropped() {
        let mut bytes = jpeg(640, 480, false);
        // A second (progressive) scan with a comment and an EXIF block before it…
        let end = bytes.len() - 2;
        let second_scan: &[u8] = &[
            0xFF, 0xFE, 0x00, 0x06, b'G', b'P', b'S', b'!',
            0xFF, 0xE1, 0x00, 0x08, b'E', b'x', b'i', b'f', 0, 0,
            0xFF, 0xC4, 0x00, 0x04, 0xAA, 0xBB,
            0xFF, 0xDA, 0x00, 0x08, 1, 1, 0, 0, 0x3F, 0,
            0x77, 0xFF, 0xD0, 0x78, 0xFF, 0x00, 0x79,
        ];
        bytes.splice(end..end, second_scan.iter().copied());
        // …and a whole EXIF block appended after the end of the image, as some phones do.
        bytes.extend_from_slice(&[0xFF, 0xE1, 0x00, 0x0A, b'E', b'x', b'i', b'f', 0, 0, b'4', b'0']);
        let (w, h, clean) = super::clean_jpeg(&bytes).unwrap();
        assert_eq!((w, h), (640, 480));
        let text = String::from_utf8_lossy(&clean);
        assert!(!text.contains("Exif") && !text.contains("GPS!"), "{clean:02X?}");
        assert!(clean.ends_with(&[0x77, 0xFF, 0xD0, 0x78, 0xFF, 0x00, 0x79, 0xFF, 0xD9]), "scan data and restarts kept");
        assert!(clean.windows(2).any(|w| w == [0xFF, 0xC4]), "tables between scans kept");
    }

    #[test]
    fn a_picture_without_an_end_or_a_scan_is_damaged() {
        let bytes = jpeg(640, 480, false);
        assert!(super::clean_jpeg(&bytes[..bytes.len() - 2]).is_err());
        let no_scan = [0xFF, 0xD8, 0xFF, 0xC0, 0x00, 0x0B, 8, 1, 0, 1, 0, 1, 1, 0x11, 0, 0xFF, 0xD9];
        assert!(super::clean_jpeg(&no_scan).is_err());
    }

    #[test]
    fn padding_before_a_marker_is_allowed() {
        let mut bytes = jpeg(300, 300, false);
        bytes.insert(2, 0xFF);
        let (w, h, _) = super::clean_jpeg(&bytes).unwrap();
        assert_eq!((w, h), (300, 300));
    }
}
