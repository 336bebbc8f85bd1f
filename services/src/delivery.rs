//! Delivering messages by SMS, and writing the reminders due: the work every server does in the
//! background (`culture-cloud serve` runs [`deliver_due_sms`] every few seconds and
//! [`queue_reminders`] every minute). Sending never holds up the change that caused a message:
//! that change only wrote a row.

use std::time::Duration;

use cc_auth::SmsSender;
use cc_domain::account::PhoneNumber;
use cc_domain::messages::sms_text;
use cc_store::Store;

use crate::ServiceError;

/// How many SMS one round claims.
const ROUND: i64 = 50;
/// How long one SMS may take to go out; well under the claim's lease, so that no other server
/// claims it while this one may still send it.
const SEND_TIMEOUT: Duration = Duration::from_secs(20);

/// What one round of delivery came to.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Delivered {
    pub sent: usize,
    pub failed: usize,
}

/// Sends the SMS due at `now` that this server could claim.
pub async fn deliver_due_sms(store: &Store, sms: &dyn SmsSender, now: i64) -> Result<Delivered, ServiceError> {
    let mut delivered = Delivered::default();
    for due in store.claim_due_sms(now, ROUND).await? {
        let text = sms_text(&due.message);
        let sent = match PhoneNumber::parse(&due.phone) {
            Ok(phone) => match tokio::time::timeout(SEND_TIMEOUT, sms.send_message(&phone, &text)).await {
                Ok(result) => result.map_err(|e| e.to_string()),
                Err(_) => Err("timed out".to_string()),
            },
            Err(_) => Err("not a mobile number".to_string()),
        };
        match sent {
            Ok(()) => {
                store.sms_sent(due.message.id, cc_domain::time::now()).await?;
                delivered.sent += 1;
            }
            Err(reason) => {
                let masked = cc_domain::account::mask_phone(&due.phone);
                tracing::warn!(message = %due.message.id, phone = %masked, attempt = due.attempt, %reason, "an SMS did not go out");
                store.sms_failed(due.message.id, due.attempt, cc_domain::time::now()).await?;
                delivered.failed += 1;
            }
        }
    }
    Ok(delivered)
}

/// Writes the reminders due at `now` for sessions starting within `ahead`; returns how many.
pub async fn queue_reminders(store: &Store, now: i64, ahead: Duration) -> Result<u64, ServiceError> {
    Ok(store.queue_reminders(now, ahead.as_secs() as i64).await?)
}
