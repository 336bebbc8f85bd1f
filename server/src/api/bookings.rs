//! Booking endpoints: book a session, cancel, list mine, a ticket's QR code and calendar file.
//! The rules are `cc_services::residents`'; these extract, call and serialise.

use axum::extract::State;
use axum::response::{IntoResponse, Response};
use axum::Json;
use cc_domain::booking::{upcoming_and_past, BookingStatus, BookingSummary};
use cc_domain::calendar::ics_event;
use cc_domain::ids::{BookingId, SessionId};
use cc_domain::ticket::{qr_svg, TicketSigner};
use cc_domain::time::{local, now};
use cc_services::residents;
use cc_store::Store;
use http::{header, HeaderMap, HeaderValue, StatusCode};
use serde::Serialize;
use utoipa::ToSchema;

use super::error::{ApiError, ErrorBody};
use super::resident::{PathId, Resident};

/// A resident's bookings.
#[derive(Serialize, ToSchema)]
pub struct MyBookings {
    /// Sessions still to come, soonest first.
    upcoming: Vec<BookingSummary>,
    /// Sessions over or bookings ended, latest first.
    past: Vec<BookingSummary>,
}

/// `POST /sessions/{id}/bookings`: 201 confirmed, 202 waitlisted, 409 full/duplicate/closed/paused.
#[utoipa::path(
    post, path = "/sessions/{id}/bookings", operation_id = "book_session", tag = "bookings",
    summary = "Book a place in a session (or a waitlist place when it is full)",
    security(("cookieAuth" = [])),
    params(
        ("id" = i64, Path, description = "The session's id", minimum = 1),
        ("Idempotency-Key" = Option<String>, Header, pattern = "^[!-~]{1,128}$",
            description = "Repeating a request with the same key returns the first request's booking (with `Idempotent-Replayed: true`)"),
    ),
    responses(
        (status = 201, description = "Confirmed: a place is held", body = BookingSummary,
            headers(("Location" = String, description = "The booking's address")),
            links(
                ("booking" = (operation_id = "get_booking", parameters(("id" = "$response.body#/id")))),
                ("cancel" = (operation_id = "cancel_booking", parameters(("id" = "$response.body#/id")))),
                ("ticket" = (operation_id = "get_ticket", parameters(("id" = "$response.body#/id")))),
                ("calendar" = (operation_id = "get_calendar_event", parameters(("id" = "$response.body#/id")))),
            ),),
        (status = 202, description = "Waitlisted: promoted when a place frees up — at once, or close to the start offered for a while (`status` `offered`, `offered_until`; accept it with `accept_offer`)", body = BookingSummary,
            headers(("Location" = String, description = "The booking's address")),
            links(
                ("booking" = (operation_id = "get_booking", parameters(("id" = "$response.body#/id")))),
                ("cancel" = (operation_id = "cancel_booking", parameters(("id" = "$response.body#/id")))),
                ("ticket" = (operation_id = "get_ticket", parameters(("id" = "$response.body#/id")))),
                ("calendar" = (operation_id = "get_calendar_event", parameters(("id" = "$response.body#/id")))),
            ),),
        (status = 400, description = "`bad_parameter`: the Idempotency-Key is not 1 to 128 visible ASCII characters (`param` Idempotency-Key)", body = ErrorBody),
        (status = 401, description = says!(unauthenticated), body = ErrorBody),
        (status = 403, description = says!(cross_site), body = ErrorBody),
        (status = 404, description = "`not_found`: no published session has this id", body = ErrorBody),
        (status = 409, description = "`full` (no places, no waitlist), `duplicate` (already booked or waiting), `closed` (outside the booking window or cancelled), `paused` (the no-show rule; the message says until when), `booking_cancelled` (this Idempotency-Key's booking was cancelled since)", body = ErrorBody),
        (status = 422, description = "`idempotency_key_reused`: the key was used for another session", body = ErrorBody),
    )
)]
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
#[utoipa::path(
    delete, path = "/bookings/{id}", operation_id = "cancel_booking", tag = "bookings",
    summary = "Cancel one of my bookings before its session starts; the place goes to the first on the waitlist",
    security(("cookieAuth" = [])),
    params(("id" = i64, Path, description = "The booking's id", minimum = 1)),
    responses(
        (status = 204, description = "Cancelled (also when it already was)"),
        (status = 401, description = says!(unauthenticated), body = ErrorBody),
        (status = 403, description = says!(cross_site), body = ErrorBody),
        (status = 404, description = "`not_found`: no booking of mine has this id", body = ErrorBody),
        (status = 409, description = "`too_late`: the session has begun, or the booking was attended or missed", body = ErrorBody),
    )
)]
pub async fn cancel(
    State(store): State<Store>,
    Resident(resident): Resident,
    PathId(booking): PathId<BookingId>,
) -> Result<StatusCode, ApiError> {
    residents::cancel(&store, resident, booking).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// `POST /bookings/{id}/accept`: accepts a place held for me (a late promotion from the waitlist).
#[utoipa::path(
    post, path = "/bookings/{id}/accept", operation_id = "accept_offer", tag = "bookings",
    summary = "Accept the place held for one of my waitlisted bookings close to the start (it passes on if not accepted in time)",
    security(("cookieAuth" = [])),
    params(("id" = i64, Path, description = "The booking's id", minimum = 1)),
    responses(
        (status = 200, description = "Accepted (also when it already was): the booking, confirmed, with its ticket code", body = BookingSummary,
            links(("ticket" = (operation_id = "get_ticket", parameters(("id" = "$response.body#/id")))))),
        (status = 401, description = says!(unauthenticated), body = ErrorBody),
        (status = 403, description = says!(cross_site), body = ErrorBody),
        (status = 404, description = "`not_found`: no booking of mine has this id", body = ErrorBody),
        (status = 409, description = "`offer_lapsed`: the hold ended and the place went to the next in line; `not_offered`: no place is held for this booking", body = ErrorBody),
    )
)]
pub async fn accept(
    State(store): State<Store>,
    Resident(resident): Resident,
    PathId(booking): PathId<BookingId>,
) -> Result<Json<BookingSummary>, ApiError> {
    Ok(Json(residents::accept(&store, resident, booking).await?))
}

/// `GET /me/bookings`: upcoming first (soonest first), then past (latest first).
#[utoipa::path(
    get, path = "/me/bookings", operation_id = "list_my_bookings", tag = "bookings",
    summary = "My bookings: upcoming (soonest first) and past (latest first)",
    security(("cookieAuth" = [])),
    responses(
        (status = 200, description = "Bookings", body = MyBookings),
        (status = 401, description = says!(unauthenticated), body = ErrorBody),
    )
)]
pub async fn mine(
    State(store): State<Store>,
    Resident(resident): Resident,
) -> Result<Json<MyBookings>, ApiError> {
    let (upcoming, past) = upcoming_and_past(residents::bookings(&store, resident).await?, now());
    Ok(Json(MyBookings { upcoming, past }))
}

/// `GET /bookings/{id}`: one of my bookings.
#[utoipa::path(
    get, path = "/bookings/{id}", operation_id = "get_booking", tag = "bookings",
    summary = "One of my bookings",
    security(("cookieAuth" = [])),
    params(("id" = i64, Path, description = "The booking's id", minimum = 1)),
    responses(
        (status = 200, description = "The booking", body = BookingSummary),
        (status = 401, description = says!(unauthenticated), body = ErrorBody),
        (status = 404, description = "`not_found`: no booking of mine has this id (another resident's booking is a 404 too)", body = ErrorBody),
    )
)]
pub async fn show(
    State(store): State<Store>,
    Resident(resident): Resident,
    PathId(booking): PathId<BookingId>,
) -> Result<Json<BookingSummary>, ApiError> {
    Ok(Json(residents::booking(&store, resident, booking).await?))
}

/// `GET /bookings/{id}/ticket.svg`: the signed ticket as a QR code, while the booking holds a place.
#[utoipa::path(
    get, path = "/bookings/{id}/ticket.svg", operation_id = "get_ticket", tag = "bookings",
    summary = "The ticket: the signed token as a QR code",
    security(("cookieAuth" = [])),
    params(("id" = i64, Path, description = "The booking's id", minimum = 1)),
    responses(
        (status = 200, description = "An SVG QR code at least 280 px wide", content_type = "image/svg+xml", body = String),
        (status = 401, description = says!(unauthenticated), body = ErrorBody),
        (status = 404, description = "`not_found`: no booking of mine holding a place has this id", body = ErrorBody),
    )
)]
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
#[utoipa::path(
    get, path = "/bookings/{id}/calendar.ics", operation_id = "get_calendar_event", tag = "bookings",
    summary = "The session as an iCalendar event (add to calendar)",
    security(("cookieAuth" = [])),
    params(("id" = i64, Path, description = "The booking's id", minimum = 1)),
    responses(
        (status = 200, description = "An .ics file", content_type = "text/calendar", body = String),
        (status = 401, description = says!(unauthenticated), body = ErrorBody),
        (status = 404, description = "`not_found`: no booking of mine has this id", body = ErrorBody),
    )
)]
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
