//! Sending verification codes and messages by SMS. A provider plugs in by implementing [`SmsSender`] (see the
//! README); development and tests use [`LogSms`], which writes the code to the log.

use std::collections::HashMap;
use std::sync::Mutex;

use cc_domain::account::PhoneNumber;

/// Something that can deliver a verification code to a phone.
#[async_trait::async_trait]
pub trait SmsSender: Send + Sync + std::fmt::Debug {
    /// Delivers `code` to `phone`; an error means the resident did not get it.
    async fn send_code(&self, phone: &PhoneNumber, code: &str) -> anyhow::Result<()>;

    /// Delivers a short message (already worded, at most about 70 characters) to `phone`.
    async fn send_message(&self, phone: &PhoneNumber, text: &str) -> anyhow::Result<()>;
}

/// The development sender: writes the code to the log (target `sms`) instead of sending it, and
/// remembers the last code per number so tests can read it.
#[derive(Debug, Default)]
pub struct LogSms {
    last: Mutex<HashMap<String, String>>,
    messages: Mutex<Vec<(String, String)>>,
}

impl LogSms {
    /// The last code "sent" to `phone`.
    pub fn last_code(&self, phone: &PhoneNumber) -> Option<String> {
        self.last.lock().expect("sms lock").get(phone.as_str()).cloned()
    }

    /// Every message "sent" to `phone`, oldest first.
    pub fn messages_to(&self, phone: &PhoneNumber) -> Vec<String> {
        let messages = self.messages.lock().expect("sms lock");
        messages.iter().filter(|(to, _)| to == phone.as_str()).map(|(_, text)| text.clone()).collect()
    }
}

#[async_trait::async_trait]
impl SmsSender for LogSms {
    async fn send_code(&self, phone: &PhoneNumber, code: &str) -> anyhow::Result<()> {
        tracing::info!(target: "sms", phone = %phone.masked(), "verification code {code} (development sender: not sent)");
        self.last.lock().expect("sms lock").insert(phone.as_str().to_string(), code.to_string());
        Ok(())
    }

    async fn send_message(&self, phone: &PhoneNumber, text: &str) -> anyhow::Result<()> {
        tracing::info!(target: "sms", phone = %phone.masked(), "message: {text} (development sender: not sent)");
        self.messages.lock().expect("sms lock").push((phone.as_str().to_string(), text.to_string()));
        Ok(())
    }
}
