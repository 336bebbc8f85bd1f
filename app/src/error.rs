//! The one error type server functions return, and how each case reads to a resident.

use cc_domain::{Locale, ParamError};
use leptos::server_fn::codec::JsonEncoding;
use leptos::server_fn::error::{FromServerFnError, ServerFnErrorErr};
use serde::{Deserialize, Serialize};

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
