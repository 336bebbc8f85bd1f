//! `/staff/fund`: district admins read the applications units have sent to the heritage fund,
//! download their files, return an incomplete one saying what to fix (the unit is told), and
//! carry each through review, the committee and public notice (`fund_review`).
//! Server-rendered, with plain forms: no script needed.

use cc_domain::fund::boards::ReviewBoard;
use cc_domain::fund::AppStatus;
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use super::StaffError;
use super::fund_review::Desk;
use crate::apply_fns::ReturnApplicationForm;
use crate::fund_desk_fns::fund_desk;
use crate::components::status::Loading;
use crate::i18n::apply::apply_strings;
use crate::i18n::fund_desk::{desk_error, desk_strings};
use crate::i18n::staff::staff_strings;
use crate::pages::apply::Sent;
use crate::prefs::use_prefs;

/// The page.
#[component]
pub fn StaffFundPage() -> impl IntoView {
    let prefs = use_prefs();
    let a = move || apply_strings(prefs.lang());
    let list = Resource::new(|| (), |_| fund_desk());
    view! {
        <Title text=move || a().staff_title/>
        <section class="staff">
            <p><a href="/staff">{move || staff_strings(prefs.lang()).back}</a></p>
            <h1>{move || a().staff_title}</h1>
            <p class="hint">{move || a().staff_hint}</p>
            <Suspense fallback=Loading>
                {move || Suspend::new(async move {
                    match list.await {
                        Ok(list) if list.is_empty() => view! { <p>{a().staff_none}</p> }.into_any(),
                        Ok(list) => view! {
                            <ol class="unit-list" data-testid="staff-applications">
                                {list.into_iter().map(|board| view! { <Row board/> }).collect_view()}
                            </ol>
                        }.into_any(),
                        Err(error) => view! { <StaffError error/> }.into_any(),
                    }
                })}
            </Suspense>
        </section>
    }
}

#[component]
fn Row(board: ReviewBoard) -> impl IntoView {
    let application = board.application.clone();
    let prefs = use_prefs();
    let (lang, a) = (prefs.lang(), apply_strings(prefs.lang()));
    let query = use_query_map();
    let asked = move |key: &str| query.with_untracked(|q| q.get(key));
    let id = application.id.0;
    let here = |key: &str| asked(key).and_then(|v| v.parse::<i64>().ok()) == Some(id);
    let error = here("application").then(|| asked("error")).flatten().map(|code| desk_error(lang, &code));
    let returned = here("returned") || here("done");
    let sent = application.submitted_at.map(|t| cc_domain::time::local(t).format("%Y-%m-%d %H:%M").to_string());
    let category = if lang == cc_domain::Locale::En && !application.category_name_en.is_empty() {
        application.category_name_en.clone()
    } else {
        application.category_name.clone()
    };
    let files: Vec<(String, String, String)> = application
        .attachments
        .iter()
        .map(|f| {
            let label = if f.label.is_empty() { a.other_file.to_string() } else { f.label.clone() };
            (label, f.file_name.clone(), format!("/api/v1/staff/fund/applications/{id}/attachments/{}", f.id))
        })
        .collect();
    let may_return = application.status == AppStatus::Submitted;
    view! {
        <li class="unit" id=format!("application-{id}") data-testid="staff-application" data-status=application.status.as_str()>
            <p><strong>{application.input.project.clone()}</strong> " · " {application.unit_name.clone()}</p>
            <p>{application.call_year} " · " {category} " · " {a.requested} {crate::i18n::colon(lang)}
                {application.requested.map(|r| format!("¥{r}")).unwrap_or_default()}</p>
            <p>{a.status} {crate::i18n::colon(lang)} <strong>{application.status.label(lang)}</strong>
                {sent.map(|s| view! { " · " {a.submitted_at} " " {s} })}</p>
            {returned.then(|| view! { <p class="notice" role="status">{if here("returned") { a.sent_back } else { desk_strings(lang).done }}</p> })}
            {error.map(|text| view! { <p class="form-error" role="alert">{text}</p> })}
            <details>
                <summary>{a.details}</summary>
                <Sent application=application.clone()/>
                <ul class="files">
                    {files.into_iter().map(|(label, name, href)| view! {
                        <li>{label} " · " <a href=href download>{name}</a></li>
                    }).collect_view()}
                </ul>
            </details>
            <Desk board/>
            {may_return.then(|| view! {
                <form method="post" action=ReturnApplicationForm::url() class="answer-form" data-testid="return-application">
                    <input type="hidden" name="application_id" value=id/>
                    <label class="field"><span>{a.return_reason}</span>
                        <input type="text" name="reason" required minlength="2" maxlength="300"/>
                    </label>
                    <button type="submit" data-testid="send-back">{a.send_back}</button>
                </form>
            })}
        </li>
    }
}
