//! The verified unit's part of `/org`: its applications to the heritage fund, and a plain form
//! to start one in a category of a call that is open or about to open.

use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_router::hooks::use_query_map;

use crate::apply_fns::{my_applications, StartApplicationForm, UnitApplications};
use crate::components::status::{ErrorNotice, Loading};
use crate::i18n::apply::{apply_error, apply_strings};
use crate::prefs::use_prefs;

/// The section.
#[component]
pub fn Applications() -> impl IntoView {
    let prefs = use_prefs();
    let a = move || apply_strings(prefs.lang());
    let list = Resource::new(|| (), |_| my_applications());
    view! {
        <h2 id="applications">{move || a().title}</h2>
        <p class="hint">{move || a().intro}</p>
        <Suspense fallback=Loading>
            {move || Suspend::new(async move {
                match list.await {
                    Ok(list) => view! { <List list/> }.into_any(),
                    Err(error) => view! { <ErrorNotice error/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn List(list: UnitApplications) -> impl IntoView {
    let prefs = use_prefs();
    let (lang, a) = (prefs.lang(), apply_strings(prefs.lang()));
    let error = use_query_map().with_untracked(|q| q.get("apply_error")).map(|code| apply_error(lang, &code));
    let name = move |zh: &str, en: &str| if lang == cc_domain::Locale::En && !en.is_empty() { en.to_string() } else { zh.to_string() };
    view! {
        {if list.applications.is_empty() {
            view! { <p>{a.none_yet}</p> }.into_any()
        } else {
            view! {
                <ul class="applications" data-testid="applications">
                    {list.applications.into_iter().map(|app| {
                        let title = Some(app.input.project.clone()).filter(|p| !p.is_empty()).unwrap_or_else(|| a.untitled.to_string());
                        view! {
                            <li data-testid="application" data-status=app.status.as_str()>
                                <a href=format!("/org/applications/{}", app.id)>{title}</a>
                                " · " {app.call_year} " · " {name(&app.category_name, &app.category_name_en)}
                                " · " <strong>{app.status.label(lang)}</strong>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            }.into_any()
        }}
        <h3>{a.start_title}</h3>
        {error.map(|text| view! { <p class="form-error" role="alert" data-testid="apply-error">{text}</p> })}
        {if list.calls.is_empty() {
            view! { <p class="hint">{a.no_call}</p> }.into_any()
        } else {
            view! {
                <form method="post" action=StartApplicationForm::url() class="account-form start-application" data-testid="start-application">
                    <label class="field"><span>{a.call}</span>
                        <select name="call_id" required>
                            {list.calls.into_iter().map(|c| view! { <option value=c.id.0>{c.title}</option> }).collect_view()}
                        </select>
                    </label>
                    <label class="field"><span>{a.category}</span>
                        <select name="category_id" required>
                            <option value="">{a.choose}</option>
                            {list.categories.into_iter().map(|c| {
                                let label = format!("{} (≤ ¥{})", name(&c.name, &c.name_en), c.cap);
                                view! { <option value=c.id.0>{label}</option> }
                            }).collect_view()}
                        </select>
                    </label>
                    <button type="submit" class="primary" data-testid="start-application-button">{a.start}</button>
                </form>
            }.into_any()
        }}
    }
}
