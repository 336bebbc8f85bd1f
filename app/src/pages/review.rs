//! `/me/bookings/{id}/review`: the resident reviews a session they attended — stars and a few
//! words — or changes their review within a week. The form posts straight to its server
//! function (no script needed); a refusal comes back with what was typed.

use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

use crate::components::status::{ErrorNotice, Loading};
use crate::components::text_area::TextArea;
use crate::error::AppError;
use crate::i18n::account::account_page_strings;
use crate::i18n::date_time;
use crate::i18n::reviews::{review_error, review_strings, stars_text};
use crate::prefs::use_prefs;
use crate::review_fns::{my_review, ReviewPage, SaveMyReview};

/// The page.
#[component]
pub fn ReviewFormPage() -> impl IntoView {
    let prefs = use_prefs();
    let r = move || review_strings(prefs.lang());
    let params = use_params_map();
    let id = Memo::new(move |_| params.with(|p| p.get("id").and_then(|s| s.parse::<i64>().ok())));
    let page = Resource::new(move || id.get(), |id| async move {
        match id {
            Some(id) => my_review(id).await.map(Some),
            None => Ok(None),
        }
    });
    view! {
        <Title text=move || r().form_title/>
        <section class="review-page">
            <p class="breadcrumb"><a href="/me/bookings">{move || r().back}</a></p>
            <h1>{move || r().form_title}</h1>
            <Suspense fallback=Loading>
                {move || Suspend::new(async move {
                    match page.await {
                        Ok(Some(page)) => view! { <ReviewForm page/> }.into_any(),
                        Ok(None) | Err(AppError::NotFound) => view! { <ErrorNotice error=AppError::NotFound/> }.into_any(),
                        Err(AppError::LoginRequired) => view! {
                            <p><a href="/login?next=/me/bookings">{account_page_strings(prefs.lang()).nav_login}</a></p>
                        }.into_any(),
                        Err(error) => view! { <ErrorNotice error/> }.into_any(),
                    }
                })}
            </Suspense>
        </section>
    }
}

#[component]
fn ReviewForm(page: ReviewPage) -> impl IntoView {
    let prefs = use_prefs();
    let r = review_strings(prefs.lang());
    let query = use_query_map();
    let asked = |key: &str| query.with_untracked(|q| q.get(key));
    let saved = asked("saved").is_some();
    let error = asked("error").and_then(|code| review_error(prefs.lang(), &code));
    // After a refusal the form shows what was typed; otherwise the review as it stands.
    let stars = asked("stars").and_then(|s| s.parse::<i64>().ok()).filter(|s| (1..=5).contains(s))
        .or(page.review.as_ref().map(|review| review.stars));
    let comment = asked("comment").or(page.review.as_ref().and_then(|review| review.comment.clone())).unwrap_or_default();
    let b = &page.booking;
    view! {
        <p class="review-of">
            <a href=format!("/items/{}", b.item_id)>{b.item_title.clone()}</a>
            " · " {date_time(prefs.lang(), &b.starts_at)}
        </p>
        {saved.then(|| view! { <p class="notice" role="status" data-testid="review-saved">{r.saved}</p> })}
        {error.map(|text| view! { <p class="form-error" role="alert" data-testid="review-error">{text}</p> })}
        {page.hidden_reason.clone().map(|reason| view! { <p class="notice notice-error">{r.hidden}{reason}</p> })}
        {match (page.editable, &page.review) {
            (true, _) => view! {
                <form method="post" action=SaveMyReview::url() class="review-form" data-testid="review-form">
                    <input type="hidden" name="booking_id" value=b.id.0/>
                    <fieldset class="stars-input">
                        <legend>{r.stars_label}</legend>
                        {(1..=5).rev().map(|n| view! {
                            <label>
                                <input type="radio" name="stars" value=n required checked=stars == Some(n)/>
                                <span aria-hidden="true">{stars_text(n)}</span>
                                <span class="visually-hidden">{format!("{n}/5")}</span>
                            </label>
                        }).collect_view()}
                    </fieldset>
                    <label class="field">
                        <span>{r.comment_label}</span>
                        <TextArea name="comment" value=comment maxlength=500/>
                    </label>
                    <p class="hint">{r.comment_hint}</p>
                    <button type="submit" class="primary" data-testid="save-review">{r.save}</button>
                </form>
            }.into_any(),
            (false, Some(review)) => view! {
                <p class="review-head"><span class="stars">{stars_text(review.stars)}</span></p>
                {review.comment.clone().map(|c| view! { <p class="review-comment">{c}</p> })}
                {page.hidden_reason.is_none().then(|| view! { <p class="hint">{r.closed}</p> })}
            }.into_any(),
            (false, None) => view! { <p class="hint" data-testid="review-not-attended">{r.not_attended}</p> }.into_any(),
        }}
    }
}
