//! The console's home: what is waiting in the staff member's reach.

use cc_domain::staff::Reach;
use cc_store::staff::StaffMember;
use cc_store::{ConsoleItem, ConsoleSession, Store};

use crate::ServiceError;

/// The items, this week's sessions and the facilities a staff member works with.
#[derive(Debug, Clone, PartialEq)]
pub struct Overview {
    /// Items written by staff or in review, latest first (at most 200).
    pub items: Vec<ConsoleItem>,
    /// Sessions from yesterday to a week ahead where they may check people in (at most 50).
    pub sessions: Vec<ConsoleSession>,
    /// Facilities they may create items at, as (id, name).
    pub facilities: Vec<(i64, String)>,
}

/// What the console's home shows `member` at `now`; every list is cut to their reach in the
/// query, so a street admin in a busy district still sees all of their own items.
pub async fn overview(store: &Store, member: &StaffMember, now: i64) -> Result<Overview, ServiceError> {
    let scope = &member.scope;
    let items = store.console_items(&scope.view_reach(), member.id, 200).await?;
    let sessions =
        store.console_sessions(&scope.check_in_reach(), now - 86_400, now + 7 * 86_400, 50).await?;
    // A provider may create an item at any facility (it stays theirs): their reach is their
    // own items, which for choosing a facility means every one.
    let authoring = match scope.author_reach() {
        Reach::OwnItems => Reach::Everywhere,
        reach => reach,
    };
    let facilities = store
        .facility_choices()
        .await?
        .into_iter()
        .filter(|f| authoring.contains(f.place(), true))
        .map(|f| (f.id, f.name))
        .collect();
    Ok(Overview { items, sessions, facilities })
}
