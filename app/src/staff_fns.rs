//! Server functions for the staff console. Every action goes through `cc-services` (scope per
//! object, workflow, audit), exactly as the staff API does.

use chrono::{DateTime, FixedOffset};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::error::AppError;
use cc_domain::ids::{ItemId, SessionId};

/// The logged-in staff member.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StaffInfo {
    pub display_name: String,
    pub username: String,
    pub role: cc_domain::staff::Role,
}

/// An item line in the console.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ItemLine {
    pub id: i64,
    pub title: String,
    pub status: String,
    pub facility_name: String,
    pub review_comment: Option<String>,
}

/// A session line in the console.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct SessionLine {
    pub id: i64,
    pub item_title: String,
    pub starts_at: DateTime<FixedOffset>,
    pub capacity: i64,
    pub held: i64,
    pub attended: i64,
    pub booking_opens_at: DateTime<FixedOffset>,
    pub booking_closes_at: DateTime<FixedOffset>,
    pub waitlist: bool,
    pub ends_at: DateTime<FixedOffset>,
    /// Where, beside the facility's address (set by a move).
    pub place: Option<String>,
    /// Why it was cancelled; `None` while it takes place.
    pub cancelled: Option<String>,
}

/// What the console's home shows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Overview {
    pub me: StaffInfo,
    pub items: Vec<ItemLine>,
    pub sessions: Vec<SessionLine>,
    /// Facilities the staff member may create services at: (id, name).
    pub facilities: Vec<(i64, String)>,
    pub categories: Vec<cc_domain::Named>,
    pub audiences: Vec<cc_domain::Named>,
}

/// One session at the door: counts and the bookings holding places.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DoorList {
    pub session: SessionLine,
    /// (masked phone, status, checked in at)
    pub entries: Vec<(String, String, Option<DateTime<FixedOffset>>)>,
}

#[cfg(feature = "ssr")]
pub(crate) mod context {
    use cc_auth::StaffAuth;
    use cc_services::staff::Actor;
    use cc_store::staff::StaffMember;
    use leptos::prelude::use_context;

    use crate::error::AppError;

    pub fn staff_auth() -> Result<StaffAuth, AppError> {
        use_context::<StaffAuth>().ok_or_else(|| {
            tracing::error!("no StaffAuth in the server function's context");
            AppError::Internal
        })
    }

    /// The logged-in staff member, or `LoginRequired`.
    pub async fn member() -> Result<StaffMember, AppError> {
        let session = crate::account_fns::context::session().await?;
        cc_auth::current_staff(&session, staff_auth()?.store()).await?.ok_or(AppError::LoginRequired)
    }

    pub async fn actor() -> Result<Actor, AppError> {
        Ok(Actor { member: member().await?, client: crate::account_fns::context::client().await })
    }
}

/// A form's `YYYY-MM-DDTHH:MM` (a `datetime-local` input) in the district's time; the field
/// named when it is not one.
#[cfg(feature = "ssr")]
pub(crate) fn form_time(
    text: &str,
    field: &'static str,
) -> Result<DateTime<FixedOffset>, cc_services::ServiceError> {
    chrono::NaiveDateTime::parse_from_str(text.trim(), "%Y-%m-%dT%H:%M")
        .ok()
        .and_then(|t| t.and_local_timezone(cc_domain::time::district_zone()).single())
        .ok_or(cc_services::ServiceError::Field(cc_domain::authoring::FieldError {
            field,
            zh: "日期或时间格式不正确",
            en: "not a valid date or time",
        }))
}

/// A session typed into a console form: on `date` from `start` to `end` (district time), bookable
/// from now until `closes` (a `datetime-local` value; empty: until it starts). Not yet checked.
#[cfg(feature = "ssr")]
pub(crate) fn form_session(
    date: &str,
    start: &str,
    end: &str,
    capacity: i64,
    waitlist: bool,
    repeat_weeks: Option<u32>,
    closes: &str,
) -> Result<cc_domain::authoring::SessionInput, cc_services::ServiceError> {
    let starts_at = form_time(&format!("{date}T{start}"), "start")?;
    let booking_closes_at = match closes.trim() {
        "" => starts_at,
        text => form_time(text, "booking_closes_at")?,
    };
    Ok(cc_domain::authoring::SessionInput {
        starts_at,
        ends_at: form_time(&format!("{date}T{end}"), "end")?,
        capacity,
        booking_opens_at: cc_domain::time::local(cc_domain::time::now()),
        booking_closes_at,
        waitlist,
        repeat_weeks: repeat_weeks.unwrap_or(0),
    })
}

#[cfg(feature = "ssr")]
pub(crate) fn session_line(s: cc_store::ConsoleSession) -> SessionLine {
    SessionLine {
        id: s.id,
        item_title: s.item_title,
        starts_at: cc_domain::time::local(s.starts_at),
        capacity: s.capacity,
        held: s.capacity - s.remaining,
        attended: s.attended,
        booking_opens_at: cc_domain::time::local(s.booking_opens_at),
        booking_closes_at: cc_domain::time::local(s.booking_closes_at),
        waitlist: s.waitlist == 1,
        ends_at: cc_domain::time::local(s.ends_at),
        place: s.place,
        cancelled: s.cancel_reason,
    }
}

/// Ends the staff session.
#[server]
pub async fn staff_log_out() -> Result<(), AppError> {
    cc_auth::log_out_staff(&crate::account_fns::context::session().await?).await?;
    Ok(())
}

/// The console's home: items and this week's sessions in the staff member's scope.
#[server]
pub async fn staff_overview() -> Result<Overview, AppError> {
    let member = context::member().await?;
    let store = context::staff_auth()?.store().clone();
    let found = cc_services::staff::overview(&store, &member, cc_domain::time::now()).await?;
    let items = found
        .items
        .into_iter()
        .map(|i| ItemLine {
            id: i.id,
            title: i.title,
            status: i.status,
            facility_name: i.facility_name,
            review_comment: i.review_comment,
        })
        .collect();
    let me =
        StaffInfo { display_name: member.display_name, username: member.username, role: member.scope.role };
    Ok(Overview {
        me,
        items,
        sessions: found.sessions.into_iter().map(session_line).collect(),
        facilities: found.facilities,
        categories: cc_domain::vocabulary::names(store.categories().await?),
        audiences: cc_domain::vocabulary::names(store.audiences().await?),
    })
}

/// Creates a draft with its first session: on `date` from `start` to `end` (district time,
/// `YYYY-MM-DD` and `HH:MM`), bookable from now until it starts.
#[server]
#[allow(clippy::too_many_arguments)]
pub async fn create_service(
    title: String,
    description: String,
    provider: String,
    category: String,
    audience: String,
    facility_id: i64,
    date: String,
    start: String,
    end: String,
    capacity: i64,
    waitlist: Option<String>,
    repeat_weeks: Option<u32>,
) -> Result<i64, AppError> {
    use cc_domain::authoring::ItemInput;
    let actor = context::actor().await?;
    let store = context::staff_auth()?.store().clone();
    let session = form_session(&date, &start, &end, capacity, waitlist.is_some(), repeat_weeks, "")?;
    // Check the session before anything is written, so a bad time leaves no orphan draft.
    let session = session.parse(cc_domain::time::now()).map_err(cc_services::ServiceError::Field)?;
    let item = ItemInput {
        title,
        description,
        provider,
        category,
        audience,
        facility_id,
        free: true,
        price_cents: None,
    };
    let id = cc_services::staff::create_item(&store, &actor, item).await?;
    cc_services::staff::add_session(&store, &actor, ItemId(id), session).await?;
    Ok(id)
}

/// Moves an item through the workflow (`submit`, `publish`, `return`, `archive`).
#[server]
pub async fn move_service(item_id: i64, action: String, comment: String) -> Result<String, AppError> {
    let action = cc_domain::workflow::Action::parse(&action).ok_or(AppError::NotFound)?;
    let actor = context::actor().await?;
    let status = cc_services::staff::move_item(
        context::staff_auth()?.store(),
        &actor,
        ItemId(item_id),
        action,
        &comment,
    )
    .await?;
    Ok(status.as_str().to_string())
}

/// A session's door list, for staff who may check people in there.
#[server]
pub async fn load_door(session_id: i64) -> Result<DoorList, AppError> {
    let actor = context::actor().await?;
    let (session, entries) =
        cc_services::staff::door_list(context::staff_auth()?.store(), &actor, SessionId(session_id)).await?;
    let entries = entries
        .into_iter()
        .map(|e| {
            (cc_domain::account::mask_phone(&e.phone), e.status, e.checked_in_at.map(cc_domain::time::local))
        })
        .collect();
    Ok(DoorList { session: session_line(session), entries })
}

/// Checks in a typed code or a scanned token at a session.
#[server]
pub async fn check_in_ticket(session_id: i64, ticket: String) -> Result<String, AppError> {
    let actor = context::actor().await?;
    let signer = use_context::<cc_domain::ticket::TicketSigner>().ok_or(AppError::Internal)?;
    cc_services::staff::check_in(
        context::staff_auth()?.store(),
        &signer,
        &actor,
        SessionId(session_id),
        &ticket,
    )
    .await
    .map(|done| done.holder)
    .map_err(AppError::from)
}

/// One line of the audit page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AuditLine {
    pub at: DateTime<FixedOffset>,
    pub username: String,
    pub role: String,
    pub action: String,
    pub object: String,
    pub change: String,
    pub client: String,
    pub refused: bool,
}

/// The audit log for district admins: newest first, 200 lines, filtered.
#[server]
pub async fn load_audit(
    username: String,
    action: String,
    refused_only: bool,
) -> Result<Vec<AuditLine>, AppError> {
    let actor = context::actor().await?;
    let filter = cc_store::staff::AuditFilter {
        username: Some(username).filter(|u| !u.is_empty()),
        action: Some(action).filter(|a| !a.is_empty()),
        refused_only,
        before_id: None,
    };
    let records =
        cc_services::staff::read_audit(context::staff_auth()?.store(), &actor, &filter, 200).await?;
    Ok(records
        .into_iter()
        .map(|r| AuditLine {
            at: cc_domain::time::local(r.at),
            username: r.username.unwrap_or_default(),
            role: r.entry.role,
            action: r.entry.action,
            object: format!(
                "{} {}",
                r.entry.object_type,
                r.entry.object_id.map(|i| i.to_string()).unwrap_or_default()
            ),
            change: match (r.entry.before, r.entry.after) {
                (Some(before), Some(after)) => format!("{before} → {after}"),
                (None, Some(after)) => after,
                (Some(before), None) => before,
                (None, None) => String::new(),
            },
            client: r.entry.client,
            refused: r.entry.refused,
        })
        .collect())
}
