//! Who is logged in, as their pages and the API show them.

use cc_domain::account::mask_phone;
use cc_domain::ids::{Id, ResidentId};
use cc_store::Store;

use crate::ServiceError;

/// The logged-in resident: never their whole number.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Me {
    pub id: ResidentId,
    /// Masked: 138****5678.
    pub phone: String,
    /// While the no-show rule pauses booking: until when (UTC seconds).
    pub booking_paused_until: Option<i64>,
    /// How many of their messages are unread.
    pub unread_messages: i64,
}

/// The resident behind a login, or `None` when the account no longer exists.
pub async fn who_am_i(store: &Store, resident: ResidentId) -> Result<Option<Me>, ServiceError> {
    let Some(row) = store.resident(resident.get()).await? else { return Ok(None) };
    let booking_paused_until = store.booking_paused_until(resident).await?;
    let unread_messages = store.unread_messages(resident).await?;
    Ok(Some(Me { id: resident, phone: mask_phone(&row.phone), booking_paused_until, unread_messages }))
}
