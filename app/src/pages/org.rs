//! `/org`: a resident registers the unit they are the contact of (保护单位, 传承人工作室, 社会组织),
//! sees where its verification stands and, while it waits or after a rejection, changes and
//! resubmits it. Server-rendered, with a plain form: no script needed; a refusal comes back
//! with what was typed.

use cc_domain::organisation::{OrgKind, OrgStatus, Organisation};
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::components::status::{ErrorNotice, Loading};
use crate::error::AppError;
use crate::i18n::org::{org_error, org_strings};
use crate::org_fns::{my_unit, OrgPage as Page, SaveUnitForm};
use crate::prefs::use_prefs;

/// The page.
#[component]
pub fn OrgPage() -> impl IntoView {
    let prefs = use_prefs();
    let o = move || org_strings(prefs.lang());
    let page = Resource::new(|| (), |_| my_unit());
    view! {
        <Title text=move || o().title/>
        <section class="org">
            <h1>{move || o().title}</h1>
            <p class="intro">{move || o().intro}</p>
            <Suspense fallback=Loading>
                {move || Suspend::new(async move {
                    match page.await {
                        Ok(page) => view! { <Unit page/> }.into_any(),
                        Err(AppError::LoginRequired) => view! {
                            <p>{o().login_first} " " <a href="/login?next=/org">{crate::i18n::account::account_page_strings(prefs.lang()).nav_login}</a></p>
                        }.into_any(),
                        Err(error) => view! { <ErrorNotice error/> }.into_any(),
                    }
                })}
            </Suspense>
        </section>
    }
}

#[component]
fn Unit(page: Page) -> impl IntoView {
    let prefs = use_prefs();
    let (lang, o) = (prefs.lang(), org_strings(prefs.lang()));
    let query = use_query_map();
    let asked = move |key: &str| query.with_untracked(|q| q.get(key));
    let saved = asked("saved").is_some();
    let error = asked("error").map(|code| org_error(lang, &code));
    let editable = page.unit.as_ref().is_none_or(|u| u.status.editable_by_contact());
    let title = if page.unit.is_some() { o.change_title } else { o.register_title };
    view! {
        {saved.then(|| view! { <p class="notice" role="status" data-testid="unit-saved">{o.saved}</p> })}
        {page.unit.clone().map(|unit| view! { <Status unit/> })}
        {page.unit.as_ref().is_some_and(|u| u.status == OrgStatus::Verified).then(|| view! { <super::org_applications::Applications/> })}
        {editable.then(|| view! {
            <h2 id="unit-form">{title}</h2>
            {error.map(|text| view! { <p class="form-error" role="alert" data-testid="unit-error">{text}</p> })}
            <UnitForm unit=page.unit.clone() phone=page.phone.clone()/>
        })}
    }
}

/// Where the unit's verification stands.
#[component]
fn Status(unit: Organisation) -> impl IntoView {
    let prefs = use_prefs();
    let (lang, o) = (prefs.lang(), org_strings(prefs.lang()));
    let note = match unit.status {
        OrgStatus::Verified => Some(o.verified_note),
        OrgStatus::Pending => Some(o.pending_note),
        _ => None,
    };
    view! {
        <dl class="facts" data-testid="unit" data-status=unit.status.as_str()>
            <dt>{o.name}</dt><dd>{unit.name}</dd>
            <dt>{o.credit_code}</dt><dd class="credit-code">{unit.credit_code.as_str().to_string()}</dd>
            <dt>{o.kind}</dt><dd>{unit.kind.label(lang)}</dd>
            <dt>{o.contact_name}</dt><dd>{unit.contact_name} " · " {unit.contact_phone}</dd>
            <dt>{o.status}</dt><dd><strong data-testid="unit-status">{unit.status.label(lang)}</strong></dd>
            {unit.status_reason.map(|reason| view! { <dt>{o.reason}</dt><dd data-testid="unit-reason">{reason}</dd> })}
        </dl>
        {note.map(|text| view! { <p class="hint">{text}</p> })}
    }
}

/// The registration form: what was typed after a refusal, else the unit as registered.
#[component]
fn UnitForm(unit: Option<Organisation>, phone: String) -> impl IntoView {
    let prefs = use_prefs();
    let (lang, o) = (prefs.lang(), org_strings(prefs.lang()));
    let query = use_query_map();
    let typed = move |key: &str, stored: Option<String>| query.with_untracked(|q| q.get(key)).or(stored).unwrap_or_default();
    let name = typed("name", unit.as_ref().map(|u| u.name.clone()));
    let code = typed("credit_code", unit.as_ref().map(|u| u.credit_code.as_str().to_string()));
    let kind = typed("kind", unit.as_ref().map(|u| u.kind.as_str().to_string()));
    let contact = typed("contact_name", unit.as_ref().map(|u| u.contact_name.clone()));
    let button = if unit.is_some() { o.resubmit } else { o.register };
    view! {
        <form method="post" action=SaveUnitForm::url() class="account-form unit-form" data-testid="unit-form">
            <label class="field"><span>{o.name}</span>
                <input type="text" name="name" required minlength="2" maxlength="60" value=name/>
            </label>
            <label class="field"><span>{o.credit_code}</span>
                <input type="text" name="credit_code" required minlength="18" maxlength="24" autocapitalize="characters"
                    spellcheck="false" value=code aria-describedby="credit-code-hint"/>
                <small id="credit-code-hint" class="hint">{o.credit_code_hint}</small>
            </label>
            <label class="field"><span>{o.kind}</span>
                <select name="kind" required>
                    <option value="">{o.choose}</option>
                    {OrgKind::ALL.into_iter().map(|k| view! {
                        <option value=k.as_str() selected=k.as_str() == kind>{k.label(lang)}</option>
                    }).collect_view()}
                </select>
            </label>
            <label class="field"><span>{o.contact_name}</span>
                <input type="text" name="contact_name" required minlength="2" maxlength="20" value=contact/>
            </label>
            <p>{o.contact_phone} {crate::i18n::colon(lang)} <span data-testid="unit-phone">{phone}</span></p>
            <button type="submit" class="primary" data-testid="save-unit">{button}</button>
        </form>
    }
}
