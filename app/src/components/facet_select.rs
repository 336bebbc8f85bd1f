//! A labelled `<select>` over named choices: the building block of every filter form.

use cc_domain::Named;
use leptos::prelude::*;

use crate::prefs::use_prefs;

/// A labelled `<select>` over named choices, with "any" first; `selected` is the chosen slug.
#[component]
pub fn FacetSelect(
    name: &'static str,
    label: &'static str,
    options: Vec<Named>,
    selected: Option<String>,
) -> impl IntoView {
    let prefs = use_prefs();
    let id = format!("filter-{name}");
    let locale = prefs.lang();
    view! {
        <div class="field">
            <label for=id.clone()>{label}</label>
            <select id=id name=name>
                <option value="" selected=selected.is_none()>{prefs.t().filter_any}</option>
                {options.into_iter().map(|o| {
                    let chosen = selected.as_deref() == Some(o.slug.as_str());
                    view! { <option value=o.slug.clone() selected=chosen>{o.label(locale).to_string()}</option> }
                }).collect_view()}
            </select>
        </div>
    }
}
