//! Training courses and their sessions (`cc_domain::training`): what organisers create and
//! everyone reads. Enrolments, the door and the hours are in `enrol.rs`.

mod enrol;

pub use enrol::{CheckIn, Enrolled, NewEnrolment, TicketHolder};

use cc_domain::ids::{StaffId, TrainingCourseId, TrainingSessionId};
use cc_domain::training::input::{CheckedCourse, TrainingSessionInput};
use cc_domain::training::{Course, Hours, Sitting};

use crate::{Store, StoreError};

type CourseRow = (i64, String, String, i64, String, Option<i64>, Option<String>, i64);
type SittingRow = (i64, i64, i64, i64, String, i64, i64, i64);

const COURSE: &str = "SELECT c.id, c.topic, c.trainer, c.hours_tenths, c.summary, c.street_id, s.name, c.demo \
     FROM training_courses c LEFT JOIN streets s ON s.id = c.street_id";
const SITTING: &str = "SELECT t.id, t.course_id, t.starts_at, t.ends_at, t.venue, t.capacity, t.remaining, \
     (SELECT COUNT(*) FROM training_enrolments e WHERE e.session_id = t.id AND e.status = 'attended') FROM training_sessions t";

fn count(n: i64) -> u32 {
    u32::try_from(n.max(0)).unwrap_or(u32::MAX)
}

pub(crate) fn sitting((id, course_id, starts_at, ends_at, venue, capacity, remaining, attended): SittingRow) -> Sitting {
    Sitting {
        id: TrainingSessionId(id),
        course_id: TrainingCourseId(course_id),
        starts_at,
        ends_at,
        venue,
        capacity: count(capacity),
        remaining: count(remaining),
        attended: count(attended),
    }
}

fn course((id, topic, trainer, tenths, summary, street_id, street, demo): CourseRow, sessions: Vec<Sitting>) -> Course {
    Course { id: TrainingCourseId(id), topic, trainer, hours: Hours(count(tenths)), summary, street_id, street, demo: demo == 1, sessions }
}

/// Where a training session sits: its course, the organising street, and its times.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SessionPlace {
    pub course_id: TrainingCourseId,
    pub street_id: Option<i64>,
    pub starts_at: i64,
    pub ends_at: i64,
}

impl Store {
    /// Every course with its sessions, the newest course first.
    pub async fn training_courses(&self) -> Result<Vec<Course>, StoreError> {
        let rows: Vec<CourseRow> = sqlx::query_as(&format!("{COURSE} ORDER BY c.id DESC")).fetch_all(&self.pool).await?;
        let sittings: Vec<SittingRow> = sqlx::query_as(&format!("{SITTING} ORDER BY t.starts_at, t.id")).fetch_all(&self.pool).await?;
        let sittings: Vec<Sitting> = sittings.into_iter().map(sitting).collect();
        Ok(rows
            .into_iter()
            .map(|row| {
                let own = sittings.iter().filter(|s| s.course_id.0 == row.0).cloned().collect();
                course(row, own)
            })
            .collect())
    }

    /// One course with its sessions.
    pub async fn training_course(&self, id: TrainingCourseId) -> Result<Option<Course>, StoreError> {
        let Some(row) = sqlx::query_as::<_, CourseRow>(&format!("{COURSE} WHERE c.id = $1")).bind(id.0).fetch_optional(&self.pool).await? else {
            return Ok(None);
        };
        let sittings: Vec<SittingRow> =
            sqlx::query_as(&format!("{SITTING} WHERE t.course_id = $1 ORDER BY t.starts_at, t.id")).bind(id.0).fetch_all(&self.pool).await?;
        Ok(Some(course(row, sittings.into_iter().map(sitting).collect())))
    }

    /// The organising street of a course (`Some(None)`: the district's), or `None` when there is
    /// no such course.
    pub async fn training_course_street(&self, id: TrainingCourseId) -> Result<Option<Option<i64>>, StoreError> {
        let row: Option<(Option<i64>,)> = sqlx::query_as("SELECT street_id FROM training_courses WHERE id = $1").bind(id.0).fetch_optional(&self.pool).await?;
        Ok(row.map(|(street,)| street))
    }

    /// A session's course, organiser and times.
    pub async fn training_session_place(&self, id: TrainingSessionId) -> Result<Option<SessionPlace>, StoreError> {
        let row: Option<(i64, Option<i64>, i64, i64)> = sqlx::query_as(
            "SELECT t.course_id, c.street_id, t.starts_at, t.ends_at FROM training_sessions t \
             JOIN training_courses c ON c.id = t.course_id WHERE t.id = $1",
        )
        .bind(id.0)
        .fetch_optional(&self.pool)
        .await?;
        Ok(row.map(|(course, street_id, starts_at, ends_at)| SessionPlace { course_id: TrainingCourseId(course), street_id, starts_at, ends_at }))
    }

    /// One session.
    pub async fn training_session(&self, id: TrainingSessionId) -> Result<Option<Sitting>, StoreError> {
        let row: Option<SittingRow> = sqlx::query_as(&format!("{SITTING} WHERE t.id = $1")).bind(id.0).fetch_optional(&self.pool).await?;
        Ok(row.map(sitting))
    }

    /// A new course of `street` (none: the district's).
    pub async fn create_training_course(&self, input: &CheckedCourse, street: Option<i64>, by: StaffId, demo: bool, now: i64) -> Result<TrainingCourseId, StoreError> {
        let (id,): (i64,) = sqlx::query_as(
            "INSERT INTO training_courses (topic, trainer, hours_tenths, summary, street_id, demo, created_by, created_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
        )
        .bind(&input.topic)
        .bind(&input.trainer)
        .bind(i64::from(input.hours.0))
        .bind(&input.summary)
        .bind(street)
        .bind(i64::from(demo))
        .bind((by.0 > 0).then_some(by.0))
        .bind(now)
        .fetch_one(&self.pool)
        .await?;
        Ok(TrainingCourseId(id))
    }

    /// A new session of a course, all its places free.
    pub async fn add_training_session(&self, course: TrainingCourseId, input: &TrainingSessionInput) -> Result<TrainingSessionId, StoreError> {
        let (id,): (i64,) = sqlx::query_as(
            "INSERT INTO training_sessions (course_id, starts_at, ends_at, venue, capacity, remaining) \
             VALUES ($1, $2, $3, $4, $5, $5) RETURNING id",
        )
        .bind(course.0)
        .bind(input.starts_at.timestamp())
        .bind(input.ends_at.timestamp())
        .bind(&input.venue)
        .bind(i64::from(input.capacity))
        .fetch_one(&self.pool)
        .await?;
        Ok(TrainingSessionId(id))
    }
}
