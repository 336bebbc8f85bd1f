//! One catalogue entry in a list.

use cc_domain::ItemSummary;
use leptos::prelude::*;

use crate::i18n::date_time;
use crate::prefs::use_prefs;

/// A card linking to the item's page: title, when, where, for whom.
#[component]
pub fn ItemCard(item: ItemSummary) -> impl IntoView {
    let prefs = use_prefs();
    let item = StoredValue::new(item);
    let href = item.with_value(|i| format!("/items/{}", i.id));
    let label = move |f: fn(&ItemSummary, cc_domain::Locale) -> String| {
        move || item.with_value(|i| f(i, prefs.lang()))
    };
    view! {
        <li class="item-card">
            <h2 class="item-card-title">
                <a href=href>{item.with_value(|i| i.title.clone())}</a>
            </h2>
            <p class="item-card-when">
                {label(|i, l| match &i.next_session {
                    Some(t) => format!("{} {}", crate::i18n::strings(l).next_session, date_time(l, t)),
                    None => crate::i18n::strings(l).no_upcoming.to_string(),
                })}
            </p>
            <p class="item-card-where">
                {label(|i, l| format!("{} · {}", i.street.label(l), i.facility.name))}
            </p>
            <p class="item-card-tags secondary">
                <span class="tag">{label(|i, l| i.category.label(l).to_string())}</span>
                <span class="tag">{label(|i, l| i.audience.label(l).to_string())}</span>
                {move || item.with_value(|i| i.free).then(|| view! {
                    <span class="tag tag-free">{move || prefs.t().free}</span>
                })}
            </p>
        </li>
    }
}
