//! `/plan`: the demonstration-zone work plan as residents follow it (全社会关心、参与和监督创建):
//! every task's lead unit, deadline, status and progress, its milestones, its public evidence
//! (links, files, the platform's figures read live), the comments the lead unit chose to show
//! with their replies, and a form to send one. Server-rendered, with a plain form.

use cc_domain::plan::{Evidence, EvidenceBody, PublicTask, TaskStatus};
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::components::status::{ErrorNotice, Loading};
use crate::components::text_area::TextArea;
use crate::i18n::plan::{joined, plan_error, plan_strings};
use crate::plan_fns::{load_plan, PlanCommentForm};
use crate::prefs::use_prefs;

/// The page.
#[component]
pub fn PlanPage() -> impl IntoView {
    let prefs = use_prefs();
    let p = move || plan_strings(prefs.lang());
    let page = Resource::new(|| (), |_| load_plan());
    view! {
        <Title text=move || p().title/>
        <section class="plan">
            <h1>{move || p().title}</h1>
            <p class="intro">{move || p().intro}</p>
            <Suspense fallback=Loading>
                {move || Suspend::new(async move {
                    match page.await {
                        Ok(page) => view! {
                            <Tally tasks=page.tasks.clone()/>
                            <ol class="plan-tasks" data-testid="plan-tasks">
                                {page.tasks.into_iter().map(|task| view! { <Task task logged_in=page.logged_in/> }).collect_view()}
                            </ol>
                        }.into_any(),
                        Err(error) => view! { <ErrorNotice error/> }.into_any(),
                    }
                })}
            </Suspense>
        </section>
    }
}

/// How many tasks stand where.
#[component]
fn Tally(tasks: Vec<PublicTask>) -> impl IntoView {
    let lang = use_prefs().lang();
    let statuses = [TaskStatus::Done, TaskStatus::OnTrack, TaskStatus::AtRisk, TaskStatus::Overdue, TaskStatus::NotStarted];
    view! {
        <ul class="plan-tally" data-testid="plan-tally">
            {statuses.into_iter().map(|status| {
                let count = tasks.iter().filter(|t| t.status == status).count();
                view! { <li class=format!("task-status {}", status.as_str())>{status.label(lang)} " " <strong>{count}</strong></li> }
            }).collect_view()}
        </ul>
    }
}

/// A task's status as a coloured label.
#[component]
pub fn StatusLabel(status: TaskStatus) -> impl IntoView {
    let lang = use_prefs().lang();
    view! { <span class=format!("task-status {}", status.as_str()) data-testid="task-status">{status.label(lang)}</span> }
}

/// A progress bar people and screen readers read alike.
#[component]
pub fn Progress(progress: u8) -> impl IntoView {
    let lang = use_prefs().lang();
    view! {
        <span class="task-progress">
            {plan_strings(lang).progress} " "
            <progress max="100" value=progress>{format!("{progress}%")}</progress>
            " " <strong data-testid="task-progress">{format!("{progress}%")}</strong>
        </span>
    }
}

/// One piece of evidence as anyone reads it.
#[component]
pub fn EvidenceLine(evidence: Evidence, task: i64, #[prop(optional)] staff: bool, #[prop(optional)] visibility: Option<&'static str>) -> impl IntoView {
    let lang = use_prefs().lang();
    let p = plan_strings(lang);
    let title = evidence.title.clone();
    let body = match evidence.body {
        EvidenceBody::Link { url } => view! { <a href=url rel="noopener nofollow" target="_blank">{title}</a> }.into_any(),
        EvidenceBody::File { .. } => {
            let base = if staff { "/api/v1/staff/plan/tasks" } else { "/api/v1/plan/tasks" };
            view! { {title} " · " <a href=format!("{base}/{task}/evidence/{}", evidence.id) download>{p.download}</a> }.into_any()
        }
        EvidenceBody::Indicator { measure, street, now, .. } => {
            let place = street.unwrap_or_else(|| p.district.to_string());
            view! {
                {title} " · " {measure.label(lang)} " (" {place} ")" {crate::i18n::colon(lang)}
                <strong data-testid="indicator-value">{now.show(measure, lang)}</strong>
                <span class="basis">" (" {now.basis(measure)} ")"</span>
            }
            .into_any()
        }
    };
    view! { <li class="evidence">{body}{visibility.map(|v| view! { <span class="basis">" · " {v}</span> })}</li> }
}

#[component]
fn Task(task: PublicTask, logged_in: bool) -> impl IntoView {
    let lang = use_prefs().lang();
    let p = plan_strings(lang);
    let query = use_query_map();
    let asked = move |key: &str| query.with_untracked(|q| q.get(key)).unwrap_or_default();
    let id = task.id.0;
    let here = asked("task") == id.to_string();
    let error = here.then(|| asked("error")).filter(|c| !c.is_empty()).map(|code| plan_error(lang, &code));
    let typed = if here { asked("typed") } else { String::new() };
    let sent = asked("sent") == id.to_string();
    let open = error.is_some();
    let colon = crate::i18n::colon(lang);
    let next = cc_domain::query::percent_encode(&format!("/plan#task-{id}"));
    view! {
        <li class="plan-task" id=format!("task-{id}") data-testid="plan-task" data-status=task.status.as_str()>
            <h2><span class="number">{task.number} ". "</span>{task.name.clone()}</h2>
            <p><StatusLabel status=task.status/> " " <Progress progress=task.progress/>
                {task.demo.then(|| view! { " " <span class="demo-mark">{p.demo}</span> })}</p>
            {(!task.summary.is_empty()).then(|| view! { <p>{task.summary.clone()}</p> })}
            <dl class="task-facts">
                <dt>{p.lead_unit}</dt><dd>{task.lead_unit.clone()}</dd>
                {(!task.cooperating_units.is_empty()).then(|| view! { <dt>{p.cooperating}</dt><dd>{joined(lang, &task.cooperating_units)}</dd> })}
                <dt>{p.deadline}</dt><dd>{task.deadline.format("%Y-%m-%d").to_string()}</dd>
            </dl>
            {(!task.milestones.is_empty()).then(|| view! {
                <h3>{p.milestones}</h3>
                <ol class="milestones">
                    {task.milestones.iter().map(|m| view! {
                        <li class:done=m.done>{if m.done { "✓ " } else { "○ " }}{m.title.clone()} " · " {m.due_on.format("%Y-%m-%d").to_string()}</li>
                    }).collect_view()}
                </ol>
            })}
            {(!task.evidence.is_empty()).then(|| view! {
                <h3>{p.evidence}</h3>
                <ul class="evidence-list">
                    {task.evidence.iter().cloned().map(|evidence| view! { <EvidenceLine evidence task=id/> }).collect_view()}
                </ul>
            })}
            {(!task.comments.is_empty()).then(|| view! {
                <h3>{p.comments}</h3>
                <ul class="plan-comments">
                    {task.comments.iter().map(|c| view! {
                        <li data-testid="plan-comment"><p>{c.body.clone()}</p>
                            {c.reply.clone().map(|reply| view! { <p class="reply">{p.reply} {colon} {reply}</p> })}</li>
                    }).collect_view()}
                </ul>
            })}
            {sent.then(|| view! { <p class="notice" role="status">{p.sent}</p> })}
            {if logged_in {
                view! {
                    <details class="comment" open=open>
                        <summary>{p.comment}</summary>
                        {error.map(|text| view! { <p class="form-error" role="alert" data-testid="comment-error">{text}</p> })}
                        <form method="post" action=PlanCommentForm::url() class="answer-form" data-testid="plan-comment-form">
                            <input type="hidden" name="task_id" value=id/>
                            <label class="field"><span>{p.comment_hint}</span>
                                <TextArea name="comment" value=typed.clone() maxlength=500 required=true/>
                            </label>
                            <button type="submit">{p.send}</button>
                        </form>
                    </details>
                }.into_any()
            } else {
                view! { <p><a href=format!("/login?next={next}")>{p.login}</a></p> }.into_any()
            }}
        </li>
    }
}
