//! Calendar feeds: a street's, a facility's or a category's sessions from yesterday to three
//! months ahead, for anyone; a resident's own bookings at a secret address they can reset.

use cc_domain::calendar::feed::{ics_feed, FeedEvent};
use cc_domain::ids::ResidentId;
use cc_domain::time::now;
use cc_store::feeds::{FeedScope, FeedSession};
use cc_store::Store;

use crate::ServiceError;

/// How far ahead a feed looks: about three months.
pub const AHEAD_SECONDS: i64 = 92 * 86_400;
/// How far back a public feed looks: sessions that ended within a day stay where they were.
pub const BEHIND_SECONDS: i64 = 86_400;
/// How far back a resident's own feed looks: what they went to stays on their phone.
pub const RESIDENT_BEHIND_SECONDS: i64 = 92 * 86_400;

/// The feed of a street, a facility or a category, as an `.ics` text; `origin` makes the
/// items' addresses absolute.
pub async fn public_feed(store: &Store, scope: FeedScope<'_>, origin: &str) -> Result<String, ServiceError> {
    let name = store.feed_name(scope).await?.ok_or(ServiceError::NotFound("feed"))?;
    feed(store, scope, &format!("{name} · 公共文化云"), origin).await
}

/// A resident's own feed, by its secret (`NotFound` for a reset or made-up one).
pub async fn resident_feed(store: &Store, secret: &str, origin: &str) -> Result<String, ServiceError> {
    let valid = secret.len() == 32 && secret.bytes().all(|b| b.is_ascii_hexdigit());
    let resident = if valid { store.calendar_owner(secret).await? } else { None };
    let resident = resident.ok_or(ServiceError::NotFound("feed"))?;
    feed(store, FeedScope::Resident(resident), "我的预约 · 公共文化云", origin).await
}

async fn feed(store: &Store, scope: FeedScope<'_>, name: &str, origin: &str) -> Result<String, ServiceError> {
    let at = now();
    let behind = if matches!(scope, FeedScope::Resident(_)) { RESIDENT_BEHIND_SECONDS } else { BEHIND_SECONDS };
    let sessions = store.feed_sessions(scope, at - behind, at + AHEAD_SECONDS).await?;
    let events: Vec<FeedEvent> = sessions.into_iter().map(|s| event(s, origin)).collect();
    Ok(ics_feed(name, &events, at))
}

fn event(session: FeedSession, origin: &str) -> FeedEvent {
    let location = match &session.place {
        Some(place) => format!("{} {place}，{}", session.facility, session.address),
        None => format!("{}，{}", session.facility, session.address),
    };
    let url = format!("{origin}/items/{}", session.item_id);
    let description = match (&session.cancel_reason, session.cancelled) {
        (Some(reason), true) => format!("已取消：{reason}\n{url}"),
        (None, true) => format!("已取消\n{url}"),
        _ => url.clone(),
    };
    FeedEvent {
        session_id: session.id,
        starts_at: session.starts_at,
        ends_at: session.ends_at,
        summary: session.title,
        location,
        description,
        url,
        cancelled: session.cancelled,
        tentative: session.tentative,
        // A cancellation is the change apps must not miss.
        sequence: u32::from(session.cancelled),
    }
}

/// The address of a resident's own feed (below the site's origin), made when first asked for.
pub async fn calendar_path(store: &Store, resident: ResidentId) -> Result<String, ServiceError> {
    Ok(format!("/api/v1/feeds/me/{}.ics", store.calendar_secret(resident, now()).await?))
}

/// A new address for a resident's own feed; the old one answers 404 from now on.
pub async fn reset_calendar(store: &Store, resident: ResidentId) -> Result<String, ServiceError> {
    Ok(format!("/api/v1/feeds/me/{}.ics", store.reset_calendar_secret(resident, now()).await?))
}
