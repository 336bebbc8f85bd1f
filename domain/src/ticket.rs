//! Tickets: the signed token a confirmed booking shows at the door as a QR code.
//!
//! The token is `CC1.<booking id>.<code>.<signature>`, all in QR "alphanumeric" characters (digits,
//! capitals, `.`) so the code stays small and easy to scan. The signature is HMAC-SHA256 with the
//! server's secret over everything before it, so staff can check a ticket offline and nobody can
//! make one by guessing a booking id.

use hmac::{Hmac, Mac};
use sha2::Sha256;

const PREFIX: &str = "CC1";
/// Training tickets (`CT1.<enrolment id>.<code>.<signature>`): the same signature, another
/// prefix, so a resident's ticket never opens a training session's door or the other way round.
const TRAINING_PREFIX: &str = "CT1";
/// Bytes of the MAC kept in the token: 128 bits cannot be forged by trying.
const SIGNATURE_BYTES: usize = 16;

/// Signs and checks ticket tokens with one server secret.
#[derive(Clone)]
pub struct TicketSigner {
    secret: Vec<u8>,
}

impl std::fmt::Debug for TicketSigner {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("TicketSigner(…)")
    }
}

/// What a valid token names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TicketClaim {
    pub booking_id: i64,
    pub code: String,
}

impl TicketSigner {
    /// A signer over `secret` (at least 32 bytes of it should be random).
    pub fn new(secret: &[u8]) -> TicketSigner {
        TicketSigner { secret: secret.to_vec() }
    }

    /// The token for a booking and its ticket code.
    pub fn token(&self, booking_id: i64, code: &str) -> String {
        self.token_with(PREFIX, booking_id, code)
    }

    /// Checks a scanned or typed token; `None` when it is malformed or the signature is wrong.
    pub fn verify(&self, token: &str) -> Option<TicketClaim> {
        self.verify_with(PREFIX, token)
    }

    /// The token for a training enrolment and its code.
    pub fn training_token(&self, enrolment_id: i64, code: &str) -> String {
        self.token_with(TRAINING_PREFIX, enrolment_id, code)
    }

    /// Checks a training ticket's token (its claim's `booking_id` is the enrolment's id).
    pub fn verify_training(&self, token: &str) -> Option<TicketClaim> {
        self.verify_with(TRAINING_PREFIX, token)
    }

    /// Whether `text` looks like a training token at all (signed or not).
    pub fn is_training_token(text: &str) -> bool {
        text.trim().to_ascii_uppercase().starts_with("CT1.")
    }

    fn token_with(&self, prefix: &str, id: i64, code: &str) -> String {
        let body = format!("{prefix}.{id}.{}", code.to_ascii_uppercase());
        format!("{body}.{}", self.signature(&body))
    }

    fn verify_with(&self, expected_prefix: &str, token: &str) -> Option<TicketClaim> {
        let token = token.trim().to_ascii_uppercase();
        let (body, signature) = token.rsplit_once('.')?;
        let mut parts = body.split('.');
        let (prefix, id, code) = (parts.next()?, parts.next()?, parts.next()?);
        if prefix != expected_prefix || parts.next().is_some() {
            return None;
        }
        let expected = decode_hex(signature)?;
        let mut mac = self.mac();
        mac.update(body.as_bytes());
        mac.verify_truncated_left(&expected).ok()?;
        Some(TicketClaim { booking_id: id.parse().ok()?, code: code.to_string() })
    }

    fn mac(&self) -> Hmac<Sha256> {
        Hmac::<Sha256>::new_from_slice(&self.secret).expect("HMAC takes a key of any length")
    }

    fn signature(&self, body: &str) -> String {
        let mut mac = self.mac();
        mac.update(body.as_bytes());
        let bytes = mac.finalize().into_bytes();
        bytes[..SIGNATURE_BYTES].iter().map(|b| format!("{b:02X}")).collect()
    }
}

fn decode_hex(text: &str) -> Option<Vec<u8>> {
    if text.len() != SIGNATURE_BYTES * 2 || !text.is_ascii() {
        return None;
    }
    (0..text.len()).step_by(2).map(|i| u8::from_str_radix(&text[i..i + 2], 16).ok()).collect()
}

/// The token as an SVG QR code, at least 280 px wide with a quiet zone: big enough for a door
/// scanner or a phone camera at arm's length.
pub fn qr_svg(token: &str) -> String {
    use qrcode::render::svg;
    use qrcode::{EcLevel, QrCode};
    let code = QrCode::with_error_correction_level(token.as_bytes(), EcLevel::M)
        .expect("a ticket token always fits a QR code");
    code.render::<svg::Color<'_>>()
        .min_dimensions(280, 280)
        .quiet_zone(true)
        .dark_color(svg::Color("#000000"))
        .light_color(svg::Color("#ffffff"))
        .build()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn signer() -> TicketSigner {
        TicketSigner::new(b"a test secret that is long enough to sign with")
    }

    #[test]
    fn a_token_verifies_and_names_its_booking() {
        let token = signer().token(42, "k7m2x9q4w8zt");
        assert!(token.starts_with("CC1.42.K7M2X9Q4W8ZT."), "{token}");
        let claim = signer().verify(&token).unwrap();
        assert_eq!(claim, TicketClaim { booking_id: 42, code: "K7M2X9Q4W8ZT".into() });
        assert_eq!(signer().verify(&token.to_lowercase()), Some(claim), "typed in lower case");
    }

    #[test]
    fn forged_and_altered_tokens_are_refused() {
        let token = signer().token(42, "K7M2X9Q4W8ZT");
        assert_eq!(signer().verify(&token.replace("CC1.42.", "CC1.43.")), None);
        assert_eq!(TicketSigner::new(b"another secret").verify(&token), None);
        assert_eq!(signer().verify("CC1.42.K7M2X9Q4W8ZT"), None);
        assert_eq!(signer().verify("garbage"), None);
    }

    #[test]
    fn training_and_residents_tickets_never_open_each_others_doors() {
        let training = signer().training_token(42, "K7M2X9Q4W8ZT");
        assert!(training.starts_with("CT1.42.K7M2X9Q4W8ZT."), "{training}");
        assert_eq!(signer().verify_training(&training).map(|c| c.booking_id), Some(42));
        assert_eq!(signer().verify(&training), None);
        assert_eq!(signer().verify_training(&signer().token(42, "K7M2X9Q4W8ZT")), None);
        assert!(TicketSigner::is_training_token(" ct1.42.x.y"));
    }

    #[test]
    fn the_qr_code_is_an_svg_of_scannable_size() {
        let svg = qr_svg(&signer().token(42, "K7M2X9Q4W8ZT"));
        assert!(svg.contains("<svg") && svg.contains("width=\""), "{}", &svg[..80]);
        let width: u32 = svg.split("width=\"").nth(1).unwrap().split('"').next().unwrap().parse().unwrap();
        assert!(width >= 280, "width {width}");
    }
}
