//! Why a staff action did not happen, with an HTTP status, a stable code and words for people.

use cc_domain::authoring::FieldError;
use cc_domain::workflow::WorkflowRefusal;
use cc_domain::Locale;

/// What a staff action can fail with.
#[derive(Debug, thiserror::Error)]
pub enum ConsoleError {
    /// Outside the staff member's role or scope (already audited).
    #[error("forbidden")]
    Forbidden,
    #[error("{0} not found")]
    NotFound(&'static str),
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

impl ConsoleError {
    pub(crate) fn refused(
        status: u16,
        code: &'static str,
        zh: impl Into<String>,
        en: impl Into<String>,
    ) -> Self {
        ConsoleError::Refused { status, code, zh: zh.into(), en: en.into() }
    }

    /// The HTTP status that says it.
    pub fn status(&self) -> u16 {
        match self {
            ConsoleError::Forbidden => 403,
            ConsoleError::NotFound(_) => 404,
            ConsoleError::Field(_) => 400,
            ConsoleError::Workflow(WorkflowRefusal::RoleMayNot) => 403,
            ConsoleError::Workflow(WorkflowRefusal::NotFrom(_)) => 409,
            ConsoleError::Workflow(WorkflowRefusal::CommentRequired) => 422,
            ConsoleError::Refused { status, .. } => *status,
            ConsoleError::Store(_) | ConsoleError::Failed(_) => 500,
        }
    }

    /// The API's `error.code`.
    pub fn code(&self) -> &'static str {
        match self {
            ConsoleError::Forbidden => "forbidden",
            ConsoleError::NotFound(_) => "not_found",
            ConsoleError::Field(_) => "bad_field",
            ConsoleError::Workflow(refusal) => refusal.code(),
            ConsoleError::Refused { code, .. } => code,
            ConsoleError::Store(_) | ConsoleError::Failed(_) => "internal",
        }
    }

    /// What the staff member reads (store failures are worded by the caller, which logs them).
    pub fn message(&self, locale: Locale) -> String {
        match self {
            ConsoleError::Forbidden => {
                locale.pick("这不在您的管理范围内。", "This is outside what your account may manage.").into()
            }
            ConsoleError::NotFound(_) => locale.pick("没有找到。", "Not found.").into(),
            ConsoleError::Field(e) => e.message(locale),
            ConsoleError::Workflow(refusal) => refusal.message(locale),
            ConsoleError::Refused { zh, en, .. } => locale.pick(zh, en).into(),
            ConsoleError::Store(_) | ConsoleError::Failed(_) => locale
                .pick("服务暂时不可用，请稍后再试。", "The service is unavailable; try again later.")
                .into(),
        }
    }

    /// The field to correct, if that is the problem.
    pub fn field(&self) -> Option<&'static str> {
        match self {
            ConsoleError::Field(e) => Some(e.field),
            _ => None,
        }
    }
}
