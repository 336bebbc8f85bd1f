//! A resident's messages: reading them, marking them read, choosing what also comes by SMS.
//! Every message is looked up as *theirs*: another resident's message answers as none would.

use cc_domain::ids::{MessageId, ResidentId};
use cc_domain::messages::{Message, MessageSettings};
use cc_domain::time::now;
use cc_store::Store;

use crate::ServiceError;

/// How many messages the inbox shows (the newest).
pub const INBOX_SIZE: i64 = 100;

/// A resident's inbox: the newest messages first, and how many are unread.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[derive(utoipa::ToSchema)]
pub struct Inbox {
    pub unread: i64,
    pub messages: Vec<Message>,
}

/// The resident's inbox.
pub async fn inbox(store: &Store, resident: ResidentId) -> Result<Inbox, ServiceError> {
    let messages = store.messages_of(resident, INBOX_SIZE).await?;
    let unread = store.unread_messages(resident).await?;
    Ok(Inbox { unread, messages })
}

/// The inbox as its page opens it: what it shows is read from now on, though it still shows as
/// new this once. Messages that come meanwhile stay unread.
pub async fn open_inbox(store: &Store, resident: ResidentId) -> Result<Inbox, ServiceError> {
    let inbox = inbox(store, resident).await?;
    if let Some(newest) = inbox.messages.iter().map(|m| m.id).max() {
        store.mark_messages_read_through(resident, newest, now()).await?;
    }
    Ok(inbox)
}

/// Marks one message read (again is fine); another resident's message is not found.
pub async fn mark_read(store: &Store, resident: ResidentId, message: MessageId) -> Result<(), ServiceError> {
    if store.mark_message_read(resident, message, now()).await? {
        Ok(())
    } else {
        Err(ServiceError::NotFound("message"))
    }
}

/// Marks every message of the resident read.
pub async fn mark_all_read(store: &Store, resident: ResidentId) -> Result<(), ServiceError> {
    store.mark_all_messages_read(resident, now()).await?;
    Ok(())
}

/// What the resident chose.
pub async fn settings(store: &Store, resident: ResidentId) -> Result<MessageSettings, ServiceError> {
    Ok(store.message_settings(resident).await?)
}

/// Keeps what the resident chose.
pub async fn save_settings(store: &Store, resident: ResidentId, settings: &MessageSettings) -> Result<(), ServiceError> {
    Ok(store.save_message_settings(resident, settings).await?)
}
