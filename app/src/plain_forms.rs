//! What every plain form's server function does with a refusal. Our resident and staff pages
//! post forms straight to server functions, so they work before (or without) the WASM: to such a
//! form a refusal is told by redirecting back to its page with a code the page words — an error
//! status would replace the page — while a script calling the same function gets the error.

use crate::error::AppError;

/// A refusal: a plain form (which asks for HTML) is sent back to `page`, which says it; a
/// script gets the error.
pub(crate) async fn back_with_error(page: &str, error: cc_services::ServiceError) -> Result<(), AppError> {
    let headers = leptos_axum::extract::<http::HeaderMap>().await.unwrap_or_default();
    let plain_form = headers.get(http::header::ACCEPT).and_then(|v| v.to_str().ok()).is_some_and(|v| v.contains("text/html"));
    if plain_form {
        leptos_axum::redirect(page);
        Ok(())
    } else {
        Err(error.into())
    }
}

/// What went wrong, as the pages word it: the field to correct, or the refusal's code.
pub(crate) fn problem(error: &cc_services::ServiceError) -> &'static str {
    match error {
        cc_services::ServiceError::Field(field) => field.field,
        other => other.code(),
    }
}

/// The typed text a refused form's page gets back in its address: only when the refusal is
/// about that text (other refusals would refuse it again) and short enough for an address —
/// a long one would pass proxies' header limits, and the address lands in logs and history.
pub(crate) fn typed_back(code: &str, field: &str, text: String) -> Option<String> {
    (code == field && text.len() <= 600).then_some(text)
}

/// Back to `page` (a path without a query), saying what happened at the form `form` (its id):
/// a refusal names the form and brings back what was typed in `typed` (short fields only, never
/// a mobile number: the address lands in logs and history).
pub(crate) async fn back<T>(page: &str, form: &str, typed: &[(&'static str, String)], outcome: Result<T, cc_services::ServiceError>) -> Result<(), AppError> {
    match outcome {
        Ok(_) => {
            leptos_axum::redirect(&format!("{page}?done=1#{form}"));
            Ok(())
        }
        Err(error) => {
            let code = crate::plain_forms::problem(&error);
            let mut pairs = vec![("error", code.to_string()), ("form", form.to_string())];
            pairs.extend(typed.iter().filter(|(_, text)| text.chars().count() <= 200).map(|(field, text)| (*field, text.clone())));
            let to = format!("{page}?{}#{form}", cc_domain::query::query_string(pairs));
            crate::plain_forms::back_with_error(&to, error).await
        }
    }
}
