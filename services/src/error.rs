//! Why a use case did not happen, with an HTTP status, a stable code and words for people:
//! one type for every actor, which the API and the server functions both turn into their answer.

use cc_domain::authoring::FieldError;
use cc_domain::booking::BookingRefusal;
use cc_domain::workflow::WorkflowRefusal;
use cc_domain::{Locale, ParamError};

/// What a use case can fail with.
#[derive(Debug, thiserror::Error)]
pub enum ServiceError {
    /// Outside the staff member's role or scope (already audited).
    #[error("forbidden")]
    Forbidden,
    /// No such object — or one the caller may not know exists (another resident's booking).
    #[error("{0} not found")]
    NotFound(&'static str),
    /// A parameter to correct, named.
    #[error(transparent)]
    BadParam(#[from] ParamError),
    /// A booking the resident can act on refusing (full, duplicate, closed, paused).
    #[error("booking refused: {}", .0.code())]
    Booking(BookingRefusal),
    /// A field to correct.
    #[error("field {}", .0.field)]
    Field(FieldError),
    #[error("workflow: {0:?}")]
    Workflow(WorkflowRefusal),
    /// A refusal with its own status and code (a forged ticket, a used one, …).
    #[error("{code}")]
    Refused { status: u16, code: &'static str, zh: String, en: String },
    #[error(transparent)]
    Store(#[from] cc_store::StoreError),
    /// Anything else that failed on our side (hashing, say).
    #[error(transparent)]
    Failed(anyhow::Error),
}

impl ServiceError {
    pub(crate) fn refused(
        status: u16,
        code: &'static str,
        zh: impl Into<String>,
        en: impl Into<String>,
    ) -> Self {
        ServiceError::Refused { status, code, zh: zh.into(), en: en.into() }
    }

    /// A file refused by what its bytes are (or are not): 413 when too large, else 422.
    pub(crate) fn file(problem: cc_domain::fund::AttachmentProblem) -> Self {
        let (zh, en) = problem.words();
        let status = if problem == cc_domain::fund::AttachmentProblem::TooLarge { 413 } else { 422 };
        ServiceError::refused(status, problem.code(), zh, en)
    }

    /// The HTTP status that says it.
    pub fn status(&self) -> u16 {
        match self {
            ServiceError::Forbidden => 403,
            ServiceError::NotFound(_) => 404,
            ServiceError::Field(_) | ServiceError::BadParam(_) => 400,
            ServiceError::Booking(_) => 409,
            ServiceError::Workflow(WorkflowRefusal::RoleMayNot) => 403,
            ServiceError::Workflow(WorkflowRefusal::NotFrom(_)) => 409,
            ServiceError::Workflow(WorkflowRefusal::CommentRequired) => 422,
            ServiceError::Refused { status, .. } => *status,
            ServiceError::Store(_) | ServiceError::Failed(_) => 500,
        }
    }

    /// The API's `error.code`.
    pub fn code(&self) -> &'static str {
        match self {
            ServiceError::Forbidden => "forbidden",
            ServiceError::NotFound(_) => "not_found",
            ServiceError::Field(_) => "bad_field",
            ServiceError::BadParam(_) => "bad_parameter",
            ServiceError::Booking(refusal) => refusal.code(),
            ServiceError::Workflow(refusal) => refusal.code(),
            ServiceError::Refused { code, .. } => code,
            ServiceError::Store(_) | ServiceError::Failed(_) => "internal",
        }
    }

    /// What the staff member reads (store failures are worded by the caller, which logs them).
    pub fn message(&self, locale: Locale) -> String {
        match self {
            ServiceError::Forbidden => {
                locale.pick("这不在您的管理范围内。", "This is outside what your account may manage.").into()
            }
            ServiceError::NotFound(what) => match locale {
                Locale::Zh => match *what {
                    "booking" => "没有找到这条预约。",
                    "session" => "没有找到这个场次。",
                    "item" => "没有找到这项服务。",
                    "facility" => "没有找到这个场馆。",
                    "ticket" => "没有找到这张票。",
                    _ => "请求的资源不存在。",
                }
                .into(),
                Locale::En => format!("No such {what}."),
            },
            ServiceError::BadParam(e) => e.message(locale),
            ServiceError::Booking(refusal) => refusal.message(locale),
            ServiceError::Field(e) => e.message(locale),
            ServiceError::Workflow(refusal) => refusal.message(locale),
            ServiceError::Refused { zh, en, .. } => locale.pick(zh, en).into(),
            ServiceError::Store(_) | ServiceError::Failed(_) => locale
                .pick("服务暂时不可用，请稍后再试。", "The service is unavailable; try again later.")
                .into(),
        }
    }

    /// The field or parameter to correct, if that is the problem.
    pub fn param(&self) -> Option<&str> {
        match self {
            ServiceError::Field(e) => Some(e.field),
            ServiceError::BadParam(e) => Some(&e.param),
            _ => None,
        }
    }
}
