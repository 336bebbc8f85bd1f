//! Booking endpoints: book a session, cancel, list mine, a ticket's QR code and calendar file.

use axum::extract::{Path, State};
use axum::response::{IntoResponse, Response};
use axum::Json;
use cc_domain::booking::{upcoming_and_past, BookingStatus};
use cc_domain::calendar::ics_event;
use cc_domain::ticket::{qr_svg, TicketSigner};
use cc_domain::time::{local, now};
use cc_domain::{ParamError, ParamProblem};
use cc_store::{BookingAttempt, CancelOutcome, Store};
use http::{header, HeaderMap, HeaderValue, StatusCode};

use super::error::{respond, ApiError};
use super::resident::Resident;

/// The longest idempotency key accepted (a UUID is 36).
const MAX_KEY_LEN: usize = 128;

fn id_param(text: &str, name: &str) -> Result<i64, ApiError> {
    text.parse::<i64>()
        .ok()
        .filter(|id| *id > 0)
        .ok_or_else(|| ParamError { param: name.into(), problem: ParamProblem::NotAPositiveNumber }.into())
}

fn idempotency_key(headers: &HeaderMap) -> Result<Option<String>, ApiError> {
    let Some(value) = headers.get("idempotency-key") else { return Ok(None) };
    let key = value.to_str().map(str::trim).unwrap_or("");
    if key.is_empty() || key.len() > MAX_KEY_LEN {
        return Err(ApiError::BadBody(format!(
            "Idempotency-Key must be 1 to {MAX_KEY_LEN} visible ASCII characters"
        )));
    }
    Ok(Some(key.to_string()))
}

/// `POST /sessions/{id}/bookings`: 201 confirmed, 202 waitlisted, 409 full/duplicate/closed/paused.
pub async fn book(
    State(store): State<Store>,
    headers: HeaderMap,
    Path(session): Path<String>,
    resident: Result<Resident, ApiError>,
) -> Response {
    let result = async {
        let Resident(resident) = resident?;
        let session = id_param(&session, "id")?;
        let key = idempotency_key(&headers)?;
        match store.book(resident, session, key.as_deref()).await? {
            BookingAttempt::Booked { booking, replayed } => {
                let summary =
                    store.booking_of(resident, booking.id).await?.ok_or(ApiError::NotFound("booking"))?;
                let status = match summary.status {
                    BookingStatus::Waitlisted => StatusCode::ACCEPTED,
                    _ => StatusCode::CREATED,
                };
                let location = format!("/api/v1/bookings/{}", summary.id);
                let mut response = (status, Json(summary)).into_response();
                let headers = response.headers_mut();
                headers.insert(header::LOCATION, HeaderValue::from_str(&location).expect("ascii path"));
                if replayed {
                    headers.insert("idempotent-replayed", HeaderValue::from_static("true"));
                }
                Ok(response)
            }
            BookingAttempt::Refused(refusal) => Err(ApiError::Booking(refusal)),
            BookingAttempt::UnknownSession => Err(ApiError::NotFound("session")),
            BookingAttempt::KeyReused => Err(ApiError::Conflict(
                StatusCode::UNPROCESSABLE_ENTITY,
                "idempotency_key_reused",
                "这个 Idempotency-Key 已用于另一场次的预约。",
                "This Idempotency-Key was already used to book another session.",
            )),
            BookingAttempt::KeySpent => Err(ApiError::Conflict(
                StatusCode::CONFLICT,
                "booking_cancelled",
                "用这个 Idempotency-Key 做的预约已经取消；如要重新预约，请换一个新的 Key。",
                "The booking made with this Idempotency-Key was cancelled; to book again, send a new key.",
            )),
        }
    };
    respond(&headers, result.await)
}

/// `DELETE /bookings/{id}`: 204 (also when already cancelled); 404 for anyone else's booking.
pub async fn cancel(
    State(store): State<Store>,
    headers: HeaderMap,
    Path(id): Path<String>,
    resident: Result<Resident, ApiError>,
) -> Response {
    let result = async {
        let Resident(resident) = resident?;
        match store.cancel_booking(resident, id_param(&id, "id")?).await? {
            CancelOutcome::Cancelled { .. } | CancelOutcome::AlreadyCancelled => Ok(StatusCode::NO_CONTENT),
            CancelOutcome::NotFound => Err(ApiError::NotFound("booking")),
            CancelOutcome::TooLate => Err(ApiError::Conflict(
                StatusCode::CONFLICT,
                "too_late",
                "活动已开始或已结束，不能再取消。",
                "The session has begun or is over; the booking can no longer be cancelled.",
            )),
        }
    };
    respond(&headers, result.await)
}

/// `GET /me/bookings`: upcoming first (soonest first), then past (latest first).
pub async fn mine(
    State(store): State<Store>,
    headers: HeaderMap,
    resident: Result<Resident, ApiError>,
) -> Response {
    let result = async {
        let (upcoming, past) = upcoming_and_past(store.bookings_of(resident?.0).await?, now());
        Ok(Json(serde_json::json!({ "upcoming": upcoming, "past": past })))
    };
    respond(&headers, result.await)
}

/// `GET /bookings/{id}`: one of my bookings.
pub async fn show(
    State(store): State<Store>,
    headers: HeaderMap,
    Path(id): Path<String>,
    resident: Result<Resident, ApiError>,
) -> Response {
    let result = async {
        let booking = store.booking_of(resident?.0, id_param(&id, "id")?).await?;
        booking.map(Json).ok_or(ApiError::NotFound("booking"))
    };
    respond(&headers, result.await)
}

/// `GET /bookings/{id}/ticket.svg`: the signed ticket as a QR code, while the booking holds a place.
pub async fn ticket_svg(
    State(store): State<Store>,
    State(signer): State<TicketSigner>,
    headers: HeaderMap,
    Path(id): Path<String>,
    resident: Result<Resident, ApiError>,
) -> Response {
    let result = async {
        let id = id_param(&id, "id")?;
        let code = store.ticket_code_of(resident?.0, id).await?.ok_or(ApiError::NotFound("ticket"))?;
        let svg = qr_svg(&signer.token(id, &code));
        Ok(([(header::CONTENT_TYPE, "image/svg+xml"), (header::CACHE_CONTROL, "private, no-store")], svg))
    };
    respond(&headers, result.await)
}

/// `GET /bookings/{id}/calendar.ics`: the session as a calendar event.
pub async fn calendar(
    State(store): State<Store>,
    headers: HeaderMap,
    Path(id): Path<String>,
    resident: Result<Resident, ApiError>,
) -> Response {
    let result = async {
        let b = store
            .booking_of(resident?.0, id_param(&id, "id")?)
            .await?
            .ok_or(ApiError::NotFound("booking"))?;
        let location = format!("{} {}", b.facility_name, b.facility_address);
        let description = match &b.code {
            Some(code) => format!("石景山公共文化云预约 · 票码 {code} · 入场请出示二维码"),
            None => format!("石景山公共文化云预约 · {}", b.status.label(cc_domain::Locale::Zh)),
        };
        let uid = format!("booking-{}@culture-cloud", b.id);
        let ics =
            ics_event(&uid, b.starts_at, b.ends_at, &b.item_title, &location, &description, local(now()));
        let disposition = format!("attachment; filename=\"booking-{}.ics\"", b.id);
        Ok((
            [
                (header::CONTENT_TYPE, "text/calendar; charset=utf-8".to_string()),
                (header::CONTENT_DISPOSITION, disposition),
            ],
            ics,
        ))
    };
    respond(&headers, result.await)
}
