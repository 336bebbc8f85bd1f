//! `/staff/reviews`: moderators (district admins and reviewers) read the district's latest
//! reviews and hide one with a reason its author is told. Server-rendered, with one plain form
//! per review: no script needed.

use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use super::StaffError;
use crate::components::status::Loading;
use crate::i18n::reviews::{review_error, review_strings, stars_text};
use crate::i18n::staff::staff_strings;
use crate::prefs::use_prefs;
use crate::review_fns::{reviews_to_moderate, HideReview};

/// The page.
#[component]
pub fn StaffReviewsPage() -> impl IntoView {
    let prefs = use_prefs();
    let r = move || review_strings(prefs.lang());
    let query = use_query_map();
    let refused = query.with_untracked(|q| Some((q.get("review")?.parse::<i64>().ok()?, q.get("error")?)));
    let reviews = Resource::new(|| (), |_| reviews_to_moderate());
    view! {
        <Title text=move || r().moderation_title/>
        <section class="staff">
            <p><a href="/staff">{move || staff_strings(prefs.lang()).back}</a></p>
            <h1>{move || r().moderation_title}</h1>
            <p class="hint">{move || r().moderation_hint}</p>
            <Suspense fallback=Loading>
                {move || {
                    let refused = refused.clone();
                    Suspend::new(async move {
                        match reviews.await {
                            Ok(list) => view! {
                                <ul class="review-list moderation" data-testid="moderation">
                                    {list.into_iter().map(|m| {
                                        let id = m.review.id.0;
                                        let error = refused.as_ref()
                                            .filter(|(review, _)| *review == id)
                                            .and_then(|(_, code)| review_error(prefs.lang(), code));
                                        view! {
                                            <li class="review" id=format!("review-{id}") data-testid="moderated-review">
                                                <p class="review-head">
                                                    <span class="stars">{stars_text(m.review.stars)}</span>
                                                    " " <a href=format!("/items/{}#reviews", m.item_id)>{m.item_title}</a>
                                                    " · " <span class="author">{m.review.author}</span>
                                                </p>
                                                {m.review.comment.map(|c| view! { <p class="review-comment">{c}</p> })}
                                                {match m.hidden_reason {
                                                    Some(reason) => view! {
                                                        <p class="status" data-testid="hidden-reason">{move || r().hidden_badge}{reason}</p>
                                                    }.into_any(),
                                                    None => view! {
                                                        {error.map(|text| view! { <p class="form-error" role="alert">{text}</p> })}
                                                        <form method="post" action=HideReview::url() class="inline-form">
                                                            <input type="hidden" name="review_id" value=id/>
                                                            <label>{move || r().hide_reason} " "
                                                                <input type="text" name="reason" required maxlength="200"/></label>
                                                            " " <button type="submit" data-testid="hide-review">{move || r().hide}</button>
                                                        </form>
                                                    }.into_any(),
                                                }}
                                            </li>
                                        }
                                    }).collect_view()}
                                </ul>
                            }.into_any(),
                            Err(error) => view! { <StaffError error/> }.into_any(),
                        }
                    })
                }}
            </Suspense>
        </section>
    }
}
