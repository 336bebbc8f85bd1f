//! The money part of an application on `/staff/fund`: record the signed agreement of an award
//! (which pays the first half); read the unit's reports and release the mid-term payment on the
//! first, accept the final one (验收, which pays the rest); or reclaim money paid. Plain forms.

use cc_domain::fund::payments::{stage_amounts, ReportKind, Stage};
use cc_domain::fund::{AppStatus, FundApplication};
use leptos::prelude::*;
use leptos::server_fn::ServerFn;

use crate::fund_desk_fns::{AcceptApplicationForm, ClawBackForm, ReleasePaymentForm, SignAgreementForm};
use crate::i18n::fund_desk::desk_strings;
use crate::prefs::use_prefs;

/// The money forms and facts of one application.
#[component]
pub fn MoneyDesk(application: FundApplication) -> impl IntoView {
    let prefs = use_prefs();
    let (lang, d) = (prefs.lang(), desk_strings(prefs.lang()));
    let id = application.id.0;
    let status = application.status;
    let stages = stage_amounts(application.award.unwrap_or(cc_domain::fund::Fen(0)));
    let paid = |stage: Stage| application.payments.iter().any(|p| p.stage == stage);
    let mid_term_due = status == AppStatus::Contracted && !paid(Stage::MidTerm);
    let acceptance_due = status == AppStatus::Contracted && paid(Stage::MidTerm);
    view! {
        <div class="money" data-testid="money-desk">
            {(status == AppStatus::Awarded).then(|| view! {
                <form method="post" action=SignAgreementForm::url() class="answer-form" data-testid="sign-agreement">
                    <input type="hidden" name="application_id" value=id/>
                    <label class="field"><span>{d.agreement_no}</span><input type="text" name="number" required minlength="2" maxlength="40"/></label>
                    <label class="field"><span>{d.signed_on}</span><input type="date" name="signed_on" required/></label>
                    <p class="hint">{format!("{} ¥{}", d.first_payment, stages[0])}</p>
                    <button type="submit">{d.sign}</button>
                </form>
            })}
            {application.agreement.clone().map(|a| view! { <p>{d.agreement} {crate::i18n::colon(lang)} {a.number} " · " {a.signed_on.to_string()}</p> })}
            {(!application.payments.is_empty()).then(|| view! {
                <ul class="payments">{application.payments.iter().map(|p| view! {
                    <li>{p.stage.label(lang)} " · " {format!("¥{}", p.amount)} " · " {p.evidence.clone()}</li>
                }).collect_view()}</ul>
            })}
            {application.reports.iter().map(|r| view! {
                <details>
                    <summary>{if r.kind == ReportKind::MidTerm { d.mid_term_report } else { d.final_report }}</summary>
                    <p class="paragraphs">{r.body.clone()}</p>
                </details>
            }).collect_view()}
            {mid_term_due.then(|| view! {
                <Evidence id action=ReleasePaymentForm::url() testid="release-payment" button=d.release amount=stages[1].to_string()/>
            })}
            {acceptance_due.then(|| view! {
                <Evidence id action=AcceptApplicationForm::url() testid="accept-application" button=d.accept amount=stages[2].to_string()/>
            })}
            {(status == AppStatus::Contracted).then(|| view! {
                <details>
                    <summary>{d.claw_back}</summary>
                    <form method="post" action=ClawBackForm::url() class="answer-form" data-testid="claw-back">
                        <input type="hidden" name="application_id" value=id/>
                        <label class="field"><span>{d.clawback_amount}</span><input type="text" name="amount" required inputmode="decimal" maxlength="20"/></label>
                        <label class="field"><span>{d.clawback_reason}</span><input type="text" name="reason" required minlength="2" maxlength="300"/></label>
                        <button type="submit">{d.claw_back}</button>
                    </form>
                </details>
            })}
            {application.clawback.clone().map(|(amount, reason)| view! {
                <p class="notice returned">{d.reclaimed} {crate::i18n::colon(lang)} {format!("¥{amount}")} " · " {reason}</p>
            })}
        </div>
    }
}

#[component]
fn Evidence(id: i64, action: &'static str, testid: &'static str, button: &'static str, amount: String) -> impl IntoView {
    let prefs = use_prefs();
    let d = desk_strings(prefs.lang());
    view! {
        <form method="post" action=action class="answer-form" data-testid=testid>
            <input type="hidden" name="application_id" value=id/>
            <label class="field"><span>{d.evidence}</span><input type="text" name="evidence" required minlength="2" maxlength="300"/></label>
            <button type="submit">{format!("{button} ¥{amount}")}</button>
        </form>
    }
}
