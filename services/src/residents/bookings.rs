//! Booking, cancelling, and a resident's bookings and tickets.

use cc_domain::booking::{BookingSummary, IdempotencyKey};
use cc_domain::ids::{BookingId, Id, ResidentId, SessionId};
use cc_domain::ticket::TicketSigner;
use cc_store::{AcceptOutcome, BookingAttempt, CancelOutcome, Store};

use crate::ServiceError;

/// A booking made (or, for a repeated key, found): as its holder sees it, and the session's
/// places left right after it.
#[derive(Debug, Clone, PartialEq)]
pub struct Booked {
    pub booking: BookingSummary,
    /// An earlier request with the same idempotency key made it.
    pub replayed: bool,
    pub places_left: i64,
}

/// Books `session` for `resident`: a place if one is left, else a waitlist place if the session
/// keeps one. With a key, a repeated request returns the first one's booking.
pub async fn book(
    store: &Store,
    resident: ResidentId,
    session: SessionId,
    key: Option<&str>,
) -> Result<Booked, ServiceError> {
    let key = key.map(IdempotencyKey::parse).transpose()?;
    let attempt = store.book(resident, session, key.as_ref().map(IdempotencyKey::as_str)).await?;
    match attempt {
        BookingAttempt::Booked { booking, replayed } => {
            let (booking, places_left) =
                store.booked(resident, booking.id).await?.ok_or(ServiceError::NotFound(BookingId::NOUN))?;
            Ok(Booked { booking, replayed, places_left })
        }
        BookingAttempt::Refused(refusal) => Err(ServiceError::Booking(refusal)),
        BookingAttempt::UnknownSession => Err(ServiceError::NotFound(SessionId::NOUN)),
        BookingAttempt::KeyReused => Err(ServiceError::refused(
            422,
            "idempotency_key_reused",
            "这个 Idempotency-Key 已用于另一场次的预约。",
            "This Idempotency-Key was already used to book another session.",
        )),
        BookingAttempt::KeySpent => Err(ServiceError::refused(
            409,
            "booking_cancelled",
            "用这个 Idempotency-Key 做的预约已经取消；如要重新预约，请换一个新的 Key。",
            "The booking made with this Idempotency-Key was cancelled; to book again, send a new key.",
        )),
    }
}

/// Cancels one of the resident's bookings before its session begins; the place goes to the
/// first on the waitlist. Cancelling twice is not an error.
pub async fn cancel(store: &Store, resident: ResidentId, booking: BookingId) -> Result<(), ServiceError> {
    match store.cancel_booking(resident, booking).await? {
        CancelOutcome::Cancelled { .. } | CancelOutcome::AlreadyCancelled => Ok(()),
        CancelOutcome::NotFound => Err(ServiceError::NotFound(BookingId::NOUN)),
        CancelOutcome::TooLate => Err(ServiceError::refused(
            409,
            "too_late",
            "活动已开始或已结束，不能再取消。",
            "The session has begun or is over; the booking can no longer be cancelled.",
        )),
    }
}

/// Accepts the place held for the resident's booking (a late promotion); accepting twice is
/// not an error. Answers the booking, confirmed, with its ticket code.
pub async fn accept(store: &Store, resident: ResidentId, booking: BookingId) -> Result<BookingSummary, ServiceError> {
    match store.accept_offer(resident, booking).await? {
        AcceptOutcome::Accepted | AcceptOutcome::AlreadyConfirmed => self::booking(store, resident, booking).await,
        AcceptOutcome::NotFound => Err(ServiceError::NotFound(BookingId::NOUN)),
        AcceptOutcome::Lapsed => Err(ServiceError::refused(
            409,
            "offer_lapsed",
            "为您保留名额的时间已过，名额已转给下一位候补者。",
            "The time the place was held for you has passed; it went to the next person waiting.",
        )),
        AcceptOutcome::NotOffered => Err(ServiceError::refused(
            409,
            "not_offered",
            "这个预约目前没有待确认的名额。",
            "No place is waiting for this booking to accept it.",
        )),
    }
}

/// The resident's bookings, latest session first.
pub async fn bookings(store: &Store, resident: ResidentId) -> Result<Vec<BookingSummary>, ServiceError> {
    Ok(store.bookings_of(resident).await?)
}

/// One of the resident's bookings; another resident's answers as one that does not exist.
pub async fn booking(
    store: &Store,
    resident: ResidentId,
    booking: BookingId,
) -> Result<BookingSummary, ServiceError> {
    store.booking_of(resident, booking).await?.ok_or(ServiceError::NotFound(BookingId::NOUN))
}

/// The signed token a ticket's QR code carries, while the booking holds a place.
pub async fn ticket_token(
    store: &Store,
    signer: &TicketSigner,
    resident: ResidentId,
    booking: BookingId,
) -> Result<String, ServiceError> {
    let code =
        store.ticket_code_of(resident, booking).await?.ok_or(ServiceError::NotFound("ticket"))?;
    Ok(signer.token(booking.get(), &code))
}
