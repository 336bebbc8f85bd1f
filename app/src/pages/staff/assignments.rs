//! `/staff/fund/assignments`: an expert's reviews. For each application assigned to them they
//! first declare any conflict of interest (seeing only who applied and for what), then read it,
//! download its files and score it once on the weighted criteria; other experts' scores show
//! once everyone has scored. Server-rendered, with plain forms: no script needed.

use cc_domain::fund::boards::Assignment;
use cc_domain::fund::review::{points_text, ReviewState};
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use super::StaffError;
use crate::components::status::Loading;
use crate::components::text_area::TextArea;
use crate::fund_desk_fns::{my_assignments, DeclareForm, ScoreForm};
use crate::i18n::fund_desk::{desk_error, desk_strings};
use crate::i18n::staff::staff_strings;
use crate::pages::apply::Sent;
use crate::prefs::use_prefs;

/// The page.
#[component]
pub fn AssignmentsPage() -> impl IntoView {
    let prefs = use_prefs();
    let d = move || desk_strings(prefs.lang());
    let list = Resource::new(|| (), |_| my_assignments());
    view! {
        <Title text=move || d().assignments/>
        <section class="staff">
            <p><a href="/staff">{move || staff_strings(prefs.lang()).back}</a></p>
            <h1>{move || d().assignments}</h1>
            <p class="hint">{move || d().assignments_hint}</p>
            <Suspense fallback=Loading>
                {move || Suspend::new(async move {
                    match list.await {
                        Ok(list) if list.is_empty() => view! { <p>{d().no_assignments}</p> }.into_any(),
                        Ok(list) => view! {
                            <ol class="unit-list" data-testid="assignments">
                                {list.into_iter().map(|assignment| view! { <AssignmentRow assignment/> }).collect_view()}
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
fn AssignmentRow(assignment: Assignment) -> impl IntoView {
    let prefs = use_prefs();
    let (lang, d) = (prefs.lang(), desk_strings(prefs.lang()));
    let query = use_query_map();
    let id = assignment.application_id.0;
    let here = query.with_untracked(|q| q.get("application")).and_then(|v| v.parse::<i64>().ok()) == Some(id);
    let error = here.then(|| query.with_untracked(|q| q.get("error"))).flatten().map(|code| desk_error(lang, &code));
    let state = assignment.mine.state;
    let files: Vec<(String, String)> = assignment
        .application
        .iter()
        .flat_map(|a| a.attachments.iter())
        .map(|f| (f.file_name.clone(), format!("/api/v1/staff/fund/assignments/{id}/attachments/{}", f.id)))
        .collect();
    let others_in = assignment.progress.all_in();
    view! {
        <li class="unit" id=format!("application-{id}") data-testid="assignment" data-state=format!("{state:?}").to_lowercase()>
            <p><strong>{assignment.project.clone()}</strong> " · " {assignment.unit_name.clone()}</p>
            <p>{assignment.call_year} " · " {assignment.category_name.clone()}</p>
            {error.map(|text| view! { <p class="form-error" role="alert">{text}</p> })}
            {(state == ReviewState::Assigned).then(|| view! {
                <form method="post" action=DeclareForm::url() class="answer-form" data-testid="declare">
                    <input type="hidden" name="application_id" value=id/>
                    <fieldset>
                        <legend>{d.declare_hint}</legend>
                        <label class="field field-check"><input type="radio" name="conflict" value="no" required/><span>{d.no_conflict}</span></label>
                        <label class="field field-check"><input type="radio" name="conflict" value="yes"/><span>{d.conflict}</span></label>
                    </fieldset>
                    <label class="field"><span>{d.statement}</span><input type="text" name="statement" maxlength="300"/></label>
                    <button type="submit">{d.declare}</button>
                </form>
            })}
            {(state == ReviewState::Recused).then(|| view! { <p class="hint">{d.recused}</p> })}
            {assignment.application.clone().map(|application| view! {
                <Sent application/>
                <ul class="files">
                    {files.into_iter().map(|(name, href)| view! { <li><a href=href download>{name}</a></li> }).collect_view()}
                </ul>
            })}
            {(state == ReviewState::Reading).then(|| view! {
                <form method="post" action=ScoreForm::url() class="answer-form" data-testid="score">
                    <input type="hidden" name="application_id" value=id/>
                    {assignment.criteria.iter().enumerate().map(|(n, c)| {
                        let name = if lang == cc_domain::Locale::En && !c.name_en.is_empty() { c.name_en.clone() } else { c.name.clone() };
                        view! {
                            <input type="hidden" name=format!("criterion[{n}]") value=c.id.0/>
                            <label class="field"><span>{name} " (" {d.weight} " " {c.weight} "%)"</span>
                                <input type="number" name=format!("points[{n}]") min="0" max="100" step="1" required inputmode="numeric"/>
                            </label>
                        }
                    }).collect_view()}
                    <label class="field"><span>{d.comment}</span><TextArea name="comment" value=String::new() maxlength=500/></label>
                    <button type="submit">{d.score}</button>
                </form>
            })}
            {(state == ReviewState::Scored).then(|| view! {
                <p>{d.my_total} {crate::i18n::colon(lang)} <strong data-testid="my-total">{assignment.mine.total.map(points_text)}</strong></p>
                {if others_in {
                    view! {
                        <ul class="reviews">{assignment.reviews.iter().filter(|r| r.total.is_some()).map(|r| view! {
                            <li>{r.expert_name.clone()} " · " {r.total.map(points_text)}</li>
                        }).collect_view()}</ul>
                    }.into_any()
                } else {
                    view! { <p class="hint">{d.others_hidden}</p> }.into_any()
                }}
            })}
        </li>
    }
}
