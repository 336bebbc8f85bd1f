//! Server functions of the training pages: staff's `/staff/training` (courses, my training),
//! a course's page (sessions, enrolment, the list), a session's door and the hours; and the
//! public ticket and certificate pages. Every form is a plain form: it works without the WASM.

use cc_domain::training::{Certificate, Course, Enrolment, MyEnrolment, PersonHours, Sitting};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::error::AppError;
#[cfg(feature = "ssr")]
use crate::plain_forms::back;

/// What `/staff/training` shows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TrainingDesk {
    pub courses: Vec<Course>,
    pub mine: Vec<MyEnrolment>,
    /// Whether the staff member organises any training (and so creates courses).
    pub organises: bool,
    /// The streets a district admin may make a course for (empty for others).
    pub streets: Vec<(i64, String)>,
}

#[cfg(feature = "ssr")]
async fn desk() -> Result<(cc_store::Store, cc_services::staff::Actor, cc_domain::ticket::TicketSigner), AppError> {
    use crate::staff_fns::context;
    let signer = use_context::<cc_domain::ticket::TicketSigner>().ok_or(AppError::Internal)?;
    Ok((context::staff_auth()?.store().clone(), context::actor().await?, signer))
}

/// The courses and the staff member's own training.
#[server]
pub async fn load_training_desk() -> Result<TrainingDesk, AppError> {
    use cc_domain::staff::Reach;
    let (store, actor, signer) = desk().await?;
    let reach = actor.member.scope.training_reach();
    let streets = if reach == Reach::Everywhere { store.street_choices().await.map_err(cc_services::ServiceError::from)? } else { Vec::new() };
    Ok(TrainingDesk {
        courses: cc_services::staff::training_courses(&store, &actor).await?,
        mine: cc_services::staff::my_training(&store, &signer, &actor).await?,
        organises: reach != Reach::Nowhere,
        streets,
    })
}

/// What a course's page shows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CoursePage {
    pub course: Course,
    pub organises: bool,
    /// Everyone enrolled (organisers only).
    pub enrolments: Vec<Enrolment>,
    /// The staff member's own place at this course, if any.
    pub mine: Option<MyEnrolment>,
    /// The streets a worker may be enrolled for (a street admin's own only).
    pub streets: Vec<(i64, String)>,
    /// The workers' signed tickets by enrolment (organisers only), to hand on again.
    pub tickets: Vec<(i64, String)>,
}

/// A course, for `/staff/training/{id}`.
#[server]
pub async fn load_training_course(id: i64) -> Result<CoursePage, AppError> {
    let (store, actor, signer) = desk().await?;
    let desk = cc_services::staff::training_course(&store, &signer, &actor, cc_domain::ids::TrainingCourseId(id)).await?;
    let mine = cc_services::staff::my_training(&store, &signer, &actor)
        .await?
        .into_iter()
        .find(|m| m.course_id.0 == id && m.status != cc_domain::training::EnrolmentStatus::Cancelled);
    let mut streets = if desk.organises { store.street_choices().await.map_err(cc_services::ServiceError::from)? } else { Vec::new() };
    // A street admin's workers are their street's (the use case holds to it too).
    if let Some(own) = actor.member.scope.street_id.filter(|_| actor.member.scope.role == cc_domain::staff::Role::StreetAdmin) {
        streets.retain(|(id, _)| *id == own);
    }
    let tickets = desk.tickets.into_iter().map(|(id, token)| (id.0, token)).collect();
    Ok(CoursePage { course: desk.course, organises: desk.organises, enrolments: desk.enrolments, mine, streets, tickets })
}

/// A session's door: the course, the session and its list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TrainingDoor {
    pub course: Course,
    pub session: Sitting,
    pub enrolments: Vec<Enrolment>,
}

/// The door of a training session, for its organisers.
#[server]
pub async fn load_training_door(session: i64) -> Result<TrainingDoor, AppError> {
    let (store, actor, _) = desk().await?;
    let (course, session, enrolments) = cc_services::staff::training_door(&store, &actor, cc_domain::ids::TrainingSessionId(session)).await?;
    Ok(TrainingDoor { course, session, enrolments })
}

/// Each person's hours in a year.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TrainingHours {
    pub year: i32,
    pub people: Vec<PersonHours>,
}

/// The hours of `year` (none: this year).
#[server]
pub async fn load_training_hours(year: Option<i32>) -> Result<TrainingHours, AppError> {
    use chrono::Datelike;
    let (store, actor, _) = desk().await?;
    let year = year.unwrap_or_else(|| cc_domain::time::local(cc_domain::time::now()).year());
    Ok(TrainingHours { year, people: cc_services::staff::training_hours(&store, &actor, year).await? })
}

/// A ticket by its signed token, for whoever was handed its link.
#[server]
pub async fn load_training_ticket(token: String) -> Result<MyEnrolment, AppError> {
    let signer = use_context::<cc_domain::ticket::TicketSigner>().ok_or(AppError::Internal)?;
    Ok(cc_services::training::ticket(&crate::public_fns::store()?, &signer, &token).await?)
}

/// A certificate by its number.
#[server]
pub async fn load_certificate(number: String) -> Result<Certificate, AppError> {
    Ok(cc_services::training::certificate(&crate::public_fns::store()?, &number).await?)
}

/// A new course, then its page.
#[server]
pub async fn create_training_course_form(topic: String, trainer: String, hours: String, summary: String, #[server(default)] street_id: String) -> Result<(), AppError> {
    let (store, actor, _) = desk().await?;
    // Anything that is not hours is refused by the course's own check, naming the field.
    let hours_typed = hours;
    let hours = cc_domain::training::Hours::parse(&hours_typed).map_or(-1.0, f64::from);
    let typed = [("topic", topic.clone()), ("trainer", trainer.clone()), ("hours", hours_typed.clone()), ("summary", summary.clone())];
    let input = cc_domain::training::CourseInput { topic, trainer, hours, summary, street_id: street_id.trim().parse().ok() };
    match cc_services::staff::create_training_course(&store, &actor, &input).await {
        Ok(id) => {
            leptos_axum::redirect(&format!("/staff/training/{}", id.0));
            Ok(())
        }
        other => back("/staff/training", "new-course", &typed, other).await,
    }
}

/// A new session of a course.
#[server]
pub async fn add_training_session_form(course_id: i64, starts_at: String, ends_at: String, venue: String, capacity: String) -> Result<(), AppError> {
    let (store, actor, _) = desk().await?;
    let page = format!("/staff/training/{course_id}");
    let parsed = crate::staff_fns::form_time(&starts_at, "starts_at").and_then(|s| crate::staff_fns::form_time(&ends_at, "ends_at").map(|e| (s, e)));
    let typed = [("starts_at", starts_at.clone()), ("ends_at", ends_at.clone()), ("venue", venue.clone()), ("capacity", capacity.clone())];
    let outcome = match parsed {
        Err(error) => Err(error),
        Ok((starts_at, ends_at)) => {
            let capacity = capacity.trim().parse().unwrap_or(0);
            let input = cc_domain::training::TrainingSessionInput { starts_at, ends_at, venue, capacity };
            cc_services::staff::add_training_session(&store, &actor, cc_domain::ids::TrainingCourseId(course_id), &input).await
        }
    };
    back(&page, "new-session", &typed, outcome).await
}

/// The staff member takes a place at a session.
#[server]
pub async fn enrol_training_form(course_id: i64, session_id: i64) -> Result<(), AppError> {
    let (store, actor, signer) = desk().await?;
    let outcome = cc_services::staff::enrol_in_training(&store, &signer, &actor, cc_domain::ids::TrainingSessionId(session_id), None).await;
    back(&format!("/staff/training/{course_id}"), "mine", &[], outcome).await
}

/// An organiser enrols a grassroots worker, then sees the worker's ticket to hand on.
#[server]
pub async fn enrol_worker_form(course_id: i64, session_id: i64, name: String, unit: String, mobile: String, #[server(default)] street_id: String) -> Result<(), AppError> {
    let (store, actor, signer) = desk().await?;
    let typed = [("name", name.clone()), ("unit", unit.clone())];
    let worker = cc_domain::training::WorkerInput { name, unit, mobile, street_id: street_id.trim().parse().ok() };
    match cc_services::staff::enrol_in_training(&store, &signer, &actor, cc_domain::ids::TrainingSessionId(session_id), Some(&worker)).await {
        Ok(placed) => {
            leptos_axum::redirect(&format!("/training/tickets/{}", placed.ticket));
            Ok(())
        }
        other => back(&format!("/staff/training/{course_id}"), "enrol-worker", &typed, other).await,
    }
}

/// A place given back.
#[server]
pub async fn cancel_training_form(course_id: i64, enrolment_id: i64) -> Result<(), AppError> {
    let (store, actor, _) = desk().await?;
    let outcome = cc_services::staff::cancel_training_enrolment(&store, &actor, cc_domain::ids::EnrolmentId(enrolment_id)).await;
    back(&format!("/staff/training/{course_id}"), "sessions", &[], outcome).await
}

/// Lets a ticket holder in at a session's door.
#[server]
pub async fn training_check_in_form(session_id: i64, ticket: String) -> Result<(), AppError> {
    let (store, actor, signer) = desk().await?;
    let outcome = cc_services::staff::training_check_in(&store, &signer, &actor, cc_domain::ids::TrainingSessionId(session_id), &ticket).await;
    let page = format!("/staff/training/sessions/{session_id}/door");
    match outcome {
        Ok(done) => {
            leptos_axum::redirect(&format!("{page}?in={}", done.enrolment_id.0));
            Ok(())
        }
        other => back(&page, "door", &[], other).await,
    }
}
