//! API v1 (`/api/v1`): the catalogue and the facility network as open data, resident accounts
//! and bookings, described by
//! `/api/v1/openapi.json`. Handlers only orchestrate: parse, ask the store, answer.

mod auth;
mod bookings;
pub mod dashboard_hub;
pub mod error;
mod facilities;
pub mod health;
mod items;
mod reference;
mod resident;
mod staff;
mod staff_audit;
mod staff_dashboard;
mod staff_exports;
mod staff_items;
pub mod staff_media;

use axum::routing::{get, post};
use axum::Router;

use crate::startup::AppState;
use error::ApiError;
use staff_exports::FileFormat::{Csv, Xlsx};

/// The v1 routes, to be nested under `/api/v1`.
pub fn router() -> Router<AppState> {
    Router::new()
        .route("/items", get(items::list))
        .route("/items/{id}", get(items::show))
        .route("/facilities", get(facilities::list))
        .route("/facilities/{id}", get(facilities::show))
        .route("/coverage", get(facilities::coverage))
        .route("/categories", get(reference::categories))
        .route("/streets", get(reference::streets))
        .route("/auth/code", post(auth::send_code))
        .route("/auth/register", post(auth::register))
        .route("/auth/login", post(auth::login))
        .route("/auth/logout", post(auth::logout))
        .route("/me", get(auth::me))
        .route("/me/bookings", get(bookings::mine))
        .route("/sessions/{id}/bookings", post(bookings::book))
        .route("/bookings/{id}", get(bookings::show).delete(bookings::cancel))
        .route("/bookings/{id}/ticket.svg", get(bookings::ticket_svg))
        .route("/bookings/{id}/calendar.ics", get(bookings::calendar))
        .route("/staff/login", post(staff::login))
        .route("/staff/login/code", post(staff::login_code))
        .route("/staff/second-factor", post(staff::begin_second_factor))
        .route("/staff/second-factor/confirm", post(staff::confirm_second_factor))
        .route("/staff/logout", post(staff::logout))
        .route("/staff/me", get(staff::me))
        .route("/staff/sessions/{id}/checkins", post(staff::check_in))
        .route("/staff/audit", get(staff_audit::list))
        .route("/staff/dashboard", get(staff_dashboard::show))
        .route("/staff/dashboard/stream", get(staff_dashboard::stream))
        .route("/staff/accounts", post(staff::create_account))
        .route("/staff/facilities/{id}", axum::routing::patch(staff_items::change_facility))
        .route("/staff/standards/{level}", axum::routing::put(staff_items::change_standard))
        .route("/staff/accounts/{id}/disable", post(staff::disable_account))
        .route(
            "/staff/sessions/{id}/bookings.csv",
            get(|s, p, a| staff_exports::session_bookings(Csv, s, p, a)),
        )
        .route(
            "/staff/sessions/{id}/bookings.xlsx",
            get(|s, p, a| staff_exports::session_bookings(Xlsx, s, p, a)),
        )
        .route("/staff/compliance.csv", get(|s, a| staff_exports::compliance(Csv, s, a)))
        .route("/staff/compliance.xlsx", get(|s, a| staff_exports::compliance(Xlsx, s, a)))
        .route("/staff/items", post(staff_items::create))
        .route("/staff/sessions/{id}", axum::routing::patch(staff_items::change_session))
        .route("/staff/items/{id}", get(staff_items::show_item).patch(staff_items::edit_item))
        .route(
            "/staff/items/{id}/image",
            axum::routing::put(staff_media::put_image)
                .post(staff_media::post_image_form)
                .layer(axum::extract::DefaultBodyLimit::max(staff_media::BODY_LIMIT)),
        )
        .route("/staff/items/{id}/sessions", post(staff_items::add_session))
        .route("/staff/items/{id}/transitions", post(staff_items::move_item))
        .route("/openapi.json", get(openapi))
        .fallback(|| async { ApiError::NotFound("route") })
        .layer(axum::middleware::from_fn(error::in_callers_language))
}

/// The OpenAPI 3.1 description of this API.
async fn openapi() -> impl axum::response::IntoResponse {
    ([(http::header::CONTENT_TYPE, "application/json")], include_str!("openapi.json"))
}
