//! `/staff/training/sessions/{session}/door`: let people in at a training session by their QR
//! ticket (the same camera scanner and offline queue as residents' doors, `checkin.js`) or a
//! typed code, and see who has come; `/staff/training/hours`: each person's hours in a year.

use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_meta::{Script, Title};
use leptos_router::hooks::{use_params_map, use_query_map};

use super::training::Outcome;
use crate::pages::training::held;
use super::StaffError;
use crate::components::status::Loading;
use crate::i18n::training::training_strings;
use crate::prefs::use_prefs;
use crate::training_fns::{load_training_door, load_training_hours, TrainingCheckInForm, TrainingDoor, TrainingHours};

/// The door page.
#[component]
pub fn TrainingDoorPage() -> impl IntoView {
    let prefs = use_prefs();
    let t = move || training_strings(prefs.lang());
    let session = use_params_map().with_untracked(|p| p.get("session").and_then(|s| s.parse::<i64>().ok()).unwrap_or(0));
    let door = Resource::new(move || session, load_training_door);
    let assets = crate::assets::use_assets();
    view! {
        <Title text=move || t().door_title/>
        <Script src=assets.versioned("/js/checkin.js") defer="true"/>
        <section class="staff door" id="door">
            <Suspense fallback=Loading>
                {move || Suspend::new(async move {
                    match door.await {
                        Ok(door) => view! { <Door door/> }.into_any(),
                        Err(error) => view! { <StaffError error/> }.into_any(),
                    }
                })}
            </Suspense>
        </section>
    }
}

#[component]
fn Door(door: TrainingDoor) -> impl IntoView {
    let lang = use_prefs().lang();
    let t = training_strings(lang);
    let staff = crate::i18n::staff::staff_strings(lang);
    let TrainingDoor { course, session, enrolments } = door;
    let let_in = use_query_map().with_untracked(|q| q.get("in")).and_then(|id| id.parse::<i64>().ok());
    let let_in = let_in.and_then(|id| enrolments.iter().find(|e| e.id.0 == id)).map(|e| match &e.mobile {
        Some(mobile) => format!("{} {mobile}", e.name),
        None => e.name.clone(),
    });
    let labels = serde_json::json!({ "done": t.checked_in, "queued": staff.queued, "offline": staff.offline, "no_camera": staff.no_camera }).to_string();
    let endpoint = format!("/api/v1/staff/training/sessions/{}/checkins", session.id.0);
    view! {
        <p><a href=format!("/staff/training/{}", course.id.0)>{t.back}</a></p>
        <h1>{t.door_title}</h1>
        <h2>{course.topic.clone()}</h2>
        <p>{held(lang, &session)} " · " {session.venue.clone()}</p>
        <div class="scanner" data-cc-scanner data-session=session.id.0.to_string() data-checkins=endpoint data-labels=labels>
            <button type="button" data-scan-start>{staff.scan}</button>
            <video data-scan-video hidden muted></video>
            <p data-scan-status role="status" data-testid="scan-status"></p>
            <p data-scan-queue data-testid="scan-queue"></p>
        </div>
        <Outcome form="door"/>
        {let_in.map(|holder| view! { <p class="booking-outcome" role="status" data-testid="training-let-in">{t.checked_in} " " <strong>{holder}</strong></p> })}
        <form method="post" action=TrainingCheckInForm::url() class="checkin-form" data-testid="training-checkin-form">
            <input type="hidden" name="session_id" value=session.id.0/>
            <label><span>{t.ticket}</span>
                <input type="text" name="ticket" required autocomplete="off" autocapitalize="characters" autofocus placeholder=t.code_hint data-testid="training-ticket"/></label>
            <button type="submit" class="primary" data-testid="training-let-in-button">{t.let_in}</button>
        </form>
        <p class="door-counts" data-testid="training-door-counts">
            {t.places} " " {session.capacity - session.remaining} "/" {session.capacity} " · " {t.attended} " " <strong>{session.attended}</strong>
        </p>
        <div class="table-scroll">
        <table class="sessions" data-testid="training-door-list">
            <caption class="visually-hidden">{t.list}</caption>
            <tbody>
                {enrolments.into_iter().map(|e| view! {
                    <tr data-status=e.status.as_str()>
                        <td>{e.name.clone()}</td>
                        <td>{e.unit.clone()}</td>
                        <td>{e.mobile.clone().unwrap_or_default()}</td>
                        <td>{e.status.label(lang)}</td>
                        <td>{e.checked_in_at.map(|at| cc_domain::time::local(at).format("%H:%M").to_string()).unwrap_or_default()}</td>
                    </tr>
                }).collect_view()}
            </tbody>
        </table>
        </div>
    }
}

/// The hours page.
#[component]
pub fn TrainingHoursPage() -> impl IntoView {
    let prefs = use_prefs();
    let t = move || training_strings(prefs.lang());
    let year = use_query_map().with_untracked(|q| q.get("year")).and_then(|y| y.trim().parse::<i32>().ok());
    let hours = Resource::new(move || year, load_training_hours);
    view! {
        <Title text=move || t().hours_title/>
        <section class="staff training">
            <p><a href="/staff/training">{move || t().back}</a></p>
            <h1>{move || t().hours_title}</h1>
            <Suspense fallback=Loading>
                {move || Suspend::new(async move {
                    match hours.await {
                        Ok(hours) => view! { <Hours hours/> }.into_any(),
                        Err(error) => view! { <StaffError error/> }.into_any(),
                    }
                })}
            </Suspense>
        </section>
    }
}

#[component]
fn Hours(hours: TrainingHours) -> impl IntoView {
    let lang = use_prefs().lang();
    let t = training_strings(lang);
    let this_year = chrono::Datelike::year(&cc_domain::time::local(cc_domain::time::now()));
    let TrainingHours { year, people } = hours;
    let total: u32 = people.iter().map(|p| p.hours.0).sum();
    view! {
        <form method="get" action="/staff/training/hours" class="inline-form">
            <label><span>{t.year}</span>
                <select name="year">
                    {(this_year - 4..=this_year).chain((year < this_year - 4 || year > this_year).then_some(year)).rev().map(|y| view! { <option value=y selected=y == year>{y}</option> }).collect_view()}
                </select>
            </label>
            <button type="submit">{t.show}</button>
        </form>
        {if people.is_empty() {
            view! { <p>{t.nobody_trained}</p> }.into_any()
        } else {
            view! {
                <div class="table-scroll">
                <table class="sessions" data-testid="training-hours">
                    <caption>{t.hours_title} " " {year}</caption>
                    <thead><tr><th>{t.person}</th><th>{t.unit}</th><th>{t.mobile}</th><th>{t.course_count}</th><th>{t.total}</th></tr></thead>
                    <tbody>
                        {people.into_iter().map(|p| view! {
                            <tr data-testid="training-person">
                                <td>{p.name.clone()}</td><td>{p.unit.clone()}</td><td>{p.mobile.clone().unwrap_or_default()}</td>
                                <td>{p.courses}</td><td>{p.hours.show()}</td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                    <tfoot><tr><td colspan="4">{t.total}</td><td>{cc_domain::training::Hours(total).show()}</td></tr></tfoot>
                </table>
                </div>
            }.into_any()
        }}
    }
}
