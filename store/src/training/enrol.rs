//! Places at training sessions: enrolling (a place taken by a conditional UPDATE in one short
//! write transaction, so a session is never overfilled), giving a place back, letting people in
//! at the door, and what attending adds up to.

use cc_domain::account::mask_phone;
use cc_domain::dashboard::Window;
use cc_domain::ids::{EnrolmentId, StaffId, TrainingCourseId, TrainingSessionId};
use cc_domain::training::{Attended, Certificate, Enrolment, EnrolmentStatus, Hours, MyEnrolment, Person};

use super::{count, sitting, SittingRow};
use crate::bookings::new_ticket_code;
use crate::residents::is_unique_violation;
use crate::{Store, StoreError};

/// Someone to enrol: a staff member (by account) or a grassroots worker (by mobile).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewEnrolment {
    pub person: Person,
    pub name: String,
    pub unit: String,
    pub street_id: Option<i64>,
}

/// What enrolling came to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Enrolled {
    Enrolled { id: EnrolmentId, code: String },
    /// No place is left.
    Full,
    /// The person already holds a place at a session of this course.
    AlreadyEnrolled,
    /// No such session.
    Missing,
}

/// Who was let in (the mobile as stored: the caller masks it).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TicketHolder {
    pub id: EnrolmentId,
    pub name: String,
    pub mobile: Option<String>,
}

/// What a check-in came to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CheckIn {
    CheckedIn(TicketHolder),
    AlreadyCheckedIn { at: i64 },
    OtherSession,
    Cancelled,
    Unknown,
}

type MineRow = (i64, i64, String, i64, String, String, String, Option<String>, i64, i64, i64, i64, String, i64, i64, i64);

const MINE: &str = "SELECT e.id, e.course_id, c.topic, c.hours_tenths, e.name, e.status, e.code, e.certificate, \
     t.id, t.course_id, t.starts_at, t.ends_at, t.venue, t.capacity, t.remaining, \
     (SELECT COUNT(*) FROM training_enrolments a WHERE a.session_id = t.id AND a.status = 'attended') \
     FROM training_enrolments e JOIN training_sessions t ON t.id = e.session_id JOIN training_courses c ON c.id = e.course_id";

fn mine(row: MineRow) -> MyEnrolment {
    let (id, course, topic, tenths, name, status, code, certificate, t_id, t_course, starts, ends, venue, capacity, remaining, attended) = row;
    MyEnrolment {
        id: EnrolmentId(id),
        course_id: TrainingCourseId(course),
        topic,
        hours: Hours(count(tenths)),
        name,
        session: sitting((t_id, t_course, starts, ends, venue, capacity, remaining, attended) as SittingRow),
        status: EnrolmentStatus::parse(&status),
        ticket: None,
        code,
        certificate,
    }
}

impl Store {
    /// Takes a place at `session` for `who`, or says why not. One short write transaction.
    pub async fn enrol_in_training(&self, session: TrainingSessionId, who: &NewEnrolment, by: Option<StaffId>, now: i64) -> Result<Enrolled, StoreError> {
        let mut tx = self.begin().await?;
        let Some((course,)): Option<(i64,)> =
            sqlx::query_as("SELECT course_id FROM training_sessions WHERE id = $1").bind(session.0).fetch_optional(&mut *tx).await?
        else {
            return Ok(Enrolled::Missing);
        };
        let key = who.person.key();
        let held: Option<(i64,)> = sqlx::query_as("SELECT id FROM training_enrolments WHERE course_id = $1 AND person = $2 AND status <> 'cancelled'")
            .bind(course)
            .bind(&key)
            .fetch_optional(&mut *tx)
            .await?;
        if held.is_some() {
            return Ok(Enrolled::AlreadyEnrolled);
        }
        let taken = sqlx::query("UPDATE training_sessions SET remaining = remaining - 1 WHERE id = $1 AND remaining > 0").bind(session.0).execute(&mut *tx).await?;
        if taken.rows_affected() == 0 {
            return Ok(Enrolled::Full);
        }
        let (staff_id, mobile) = match &who.person {
            Person::Staff(id) => (Some(id.0), None),
            Person::Worker { mobile } => (None, Some(mobile.clone())),
        };
        let code = new_ticket_code();
        let inserted: Result<(i64,), sqlx::Error> = sqlx::query_as(
            "INSERT INTO training_enrolments (session_id, course_id, person, staff_id, name, unit, mobile, street_id, code, enrolled_at, enrolled_by) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id",
        )
        .bind(session.0)
        .bind(course)
        .bind(&key)
        .bind(staff_id)
        .bind(&who.name)
        .bind(&who.unit)
        .bind(mobile)
        .bind(who.street_id)
        .bind(&code)
        .bind(now)
        .bind(by.map(|s| s.0))
        .fetch_one(&mut *tx)
        .await;
        match inserted {
            // Another request for the same person got in between: the index keeps one.
            Err(e) if is_unique_violation(&e) => Ok(Enrolled::AlreadyEnrolled),
            Err(e) => Err(e.into()),
            Ok((id,)) => {
                tx.commit().await?;
                Ok(Enrolled::Enrolled { id: EnrolmentId(id), code })
            }
        }
    }

    /// Gives an enrolled place back; `false` when it was not holding one (attended, cancelled).
    pub async fn cancel_training_enrolment(&self, id: EnrolmentId) -> Result<bool, StoreError> {
        let mut tx = self.begin().await?;
        let freed: Option<(i64,)> =
            sqlx::query_as("UPDATE training_enrolments SET status = 'cancelled' WHERE id = $1 AND status = 'enrolled' RETURNING session_id")
                .bind(id.0)
                .fetch_optional(&mut *tx)
                .await?;
        let Some((session,)) = freed else { return Ok(false) };
        sqlx::query("UPDATE training_sessions SET remaining = remaining + 1 WHERE id = $1").bind(session).execute(&mut *tx).await?;
        tx.commit().await?;
        Ok(true)
    }

    /// An enrolment's session and the person's staff account (none for a worker).
    pub async fn training_enrolment_owner(&self, id: EnrolmentId) -> Result<Option<(TrainingSessionId, Option<StaffId>)>, StoreError> {
        let row: Option<(i64, Option<i64>)> =
            sqlx::query_as("SELECT session_id, staff_id FROM training_enrolments WHERE id = $1").bind(id.0).fetch_optional(&self.pool).await?;
        Ok(row.map(|(session, staff)| (TrainingSessionId(session), staff.map(StaffId))))
    }

    /// Lets the holder of `code` in at `session` (and, for a signed ticket, only enrolment
    /// `only`): single use, with a certificate number for the completed course.
    pub async fn training_check_in(&self, session: TrainingSessionId, code: &str, only: Option<EnrolmentId>, by: StaffId, now: i64) -> Result<CheckIn, StoreError> {
        let admitted: Option<(i64, String, Option<String>)> = sqlx::query_as(
            "UPDATE training_enrolments SET status = 'attended', checked_in_at = $3, checked_in_by = $4, certificate = $5 \
             WHERE session_id = $1 AND code = $2 AND status = 'enrolled' AND ($6 = 0 OR id = $6) RETURNING id, name, mobile",
        )
        .bind(session.0)
        .bind(code)
        .bind(now)
        .bind(by.0)
        .bind(new_ticket_code())
        .bind(only.map_or(0, |e| e.0))
        .fetch_optional(&self.pool)
        .await?;
        if let Some((id, name, mobile)) = admitted {
            return Ok(CheckIn::CheckedIn(TicketHolder { id: EnrolmentId(id), name, mobile }));
        }
        let found: Option<(i64, i64, String, Option<i64>)> =
            sqlx::query_as("SELECT id, session_id, status, checked_in_at FROM training_enrolments WHERE code = $1").bind(code).fetch_optional(&self.pool).await?;
        Ok(match found {
            None => CheckIn::Unknown,
            Some((id, _, _, _)) if only.is_some_and(|o| o.0 != id) => CheckIn::Unknown,
            Some((_, at, _, _)) if at != session.0 => CheckIn::OtherSession,
            Some((_, _, status, at)) if status == "attended" => CheckIn::AlreadyCheckedIn { at: at.unwrap_or(now) },
            Some(_) => CheckIn::Cancelled,
        })
    }

    /// The session of the enrolment holding a typed code, to tell a mistyped one apart.
    pub async fn training_code_session(&self, code: &str) -> Result<Option<TrainingSessionId>, StoreError> {
        let row: Option<(i64,)> = sqlx::query_as("SELECT session_id FROM training_enrolments WHERE code = $1").bind(code).fetch_optional(&self.pool).await?;
        Ok(row.map(|(s,)| TrainingSessionId(s)))
    }

    /// Everyone on a session's list (but cancelled places), mobiles masked.
    pub async fn training_enrolments(&self, session: TrainingSessionId) -> Result<Vec<Enrolment>, StoreError> {
        let rows: Vec<(i64, i64, String, String, Option<i64>, Option<String>, String, Option<i64>)> = sqlx::query_as(
            "SELECT id, session_id, name, unit, staff_id, mobile, status, checked_in_at FROM training_enrolments \
             WHERE session_id = $1 AND status <> 'cancelled' ORDER BY id",
        )
        .bind(session.0)
        .fetch_all(&self.pool)
        .await?;
        Ok(rows
            .into_iter()
            .map(|(id, session, name, unit, staff, mobile, status, at)| Enrolment {
                id: EnrolmentId(id),
                session_id: TrainingSessionId(session),
                name,
                unit,
                staff_id: staff.map(StaffId),
                mobile: mobile.as_deref().map(mask_phone),
                status: EnrolmentStatus::parse(&status),
                checked_in_at: at,
            })
            .collect())
    }

    /// The codes of the workers holding a place at `session`, for their organisers to hand on
    /// their tickets again.
    pub async fn training_worker_codes(&self, session: TrainingSessionId) -> Result<Vec<(EnrolmentId, String)>, StoreError> {
        let rows: Vec<(i64, String)> = sqlx::query_as(
            "SELECT id, code FROM training_enrolments WHERE session_id = $1 AND staff_id IS NULL AND status = 'enrolled' ORDER BY id",
        )
        .bind(session.0)
        .fetch_all(&self.pool)
        .await?;
        Ok(rows.into_iter().map(|(id, code)| (EnrolmentId(id), code)).collect())
    }

    /// A staff member's enrolments (cancelled ones too), the latest session first.
    pub async fn staff_training(&self, staff: StaffId) -> Result<Vec<MyEnrolment>, StoreError> {
        let rows: Vec<MineRow> = sqlx::query_as(&format!("{MINE} WHERE e.staff_id = $1 ORDER BY t.starts_at DESC, e.id DESC"))
            .bind(staff.0)
            .fetch_all(&self.pool)
            .await?;
        Ok(rows.into_iter().map(mine).collect())
    }

    /// One enrolment, if `code` is its code (a ticket's address holds both).
    pub async fn training_ticket(&self, id: EnrolmentId, code: &str) -> Result<Option<MyEnrolment>, StoreError> {
        let row: Option<MineRow> =
            sqlx::query_as(&format!("{MINE} WHERE e.id = $1 AND e.code = $2")).bind(id.0).bind(code).fetch_optional(&self.pool).await?;
        Ok(row.map(mine))
    }

    /// The certificate numbered `number`.
    pub async fn training_certificate(&self, number: &str) -> Result<Option<Certificate>, StoreError> {
        let row: Option<(String, String, String, String, String, i64, i64, Option<String>)> = sqlx::query_as(
            "SELECT e.certificate, e.name, e.unit, c.topic, c.trainer, c.hours_tenths, t.starts_at, s.name \
             FROM training_enrolments e JOIN training_sessions t ON t.id = e.session_id JOIN training_courses c ON c.id = e.course_id \
             LEFT JOIN streets s ON s.id = c.street_id WHERE e.certificate = $1 AND e.status = 'attended'",
        )
        .bind(number)
        .fetch_optional(&self.pool)
        .await?;
        Ok(row.map(|(number, name, unit, topic, trainer, tenths, held_at, organiser)| Certificate {
            number,
            name,
            unit,
            topic,
            trainer,
            hours: Hours(count(tenths)),
            held_at,
            organiser,
        }))
    }

    /// Every course attended at sessions that started in `window`, by people of `street` (none:
    /// everyone), in the order they were let in.
    pub async fn attended_training(&self, window: Window, street: Option<i64>) -> Result<Vec<Attended>, StoreError> {
        let rows: Vec<(Option<i64>, Option<String>, String, String, i64)> = sqlx::query_as(
            "SELECT e.staff_id, e.mobile, e.name, e.unit, c.hours_tenths FROM training_enrolments e \
             JOIN training_sessions t ON t.id = e.session_id JOIN training_courses c ON c.id = e.course_id \
             WHERE e.status = 'attended' AND t.starts_at >= $1 AND t.starts_at < $2 AND ($3 = 0 OR e.street_id = $3) \
             ORDER BY e.checked_in_at, e.id",
        )
        .bind(window.from)
        .bind(window.to)
        .bind(street.unwrap_or(0))
        .fetch_all(&self.pool)
        .await?;
        Ok(rows
            .into_iter()
            .filter_map(|(staff, mobile, name, unit, tenths)| {
                let person = match (staff, &mobile) {
                    (Some(id), _) => Person::Staff(StaffId(id)),
                    (None, Some(m)) => Person::Worker { mobile: m.clone() },
                    (None, None) => return None,
                };
                Some(Attended { person, name, unit, mobile: mobile.as_deref().map(mask_phone), hours: Hours(count(tenths)) })
            })
            .collect())
    }

    /// The street a staff member works in (a street admin's, or a facility manager's first
    /// facility's) and the unit they are enrolled under.
    pub async fn staff_home(&self, staff: StaffId) -> Result<(Option<i64>, String), StoreError> {
        let row: Option<(Option<i64>, Option<String>, Option<String>)> = sqlx::query_as(
            "SELECT COALESCE(a.street_id, (SELECT f.street_id FROM staff_facilities sf JOIN facilities f ON f.id = sf.facility_id \
                 WHERE sf.staff_id = a.id ORDER BY f.id LIMIT 1)), a.organisation, \
                 (SELECT s.name FROM streets s WHERE s.id = a.street_id) FROM staff_accounts a WHERE a.id = $1",
        )
        .bind(staff.0)
        .fetch_optional(&self.pool)
        .await?;
        let (street, organisation, street_name) = row.unwrap_or_default();
        let street_name = match (street_name, street) {
            (Some(name), _) => Some(name),
            (None, Some(id)) => sqlx::query_as::<_, (String,)>("SELECT name FROM streets WHERE id = $1").bind(id).fetch_optional(&self.pool).await?.map(|(n,)| n),
            (None, None) => None,
        };
        Ok((street, organisation.or(street_name).unwrap_or_else(|| "区级".into())))
    }
}
