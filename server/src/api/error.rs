//! The API's error policy, written once: `{"error":{"code","message","param"?}}` with the right
//! status, in the caller's language (Accept-Language: zh… gives Chinese, otherwise English).
//! Internal failures are logged here, once, and never described to the caller.
//!
//! Handlers return `Result<_, ApiError>` and never see the language: [`in_callers_language`]
//! wraps every API request and holds the caller's locale for the error to read when it turns
//! into a response (extractor rejections included).

use axum::extract::Request;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::Json;
use cc_domain::{Locale, ParamError};
use http::StatusCode;
use serde::Serialize;

use cc_auth::AccountError;
use cc_domain::account::AccountProblem;

/// Everything an API handler can fail with.
#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    #[error(transparent)]
    BadParam(#[from] ParamError),
    #[error("{0} not found")]
    NotFound(&'static str),
    #[error(transparent)]
    Store(#[from] cc_store::StoreError),
    /// A request body that is not the JSON the endpoint takes.
    #[error("bad body: {0}")]
    BadBody(String),
    /// The resident's account input was refused.
    #[error("account: {0:?}")]
    Account(AccountProblem),
    /// No resident is logged in.
    #[error("not logged in")]
    Unauthenticated,
    /// A use case refused or failed (scope, workflow, fields, bookings, tickets).
    #[error(transparent)]
    Service(#[from] cc_services::ServiceError),
    /// A state change that cannot happen now: (status, code, Chinese, English).
    #[error("conflict: {1}")]
    Conflict(StatusCode, &'static str, &'static str, &'static str),
    /// Anything else that failed on our side.
    #[error(transparent)]
    Internal(#[from] anyhow::Error),
}

impl From<AccountError> for ApiError {
    fn from(e: AccountError) -> Self {
        match e {
            AccountError::Refused(problem) => ApiError::Account(problem),
            AccountError::Failed(e) => ApiError::Internal(e),
        }
    }
}

fn account_status(problem: AccountProblem) -> StatusCode {
    match problem {
        AccountProblem::WrongCredentials | AccountProblem::WrongStaffCredentials => StatusCode::UNAUTHORIZED,
        AccountProblem::AccountDisabled => StatusCode::FORBIDDEN,
        AccountProblem::PhoneTaken => StatusCode::CONFLICT,
        AccountProblem::TooManyAttempts | AccountProblem::CodeSentRecently => StatusCode::TOO_MANY_REQUESTS,
        AccountProblem::Busy => StatusCode::SERVICE_UNAVAILABLE,
        AccountProblem::WrongSecondFactor | AccountProblem::SecondFactorExpired => StatusCode::UNAUTHORIZED,
        _ => StatusCode::BAD_REQUEST,
    }
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
                cc_services::ServiceError::NotFound(what).message(locale),
                None,
            ),
            ApiError::BadBody(detail) => (
                StatusCode::BAD_REQUEST,
                "bad_request",
                match locale {
                    Locale::Zh => format!("请求内容格式不正确：{detail}"),
                    Locale::En => format!("the request body is not valid: {detail}"),
                },
                None,
            ),
            ApiError::Account(problem) => {
                (account_status(*problem), problem.code(), problem.message(locale).to_string(), None)
            }
            ApiError::Unauthenticated => (
                StatusCode::UNAUTHORIZED,
                "unauthenticated",
                locale.pick("请先登录。", "Log in first.").to_string(),
                None,
            ),
            ApiError::Conflict(status, code, zh, en) => {
                (*status, *code, locale.pick(zh, en).to_string(), None)
            }
            ApiError::Store(_)
            | ApiError::Internal(_)
            | ApiError::Service(cc_services::ServiceError::Store(_) | cc_services::ServiceError::Failed(_)) =>
            {
                tracing::error!(error = %self, "failed while answering the API");
                (
                    StatusCode::INTERNAL_SERVER_ERROR,
                    "internal",
                    match locale {
                        Locale::Zh => "服务暂时不可用，请稍后再试".to_string(),
                        Locale::En => "the service is unavailable, please try again later".to_string(),
                    },
                    None,
                )
            }
            ApiError::Service(e) => (
                StatusCode::from_u16(e.status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR),
                e.code(),
                e.message(locale),
                e.param().map(String::from),
            ),
        };
        (status, Json(ErrorBody { error: ErrorDetail { code, message, param } })).into_response()
    }
}

/// Every API error answer: `{"error":{"code","message","param"?}}`.
#[derive(Debug, Serialize, utoipa::ToSchema)]
#[schema(as = Error)]
pub struct ErrorBody {
    pub error: ErrorDetail,
}

/// What went wrong.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct ErrorDetail {
    /// A stable machine-readable code; each operation's answers name the codes they carry.
    pub code: &'static str,
    /// What happened, in the caller's language (`Accept-Language`).
    pub message: String,
    /// The offending parameter or field, with `bad_parameter` and `bad_field`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub param: Option<String>,
}

impl IntoResponse for ApiError {
    /// Worded in the language of the request being answered (English outside one).
    fn into_response(self) -> Response {
        self.into_response_in(caller_locale())
    }
}

tokio::task_local! {
    /// The language of the API request this task is answering.
    static CALLER_LOCALE: Locale;
}

/// The language of the API request being answered (English outside one), for handlers whose
/// answers carry words (a facility's opening hours).
pub fn caller_locale() -> Locale {
    CALLER_LOCALE.try_with(|locale| *locale).unwrap_or(Locale::En)
}

/// Middleware around the API: answers the request with its caller's language at hand, so
/// every error — a handler's or an extractor's — is worded for them.
pub async fn in_callers_language(request: Request, next: Next) -> Response {
    let locale = locale_of(request.headers());
    CALLER_LOCALE.scope(locale, next.run(request)).await
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
