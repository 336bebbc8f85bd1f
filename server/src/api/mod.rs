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

use axum::Router;

use crate::startup::AppState;
use error::ApiError;
use staff_exports::FileFormat::{Csv, Xlsx};

/// Declares the API's routes once: `ROUTES` (method, path) for the test that holds the OpenAPI
/// document to them, and the router built from the very same lines.
macro_rules! api_routes {
    ($($method:ident $path:literal => $handler:expr $(, layer $layer:expr)?;)*) => {
        /// Every (method, path) the API answers, relative to `/api/v1`.
        pub const ROUTES: &[(&str, &str)] = &[$((stringify!($method), $path)),*];

        fn routes() -> Router<AppState> {
            Router::new()$(.route($path, axum::routing::$method($handler)$(.layer($layer))?))*
        }
    };
}

api_routes! {
    get "/items" => items::list;
    get "/items/{id}" => items::show;
    get "/facilities" => facilities::list;
    get "/facilities/{id}" => facilities::show;
    get "/coverage" => facilities::coverage;
    get "/categories" => reference::categories;
    get "/streets" => reference::streets;
    post "/auth/code" => auth::send_code;
    post "/auth/register" => auth::register;
    post "/auth/login" => auth::login;
    post "/auth/logout" => auth::logout;
    get "/me" => auth::me;
    get "/me/bookings" => bookings::mine;
    post "/sessions/{id}/bookings" => bookings::book;
    get "/bookings/{id}" => bookings::show;
    delete "/bookings/{id}" => bookings::cancel;
    get "/bookings/{id}/ticket.svg" => bookings::ticket_svg;
    get "/bookings/{id}/calendar.ics" => bookings::calendar;
    post "/staff/login" => staff::login;
    post "/staff/login/code" => staff::login_code;
    post "/staff/second-factor" => staff::begin_second_factor;
    post "/staff/second-factor/confirm" => staff::confirm_second_factor;
    post "/staff/logout" => staff::logout;
    get "/staff/me" => staff::me;
    post "/staff/sessions/{id}/checkins" => staff::check_in;
    get "/staff/audit" => staff_audit::list;
    get "/staff/dashboard" => staff_dashboard::show;
    get "/staff/dashboard/stream" => staff_dashboard::stream;
    post "/staff/accounts" => staff::create_account;
    post "/staff/accounts/{id}/disable" => staff::disable_account;
    patch "/staff/facilities/{id}" => staff_items::change_facility;
    put "/staff/standards/{level}" => staff_items::change_standard;
    get "/staff/sessions/{id}/bookings.csv" => |s, p, a| staff_exports::session_bookings(Csv, s, p, a);
    get "/staff/sessions/{id}/bookings.xlsx" => |s, p, a| staff_exports::session_bookings(Xlsx, s, p, a);
    get "/staff/compliance.csv" => |s, a| staff_exports::compliance(Csv, s, a);
    get "/staff/compliance.xlsx" => |s, a| staff_exports::compliance(Xlsx, s, a);
    post "/staff/items" => staff_items::create;
    patch "/staff/sessions/{id}" => staff_items::change_session;
    get "/staff/items/{id}" => staff_items::show_item;
    patch "/staff/items/{id}" => staff_items::edit_item;
    put "/staff/items/{id}/image" => staff_media::put_image,
        layer axum::extract::DefaultBodyLimit::max(staff_media::BODY_LIMIT);
    post "/staff/items/{id}/image" => staff_media::post_image_form,
        layer axum::extract::DefaultBodyLimit::max(staff_media::BODY_LIMIT);
    post "/staff/items/{id}/sessions" => staff_items::add_session;
    post "/staff/items/{id}/transitions" => staff_items::move_item;
    get "/openapi.json" => openapi;
}

/// The v1 routes, to be nested under `/api/v1`; anything else is our 404, every error worded
/// in the caller's language.
pub fn router() -> Router<AppState> {
    routes()
        .fallback(|| async { ApiError::NotFound("route") })
        .layer(axum::middleware::from_fn(error::in_callers_language))
}

/// The OpenAPI 3.1 description of this API.
async fn openapi() -> impl axum::response::IntoResponse {
    ([(http::header::CONTENT_TYPE, "application/json")], include_str!("openapi.json"))
}
