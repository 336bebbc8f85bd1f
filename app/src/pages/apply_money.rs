//! What became of a unit's application after review, on its page: the committee's amount and
//! its public notice, or why it was declined; then the agreement, each payment, the reports the
//! payments wait for (a plain form per report), and money reclaimed. Server-rendered.

use cc_domain::fund::payments::{ReportKind, Stage};
use cc_domain::fund::{AppStatus, FundApplication};
use cc_domain::Locale;
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_router::hooks::use_query_map;

use crate::components::text_area::TextArea;
use crate::fund_desk_fns::SendReportForm;
use crate::i18n::fund_desk::{desk_error, desk_strings};
use crate::prefs::use_prefs;

/// The application's outcome and money, where there is any.
#[component]
pub fn Outcome(application: FundApplication) -> impl IntoView {
    let prefs = use_prefs();
    let (lang, d) = (prefs.lang(), desk_strings(prefs.lang()));
    let colon = crate::i18n::colon(lang);
    let status = application.status;
    let until = application.notice_until.map(|t| cc_domain::time::local(t).format("%Y-%m-%d %H:%M").to_string());
    let declined = (status == AppStatus::Declined).then(|| application.comment.clone()).flatten();
    let contracted = status == AppStatus::Contracted;
    // The mid-term report stays open until the payment it is for was released on it.
    let mid_term_open = !application.payments.iter().any(|p| p.stage == Stage::MidTerm);
    let id = application.id.0;
    view! {
        <section class="outcome" data-testid="application-outcome">
            {application.award.filter(|_| status != AppStatus::Declined).map(|amount| view! {
                <p>{d.awarded_amount} {colon} <strong data-testid="award-amount">{format!("¥{amount}")}</strong>
                    {(status == AppStatus::InNotice).then(|| until.clone().map(|u| view! { " · " {d.notice_until} " " {u} }))}</p>
            })}
            {declined.map(|reason| view! { <p class="notice returned">{d.declined} {colon} {reason}</p> })}
            {application.agreement.clone().map(|a| view! {
                <p>{d.agreement} {colon} {a.number} " · " {a.signed_on.to_string()}</p>
            })}
            {(!application.payments.is_empty()).then(|| view! {
                <h2>{d.payments}</h2>
                <ul class="payments" data-testid="payments">
                    {application.payments.iter().map(|p| view! {
                        <li>{p.stage.label(lang)} " · " {format!("¥{}", p.amount)} " · " {p.evidence.clone()}</li>
                    }).collect_view()}
                </ul>
            })}
            {application.clawback.clone().map(|(amount, reason)| view! {
                <p class="notice returned">{d.reclaimed} {colon} {format!("¥{amount}")} " · " {reason}</p>
            })}
            {application.reports.iter().filter(|r| r.kind == ReportKind::MidTerm && !mid_term_open).map(|r| view! {
                <h2>{d.mid_term_report}</h2>
                <p class="paragraphs" data-testid="mid-term-report">{r.body.clone()}</p>
            }).collect_view()}
            {(contracted && mid_term_open).then(|| view! {
                <ReportForm id kind=ReportKind::MidTerm sent=application.reports.iter().find(|r| r.kind == ReportKind::MidTerm).map(|r| r.body.clone())/>
            })}
            {contracted.then(|| view! {
                <ReportForm id kind=ReportKind::Final sent=application.reports.iter().find(|r| r.kind == ReportKind::Final).map(|r| r.body.clone())/>
            })}
        </section>
    }
}

#[component]
fn ReportForm(id: i64, kind: ReportKind, sent: Option<String>) -> impl IntoView {
    let prefs = use_prefs();
    let (lang, d) = (prefs.lang(), desk_strings(prefs.lang()));
    let query = use_query_map();
    let asked = move |key: &str| query.with_untracked(|q| q.get(key)).unwrap_or_default();
    let here = asked("report") == kind.as_str();
    let error = here.then(|| asked("error")).filter(|c| !c.is_empty()).map(|code| desk_error(lang, &code));
    let value = if here && !asked("typed").is_empty() { asked("typed") } else { sent.clone().unwrap_or_default() };
    let title = if kind == ReportKind::MidTerm { d.mid_term_report } else { d.final_report };
    view! {
        <form method="post" action=SendReportForm::url() class="answer-form" data-testid=format!("report-{}", kind.as_str())>
            <input type="hidden" name="application_id" value=id/>
            <input type="hidden" name="kind" value=kind.as_str()/>
            {error.map(|text| view! { <p class="form-error" role="alert">{text}</p> })}
            {(here && asked("sent") == "1").then(|| view! { <p class="notice" role="status">{d.report_sent}</p> })}
            <label class="field"><span>{title} {sent.is_some().then_some(if lang == Locale::Zh { "（已提交，可修改后重新提交）" } else { " (sent: change and send again if needed)" })}</span>
                <TextArea name="body" value maxlength=3000 rows=5/>
            </label>
            <button type="submit">{d.send_report}</button>
        </form>
    }
}
