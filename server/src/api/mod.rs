//! API v1 (`/api/v1`): the catalogue and the facility network as open data, resident accounts
//! and bookings, and the staff console, described by `/api/v1/openapi.json`. Handlers only
//! extract, call the use cases (`cc-services`) or the store's reads, and serialise.
//!
//! Each handler carries its own description (`#[utoipa::path]`), and [`routes`] registers the
//! handlers through `utoipa_axum::routes!`, which reads the method and path from that
//! description: the router and the document are built from the same lines and cannot drift.

#[macro_use]
mod doc;
mod auth;
mod bookings;
pub mod dashboard_hub;
pub mod error;
mod demands;
mod evaluation;
mod feeds;
mod fund;
mod fund_applications;
mod fund_money;
mod fund_notice;
mod fund_review;
mod staff_fund;
mod heritage;
mod organisations;
mod plan;
mod facilities;
pub mod health;
mod items;
mod messages;
mod reference;
mod resident;
mod reviews;
mod staff;
mod staff_audit;
mod staff_dashboard;
mod staff_exports;
mod staff_items;
mod staff_sessions;
mod training;
mod vocabulary;
pub mod staff_media;

use std::sync::LazyLock;

use axum::extract::DefaultBodyLimit;
use axum::Router;
use utoipa::OpenApi;
use utoipa_axum::router::{OpenApiRouter, UtoipaMethodRouterExt};
use utoipa_axum::routes;

use crate::startup::AppState;
use error::ApiError;

/// Every operation, registered with its description.
fn routes() -> OpenApiRouter<AppState> {
    let pictures = DefaultBodyLimit::max(staff_media::BODY_LIMIT);
    OpenApiRouter::with_openapi(doc::ApiDoc::openapi())
        .routes(routes!(items::list))
        .routes(routes!(items::show))
        .routes(routes!(facilities::list))
        .routes(routes!(facilities::show))
        .routes(routes!(facilities::coverage))
        .routes(routes!(reference::categories))
        .routes(routes!(reference::audiences))
        .routes(routes!(reference::streets))
        .routes(routes!(auth::send_code))
        .routes(routes!(auth::register))
        .routes(routes!(auth::reset))
        .routes(routes!(auth::login))
        .routes(routes!(auth::logout))
        .routes(routes!(auth::who_am_i))
        .routes(routes!(bookings::mine))
        .routes(routes!(bookings::book))
        .routes(routes!(bookings::show, bookings::cancel))
        .routes(routes!(bookings::accept))
        .routes(routes!(reviews::write, reviews::change))
        .routes(routes!(reviews::of_item))
        .routes(routes!(reviews::to_moderate))
        .routes(routes!(reviews::hide))
        .routes(routes!(demands::list, demands::raise))
        .routes(routes!(demands::vote))
        .routes(routes!(demands::map))
        .routes(routes!(demands::answer))
        .routes(routes!(demands::merge))
        .routes(routes!(heritage::list))
        .routes(routes!(heritage::show))
        .routes(routes!(heritage::places))
        .routes(routes!(heritage::create))
        .routes(routes!(heritage::update))
        .routes(routes!(heritage::add_image).layer(DefaultBodyLimit::max(staff_media::BODY_LIMIT)))
        .routes(routes!(heritage::link_item))
        .routes(routes!(organisations::register, organisations::mine, organisations::resubmit))
        .routes(routes!(organisations::list))
        .routes(routes!(organisations::decide))
        .routes(routes!(fund::calls))
        .routes(routes!(fund::categories))
        .routes(routes!(fund::create_category))
        .routes(routes!(fund::update_category))
        .routes(routes!(fund::create_call))
        .routes(routes!(fund::update_call))
        .routes(routes!(fund_applications::start, fund_applications::mine))
        .routes(routes!(fund_applications::show, fund_applications::save))
        .routes(routes!(fund_applications::submit))
        .routes(routes!(fund_applications::withdraw))
        .routes(routes!(fund_applications::attach).layer(DefaultBodyLimit::max(fund_applications::BODY_LIMIT)))
        .routes(routes!(fund_applications::attach_form).layer(DefaultBodyLimit::max(fund_applications::BODY_LIMIT)))
        .routes(routes!(fund_applications::download, fund_applications::detach))
        .routes(routes!(staff_fund::applications))
        .routes(routes!(staff_fund::application))
        .routes(routes!(staff_fund::return_application))
        .routes(routes!(staff_fund::download))
        .routes(routes!(fund_review::criteria))
        .routes(routes!(fund_review::replace_criteria))
        .routes(routes!(fund_review::board))
        .routes(routes!(fund_review::start))
        .routes(routes!(fund_review::add_experts))
        .routes(routes!(fund_review::propose))
        .routes(routes!(fund_review::assignments))
        .routes(routes!(fund_review::assignment))
        .routes(routes!(fund_review::declare))
        .routes(routes!(fund_review::score))
        .routes(routes!(fund_review::download))
        .routes(routes!(fund_notice::awards))
        .routes(routes!(fund_notice::awards_xlsx))
        .routes(routes!(fund_notice::object))
        .routes(routes!(fund_notice::decline))
        .routes(routes!(fund_notice::publish))
        .routes(routes!(fund_notice::answer))
        .routes(routes!(fund_notice::finalise))
        .routes(routes!(fund_money::agreement))
        .routes(routes!(fund_money::payment))
        .routes(routes!(fund_money::acceptance))
        .routes(routes!(fund_money::clawback))
        .routes(routes!(fund_money::report))
        .routes(routes!(evaluation::show))
        .routes(routes!(evaluation::xlsx))
        .routes(routes!(evaluation::indicators, evaluation::set_indicators))
        .routes(routes!(plan::tasks))
        .routes(routes!(plan::public_file))
        .routes(routes!(plan::comment))
        .routes(routes!(plan::staff_tasks))
        .routes(routes!(plan::staff_task, plan::change))
        .routes(routes!(plan::add_milestone))
        .routes(routes!(plan::complete))
        .routes(routes!(plan::add_evidence))
        .routes(routes!(plan::add_file).layer(DefaultBodyLimit::max(fund_applications::BODY_LIMIT)))
        .routes(routes!(plan::add_file_form).layer(DefaultBodyLimit::max(fund_applications::BODY_LIMIT)))
        .routes(routes!(plan::staff_file))
        .routes(routes!(plan::comments))
        .routes(routes!(plan::decide))
        .routes(routes!(vocabulary::list, vocabulary::add, vocabulary::order))
        .routes(routes!(vocabulary::change, vocabulary::delete))
        .routes(routes!(training::courses, training::create_course))
        .routes(routes!(training::course))
        .routes(routes!(training::add_session))
        .routes(routes!(training::enrol))
        .routes(routes!(training::cancel))
        .routes(routes!(training::check_in))
        .routes(routes!(training::door_list))
        .routes(routes!(training::mine))
        .routes(routes!(training::hours))
        .routes(routes!(training::ticket_qr))
        .routes(routes!(bookings::ticket_svg))
        .routes(routes!(bookings::calendar))
        .routes(routes!(feeds::street))
        .routes(routes!(feeds::facility))
        .routes(routes!(feeds::category))
        .routes(routes!(feeds::mine))
        .routes(routes!(feeds::address))
        .routes(routes!(feeds::reset))
        .routes(routes!(messages::inbox))
        .routes(routes!(messages::mark_read))
        .routes(routes!(messages::mark_all_read))
        .routes(routes!(messages::settings, messages::save_settings))
        .routes(routes!(staff::login))
        .routes(routes!(staff::login_code))
        .routes(routes!(staff::begin_second_factor))
        .routes(routes!(staff::confirm_second_factor))
        .routes(routes!(staff::logout))
        .routes(routes!(staff::me))
        .routes(routes!(staff::check_in))
        .routes(routes!(staff::create_account))
        .routes(routes!(staff::disable_account))
        .routes(routes!(staff_audit::list))
        .routes(routes!(staff_dashboard::show))
        .routes(routes!(staff_dashboard::stream))
        .routes(routes!(staff_items::change_facility))
        .routes(routes!(staff_items::change_standard))
        .routes(routes!(staff_exports::session_bookings_csv))
        .routes(routes!(staff_exports::session_bookings_xlsx))
        .routes(routes!(staff_exports::compliance_csv))
        .routes(routes!(staff_exports::compliance_xlsx))
        .routes(routes!(staff_items::create))
        .routes(routes!(staff_sessions::change_session))
        .routes(routes!(staff_sessions::cancel_session))
        .routes(routes!(staff_items::show_item, staff_items::edit_item))
        .routes(routes!(staff_media::put_image, staff_media::post_image_form).layer(pictures))
        .routes(routes!(staff_items::add_session))
        .routes(routes!(staff_items::move_item))
        .routes(routes!(openapi))
}

/// The v1 routes, to be nested under `/api/v1`; anything else is our 404, every error worded
/// in the caller's language.
pub fn router() -> Router<AppState> {
    let (router, _) = routes().split_for_parts();
    router
        .fallback(|| async { ApiError::NotFound("route") })
        .layer(axum::middleware::from_fn(error::in_callers_language))
}

/// The OpenAPI 3.1 document of this API, as JSON: generated once, from the same registrations
/// as the router.
pub fn document() -> &'static str {
    static DOCUMENT: LazyLock<String> = LazyLock::new(|| {
        let (_, api) = routes().split_for_parts();
        api.to_pretty_json().expect("the document is JSON")
    });
    &DOCUMENT
}

/// The OpenAPI 3.1 description of this API.
#[utoipa::path(
    get, path = "/openapi.json", operation_id = "get_openapi", tag = "reference",
    summary = "This document",
    responses((status = 200, description = "The OpenAPI 3.1 description of this API", body = Object))
)]
async fn openapi() -> impl axum::response::IntoResponse {
    ([(http::header::CONTENT_TYPE, "application/json")], document())
}
