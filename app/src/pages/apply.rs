//! `/org/applications/{id}`: a unit's application to the heritage fund. While it is a draft
//! (or returned) it is a plain form that saves what was typed and submits it, with its files
//! below; afterwards it reads as sent. Server-rendered: no script needed. A refusal's words are
//! the rules' own, read again from the saved draft.

use cc_domain::fund::{AppStatus, FundApplication};
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

use crate::apply_fns::{my_application, SaveApplicationForm, WithdrawApplicationForm};
use crate::components::status::{ErrorNotice, Loading};
use crate::components::text_area::TextArea;
use crate::error::AppError;
use crate::i18n::apply::{apply_error, apply_strings};
use crate::prefs::use_prefs;

/// The page.
#[component]
pub fn ApplicationPage() -> impl IntoView {
    let prefs = use_prefs();
    let a = move || apply_strings(prefs.lang());
    let params = use_params_map();
    let id = move || params.with(|p| p.get("id").and_then(|id| id.parse::<i64>().ok()).unwrap_or(0));
    let application = Resource::new(id, my_application);
    view! {
        <Title text=move || a().title/>
        <section class="org apply">
            <p><a href="/org#applications">{move || a().back}</a></p>
            <Suspense fallback=Loading>
                {move || Suspend::new(async move {
                    match application.await {
                        Ok(application) => view! { <Application application/> }.into_any(),
                        Err(AppError::LoginRequired) => view! {
                            <p><a href=format!("/login?next=/org/applications/{}", id())>
                                {crate::i18n::account::account_page_strings(prefs.lang()).nav_login}</a></p>
                        }.into_any(),
                        Err(error) => view! { <ErrorNotice error/> }.into_any(),
                    }
                })}
            </Suspense>
        </section>
    }
}

#[component]
fn Application(application: FundApplication) -> impl IntoView {
    let prefs = use_prefs();
    let (lang, a) = (prefs.lang(), apply_strings(prefs.lang()));
    let query = use_query_map();
    let asked = move |key: &str| query.with_untracked(|q| q.get(key));
    let notice = if asked("saved").is_some() {
        Some(a.saved)
    } else if asked("submitted").is_some() {
        Some(a.submitted)
    } else if asked("withdrawn").is_some() {
        Some(a.withdrawn)
    } else {
        None
    };
    let error = asked("error").map(|code| refusal(&application, &code, lang));
    let category = if lang == cc_domain::Locale::En && !application.category_name_en.is_empty() {
        application.category_name_en.clone()
    } else {
        application.category_name.clone()
    };
    let heading = Some(application.input.project.clone()).filter(|p| !p.is_empty()).unwrap_or_else(|| a.untitled.to_string());
    let editable = application.status.editable_by_unit();
    let may_withdraw = cc_domain::fund::next(application.status, cc_domain::fund::AppAction::Withdraw, cc_domain::fund::Mover::Unit).is_ok();
    let returned = (application.status == AppStatus::Returned).then(|| application.comment.clone()).flatten();
    let id = application.id.0;
    view! {
        <h1 data-testid="application-title">{heading}</h1>
        <p class="hint">{application.call_year} " · " {category} " · " {a.cap} " ¥" {application.cap.to_string()}</p>
        <p>{a.status} {crate::i18n::colon(lang)}
            <strong data-testid="application-status" data-status=application.status.as_str()>{application.status.label(lang)}</strong></p>
        {notice.map(|text| view! { <p class="notice" role="status" data-testid="application-notice">{text}</p> })}
        {returned.map(|comment| view! { <p class="notice returned" data-testid="application-returned">{a.returned} {comment}</p> })}
        {error.map(|text| view! { <p class="form-error" role="alert" data-testid="application-error">{text}</p> })}
        {if editable {
            view! { <ApplicationForm application=application.clone()/> }.into_any()
        } else {
            view! { <Sent application=application.clone()/> }.into_any()
        }}
        <super::apply_money::Outcome application=application.clone()/>
        <super::apply_files::Files application/>
        {may_withdraw.then(|| view! {
            <form method="post" action=WithdrawApplicationForm::url() class="withdraw">
                <input type="hidden" name="id" value=id/>
                <button type="submit" data-testid="withdraw-application">{a.withdraw}</button>
            </form>
        })}
    }
}

/// What a refusal's code says: a field's problem in the rules' own words, read again from the
/// saved draft; otherwise the code's words.
fn refusal(application: &FundApplication, code: &str, lang: cc_domain::Locale) -> String {
    if let Err(problem) = application.input.check_submission(application.cap) {
        if problem.field == code {
            return problem.message(lang);
        }
    }
    if code == "attachments" {
        let missing = application.missing_attachments().join("、");
        let a = apply_strings(lang);
        return format!("{}{}{missing}", a.missing, crate::i18n::colon(lang));
    }
    apply_error(lang, code).to_string()
}

/// The form of a draft (or a returned application): what is saved, with room for more lines.
#[component]
fn ApplicationForm(application: FundApplication) -> impl IntoView {
    let a = apply_strings(use_prefs().lang());
    let input = application.input;
    let rows = (input.budget_lines.len() + 2).clamp(4, cc_domain::fund::MAX_BUDGET_LINES);
    let lines: Vec<(usize, String, String)> = (0..rows)
        .map(|i| {
            let line = input.budget_lines.get(i).cloned().unwrap_or_default();
            (i, line.item, line.amount)
        })
        .collect();
    view! {
        <form method="post" action=SaveApplicationForm::url() class="account-form application-form" id="form" data-testid="application-form">
            <input type="hidden" name="id" value=application.id.0/>
            <label class="field"><span>{a.project}</span>
                <input type="text" name="project" maxlength="60" value=input.project/>
            </label>
            <label class="field"><span>{a.aims}</span>
                <TextArea name="aims" value=input.aims rows=6 maxlength=3000/>
            </label>
            <label class="field"><span>{a.schedule}</span>
                <TextArea name="schedule" value=input.schedule rows=4 maxlength=3000/>
            </label>
            <fieldset class="budget">
                <legend>{a.budget}</legend>
                <p class="hint">{a.budget_hint}</p>
                <table>
                    <thead><tr><th scope="col">{a.item}</th><th scope="col">{a.amount}</th></tr></thead>
                    <tbody>
                        {lines.into_iter().map(|(i, item, amount)| view! {
                            <tr>
                                <td><input type="text" name=format!("budget_item[{i}]") maxlength="60" value=item
                                    aria-label=format!("{} {}", a.item, i + 1)/></td>
                                <td><input type="text" name=format!("budget_amount[{i}]") maxlength="30" inputmode="decimal" value=amount
                                    aria-label=format!("{} {}", a.amount, i + 1)/></td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </fieldset>
            <label class="field"><span>{a.requested}</span>
                <input type="text" name="requested" maxlength="30" inputmode="decimal" value=input.requested/>
                <small class="hint">{a.cap} " ¥" {application.cap.to_string()}</small>
            </label>
            <label class="field"><span>{a.cofunding}</span>
                <input type="text" name="cofunding" maxlength="30" inputmode="decimal" value=input.cofunding/>
                <small class="hint">{a.cofunding_hint}</small>
            </label>
            <p class="hint">{a.submit_hint}</p>
            <div class="actions">
                <button type="submit" name="intent" value="save" data-testid="save-application">{a.save}</button>
                <button type="submit" name="intent" value="submit" class="primary" data-testid="submit-application">{a.submit}</button>
            </div>
        </form>
    }
}

/// An application as it was sent.
#[component]
pub fn Sent(application: FundApplication) -> impl IntoView {
    let prefs = use_prefs();
    let a = apply_strings(prefs.lang());
    let input = application.input;
    view! {
        <dl class="facts application" data-testid="application-sent">
            <dt>{a.project}</dt><dd>{input.project}</dd>
            <dt>{a.aims}</dt><dd class="paragraphs">{input.aims}</dd>
            <dt>{a.schedule}</dt><dd class="paragraphs">{input.schedule}</dd>
            <dt>{a.budget}</dt>
            <dd><ul>{input.budget_lines.into_iter().map(|l| view! { <li>{l.item} " · ¥" {l.amount}</li> }).collect_view()}</ul></dd>
            <dt>{a.requested}</dt><dd>{application.requested.map(|r| format!("¥{r}")).unwrap_or(input.requested)}</dd>
            <dt>{a.cofunding}</dt><dd>{input.cofunding}</dd>
        </dl>
    }
}
