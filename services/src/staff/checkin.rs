//! Letting ticket holders in at the door.

use cc_domain::booking::typed_ticket_code;
use cc_domain::door::{door_timing, DoorTiming};
use cc_domain::ids::{BookingId, SessionId};
use cc_domain::ticket::TicketSigner;
use cc_domain::time::{local, now};
use cc_store::{CheckInOutcome, Store};
use serde_json::json;

use super::{refuse, Actor};
use crate::ServiceError;

/// A successful check-in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckedIn {
    pub booking_id: i64,
    /// Who was let in: the holder's mobile number, masked (138****5678), for the door to say.
    pub holder: String,
}

/// Checks in `ticket` — a scanned token (`CC1.…`, signature checked) or a typed code — at
/// `session`, for staff whose street or facilities hold it, from two hours before the start
/// until the end. Single use.
pub async fn check_in(
    store: &Store,
    signer: &TicketSigner,
    actor: &Actor,
    SessionId(session): SessionId,
    ticket: &str,
) -> Result<CheckedIn, ServiceError> {
    let place = store.session_place(SessionId(session)).await?.ok_or(ServiceError::NotFound("session"))?;
    let mut entry = actor.audit("check_in", "session", Some(session));
    if !actor.member.scope.can_check_in_at(place) {
        return refuse(store, entry).await;
    }
    // The ticket first: a forged or mistyped one is told as such whatever the time.
    let ticket = ticket.trim();
    let (code, booking_id) = if ticket.to_ascii_uppercase().starts_with("CC1.") {
        let claim = signer.verify(ticket).ok_or_else(|| {
            ServiceError::refused(
                400,
                "invalid_ticket",
                "电子票签名无效：票可能是伪造的或已损坏。",
                "The ticket's signature is not valid: it is forged or damaged.",
            )
        })?;
        (claim.code, Some(claim.booking_id))
    } else if let Some(code) = typed_ticket_code(ticket) {
        // A typed code is unsigned: look it up now, so a made-up one is not told "too early".
        match store.ticket_session(&code).await? {
            None => return Err(unknown_ticket()),
            Some(at) if at.0 != session => return Err(other_session()),
            Some(_) => (code, None),
        }
    } else {
        return Err(unknown_ticket());
    };
    let (starts_at, ends_at) =
        store.session_times(SessionId(session)).await?.ok_or(ServiceError::NotFound("session"))?;
    match door_timing(starts_at, ends_at, now()) {
        DoorTiming::Open => {}
        DoorTiming::TooEarly { opens_at } => {
            // Dates read as on every other page: 12月4日 08:00 / 4 Dec 08:00.
            let at = local(opens_at);
            return Err(ServiceError::refused(
                409,
                "too_early",
                format!("还没到签到时间：本场次 {} 开始签到。", at.format("%-m月%-d日 %H:%M")),
                format!("Too early: check-in for this session opens at {}.", at.format("%-d %b %H:%M")),
            ));
        }
        DoorTiming::Over => {
            return Err(ServiceError::refused(
                409,
                "session_over",
                "本场次已结束，不能再签到。",
                "This session has ended.",
            ))
        }
    }
    let booking = booking_id.map(BookingId);
    match store.check_in(SessionId(session), &code, booking, actor.member.id).await? {
        CheckInOutcome::CheckedIn { booking_id, phone } => {
            entry.object_type = "booking".into();
            entry.object_id = Some(booking_id.0);
            entry.before = Some(json!({ "status": "confirmed" }).to_string());
            entry.after = Some(json!({ "status": "attended", "session_id": session }).to_string());
            store.append_audit(&entry).await?;
            Ok(CheckedIn { booking_id: booking_id.0, holder: cc_domain::account::mask_phone(&phone) })
        }
        CheckInOutcome::AlreadyCheckedIn { at, .. } => {
            let at = local(at).format("%H:%M");
            Err(ServiceError::refused(
                409,
                "already_checked_in",
                format!("这张票已于 {at} 签到，不能重复使用。"),
                format!("This ticket was already checked in at {at}."),
            ))
        }
        CheckInOutcome::OtherSession => Err(other_session()),
        CheckInOutcome::NoPlace(_) => Err(ServiceError::refused(
            409,
            "no_place",
            "这张票没有有效名额（已取消、仍在候补或候补名额尚未确认）。",
            "This ticket holds no place (cancelled, still waitlisted, or an offered place not yet accepted).",
        )),
        CheckInOutcome::Unknown => Err(unknown_ticket()),
    }
}

fn other_session() -> ServiceError {
    ServiceError::refused(409, "other_session", "这张票属于另一场次。", "This ticket is for another session.")
}

fn unknown_ticket() -> ServiceError {
    ServiceError::refused(
        404,
        "unknown_ticket",
        "没有这张票，请核对票码。",
        "No ticket has this code; check it again.",
    )
}

/// A session's line and the bookings holding its places, for staff who may check people in
/// there (numbers are for the caller to mask).
pub async fn door_list(
    store: &Store,
    actor: &Actor,
    SessionId(session): SessionId,
) -> Result<(cc_store::ConsoleSession, Vec<cc_store::DoorEntry>), ServiceError> {
    let line = store.console_session(SessionId(session)).await?.ok_or(ServiceError::NotFound("session"))?;
    let place = cc_domain::staff::Place { facility_id: line.facility_id, street_id: line.street_id };
    if !actor.member.scope.can_check_in_at(place) {
        return refuse(store, actor.audit("read_door_list", "session", Some(session))).await;
    }
    Ok((line, store.door_list(SessionId(session)).await?))
}
