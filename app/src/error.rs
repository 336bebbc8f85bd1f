//! The one error type server functions return, and how each case reads to a resident.

use cc_domain::{Locale, ParamError};
use leptos::server_fn::codec::JsonEncoding;
use leptos::server_fn::error::{FromServerFnError, ServerFnErrorErr};
use serde::{Deserialize, Serialize};

use cc_domain::account::AccountProblem;

use crate::i18n::account::account_strings;
use crate::i18n::islands::island_strings;

/// What can go wrong behind a page. Details of internal failures stay in the server log.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, thiserror::Error)]
pub enum AppError {
    /// A filter or parameter the resident can correct.
    #[error("{0}")]
    BadParam(ParamError),
    /// The database or another dependency failed; logged where it happened.
    #[error("internal error")]
    Internal,
    /// The request never reached the server function, or its answer could not be read.
    #[error("request failed: {0}")]
    Transport(String),
    /// Account input refused (wrong code, weak password, wrong credentials, throttled).
    #[error("account: {0:?}")]
    Account(AccountProblem),
    /// The page needs a logged-in resident.
    #[error("login required")]
    LoginRequired,
    /// The session or booking does not exist (or is someone else's).
    #[error("not found")]
    NotFound,
    /// Refused for a reason the person can act on (a booking refusal, a staff action's scope,
    /// workflow, field or ticket), worded on the server in both languages: the browser needs
    /// no rules, dates or tables to show it.
    #[error("refused: {code}")]
    Refused { status: u16, code: String, zh: String, en: String },
}

impl FromServerFnError for AppError {
    type Encoder = JsonEncoding;

    fn from_server_fn_error(value: ServerFnErrorErr) -> Self {
        AppError::Transport(value.to_string())
    }

    /// Serialises the error for the browser — worded on the server in both languages, so the
    /// browser needs none of the rules, dates or tables behind it — and, on the server, sets
    /// the response's status to what the error means (a refusal is not a server failure).
    fn ser(&self) -> leptos::server_fn::Bytes {
        #[cfg(feature = "ssr")]
        if let Some(response) = leptos::prelude::use_context::<leptos_axum::ResponseOptions>() {
            response.set_status(http::StatusCode::from_u16(self.status()).unwrap_or(http::StatusCode::INTERNAL_SERVER_ERROR));
        }
        let wire = Wire {
            status: self.status(),
            code: self.code().to_string(),
            zh: self.message(Locale::Zh),
            en: self.message(Locale::En),
        };
        serde_json::to_vec(&wire).map(Into::into).unwrap_or_default()
    }

    /// Reads what `ser` wrote.
    fn de(data: leptos::server_fn::Bytes) -> Self {
        match serde_json::from_slice::<Wire>(&data) {
            Ok(wire) => AppError::from(wire),
            Err(e) => AppError::Transport(e.to_string()),
        }
    }
}

/// An error as it crosses to the browser.
#[derive(Serialize, Deserialize)]
struct Wire {
    status: u16,
    code: String,
    zh: String,
    en: String,
}

impl From<Wire> for AppError {
    /// In the browser every error is the words the server sent, and its code.
    fn from(wire: Wire) -> Self {
        AppError::Refused { status: wire.status, code: wire.code, zh: wire.zh, en: wire.en }
    }
}

impl AppError {
    /// A stable machine-readable code.
    pub fn code(&self) -> &str {
        match self {
            AppError::BadParam(_) => "bad_parameter",
            AppError::Internal => "internal",
            AppError::Transport(_) => "transport",
            AppError::Account(problem) => problem.code(),
            AppError::LoginRequired => "login_required",
            AppError::NotFound => "not_found",
            AppError::Refused { code, .. } => code,
        }
    }

    /// The HTTP status this error answers with.
    pub fn status(&self) -> u16 {
        use cc_domain::account::AccountProblem as P;
        match self {
            AppError::BadParam(_) | AppError::Transport(_) => 400,
            AppError::Internal => 500,
            AppError::Account(P::WrongCredentials | P::WrongStaffCredentials) => 401,
            AppError::Account(P::WrongSecondFactor | P::SecondFactorExpired) => 401,
            AppError::Account(P::Busy) => 503,
            AppError::Account(P::AccountDisabled) => 403,
            AppError::Account(P::PhoneTaken) => 409,
            AppError::Account(P::TooManyAttempts | P::CodeSentRecently) => 429,
            AppError::Account(_) => 400,
            AppError::LoginRequired => 401,
            AppError::NotFound => 404,
            AppError::Refused { status, .. } => *status,
        }
    }

    /// Whether a login is what is missing (on the server the variant, in the browser its code).
    pub fn needs_login(&self) -> bool {
        self.code() == "login_required"
    }

    /// The sentence an island shows: the server's words, or — when the request never reached
    /// it — that the service is unavailable. Cheaper than `message`, which carries every rule's
    /// wording into the browser bundle.
    pub fn text(&self, locale: Locale) -> String {
        match self {
            AppError::Refused { zh, en, .. } => locale.pick(zh, en).to_string(),
            _ => island_strings(locale).error_body.to_string(),
        }
    }

    /// A sentence for the resident, in their language.
    pub fn message(&self, locale: Locale) -> String {
        match self {
            AppError::BadParam(e) => e.message(locale),
            AppError::Internal | AppError::Transport(_) => island_strings(locale).error_body.to_string(),
            AppError::Account(problem) => problem.message(locale).to_string(),
            AppError::LoginRequired => account_strings(locale).login_required.to_string(),
            AppError::NotFound => account_strings(locale).booking_not_found.to_string(),
            AppError::Refused { zh, en, .. } => locale.pick(zh, en).to_string(),
        }
    }
}

#[cfg(feature = "ssr")]
impl From<cc_store::StoreError> for AppError {
    /// Logs the failure once, here at the boundary, and hides its details from the page.
    fn from(err: cc_store::StoreError) -> Self {
        tracing::error!(error = %err, "storage failed while serving a page");
        AppError::Internal
    }
}

impl From<ParamError> for AppError {
    fn from(err: ParamError) -> Self {
        AppError::BadParam(err)
    }
}

#[cfg(feature = "ssr")]
impl From<cc_auth::AccountError> for AppError {
    fn from(err: cc_auth::AccountError) -> Self {
        match err {
            cc_auth::AccountError::Refused(problem) => AppError::Account(problem),
            cc_auth::AccountError::Failed(e) => AppError::from(e),
        }
    }
}

#[cfg(feature = "ssr")]
impl From<cc_services::ServiceError> for AppError {
    fn from(err: cc_services::ServiceError) -> Self {
        match err {
            cc_services::ServiceError::Store(e) => AppError::from(e),
            cc_services::ServiceError::BadParam(e) => AppError::BadParam(e),
            cc_services::ServiceError::Failed(e) => AppError::from(e),
            other => AppError::Refused {
                status: other.status(),
                code: other.code().to_string(),
                zh: other.message(Locale::Zh),
                en: other.message(Locale::En),
            },
        }
    }
}

#[cfg(feature = "ssr")]
impl From<anyhow::Error> for AppError {
    /// Logs the failure once, here at the boundary.
    fn from(err: anyhow::Error) -> Self {
        tracing::error!(error = %err, "failed while serving a page");
        AppError::Internal
    }
}
