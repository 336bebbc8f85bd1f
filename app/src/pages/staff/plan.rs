//! `/staff/plan`: the work plan's tasks as staff keep them. The leading group (district admins)
//! sees every task, with those at risk or overdue first, and changes what a task is and who
//! owns it; a task's owners report how it goes, mark milestones done (the platform's figures
//! kept as they read then), add milestones and evidence, and answer residents' comments.
//! Server-rendered, with plain forms: no script needed.

use cc_domain::plan::{Comment, CommentState, Owner, PlanTask, Reported};
use cc_domain::Locale;
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use super::StaffError;
use crate::components::status::Loading;
use crate::components::text_area::TextArea;
use crate::i18n::plan::{joined, plan_error, plan_strings};
use crate::i18n::staff::staff_strings;
use crate::pages::plan::{EvidenceLine, Progress, StatusLabel};
use crate::plan_fns::{
    load_plan_desk, PlanCommentDecisionForm, PlanDesk, PlanEvidenceForm, PlanMilestoneDoneForm, PlanMilestoneForm, PlanProgressForm, PlanTaskForm,
};
use crate::prefs::use_prefs;

/// The page.
#[component]
pub fn StaffPlanPage() -> impl IntoView {
    let prefs = use_prefs();
    let p = move || plan_strings(prefs.lang());
    let desk = Resource::new(|| (), |_| load_plan_desk());
    view! {
        <Title text=move || p().staff_title/>
        <section class="staff plan">
            <p><a href="/staff">{move || staff_strings(prefs.lang()).back}</a></p>
            <h1>{move || p().staff_title}</h1>
            <p class="hint">{move || p().staff_hint}</p>
            <p><a href="/plan">{move || p().title}</a></p>
            <Suspense fallback=Loading>
                {move || Suspend::new(async move {
                    match desk.await {
                        Ok(desk) => view! { <Desk desk/> }.into_any(),
                        Err(error) => view! { <StaffError error/> }.into_any(),
                    }
                })}
            </Suspense>
        </section>
    }
}

#[component]
fn Desk(desk: PlanDesk) -> impl IntoView {
    let lang = use_prefs().lang();
    let p = plan_strings(lang);
    let mut tasks = desk.tasks.clone();
    // What needs the leading group's attention comes first; otherwise the plan's order.
    tasks.sort_by_key(|t| (!t.status.needs_attention(), t.number));
    let flagged = tasks.iter().filter(|t| t.status.needs_attention()).count();
    let PlanDesk { comments, leads, accounts, streets, .. } = desk;
    view! {
        {(flagged > 0).then(|| view! { <p class="notice" data-testid="plan-flagged">{p.flagged} {crate::i18n::colon(lang)} <strong>{flagged}</strong></p> })}
        {if tasks.is_empty() {
            view! { <p>{p.none_kept}</p> }.into_any()
        } else {
            view! {
                <ol class="plan-tasks" data-testid="staff-plan-tasks">
                    {tasks.into_iter().map(|task| {
                        let task_comments: Vec<Comment> = comments.iter().filter(|c| c.task_id == task.id).cloned().collect();
                        view! { <Task task leads accounts=accounts.clone() streets=streets.clone() comments=task_comments/> }
                    }).collect_view()}
                </ol>
            }.into_any()
        }}
    }
}

fn reported_label(reported: Reported, lang: Locale) -> &'static str {
    cc_domain::plan::TaskStatus::from(reported).label(lang)
}

fn when(ts: i64) -> String {
    cc_domain::time::local(ts).format("%Y-%m-%d").to_string()
}

#[component]
fn Task(task: PlanTask, leads: bool, accounts: Vec<Owner>, streets: Vec<(i64, String)>, comments: Vec<Comment>) -> impl IntoView {
    let lang = use_prefs().lang();
    let p = plan_strings(lang);
    let query = use_query_map();
    let asked = move |key: &str| query.with_untracked(|q| q.get(key)).unwrap_or_default();
    let id = task.id.0;
    let here = asked("task") == id.to_string();
    let error = here.then(|| asked("error")).filter(|c| !c.is_empty()).map(|code| plan_error(lang, &code));
    let saved = asked("done") == id.to_string();
    let colon = crate::i18n::colon(lang);
    let owners = if task.owners.is_empty() {
        p.no_owners.to_string()
    } else {
        joined(lang, &task.owners.iter().map(|o| o.display_name.clone()).collect::<Vec<_>>())
    };
    let figures: Vec<(i64, String)> = task
        .evidence
        .iter()
        .filter(|e| matches!(e.body, cc_domain::plan::EvidenceBody::Indicator { .. }))
        .map(|e| (e.id.0, e.title.clone()))
        .collect();
    let measures = |m: &cc_domain::plan::MilestoneReading| {
        let title = figures.iter().find(|(id, _)| *id == m.evidence_id.0).map(|(_, t)| t.clone()).unwrap_or_default();
        let measure = task.evidence.iter().find(|e| e.id == m.evidence_id).and_then(|e| match e.body {
            cc_domain::plan::EvidenceBody::Indicator { measure, .. } => Some(measure),
            _ => None,
        });
        measure.map(|measure| format!("{title} {}", m.reading.show(measure, lang)))
    };
    view! {
        <li class="plan-task" id=format!("task-{id}") data-testid="staff-plan-task" data-status=task.status.as_str()>
            <h2><span class="number">{task.number} ". "</span>{task.name.clone()}</h2>
            <p><StatusLabel status=task.status/> " " <Progress progress=task.progress/></p>
            {saved.then(|| view! { <p class="notice" role="status">{p.saved}</p> })}
            {error.map(|text| view! { <p class="form-error" role="alert" data-testid="plan-error">{text}</p> })}
            <dl class="task-facts">
                <dt>{p.lead_unit}</dt><dd>{task.lead_unit.clone()}</dd>
                <dt>{p.deadline}</dt><dd>{task.deadline.format("%Y-%m-%d").to_string()}</dd>
                <dt>{p.owners}</dt><dd>{owners}</dd>
            </dl>

            <form method="post" action=PlanProgressForm::url() class="answer-form" data-testid="plan-progress-form">
                <input type="hidden" name="task_id" value=id/>
                <label class="field"><span>{p.status}</span>
                    <select name="status">
                        {Reported::ALL.into_iter().map(|r| view! {
                            <option value=r.as_str() selected=r == task.reported>{reported_label(r, lang)}</option>
                        }).collect_view()}
                    </select>
                </label>
                <label class="field"><span>{p.note}</span>
                    <TextArea name="note" value=task.note.clone() rows=2 maxlength=500/>
                </label>
                <button type="submit">{p.save}</button>
            </form>

            <h3>{p.milestones}</h3>
            <ol class="milestones">
                {task.milestones.iter().map(|m| {
                    let kept: Vec<String> = m.readings.iter().filter_map(measures).collect();
                    view! {
                        <li class:done=m.done_at.is_some() data-testid="staff-milestone">
                            {m.title.clone()} " · " {m.due_on.format("%Y-%m-%d").to_string()}
                            {match m.done_at {
                                Some(at) => view! {
                                    " · " {p.done_on} " " {when(at)}
                                    {(!kept.is_empty()).then(|| view! { <span class="basis">" · " {p.kept} {colon} {joined(lang, &kept)}</span> })}
                                }.into_any(),
                                None => view! {
                                    <form method="post" action=PlanMilestoneDoneForm::url() class="inline-form">
                                        <input type="hidden" name="task_id" value=id/>
                                        <input type="hidden" name="milestone_id" value=m.id.0/>
                                        <button type="submit">{p.mark_done}</button>
                                    </form>
                                }.into_any(),
                            }}
                        </li>
                    }
                }).collect_view()}
            </ol>
            <details class="plan-form">
                <summary>{p.add_milestone}</summary>
                <form method="post" action=PlanMilestoneForm::url() class="answer-form">
                    <input type="hidden" name="task_id" value=id/>
                    <label class="field"><span>{p.milestone_title}</span><input name="title" required maxlength="60"/></label>
                    <label class="field"><span>{p.due_on}</span><input type="date" name="due_on" required/></label>
                    <button type="submit">{p.add}</button>
                </form>
            </details>

            <h3>{p.evidence}</h3>
            <ul class="evidence-list" data-testid="staff-evidence">
                {task.evidence.iter().cloned().map(|evidence| {
                    let visibility = if evidence.public { p.public } else { p.private };
                    view! { <EvidenceLine evidence task=id staff=true visibility/> }
                }).collect_view()}
            </ul>
            <details class="plan-form">
                <summary>{p.add_evidence}</summary>
                <form method="post" action=PlanEvidenceForm::url() class="answer-form" data-testid="plan-evidence-form">
                    <input type="hidden" name="task_id" value=id/>
                    <label class="field"><span>{p.evidence_title}</span><input name="title" required maxlength="60"/></label>
                    <label class="field"><span>{p.link}</span><input type="url" name="url" maxlength="500"/></label>
                    <label class="field"><span>{p.or_measure}</span>
                        <select name="measure">
                            <option value="">{p.no_measure}</option>
                            {cc_domain::plan::Measure::ALL.into_iter().map(|m| view! { <option value=m.as_str()>{m.label(lang)}</option> }).collect_view()}
                        </select>
                    </label>
                    <label class="field"><span>{p.street}</span>
                        <select name="street_id">
                            <option value="">{p.district}</option>
                            {streets.iter().map(|(sid, name)| view! { <option value=*sid>{name.clone()}</option> }).collect_view()}
                        </select>
                    </label>
                    <label class="field field-check"><input type="checkbox" name="public" value="on"/><span>{p.public}</span></label>
                    <button type="submit">{p.add}</button>
                </form>
                <form method="post" action=format!("/api/v1/staff/plan/tasks/{id}/files/form") enctype="multipart/form-data" class="answer-form" data-testid="plan-file-form">
                    <label class="field"><span>{p.evidence_title}</span><input name="title" required maxlength="60"/></label>
                    <label class="field"><span>{p.file}</span><input type="file" name="file" required accept=".pdf,.jpg,.jpeg,.png,.docx"/></label>
                    <label class="field field-check"><input type="checkbox" name="public" value="on"/><span>{p.public}</span></label>
                    <button type="submit">{p.upload}</button>
                </form>
            </details>

            {leads.then(|| view! { <PlanFields task=task.clone() accounts/> })}

            <h3>{p.comments_waiting}</h3>
            {if comments.is_empty() {
                view! { <p>{p.no_comments}</p> }.into_any()
            } else {
                view! { <ul class="plan-comments">{comments.into_iter().map(|comment| view! { <CommentLine comment task=id/> }).collect_view()}</ul> }.into_any()
            }}
        </li>
    }
}

/// The leading group's form: what the task is and who owns it.
#[component]
fn PlanFields(task: PlanTask, accounts: Vec<Owner>) -> impl IntoView {
    let lang = use_prefs().lang();
    let p = plan_strings(lang);
    let id = task.id.0;
    view! {
        <details class="plan-form">
            <summary>{p.plan_fields}</summary>
            <form method="post" action=PlanTaskForm::url() class="answer-form" data-testid="plan-task-form">
                <input type="hidden" name="task_id" value=id/>
                <label class="field"><span>{p.name}</span><input name="name" value=task.name.clone() required maxlength="60"/></label>
                <label class="field"><span>{p.summary}</span><TextArea name="summary" value=task.summary.clone() rows=3 maxlength=500/></label>
                <label class="field"><span>{p.lead_unit}</span><input name="lead_unit" value=task.lead_unit.clone() required maxlength="60"/></label>
                <label class="field"><span>{p.cooperating_hint}</span><TextArea name="cooperating_units" value=task.cooperating_units.join("\n") rows=3 maxlength=800/></label>
                <label class="field"><span>{p.deadline}</span><input type="date" name="deadline" value=task.deadline.format("%Y-%m-%d").to_string() required/></label>
                <fieldset><legend>{p.owners}</legend>
                    {accounts.into_iter().enumerate().map(|(n, account)| {
                        let owns = task.owned_by(account.id);
                        view! { <label class="field field-check"><input type="checkbox" name=format!("owner[{n}]") value=account.id.0 checked=owns/><span>{account.display_name}</span></label> }
                    }).collect_view()}
                </fieldset>
                <button type="submit">{p.save}</button>
            </form>
        </details>
    }
}

#[component]
fn CommentLine(comment: Comment, task: i64) -> impl IntoView {
    let lang = use_prefs().lang();
    let p = plan_strings(lang);
    let colon = crate::i18n::colon(lang);
    view! {
        <li data-testid="staff-plan-comment" data-state=comment.state.as_str()>
            <p>{comment.author.clone()} " · " {when(comment.sent_at)}</p>
            <p>{comment.body.clone()}</p>
            {match comment.state {
                CommentState::Pending => view! {
                    <form method="post" action=PlanCommentDecisionForm::url() class="answer-form">
                        <input type="hidden" name="task_id" value=task/>
                        <input type="hidden" name="comment_id" value=comment.id.0/>
                        <label class="field"><span>{p.reply}</span><input name="reply" maxlength="300"/></label>
                        <button type="submit" name="show" value="on">{p.show}</button>
                        " " <button type="submit">{p.hide}</button>
                    </form>
                }.into_any(),
                CommentState::Shown => view! {
                    <p class="basis">{p.shown} {comment.reply.map(|r| view! { " · " {p.reply} {colon} {r} })}</p>
                }.into_any(),
                CommentState::Hidden => view! { <p class="basis">{p.hidden}</p> }.into_any(),
            }}
        </li>
    }
}

/// The dashboard's flags: the tasks at risk or overdue (nothing when there are none).
#[component]
pub fn PlanFlags() -> impl IntoView {
    let lang = use_prefs().lang();
    let flags = Resource::new(|| (), |_| crate::plan_fns::load_plan_flags());
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match flags.await {
                    Ok(flags) if !flags.is_empty() => Some(view! {
                        <section class="staff plan-flags" data-testid="dashboard-plan-flags">
                            <h2>{plan_strings(lang).staff_title} " · " {plan_strings(lang).flagged}</h2>
                            <ul>
                                {flags.into_iter().map(|f| view! {
                                    <li><StatusLabel status=f.status/> " " <a href=format!("/staff/plan#task-{}", f.id)>{f.number} ". " {f.name}</a></li>
                                }).collect_view()}
                            </ul>
                        </section>
                    }),
                    _ => None,
                }
            })}
        </Suspense>
    }
}
