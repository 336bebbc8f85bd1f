//! Booking endpoints: book a session, cancel, list mine, a ticket's QR code and calendar file.
//! The rules are `cc_services::residents`'; these extract, call and serialise.

use axum::extract::State;
use axum::response::{IntoResponse, Response};
use axum::Json;
use cc_domain::booking::{upcoming_and_past, BookingStatus};
use cc_domain::calendar::ics_event;
use cc_domain::ids::{BookingId, SessionId};
use cc_domain::ticket::{qr_svg, TicketSigner};
use cc_domain::time::{local, now};
use cc_services::residents;
use cc_store::Store;
use http::{header, HeaderMap, HeaderValue, StatusCode};

use super::error::ApiError;
use super::resident::{PathId, Resident};

/// `POST /sessions/{id}/bookings`: 201 confirmed, 202 waitlisted, 409 full/duplicate/closed/paused.
pub async fn book(
    State(store): State<Store>,
    Resident(resident): Resident,
    PathId(session): PathId<SessionId>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    // A key that is not text is refused like an empty one.
    let key = headers.get("idempotency-key").map(|v| v.to_str().unwrap_or_default());
    let booked = residents::book(&store, resident, session, key).await?;
    let status = match booked.booking.status {
        BookingStatus::Waitlisted => StatusCode::ACCEPTED,
        _ => StatusCode::CREATED,
    };
    let location = format!("/api/v1/bookings/{}", booked.booking.id);
    let mut response = (status, Json(booked.booking)).into_response();
    let headers = response.headers_mut();
    headers.insert(header::LOCATION, HeaderValue::from_str(&location).expect("an ascii path"));
    if booked.replayed {
        headers.insert("idempotent-replayed", HeaderValue::from_static("true"));
    }
    Ok(response)
}

/// `DELETE /bookings/{id}`: 204 (also when already cancelled); 404 for anyone else's booking.
pub async fn cancel(
    State(store): State<Store>,
    Resident(resident): Resident,
    PathId(booking): PathId<BookingId>,
) -> Result<StatusCode, ApiError> {
    residents::cancel(&store, resident, booking).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// `GET /me/bookings`: upcoming first (soonest first), then past (latest first).
pub async fn mine(
    State(store): State<Store>,
    Resident(resident): Resident,
) -> Result<impl IntoResponse, ApiError> {
    let (upcoming, past) = upcoming_and_past(residents::bookings(&store, resident).await?, now());
    Ok(Json(serde_json::json!({ "upcoming": upcoming, "past": past })))
}

/// `GET /bookings/{id}`: one of my bookings.
pub async fn show(
    State(store): State<Store>,
    Resident(resident): Resident,
    PathId(booking): PathId<BookingId>,
) -> Result<impl IntoResponse, ApiError> {
    Ok(Json(residents::booking(&store, resident, booking).await?))
}

/// `GET /bookings/{id}/ticket.svg`: the signed ticket as a QR code, while the booking holds a place.
pub async fn ticket_svg(
    State(store): State<Store>,
    State(signer): State<TicketSigner>,
    Resident(resident): Resident,
    PathId(booking): PathId<BookingId>,
) -> Result<impl IntoResponse, ApiError> {
    let svg = qr_svg(&residents::ticket_token(&store, &signer, resident, booking).await?);
    Ok(([(header::CONTENT_TYPE, "image/svg+xml"), (header::CACHE_CONTROL, "private, no-store")], svg))
}

/// `GET /bookings/{id}/calendar.ics`: the session as a calendar event.
pub async fn calendar(
    State(store): State<Store>,
    Resident(resident): Resident,
    PathId(booking): PathId<BookingId>,
) -> Result<impl IntoResponse, ApiError> {
    let b = residents::booking(&store, resident, booking).await?;
    let location = format!("{} {}", b.facility_name, b.facility_address);
    let description = match &b.code {
        Some(code) => format!("石景山公共文化云预约 · 票码 {code} · 入场请出示二维码"),
        None => format!("石景山公共文化云预约 · {}", b.status.label(cc_domain::Locale::Zh)),
    };
    let uid = format!("booking-{}@culture-cloud", b.id);
    let ics = ics_event(&uid, b.starts_at, b.ends_at, &b.item_title, &location, &description, local(now()));
    let disposition = format!("attachment; filename=\"booking-{}.ics\"", b.id);
    Ok((
        [
            (header::CONTENT_TYPE, "text/calendar; charset=utf-8".to_string()),
            (header::CONTENT_DISPOSITION, disposition),
        ],
        ics,
    ))
}
