//! The one error type server functions return, and how each case reads to a resident.

use cc_domain::{Locale, ParamError};
use leptos::server_fn::codec::JsonEncoding;
use leptos::server_fn::error::{FromServerFnError, ServerFnErrorErr};
use serde::{Deserialize, Serialize};

use cc_domain::account::AccountProblem;
use cc_domain::booking::BookingRefusal;

use crate::i18n::account::account_strings;
use crate::i18n::strings;

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
    /// A booking refused for a reason the resident can act on.
    #[error("booking: {0:?}")]
    Booking(BookingRefusal),
    /// The page needs a logged-in resident.
    #[error("login required")]
    LoginRequired,
    /// The session or booking does not exist (or is someone else's).
    #[error("not found")]
    NotFound,
    /// The session has begun: the booking can no longer be cancelled.
    #[error("too late")]
    TooLate,
    /// A staff action refused (scope, workflow, a field, a ticket), already worded.
    #[error("staff: {code}")]
    Staff { code: String, zh: String, en: String },
}

impl FromServerFnError for AppError {
    type Encoder = JsonEncoding;

    fn from_server_fn_error(value: ServerFnErrorErr) -> Self {
        AppError::Transport(value.to_string())
    }
}

impl AppError {
    /// A sentence for the resident, in their language.
    pub fn message(&self, locale: Locale) -> String {
        match self {
            AppError::BadParam(e) => e.message(locale),
            AppError::Internal | AppError::Transport(_) => strings(locale).error_body.to_string(),
            AppError::Account(problem) => problem.message(locale).to_string(),
            AppError::Booking(refusal) => refusal.message(locale),
            AppError::LoginRequired => account_strings(locale).login_required.to_string(),
            AppError::NotFound => account_strings(locale).booking_not_found.to_string(),
            AppError::TooLate => account_strings(locale).too_late_to_cancel.to_string(),
            AppError::Staff { zh, en, .. } => locale.pick(zh, en).to_string(),
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
impl From<cc_console::ConsoleError> for AppError {
    fn from(err: cc_console::ConsoleError) -> Self {
        match err {
            cc_console::ConsoleError::Store(e) => AppError::from(e),
            cc_console::ConsoleError::Failed(e) => AppError::from(e),
            other => AppError::Staff {
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
