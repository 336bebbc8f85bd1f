//! `/staff/training`: the courses, one's own training (tickets with their QR codes, certificates)
//! and, for organisers, a new course; `/staff/training/{id}`: a course's sessions, enrolling
//! oneself or a grassroots worker, the list of who enrolled (mobiles masked) and new sessions.
//! Server-rendered, with plain forms: no script needed.

use cc_domain::training::{Course, MyEnrolment};
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

use super::StaffError;
use crate::components::status::Loading;
use crate::i18n::training::{training_error, training_strings};
use crate::pages::training::held;
use crate::prefs::use_prefs;
use super::training_course::CourseView;
use crate::training_fns::{load_training_course, load_training_desk, CreateTrainingCourseForm, TrainingDesk};

/// What came of the form `form` (by its id; none: a form without its own place) from the
/// page's address: a refusal worded, or "saved".
#[component]
pub(crate) fn Outcome(#[prop(optional)] form: Option<&'static str>) -> impl IntoView {
    let lang = use_prefs().lang();
    let t = training_strings(lang);
    let query = use_query_map();
    let here = query.with_untracked(|q| q.get("form")).as_deref() == form;
    let error = query.with_untracked(|q| q.get("error")).filter(|c| !c.is_empty() && here);
    let saved = form.is_none() && query.with_untracked(|q| q.get("done")).is_some();
    view! {
        {error.map(|code| view! { <p class="form-error" role="alert" data-testid="training-error">{training_error(lang, &code)}</p> })}
        {saved.then(|| view! { <p class="notice" role="status">{t.saved}</p> })}
    }
}

/// The page.
#[component]
pub fn StaffTrainingPage() -> impl IntoView {
    let prefs = use_prefs();
    let t = move || training_strings(prefs.lang());
    let desk = Resource::new(|| (), |_| load_training_desk());
    view! {
        <Title text=move || t().title/>
        <section class="staff training">
            <p><a href="/staff">{move || crate::i18n::staff::staff_strings(prefs.lang()).back}</a></p>
            <h1>{move || t().title}</h1>
            <p class="hint">{move || t().hint}</p>
            <Outcome/>
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
fn Desk(desk: TrainingDesk) -> impl IntoView {
    let lang = use_prefs().lang();
    let t = training_strings(lang);
    let TrainingDesk { courses, mine, organises, streets } = desk;
    view! {
        <h2 id="mine">{t.mine}</h2>
        {if mine.is_empty() {
            view! { <p>{t.mine_none}</p> }.into_any()
        } else {
            view! { <ul class="training-mine" data-testid="my-training">{mine.into_iter().map(|m| view! { <Mine mine=m/> }).collect_view()}</ul> }.into_any()
        }}
        {organises.then(|| view! { <p><a href="/staff/training/hours" data-testid="training-hours-link">{t.hours_title}</a></p> })}
        <h2>{t.courses}</h2>
        {if courses.is_empty() {
            view! { <p>{t.none}</p> }.into_any()
        } else {
            view! { <ul class="training-courses" data-testid="training-courses">{courses.into_iter().map(|c| view! { <CourseLine course=c/> }).collect_view()}</ul> }.into_any()
        }}
        {organises.then(|| view! { <NewCourse streets/> })}
    }
}

/// One of the staff member's enrolments: the ticket while it holds a place, the certificate after.
#[component]
pub(crate) fn Mine(mine: MyEnrolment) -> impl IntoView {
    let lang = use_prefs().lang();
    let t = training_strings(lang);
    let colon = crate::i18n::colon(lang);
    view! {
        <li class="training-ticket" data-testid="my-enrolment" data-status=mine.status.as_str()>
            <h3><a href=format!("/staff/training/{}", mine.course_id.0)>{mine.topic.clone()}</a></h3>
            <p>{held(lang, &mine.session)} " · " {mine.session.venue.clone()} " · " <strong>{mine.status.label(lang)}</strong></p>
            {mine.ticket.clone().map(|token| view! {
                <p class="hint">{t.ticket_hint}</p>
                <img src=format!("/api/v1/training/tickets/{token}/qr.svg") width="200" height="200" alt=t.ticket_title data-testid="training-qr"/>
                <p>{t.code}{colon}<strong class="ticket-code" data-testid="training-code">{mine.code.clone()}</strong></p>
            })}
            {mine.certificate.clone().map(|number| view! {
                <p><a href=format!("/training/certificates/{number}") data-testid="certificate-link">{t.certificate}</a></p>
            })}
        </li>
    }
}

#[component]
fn CourseLine(course: Course) -> impl IntoView {
    let lang = use_prefs().lang();
    let t = training_strings(lang);
    let organiser = course.street.clone().unwrap_or_else(|| t.district.to_string());
    view! {
        <li class="training-course" data-testid="training-course">
            <h3><a href=format!("/staff/training/{}", course.id.0)>{course.topic.clone()}</a>
                {course.demo.then(|| view! { " " <span class="demo-mark">{t.demo}</span> })}</h3>
            <p>{t.trainer}{crate::i18n::colon(lang)}{course.trainer.clone()} " · " {course.hours.show()} " " {t.hours_unit} " · " {t.organiser}{crate::i18n::colon(lang)}{organiser}</p>
            <ul class="training-sessions">
                {course.sessions.iter().map(|s| view! {
                    <li>{held(lang, s)} " · " {s.venue.clone()} " · " {t.left} " " {s.remaining} "/" {s.capacity}</li>
                }).collect_view()}
            </ul>
        </li>
    }
}

/// What a refused form had in `field`, brought back in the page's address.
pub(crate) fn typed(field: &str) -> String {
    use_query_map().with_untracked(|q| q.get(field)).unwrap_or_default()
}

#[component]
fn NewCourse(streets: Vec<(i64, String)>) -> impl IntoView {
    let lang = use_prefs().lang();
    let t = training_strings(lang);
    view! {
        <form method="post" action=CreateTrainingCourseForm::url() class="training-form" id="new-course" data-testid="new-course-form">
            <h2>{t.new_course}</h2>
            <Outcome form="new-course"/>
            <label class="field"><span>{t.topic}</span><input type="text" name="topic" required maxlength="60" value=typed("topic")/></label>
            <label class="field"><span>{t.trainer}</span><input type="text" name="trainer" required maxlength="40" value=typed("trainer")/></label>
            <label class="field"><span>{t.hours}</span><input type="number" name="hours" required min="0.5" max="40" step="0.5" value=typed("hours")/></label>
            <label class="field"><span>{t.summary}</span><crate::components::text_area::TextArea name="summary" value=typed("summary") rows=3 maxlength=1000/></label>
            {(!streets.is_empty()).then(|| view! {
                <label class="field"><span>{t.organiser}</span>
                    <select name="street_id">
                        <option value="">{t.district}</option>
                        {streets.into_iter().map(|(id, name)| view! { <option value=id>{name}</option> }).collect_view()}
                    </select>
                </label>
            })}
            <button type="submit" class="primary">{t.create}</button>
        </form>
    }
}

/// `/staff/training/{id}`.
#[component]
pub fn StaffCoursePage() -> impl IntoView {
    let prefs = use_prefs();
    let t = move || training_strings(prefs.lang());
    let id = use_params_map().with_untracked(|p| p.get("id").and_then(|s| s.parse::<i64>().ok()).unwrap_or(0));
    let page = Resource::new(move || id, load_training_course);
    view! {
        <Title text=move || t().title/>
        <section class="staff training">
            <p><a href="/staff/training">{move || t().back}</a></p>
            <Outcome/>
            <Suspense fallback=Loading>
                {move || Suspend::new(async move {
                    match page.await {
                        Ok(page) => view! { <CourseView page/> }.into_any(),
                        Err(error) => view! { <StaffError error/> }.into_any(),
                    }
                })}
            </Suspense>
        </section>
    }
}
