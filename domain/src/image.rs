//! Pictures staff upload for a service: only JPEG and PNG, recognised by their bytes (never by
//! the name or the declared type), of a sensible size, and stored without their metadata — a
//! phone's photo carries the place it was taken in its EXIF block.

use serde::{Deserialize, Serialize};

/// The largest upload accepted.
pub const MAX_IMAGE_BYTES: usize = 5 * 1024 * 1024;
/// The smallest and largest side in pixels.
const MIN_SIDE: u32 = 200;
const MAX_SIDE: u32 = 8000;

/// The kinds of picture accepted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum ImageKind {
    Jpeg,
    Png,
}

impl ImageKind {
    /// The type to serve it with.
    pub fn content_type(self) -> &'static str {
        match self {
            ImageKind::Jpeg => "image/jpeg",
            ImageKind::Png => "image/png",
        }
    }

    /// The file extension it is served with.
    pub fn extension(self) -> &'static str {
        match self {
            ImageKind::Jpeg => "jpg",
            ImageKind::Png => "png",
        }
    }

    /// The kind a stored content type names.
    pub fn from_content_type(text: &str) -> Option<ImageKind> {
        match text {
            "image/jpeg" => Some(ImageKind::Jpeg),
            "image/png" => Some(ImageKind::Png),
            _ => None,
        }
    }
}

/// What is wrong with an upload.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum ImageProblem {
    #[error("empty upload")]
    Empty,
    #[error("larger than 5 MB")]
    TooLarge,
    #[error("not a JPEG or PNG picture")]
    UnknownType,
    #[error("the picture is damaged")]
    Damaged,
    #[error("each side must be 200 to 8000 pixels")]
    BadSize,
}

impl ImageProblem {
    /// A stable code for the API.
    pub fn code(self) -> &'static str {
        match self {
            ImageProblem::Empty => "empty",
            ImageProblem::TooLarge => "too_large",
            ImageProblem::UnknownType => "unsupported_type",
            ImageProblem::Damaged => "damaged",
            ImageProblem::BadSize => "bad_dimensions",
        }
    }

    /// The problem a code names (the console page gets it back in its address).
    pub fn from_code(code: &str) -> Option<ImageProblem> {
        [Self::Empty, Self::TooLarge, Self::UnknownType, Self::Damaged, Self::BadSize]
            .into_iter()
            .find(|p| p.code() == code)
    }

    /// The message in Chinese (the English one is `Display`).
    pub fn zh(self) -> &'static str {
        match self {
            ImageProblem::Empty => "没有收到图片",
            ImageProblem::TooLarge => "图片不能超过5MB",
            ImageProblem::UnknownType => "只支持JPEG或PNG图片",
            ImageProblem::Damaged => "图片已损坏，无法读取",
            ImageProblem::BadSize => "图片每边应在200到8000像素之间",
        }
    }
}

/// A checked picture, its metadata removed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Image {
    pub kind: ImageKind,
    pub width: u32,
    pub height: u32,
    pub bytes: Vec<u8>,
}

impl Image {
    /// Recognises the picture by its bytes, reads its size, and drops its metadata.
    pub fn parse(bytes: &[u8]) -> Result<Image, ImageProblem> {
        if bytes.is_empty() {
            return Err(ImageProblem::Empty);
        }
        if bytes.len() > MAX_IMAGE_BYTES {
            return Err(ImageProblem::TooLarge);
        }
        let (kind, (width, height, bytes)) = if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
            (ImageKind::Jpeg, crate::image_format::clean_jpeg(bytes)?)
        } else if bytes.starts_with(crate::image_format::PNG_SIGNATURE) {
            (ImageKind::Png, crate::image_format::clean_png(bytes)?)
        } else {
            return Err(ImageProblem::UnknownType);
        };
        if !(MIN_SIDE..=MAX_SIDE).contains(&width) || !(MIN_SIDE..=MAX_SIDE).contains(&height) {
            return Err(ImageProblem::BadSize);
        }
        Ok(Image { kind, width, height, bytes })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::image_format::tests::{jpeg, png};

    #[test]
    fn a_jpeg_loses_its_exif_and_keeps_its_picture() {
        let image = Image::parse(&jpeg(640, 480, true)).unwrap();
        assert_eq!((image.kind, image.width, image.height), (ImageKind::Jpeg, 640, 480));
        assert!(!image.bytes.windows(4).any(|w| w == b"Exif"), "EXIF left in");
        assert_eq!(image.bytes, jpeg(640, 480, false));
    }

    #[test]
    fn a_png_loses_its_text_chunks() {
        let image = Image::parse(&png(300, 200, true)).unwrap();
        assert_eq!((image.kind, image.width, image.height), (ImageKind::Png, 300, 200));
        assert_eq!(image.bytes, png(300, 200, false));
    }

    #[test]
    fn other_files_are_refused_whatever_they_claim() {
        assert_eq!(Image::parse(b"<svg onload=alert(1)>"), Err(ImageProblem::UnknownType));
        assert_eq!(Image::parse(b"GIF89a......"), Err(ImageProblem::UnknownType));
        assert_eq!(Image::parse(b""), Err(ImageProblem::Empty));
    }

    #[test]
    fn sizes_outside_the_limits_are_refused() {
        assert_eq!(Image::parse(&png(100, 300, false)), Err(ImageProblem::BadSize));
        assert_eq!(Image::parse(&jpeg(9000, 300, false)), Err(ImageProblem::BadSize));
        let mut huge = png(300, 300, false);
        huge.resize(MAX_IMAGE_BYTES + 1, 0);
        assert_eq!(Image::parse(&huge), Err(ImageProblem::TooLarge));
    }

    #[test]
    fn cut_off_pictures_are_damaged() {
        let whole = jpeg(640, 480, true);
        assert_eq!(Image::parse(&whole[..40]), Err(ImageProblem::Damaged));
        let whole = png(300, 200, false);
        assert_eq!(Image::parse(&whole[..30]), Err(ImageProblem::Damaged));
    }
}
