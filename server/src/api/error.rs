//! The API's error policy, written once: `{"error":{"code","message"}}` with the right status,
//! in the caller's language (Accept-Language: zh… gives Chinese, otherwise English).
//! Internal failures are logged here, once, and never described to the caller.

use axum::response::{IntoResponse, Response};
use axum::Json;
use cc_domain::{Locale, ParamError};
use http::StatusCode;
use serde_json::json;

/// Everything an API handler can fail with.
#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    #[error(transparent)]
    BadParam(#[from] ParamError),
    #[error("{0} not found")]
    NotFound(&'static str),
    #[error(transparent)]
    Store(#[from] cc_store::StoreError),
}

impl ApiError {
    /// The error as a response, worded for `locale`.
    pub fn into_response_in(self, locale: Locale) -> Response {
        let (status, code, message, param) = match &self {
            ApiError::BadParam(e) => {
                (StatusCode::BAD_REQUEST, "bad_parameter", e.message(locale), Some(e.param.clone()))
            }
            ApiError::NotFound(what) => (
                StatusCode::NOT_FOUND,
                "not_found",
                match locale {
                    Locale::Zh => "请求的资源不存在".to_string(),
                    Locale::En => format!("no such {what}"),
                },
                None,
            ),
            ApiError::Store(e) => {
                tracing::error!(error = %e, "storage failed while answering the API");
                (
                    StatusCode::INTERNAL_SERVER_ERROR,
                    "internal",
                    match locale {
                        Locale::Zh => "服务暂时不可用,请稍后再试".to_string(),
                        Locale::En => "the service is unavailable, please try again later".to_string(),
                    },
                    None,
                )
            }
        };
        let mut error = json!({ "code": code, "message": message });
        if let Some(param) = param {
            error["param"] = json!(param);
        }
        (status, Json(json!({ "error": error }))).into_response()
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        self.into_response_in(Locale::En)
    }
}

/// The caller's language from `Accept-Language`; English unless Chinese comes first.
pub fn locale_of(headers: &http::HeaderMap) -> Locale {
    let first = headers
        .get(http::header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split(',').next())
        .unwrap_or("en");
    if first.trim().to_ascii_lowercase().starts_with("zh") {
        Locale::Zh
    } else {
        Locale::En
    }
}

/// Runs a handler body and words its error for the caller.
pub fn respond<T: IntoResponse>(headers: &http::HeaderMap, result: Result<T, ApiError>) -> Response {
    match result {
        Ok(ok) => ok.into_response(),
        Err(err) => err.into_response_in(locale_of(headers)),
    }
}
