//! Training of cultural staff as staff run it. Every staff member but experts sees the courses
//! and enrols themselves; organisers — district admins for every course, street admins for
//! their street's — create courses and sessions, enrol grassroots workers who have no account,
//! let people in at the door by the same signed QR tickets as residents', and read the hours.
//! Every change is audited, and every refusal.

use cc_domain::door::{door_timing, DoorTiming};
use cc_domain::ids::{EnrolmentId, Id, StaffId, TrainingCourseId, TrainingSessionId};
use cc_domain::ticket::TicketSigner;
use cc_domain::time::{local, now};
use cc_domain::training::{hours_by_person, Course, CourseInput, Enrolment, MyEnrolment, Person, PersonHours, Sitting, TrainingSessionInput, WorkerInput};
use cc_store::training::{CheckIn, Enrolled, NewEnrolment};
use cc_store::Store;
use serde_json::json;

use super::{refuse, Actor};
use crate::ServiceError;

/// A course as its page shows it: the enrolments of each session for its organisers only.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct CourseDesk {
    pub course: Course,
    /// Whether the staff member organises it.
    pub organises: bool,
    /// Everyone enrolled (organisers only; empty otherwise), mobiles masked.
    pub enrolments: Vec<Enrolment>,
    /// The signed tickets of the workers still holding a place (organisers only), to hand on
    /// again.
    pub tickets: Vec<(EnrolmentId, String)>,
}

/// A place taken.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Placed {
    pub id: EnrolmentId,
    /// The code to type at the door.
    pub code: String,
    /// The signed ticket for the QR code.
    pub ticket: String,
}

async fn may_take_part(store: &Store, actor: &Actor, action: &str, object: &str, id: Option<i64>) -> Result<(), ServiceError> {
    if actor.member.scope.role.takes_training() {
        Ok(())
    } else {
        refuse(store, actor.audit(action, object, id)).await
    }
}

/// The organising street of course `id`, if `actor` organises it (the refusal audited).
async fn organised(store: &Store, actor: &Actor, id: TrainingCourseId, action: &str) -> Result<Option<i64>, ServiceError> {
    let street = store.training_course_street(id).await?.ok_or(ServiceError::NotFound(TrainingCourseId::NOUN))?;
    if !actor.member.scope.organises_training(street) {
        return refuse(store, actor.audit(action, "training_course", Some(id.0))).await;
    }
    Ok(street)
}

/// Every course, newest first.
pub async fn training_courses(store: &Store, actor: &Actor) -> Result<Vec<Course>, ServiceError> {
    may_take_part(store, actor, "read_training", "training_course", None).await?;
    Ok(store.training_courses().await?)
}

/// One course; its organisers also get everyone enrolled and the workers' tickets.
pub async fn training_course(store: &Store, signer: &TicketSigner, actor: &Actor, id: TrainingCourseId) -> Result<CourseDesk, ServiceError> {
    may_take_part(store, actor, "read_training", "training_course", Some(id.0)).await?;
    let course = store.training_course(id).await?.ok_or(ServiceError::NotFound(TrainingCourseId::NOUN))?;
    let organises = actor.member.scope.organises_training(course.street_id);
    let (mut enrolments, mut tickets) = (Vec::new(), Vec::new());
    if organises {
        for session in &course.sessions {
            enrolments.extend(store.training_enrolments(session.id).await?);
            tickets.extend(store.training_worker_codes(session.id).await?.into_iter().map(|(id, code)| (id, signer.training_token(id.0, &code))));
        }
    }
    Ok(CourseDesk { course, organises, enrolments, tickets })
}

/// A new course: a street admin's is their street's; a district admin's the district's or the
/// street named.
pub async fn create_training_course(store: &Store, actor: &Actor, input: &CourseInput) -> Result<TrainingCourseId, ServiceError> {
    let scope = &actor.member.scope;
    let mut entry = actor.audit("create_training_course", "training_course", None);
    let street = match scope.role {
        cc_domain::staff::Role::StreetAdmin => scope.street_id,
        _ => input.street_id.filter(|s| *s > 0),
    };
    if !scope.organises_training(street) {
        return refuse(store, entry).await;
    }
    let checked = input.check().map_err(ServiceError::Field)?;
    if let Some(id) = street {
        if !store.street_exists(id).await? {
            return Err(ServiceError::Field(cc_domain::authoring::FieldError::new("street_id", "没有这个街道", "no such street")));
        }
    }
    let id = store.create_training_course(&checked, street, StaffId(actor.member.id), false, now()).await?;
    entry.object_id = Some(id.0);
    entry.after = Some(json!({ "topic": checked.topic, "trainer": checked.trainer, "hours": f64::from(checked.hours), "street_id": street }).to_string());
    store.append_audit(&entry).await?;
    Ok(id)
}

/// A new session of a course, for its organisers.
pub async fn add_training_session(store: &Store, actor: &Actor, course: TrainingCourseId, input: &TrainingSessionInput) -> Result<TrainingSessionId, ServiceError> {
    organised(store, actor, course, "add_training_session").await?;
    let checked = input.check(now()).map_err(ServiceError::Field)?;
    let id = store.add_training_session(course, &checked).await?;
    let mut entry = actor.audit("add_training_session", "training_session", Some(id.0));
    entry.after = Some(
        json!({ "course_id": course.0, "starts_at": checked.starts_at.timestamp(), "ends_at": checked.ends_at.timestamp(), "venue": checked.venue, "capacity": checked.capacity })
            .to_string(),
    );
    store.append_audit(&entry).await?;
    Ok(id)
}

/// Takes a place at `session`: for the staff member themselves, or (`worker`) for a grassroots
/// worker, by the course's organisers. Until the session starts.
pub async fn enrol_in_training(store: &Store, signer: &TicketSigner, actor: &Actor, session: TrainingSessionId, worker: Option<&WorkerInput>) -> Result<Placed, ServiceError> {
    let place = store.training_session_place(session).await?.ok_or(ServiceError::NotFound(TrainingSessionId::NOUN))?;
    let mut entry = actor.audit("enrol_in_training", "training_session", Some(session.0));
    let me = StaffId(actor.member.id);
    let who = match worker {
        None => {
            may_take_part(store, actor, "enrol_in_training", "training_session", Some(session.0)).await?;
            let (street_id, unit) = store.staff_home(me).await?;
            NewEnrolment { person: Person::Staff(me), name: actor.member.display_name.clone(), unit, street_id }
        }
        Some(input) => {
            if !actor.member.scope.organises_training(place.street_id) {
                return refuse(store, entry).await;
            }
            let mut checked = input.check().map_err(ServiceError::Field)?;
            // A street admin's workers are their street's: no one puts people on another
            // street's books (its training figures).
            if actor.member.scope.role == cc_domain::staff::Role::StreetAdmin {
                checked.street_id = actor.member.scope.street_id;
            }
            if let Some(id) = checked.street_id {
                if !store.street_exists(id).await? {
                    return Err(ServiceError::Field(cc_domain::authoring::FieldError::new("street_id", "没有这个街道", "no such street")));
                }
            }
            // A street's own course counts for its street when none is given.
            let street_id = checked.street_id.or(place.street_id);
            NewEnrolment { person: Person::Worker { mobile: checked.mobile.as_str().to_string() }, name: checked.name, unit: checked.unit, street_id }
        }
    };
    if now() >= place.starts_at {
        return Err(ServiceError::refused(409, "training_started", "这场培训已经开始，不能再报名。", "This session has started: enrolment is closed."));
    }
    match store.enrol_in_training(session, &who, Some(me), now()).await? {
        Enrolled::Enrolled { id, code } => {
            entry.object_type = "training_enrolment".into();
            entry.object_id = Some(id.0);
            entry.after = Some(json!({ "session_id": session.0, "name": who.name, "unit": who.unit, "for": if worker.is_some() { "worker" } else { "self" } }).to_string());
            store.append_audit(&entry).await?;
            Ok(Placed { id, ticket: signer.training_token(id.0, &code), code })
        }
        Enrolled::Full => Err(ServiceError::refused(409, "full", "这场培训已经报满。", "This session is full.")),
        Enrolled::AlreadyEnrolled => Err(ServiceError::refused(
            409,
            "already_enrolled",
            "已报名这门课程的一场培训，不能重复报名。",
            "Already enrolled at a session of this course.",
        )),
        Enrolled::Missing => Err(ServiceError::NotFound(TrainingSessionId::NOUN)),
    }
}

/// Gives a place back: one's own, or anyone's at a course one organises. Until it starts.
pub async fn cancel_training_enrolment(store: &Store, actor: &Actor, id: EnrolmentId) -> Result<(), ServiceError> {
    let (session, holder) = store.training_enrolment_owner(id).await?.ok_or(ServiceError::NotFound(EnrolmentId::NOUN))?;
    let place = store.training_session_place(session).await?.ok_or(ServiceError::NotFound(TrainingSessionId::NOUN))?;
    let mut entry = actor.audit("cancel_training_enrolment", "training_enrolment", Some(id.0));
    let own = holder == Some(StaffId(actor.member.id));
    if !own && !actor.member.scope.organises_training(place.street_id) {
        return refuse(store, entry).await;
    }
    if now() >= place.starts_at {
        return Err(ServiceError::refused(409, "training_started", "这场培训已经开始，不能再取消。", "This session has started: it cannot be cancelled."));
    }
    if !store.cancel_training_enrolment(id).await? {
        return Err(ServiceError::refused(409, "not_enrolled", "这个名额已取消或已签到。", "This place was already cancelled or used."));
    }
    entry.after = Some(json!({ "status": "cancelled" }).to_string());
    store.append_audit(&entry).await?;
    Ok(())
}

/// Who was let in at a training session's door.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct TrainingCheckedIn {
    pub enrolment_id: EnrolmentId,
    /// The name, and a worker's mobile masked (138****5678), for the door to say.
    pub holder: String,
}

/// Lets the holder of `ticket` — a scanned training token (`CT1.…`, signature checked) or a
/// typed code — in at `session`, for its organisers, from two hours before the start until the
/// end. Single use; attending completes the course.
pub async fn training_check_in(store: &Store, signer: &TicketSigner, actor: &Actor, session: TrainingSessionId, ticket: &str) -> Result<TrainingCheckedIn, ServiceError> {
    let place = store.training_session_place(session).await?.ok_or(ServiceError::NotFound(TrainingSessionId::NOUN))?;
    let mut entry = actor.audit("training_check_in", "training_session", Some(session.0));
    if !actor.member.scope.organises_training(place.street_id) {
        return refuse(store, entry).await;
    }
    let ticket = ticket.trim();
    let (code, only) = if TicketSigner::is_training_token(ticket) {
        let claim = signer.verify_training(ticket).ok_or_else(|| {
            ServiceError::refused(400, "invalid_ticket", "电子票签名无效：票可能是伪造的或已损坏。", "The ticket's signature is not valid: it is forged or damaged.")
        })?;
        (claim.code, Some(EnrolmentId(claim.booking_id)))
    } else if let Some(code) = cc_domain::booking::typed_ticket_code(ticket) {
        match store.training_code_session(&code).await? {
            None => return Err(unknown_ticket()),
            Some(at) if at != session => return Err(other_session()),
            Some(_) => (code, None),
        }
    } else {
        return Err(unknown_ticket());
    };
    match door_timing(place.starts_at, place.ends_at, now()) {
        DoorTiming::Open => {}
        DoorTiming::TooEarly { opens_at } => {
            let at = local(opens_at);
            return Err(ServiceError::refused(
                409,
                "too_early",
                format!("还没到签到时间：本场培训 {} 开始签到。", at.format("%-m月%-d日 %H:%M")),
                format!("Too early: check-in for this session opens at {}.", at.format("%-d %b %H:%M")),
            ));
        }
        DoorTiming::Over => return Err(ServiceError::refused(409, "session_over", "这场培训已结束，不能再签到。", "This session has ended.")),
    }
    match store.training_check_in(session, &code, only, StaffId(actor.member.id), now()).await? {
        CheckIn::CheckedIn(holder) => {
            entry.object_type = "training_enrolment".into();
            entry.object_id = Some(holder.id.0);
            entry.before = Some(json!({ "status": "enrolled" }).to_string());
            entry.after = Some(json!({ "status": "attended", "session_id": session.0 }).to_string());
            store.append_audit(&entry).await?;
            let shown = match holder.mobile.as_deref() {
                Some(mobile) => format!("{} {}", holder.name, cc_domain::account::mask_phone(mobile)),
                None => holder.name,
            };
            Ok(TrainingCheckedIn { enrolment_id: holder.id, holder: shown })
        }
        CheckIn::AlreadyCheckedIn { at } => {
            let at = local(at).format("%H:%M");
            Err(ServiceError::refused(409, "already_checked_in", format!("这张票已于 {at} 签到，不能重复使用。"), format!("This ticket was already checked in at {at}.")))
        }
        CheckIn::OtherSession => Err(other_session()),
        CheckIn::Cancelled => Err(ServiceError::refused(409, "no_place", "这个名额已取消。", "This place was cancelled.")),
        CheckIn::Unknown => Err(unknown_ticket()),
    }
}

fn other_session() -> ServiceError {
    ServiceError::refused(409, "other_session", "这张票属于另一场培训。", "This ticket is for another session.")
}

fn unknown_ticket() -> ServiceError {
    ServiceError::refused(404, "unknown_ticket", "没有这张票，请核对票码。", "No ticket has this code; check it again.")
}

/// A session and everyone on its list, for its organisers (the door page).
pub async fn training_door(store: &Store, actor: &Actor, session: TrainingSessionId) -> Result<(Course, Sitting, Vec<Enrolment>), ServiceError> {
    let place = store.training_session_place(session).await?.ok_or(ServiceError::NotFound(TrainingSessionId::NOUN))?;
    organised(store, actor, place.course_id, "read_training_door").await?;
    let course = store.training_course(place.course_id).await?.ok_or(ServiceError::NotFound(TrainingCourseId::NOUN))?;
    let sitting = course.sessions.iter().find(|s| s.id == session).cloned().ok_or(ServiceError::NotFound(TrainingSessionId::NOUN))?;
    Ok((course, sitting, store.training_enrolments(session).await?))
}

/// The staff member's own enrolments, each with its ticket while it holds a place.
pub async fn my_training(store: &Store, signer: &TicketSigner, actor: &Actor) -> Result<Vec<MyEnrolment>, ServiceError> {
    let mut mine = store.staff_training(StaffId(actor.member.id)).await?;
    for enrolment in &mut mine {
        if enrolment.status == cc_domain::training::EnrolmentStatus::Enrolled {
            enrolment.ticket = Some(signer.training_token(enrolment.id.0, &enrolment.code));
        }
    }
    Ok(mine)
}

/// Each person's courses and hours in `year` (sessions that started in it): every person for
/// district admins, a street's people for its admin.
pub async fn training_hours(store: &Store, actor: &Actor, year: i32) -> Result<Vec<PersonHours>, ServiceError> {
    use cc_domain::staff::Reach;
    let street = match actor.member.scope.training_reach() {
        Reach::Everywhere => None,
        Reach::Street(id) => Some(id),
        _ => return refuse(store, actor.audit("read_training_hours", "training_course", None)).await,
    };
    if !(2000..=2100).contains(&year) {
        return Err(ServiceError::BadParam(cc_domain::ParamError { param: "year".into(), problem: cc_domain::ParamProblem::NotOneOf("2000–2100".into()) }));
    }
    let window = cc_domain::evaluation::Period::Year(year).window();
    Ok(hours_by_person(&store.attended_training(window, street).await?))
}
