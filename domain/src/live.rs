//! What dashboards are told about as it happens. Events carry no personal data: a kind, the
//! street it happened in (for street admins' streams) and the session, if any.

use serde::{Deserialize, Serialize};

/// What happened.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LiveKind {
    Booked,
    Waitlisted,
    Cancelled,
    CheckedIn,
    NoShows,
    /// A session's capacity or window changed, or sessions were added.
    SessionChanged,
    /// An item was published, archived or edited.
    ItemChanged,
    /// A facility's record or a standard changed (compliance may have moved).
    FacilityChanged,
    /// A demand (点单) was raised, voted for, answered or merged.
    DemandsChanged,
    /// Events may have been missed (a lost connection): look again at everything.
    Resync,
}

impl LiveKind {
    /// Whether what anyone may see changes (places left, items, facilities): public pages
    /// kept in memory are then out of date. A check-in or a no-show changes no public page.
    pub fn changes_public_pages(self) -> bool {
        !matches!(self, LiveKind::CheckedIn | LiveKind::NoShows | LiveKind::DemandsChanged)
    }
}

/// One event.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct LiveEvent {
    pub kind: LiveKind,
    /// The street it happened in; `None` when it concerns the whole district.
    pub street_id: Option<i64>,
    #[serde(default)]
    pub session_id: Option<i64>,
}

impl LiveEvent {
    /// Whether a stream for `street` (`None`: the district) carries it.
    pub fn concerns(&self, street: Option<i64>) -> bool {
        street.is_none() || self.street_id.is_none() || self.street_id == street
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_street_stream_carries_its_street_and_district_wide_events_only() {
        let booked_in_2 = LiveEvent { kind: LiveKind::Booked, street_id: Some(2), session_id: Some(9) };
        let standards = LiveEvent { kind: LiveKind::FacilityChanged, street_id: None, session_id: None };
        assert!(booked_in_2.concerns(None) && booked_in_2.concerns(Some(2)));
        assert!(!booked_in_2.concerns(Some(1)), "street 1's admin does not see street 2");
        assert!(standards.concerns(Some(1)));
        let json = serde_json::to_string(&booked_in_2).unwrap();
        assert_eq!(json, r#"{"kind":"booked","street_id":2,"session_id":9}"#);
    }
}
