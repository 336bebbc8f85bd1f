//! A course's page as staff use it: its facts, one's own place, each session with enrolment
//! and (for organisers) its list and door, a new session and enrolling a grassroots worker.

use cc_domain::training::{Enrolment, EnrolmentStatus, Sitting};
use leptos::prelude::*;
use leptos::server_fn::ServerFn;

use super::training::{typed, Mine, Outcome};
use crate::pages::training::held;
use crate::i18n::training::training_strings;
use crate::prefs::use_prefs;
use crate::training_fns::{AddTrainingSessionForm, CancelTrainingForm, CoursePage, EnrolTrainingForm, EnrolWorkerForm};

/// The course, whole.
#[component]
pub(crate) fn CourseView(page: CoursePage) -> impl IntoView {
    let lang = use_prefs().lang();
    let t = training_strings(lang);
    let CoursePage { course, organises, enrolments, mine, streets, tickets } = page;
    let colon = crate::i18n::colon(lang);
    let course_id = course.id.0;
    let now = cc_domain::time::now();
    let enrolled_here = mine.is_some();
    let open: Vec<Sitting> = course.sessions.iter().filter(|s| s.starts_at > now).cloned().collect();
    view! {
        <h1 data-testid="course-topic">{course.topic.clone()}</h1>
        <dl class="task-facts">
            <dt>{t.trainer}</dt><dd>{course.trainer.clone()}</dd>
            <dt>{t.hours}</dt><dd>{course.hours.show()}</dd>
            <dt>{t.organiser}</dt><dd>{course.street.clone().unwrap_or_else(|| t.district.to_string())}</dd>
        </dl>
        {(!course.summary.is_empty()).then(|| view! { <p class="paragraphs">{course.summary.clone()}</p> })}
        {mine.map(|m| {
            let cancel = (m.status == EnrolmentStatus::Enrolled && m.session.starts_at > now).then_some(m.id.0);
            view! {
                <section id="mine"><h2>{t.mine}</h2><ul class="training-mine"><Mine mine=m/></ul>
                {cancel.map(|enrolment| view! {
                    <form method="post" action=CancelTrainingForm::url() class="inline-form">
                        <input type="hidden" name="course_id" value=course_id/>
                        <input type="hidden" name="enrolment_id" value=enrolment/>
                        <button type="submit" data-testid="cancel-mine">{t.cancel}</button>
                    </form>
                })}
                </section>
            }
        })}
        <h2 id="sessions">{t.sessions}</h2>
        // Enrolling oneself and giving a place back are told here, by the sessions.
        <Outcome form="mine"/>
        <Outcome form="sessions"/>
        {course.sessions.is_empty().then(|| view! { <p>{t.no_sessions}</p> })}
        <ol class="training-sessions" data-testid="course-sessions">
            {course.sessions.iter().map(|s| {
                let list: Vec<Enrolment> = enrolments.iter().filter(|e| e.session_id == s.id).cloned().collect();
                let can_enrol = !enrolled_here && s.starts_at > now && s.remaining > 0;
                view! {
                    <li class="training-session" data-testid="course-session">
                        <p><strong>{held(lang, s)}</strong> " · " {s.venue.clone()}</p>
                        <p>{t.places}{colon}{s.capacity} " · " {t.left} " " <span data-testid="places-left">{s.remaining}</span> " · " {t.attended} " " {s.attended}</p>
                        {can_enrol.then(|| view! {
                            <form method="post" action=EnrolTrainingForm::url() class="inline-form">
                                <input type="hidden" name="course_id" value=course_id/>
                                <input type="hidden" name="session_id" value=s.id.0/>
                                <button type="submit" class="primary" data-testid="enrol">{t.enrol}</button>
                            </form>
                        })}
                        {organises.then(|| view! {
                            <p><a href=format!("/staff/training/sessions/{}/door", s.id.0) data-testid="door-link">{t.door}</a></p>
                            <EnrolmentList list course_id started=s.starts_at <= now tickets=tickets.clone()/>
                        })}
                    </li>
                }
            }).collect_view()}
        </ol>
        {organises.then(|| view! {
            <form method="post" action=AddTrainingSessionForm::url() class="training-form" id="new-session" data-testid="new-session-form">
                <h2>{t.new_session}</h2>
                <Outcome form="new-session"/>
                <input type="hidden" name="course_id" value=course_id/>
                <label class="field"><span>{t.starts}</span><input type="datetime-local" name="starts_at" required value=typed("starts_at")/></label>
                <label class="field"><span>{t.ends}</span><input type="datetime-local" name="ends_at" required value=typed("ends_at")/></label>
                <label class="field"><span>{t.venue}</span><input type="text" name="venue" required maxlength="60" value=typed("venue")/></label>
                <label class="field"><span>{t.places}</span><input type="number" name="capacity" required min="1" max="500" value=typed("capacity")/></label>
                <button type="submit" class="primary">{t.add}</button>
            </form>
        })}
        {(organises && !open.is_empty()).then(|| view! {
            <form method="post" action=EnrolWorkerForm::url() class="training-form" id="enrol-worker" data-testid="enrol-worker-form">
                <h2>{t.enrol_worker}</h2>
                <Outcome form="enrol-worker"/>
                <p class="hint">{t.worker_hint}</p>
                <input type="hidden" name="course_id" value=course_id/>
                <label class="field"><span>{t.sessions}</span>
                    <select name="session_id">
                        {open.iter().map(|s| view! { <option value=s.id.0>{held(lang, s)} " · " {s.venue.clone()}</option> }).collect_view()}
                    </select>
                </label>
                <label class="field"><span>{t.name}</span><input type="text" name="name" required maxlength="20" value=typed("name")/></label>
                <label class="field"><span>{t.unit}</span><input type="text" name="unit" required maxlength="60" value=typed("unit")/></label>
                <label class="field"><span>{t.mobile}</span><input type="tel" name="mobile" required autocomplete="off"/></label>
                <label class="field"><span>{t.street}</span>
                    <select name="street_id">
                        {(streets.len() != 1).then(|| view! { <option value="">{t.district}</option> })}
                        {streets.into_iter().map(|(id, name)| view! { <option value=id>{name}</option> }).collect_view()}
                    </select>
                </label>
                <button type="submit" class="primary">{t.enrol}</button>
            </form>
        })}
    }
}

/// Who enrolled at a session, mobiles masked, with each worker's ticket to hand on again;
/// organisers may give a place back before it starts.
#[component]
fn EnrolmentList(list: Vec<Enrolment>, course_id: i64, started: bool, tickets: Vec<(i64, String)>) -> impl IntoView {
    let lang = use_prefs().lang();
    let t = training_strings(lang);
    if list.is_empty() {
        return view! { <p>{t.nobody}</p> }.into_any();
    }
    view! {
        <div class="table-scroll">
        <table class="sessions" data-testid="enrolment-list">
            <caption class="visually-hidden">{t.list}</caption>
            <thead><tr><th>{t.name}</th><th>{t.unit}</th><th>{t.mobile}</th><th>{t.status}</th><th></th></tr></thead>
            <tbody>
                {list.into_iter().map(|e| view! {
                    <tr data-status=e.status.as_str()>
                        <td>{e.name.clone()}</td>
                        <td>{e.unit.clone()}</td>
                        <td>{e.mobile.clone().unwrap_or_default()}</td>
                        <td>{e.status.label(lang)}
                            {tickets.iter().find(|(id, _)| *id == e.id.0).map(|(_, token)| view! {
                                " " <a href=format!("/training/tickets/{token}") data-testid="worker-ticket">{t.ticket_title}</a>
                            })}
                        </td>
                        <td>{(e.status == EnrolmentStatus::Enrolled && !started).then(|| view! {
                            <form method="post" action=CancelTrainingForm::url() class="inline-form">
                                <input type="hidden" name="course_id" value=course_id/>
                                <input type="hidden" name="enrolment_id" value=e.id.0/>
                                <button type="submit">{t.cancel}</button>
                            </form>
                        })}</td>
                    </tr>
                }).collect_view()}
            </tbody>
        </table>
        </div>
    }
    .into_any()
}
