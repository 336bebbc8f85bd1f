//! One facility in a list: where it is, what it is, whether it is open now.

use cc_domain::geo::format_distance;
use cc_domain::FacilitySummary;
use leptos::prelude::*;

use crate::i18n::{kind_name, level_name};
use crate::prefs::use_prefs;

/// A list entry linking to the facility's page.
#[component]
pub fn FacilityCard(facility: FacilitySummary) -> impl IntoView {
    let prefs = use_prefs();
    let f = StoredValue::new(facility);
    let href = f.with_value(|f| format!("/facilities/{}", f.id));
    let text = move |g: fn(&FacilitySummary, cc_domain::Locale) -> String| {
        move || f.with_value(|f| g(f, prefs.lang()))
    };
    let open = f.with_value(|f| f.open_now);
    view! {
        <li class="facility-card" data-level=f.with_value(|f| f.level.as_str())>
            <h2 class="facility-card-title"><a href=href>{f.with_value(|f| f.name.clone())}</a></h2>
            <p class="facility-card-kind">
                <span class=f.with_value(|f| format!("level-badge level-{}", f.level.as_str()))>
                    {text(|f, l| level_name(l, f.level).to_string())}
                </span>
                " " {text(|f, l| kind_name(l, &f.kind).to_string())}
            </p>
            <p class="facility-card-where">{text(|f, l| match &f.community {
                Some(c) => format!("{} · {c}", f.street.label(l)),
                None => f.street.label(l).to_string(),
            })}</p>
            <p class="facility-card-address secondary">{f.with_value(|f| f.address.clone())}</p>
            <p class="facility-card-state">
                {move || match open {
                    Some(true) => view! { <span class="tag tag-free">{prefs.t().open_now}</span> }.into_any(),
                    Some(false) => view! { <span class="tag">{prefs.t().closed_now}</span> }.into_any(),
                    None => view! { <span class="tag">{prefs.t().hours_unknown}</span> }.into_any(),
                }}
                {move || f.with_value(|f| f.distance_m).map(|d| view! {
                    <span class="distance" data-testid="distance" data-metres=format!("{d:.0}")>
                        {format!("{} {}", prefs.t().distance, format_distance(d, prefs.lang()))}
                    </span>
                })}
            </p>
        </li>
    }
}
