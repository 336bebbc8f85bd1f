//! `/staff/audit`: the audit log for district admins, filtered by staff member, action and
//! refusals (the filters live in the URL).

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use super::StaffError;
use crate::components::status::Loading;
use crate::i18n::staff::staff_strings;
use crate::prefs::use_prefs;
use crate::staff_fns::{load_audit, AuditLine};

/// The audit page.
#[component]
pub fn AuditPage() -> impl IntoView {
    let prefs = use_prefs();
    let s = move || staff_strings(prefs.lang());
    let query = use_query_map();
    let get = move |key: &str| query.with_untracked(|q| q.get(key).unwrap_or_default());
    let (username, action, refused) = (get("username"), get("action"), get("refused") == "1");
    view! {
        <Title text=move || s().audit/>
        <Audit username=username.clone() action=action.clone() refused/>
    }
}

/// The page's island: everything on it that runs in the browser.
#[cfg_attr(feature = "staff", island)]
#[cfg_attr(not(feature = "staff"), component)]
pub fn Audit(username: String, action: String, refused: bool) -> impl IntoView {
    let prefs = use_prefs();
    let s = move || staff_strings(prefs.lang());
    let (username_value, action_value) = (username.clone(), action.clone());
    let lines = Resource::new(
        move || (username.clone(), action.clone(), refused),
        |(username, action, refused)| load_audit(username, action, refused),
    );
    view! {
        <section class="staff">
            <p><a href="/staff">{move || s().back}</a></p>
            <h1>{move || s().audit}</h1>
            <form method="get" class="filters" data-testid="audit-filters">
                <label class="field"><span>{move || s().username}</span>
                    <input type="text" name="username" value=username_value/></label>
                <label class="field"><span>{move || s().action}</span>
                    <input type="text" name="action" value=action_value placeholder="check_in, publish…"/></label>
                <label class="field field-check"><input type="checkbox" name="refused" value="1"
                    checked=refused/><span>{move || s().refused_only}</span></label>
                <button type="submit">{move || s().filter}</button>
            </form>
            <Transition fallback=Loading>
                {move || Suspend::new(async move {
                    match lines.await {
                        Ok(lines) => view! { <AuditTable lines/> }.into_any(),
                        Err(error) => view! { <StaffError error/> }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}

#[component]
fn AuditTable(lines: Vec<AuditLine>) -> impl IntoView {
    if lines.is_empty() {
        let prefs = use_prefs();
        return view! { <p class="empty" data-testid="audit-empty">{move || staff_strings(prefs.lang()).audit_empty}</p> }
            .into_any();
    }
    view! {
        <div class="table-scroll">
        <table class="sessions audit" data-testid="audit-log">
            <tbody>
                {lines.into_iter().map(|l| view! {
                    <tr class:refused=l.refused data-refused=l.refused.to_string()>
                        <td>{l.at.format("%Y-%m-%d %H:%M:%S").to_string()}</td>
                        <td>{l.username} <br/><small>{l.role}</small></td>
                        <td>{l.action} <br/><small>{l.object}</small></td>
                        <td><small>{l.change}</small></td>
                        <td><small>{l.client}</small></td>
                    </tr>
                }).collect_view()}
            </tbody>
        </table>
        </div>
    }
    .into_any()
}
