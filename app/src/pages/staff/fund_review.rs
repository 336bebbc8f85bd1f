//! The review part of an application on `/staff/fund`, by where it stands: hand a complete one
//! to the experts; follow their reviews and add one when another steps aside; the committee's
//! amount or a decline; publish the call's proposals (公示); answer objections; make an award
//! final. Plain forms to `fund_desk_fns`: no script needed.

use cc_domain::fund::boards::ReviewBoard;
use cc_domain::fund::notice::Objection;
use cc_domain::fund::review::{points_text, ExpertReview, ReviewState};
use cc_domain::fund::AppStatus;
use cc_domain::Locale;
use leptos::prelude::*;
use leptos::server_fn::ServerFn;

use crate::fund_desk_fns::{AnswerObjectionForm, DeclineApplicationForm, FinaliseAwardForm, HandToExpertsForm, ProposeAwardForm, PublishAwardsForm};
use crate::i18n::fund_desk::desk_strings;
use crate::prefs::use_prefs;

fn state_label(state: ReviewState, locale: Locale) -> &'static str {
    match (state, locale) {
        (ReviewState::Assigned, Locale::Zh) => "待声明",
        (ReviewState::Assigned, Locale::En) => "to declare",
        (ReviewState::Recused, Locale::Zh) => "回避",
        (ReviewState::Recused, Locale::En) => "stepped aside",
        (ReviewState::Reading, Locale::Zh) => "评审中",
        (ReviewState::Reading, Locale::En) => "reading",
        (ReviewState::Scored, Locale::Zh) => "已评分",
        (ReviewState::Scored, Locale::En) => "scored",
    }
}

/// The review actions and facts of one application.
#[component]
pub fn Desk(board: ReviewBoard) -> impl IntoView {
    let prefs = use_prefs();
    let (lang, d) = (prefs.lang(), desk_strings(prefs.lang()));
    let ReviewBoard { application, reviews, progress, experts, objections } = board;
    let id = application.id.0;
    let status = application.status;
    let assigned: Vec<i64> = reviews.iter().map(|r| r.expert_id.0).collect();
    let free: Vec<(i64, String)> = experts.into_iter().filter(|e| !assigned.contains(&e.id.0)).map(|e| (e.id.0, e.name)).collect();
    let until = application.notice_until.map(|t| cc_domain::time::local(t).format("%Y-%m-%d %H:%M").to_string());
    let may_decline = matches!(status, AppStatus::InReview | AppStatus::Proposed | AppStatus::InNotice);
    view! {
        <div class="desk" data-testid="fund-desk">
            {(status == AppStatus::Submitted).then(|| view! {
                <ExpertsForm id free=free.clone() title=d.hand_over hint=d.hand_over_hint button=d.start_review adding=false/>
            })}
            {(!reviews.is_empty()).then(|| view! {
                <p>{d.progress} {crate::i18n::colon(lang)} {progress.scored} "/" {progress.experts} " " {d.scored_of}
                    {(progress.recused > 0).then(|| view! { " · " {progress.recused} " " {d.stepped_aside} })}
                    {progress.mean.map(|m| view! { " · " {d.mean} " " <strong data-testid="mean-score">{points_text(m)}</strong> })}</p>
                <ul class="reviews">{reviews.into_iter().map(|r| view! { <Review review=r/> }).collect_view()}</ul>
            })}
            {(status == AppStatus::InReview && progress.recused > 0).then(|| view! {
                <ExpertsForm id free=free.clone() title=d.add_expert hint="" button=d.add adding=true/>
            })}
            {(status == AppStatus::InReview && progress.all_in()).then(|| view! {
                <form method="post" action=ProposeAwardForm::url() class="answer-form" data-testid="propose-award">
                    <input type="hidden" name="application_id" value=id/>
                    <label class="field"><span>{d.amount}</span>
                        <input type="text" name="amount" required inputmode="decimal" maxlength="20"
                            value=application.requested.map(|r| r.to_string()).unwrap_or_default()/>
                    </label>
                    <button type="submit">{d.propose}</button>
                </form>
            })}
            {application.award.filter(|_| status != AppStatus::InReview).map(|amount| view! {
                <p>{d.awarded_amount} {crate::i18n::colon(lang)} <strong>{format!("¥{amount}")}</strong>
                    {(status == AppStatus::InNotice).then(|| until.clone().map(|u| view! { " · " {d.notice_until} " " {u} }))}</p>
            })}
            {(status == AppStatus::Proposed).then(|| view! {
                <form method="post" action=PublishAwardsForm::url() class="answer-form" data-testid="publish-awards">
                    <input type="hidden" name="application_id" value=id/>
                    <input type="hidden" name="call_id" value=application.call_id.0/>
                    <p class="hint">{d.publish_hint}</p>
                    <button type="submit">{d.publish}</button>
                </form>
            })}
            {(!objections.is_empty()).then(|| view! {
                <h4>{d.objections}</h4>
                <ol class="objections">{objections.into_iter().map(|o| view! { <ObjectionRow objection=o in_notice=status == AppStatus::InNotice/> }).collect_view()}</ol>
            })}
            {(status == AppStatus::InNotice).then(|| view! {
                <form method="post" action=FinaliseAwardForm::url() class="answer-form" data-testid="finalise-award">
                    <input type="hidden" name="application_id" value=id/>
                    <button type="submit">{d.finalise}</button>
                </form>
            })}
            {(status == AppStatus::Declined).then(|| application.comment.clone().map(|c| view! { <p class="hint">{c}</p> }))}
            <super::fund_money::MoneyDesk application=application.clone()/>
            {may_decline.then(|| view! {
                <details>
                    <summary>{d.decline}</summary>
                    <form method="post" action=DeclineApplicationForm::url() class="answer-form" data-testid="decline-application">
                        <input type="hidden" name="application_id" value=id/>
                        <label class="field"><span>{d.decline_reason}</span>
                            <input type="text" name="reason" required minlength="2" maxlength="300"/>
                        </label>
                        <button type="submit">{d.decline}</button>
                    </form>
                </details>
            })}
        </div>
    }
}

/// Experts to tick: to start the review, or to add one.
#[component]
fn ExpertsForm(id: i64, free: Vec<(i64, String)>, title: &'static str, hint: &'static str, button: &'static str, adding: bool) -> impl IntoView {
    view! {
        <form method="post" action=HandToExpertsForm::url() class="answer-form" data-testid=if adding { "add-experts" } else { "hand-to-experts" }>
            <input type="hidden" name="application_id" value=id/>
            {adding.then(|| view! { <input type="hidden" name="adding" value="1"/> })}
            <fieldset>
                <legend>{title}</legend>
                {(!hint.is_empty()).then(|| view! { <p class="hint">{hint}</p> })}
                {free.into_iter().enumerate().map(|(n, (expert, name))| view! {
                    <label class="field field-check"><input type="checkbox" name=format!("expert[{n}]") value=expert/><span>{name}</span></label>
                }).collect_view()}
            </fieldset>
            <button type="submit">{button}</button>
        </form>
    }
}

#[component]
fn Review(review: ExpertReview) -> impl IntoView {
    let prefs = use_prefs();
    let lang = prefs.lang();
    view! {
        <li data-state=format!("{:?}", review.state).to_lowercase()>
            {review.expert_name} " · " {state_label(review.state, lang)}
            {review.total.map(|t| view! { " · " <strong>{points_text(t)}</strong> })}
            {review.statement.map(|s| view! { " · " <span class="hint">{s}</span> })}
            {review.comment.filter(|c| !c.is_empty()).map(|c| view! { <p class="paragraphs">{c}</p> })}
        </li>
    }
}

#[component]
fn ObjectionRow(objection: Objection, in_notice: bool) -> impl IntoView {
    let prefs = use_prefs();
    let (lang, d) = (prefs.lang(), desk_strings(prefs.lang()));
    let lodged = cc_domain::time::local(objection.lodged_at).format("%Y-%m-%d %H:%M").to_string();
    let answered = objection.answer.is_some();
    view! {
        <li data-testid="objection">
            <p class="hint">{objection.objector} " · " {lodged}</p>
            <p class="paragraphs">{objection.objection}</p>
            {objection.answer.map(|a| view! {
                <p>{d.answered} {crate::i18n::colon(lang)} {a}
                    {(objection.upheld == Some(true)).then(|| view! { " · " <strong>{d.upheld}</strong> })}</p>
            })}
            {(!answered && in_notice).then(|| view! {
                <form method="post" action=AnswerObjectionForm::url() class="answer-form" data-testid="answer-objection">
                    <input type="hidden" name="application_id" value=objection.application_id.0/>
                    <input type="hidden" name="objection_id" value=objection.id.0/>
                    <label class="field"><span>{d.answer}</span>
                        <input type="text" name="answer" required minlength="2" maxlength="300"/>
                    </label>
                    <label class="field field-check"><input type="checkbox" name="upheld" value="on"/><span>{d.upheld}</span></label>
                    <button type="submit">{d.send_answer}</button>
                </form>
            })}
        </li>
    }
}
