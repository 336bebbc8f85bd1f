//! `/staff/organisations`: district admins verify units (or reject them with a reason), and
//! later disable or enable them again; the unit's contact is told. Server-rendered, with plain
//! forms: no script needed.

use cc_domain::organisation::OrgStatus;
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use super::StaffError;
use crate::components::status::Loading;
use crate::i18n::org::{org_error, org_strings};
use crate::i18n::staff::staff_strings;
use crate::org_fns::{units_to_decide, DecideUnitForm};
use crate::prefs::use_prefs;

/// The page.
#[component]
pub fn StaffOrganisationsPage() -> impl IntoView {
    let prefs = use_prefs();
    let o = move || org_strings(prefs.lang());
    let query = use_query_map();
    let asked = move |key: &str| query.with_untracked(|q| q.get(key));
    let at: Option<i64> = asked("unit").and_then(|id| id.parse().ok());
    let error = asked("error").map(|code| org_error(prefs.lang(), &code));
    let decided: Option<i64> = asked("decided").and_then(|id| id.parse().ok());
    // After a refusal the decision chosen stays chosen (a reject never turns into a verify).
    let chosen = asked("status").unwrap_or_default();
    let units = Resource::new(|| (), |_| units_to_decide());
    view! {
        <Title text=move || o().staff_title/>
        <section class="staff">
            <p><a href="/staff">{move || staff_strings(prefs.lang()).back}</a></p>
            <h1>{move || o().staff_title}</h1>
            <p class="hint">{move || o().staff_hint}</p>
            <Suspense fallback=Loading>
                {move || {
                    let chosen = chosen.clone();
                    Suspend::new(async move {
                    let lang = prefs.lang();
                    let o = org_strings(lang);
                    match units.await {
                        Ok(list) if list.is_empty() => view! { <p>{o.none}</p> }.into_any(),
                        Ok(list) => view! {
                            <ol class="unit-list" data-testid="staff-units">
                                {list.into_iter().map(|unit| {
                                    let id = unit.id.0;
                                    let next: Vec<OrgStatus> = OrgStatus::ALL.into_iter().filter(|s| unit.status.may_become(*s)).collect();
                                    let registered = cc_domain::time::local(unit.created_at).format("%Y-%m-%d").to_string();
                                    view! {
                                        <li class="unit" id=format!("unit-{id}") data-testid="staff-unit" data-status=unit.status.as_str()>
                                            <p><strong>{unit.name}</strong> " · " {unit.kind.label(lang)}</p>
                                            <p>{o.credit_code} {crate::i18n::colon(lang)} <code>{unit.credit_code.as_str().to_string()}</code></p>
                                            <p>{o.contact_name} {crate::i18n::colon(lang)} {unit.contact_name} " · " {unit.contact_phone}
                                                " · " {o.registered_at} " " {registered}</p>
                                            <p>{o.status} {crate::i18n::colon(lang)} <strong>{unit.status.label(lang)}</strong>
                                                {unit.status_reason.map(|r| view! { " · " {o.reason} {crate::i18n::colon(lang)} {r} })}</p>
                                            {(decided == Some(id)).then(|| view! { <p class="notice" role="status">{o.decided}</p> })}
                                            {(at == Some(id)).then_some(error).flatten().map(|text| view! { <p class="form-error" role="alert">{text}</p> })}
                                            {(!next.is_empty()).then(|| view! {
                                                <form method="post" action=DecideUnitForm::url() class="answer-form" data-testid="decide-unit">
                                                    <input type="hidden" name="organisation_id" value=id/>
                                                    <label class="field"><span>{o.decision}</span>
                                                        <select name="status">
                                                            {next.into_iter().map(|s| {
                                                                let selected = at == Some(id) && s.as_str() == chosen;
                                                                view! { <option value=s.as_str() selected=selected>{s.label(lang)}</option> }
                                                            }).collect_view()}
                                                        </select>
                                                    </label>
                                                    <label class="field"><span>{o.reason}</span>
                                                        <input type="text" name="reason" maxlength="200"/>
                                                    </label>
                                                    <button type="submit" data-testid="send-decision">{o.decide}</button>
                                                </form>
                                            })}
                                        </li>
                                    }
                                }).collect_view()}
                            </ol>
                        }.into_any(),
                        Err(error) => view! { <StaffError error/> }.into_any(),
                    }
                })}}
            </Suspense>
        </section>
    }
}
