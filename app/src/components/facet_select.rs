//! A labelled `<select>` over named choices: the building block of every filter form.

use cc_domain::Named;
use leptos::prelude::*;

use crate::prefs::use_prefs;

/// A labelled `<select>` over named choices, with "any" first.
#[component]
pub fn FacetSelect(
    name: &'static str,
    label: Signal<&'static str>,
    options: Vec<Named>,
    selected: Signal<Option<String>>,
    on_change: Callback<String>,
) -> impl IntoView {
    let prefs = use_prefs();
    let id = format!("filter-{name}");
    let is = move |slug: &str| selected.with(|s| s.as_deref() == Some(slug));
    view! {
        <div class="field">
            <label for=id.clone()>{move || label.get()}</label>
            <select id=id name=name
                prop:value=move || selected.get().unwrap_or_default()
                on:change=move |ev| on_change.run(event_target_value(&ev))>
                <option value="" selected=move || selected.with(Option::is_none)>{move || prefs.t().filter_any}</option>
                {options.into_iter().map(|o| {
                    let slug = o.slug.clone();
                    let o = StoredValue::new(o);
                    view! {
                        <option value=slug.clone() selected=move || is(&slug)>
                            {move || o.with_value(|o| o.label(prefs.lang()).to_string())}
                        </option>
                    }
                }).collect_view()}
            </select>
        </div>
    }
}
