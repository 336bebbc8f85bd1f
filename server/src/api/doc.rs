//! The OpenAPI document's frame: title, server, the login cookie, tags, and the words every
//! operation's error answers share. The operations themselves are described where they are
//! handled (`#[utoipa::path]` on each handler), and the router and the document are built from
//! those very lines (see `mod.rs`), so a route cannot exist undescribed.
//!
//! Each error answer's description names, in backticks, every `error.code` it can carry; the
//! HTTP tests hold every answer they receive to that (see `tests/http/conformance.rs`).

use utoipa::openapi::security::{ApiKey, ApiKeyValue, SecurityScheme};
use utoipa::{Modify, OpenApi};

/// The document around the operations.
#[derive(OpenApi)]
#[openapi(
    info(
        title = "Culture Cloud open-data API",
        version = "1.0.0",
        description = "The district's catalogue of public cultural services 公共文化服务目录 with its \
            facility network, residents' bookings and the staff console. Times are RFC 3339 with the district's \
            offset (+08:00). Errors are `{\"error\":{\"code\",\"message\",\"param\"?}}`; each answer \
            names the codes it can carry. Send `Accept-Language: zh` for Chinese messages."
    ),
    servers((url = "/api/v1")),
    modifiers(&CookieLogin),
    tags(
        (name = "catalogue", description = "Published services, facilities and coverage: open data, no login"),
        (name = "accounts", description = "Residents' accounts: SMS code, register, log in"),
        (name = "bookings", description = "A resident's bookings and tickets"),
        (name = "messages", description = "A resident's messages (what happened to their bookings) and how they are told"),
        (name = "demands", description = "Residents' demands: what they want delivered, votes, and staff's answers"),
        (name = "heritage", description = "The intangible-heritage registry: representative projects, their inheritors and places"),
        (name = "fund", description = "The intangible-heritage fund: its yearly calls and support categories"),
        (name = "organisations", description = "Units (protecting units, inheritors' studios, social organisations): registration by their contact person"),
        (name = "plan", description = "The demonstration-zone work plan as the public follows it, and residents' comments to its lead units"),
        (name = "reviews", description = "Residents' reviews of sessions they attended, and items' ratings"),
        (name = "staff", description = "The staff console: login, door check-in, authoring, records, exports"),
        (name = "reference", description = "This document")
    )
)]
pub struct ApiDoc;

/// The login cookie, as `cookieAuth` in operations' `security`.
struct CookieLogin;

impl Modify for CookieLogin {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        let cookie = ApiKeyValue::with_description(
            cc_auth::SESSION_COOKIE,
            "Set by /auth/login, /auth/register or /staff/login",
        );
        components.add_security_scheme("cookieAuth", SecurityScheme::ApiKey(ApiKey::Cookie(cookie)));
    }
}

/// Words shared by many operations' error answers, each naming its `error.code`.
macro_rules! says {
    (unauthenticated) => {
        "`unauthenticated`: nobody is logged in"
    };
    (cross_site) => {
        "`cross_site`: a state-changing call from another site's page (calls must come from this \
         site's pages or a non-browser client)"
    };
    (bad_request) => {
        "`bad_request`: the body is not the JSON this operation takes"
    };
    (too_large) => {
        "`too_large`: the body is larger than this operation accepts"
    };
    (forbidden) => {
        "`forbidden`: outside the staff member's role or scope (the refusal is audited)"
    };
    (bad_field) => {
        "`bad_field`: a field is refused; `param` names it and the message says why"
    };
    (bad_parameter) => {
        "`bad_parameter`: a query parameter is refused; `param` names it and the message says why"
    };
}
