//! Server functions of the resident's inbox (`/me/messages`). The page posts its settings form
//! straight to them (no script needed: the server sends the browser back to the page).

use cc_domain::messages::{Message, MessageKind, MessageSettings};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::error::AppError;

/// The inbox as the page shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InboxPage {
    pub messages: Vec<Message>,
    pub settings: MessageSettings,
}

/// The logged-in resident's messages (newest first) and what they chose; opening the page
/// reads them.
#[server]
pub async fn my_messages() -> Result<InboxPage, AppError> {
    use crate::account_fns::context;
    let (store, resident) = (context::auth()?.accounts.store().clone(), context::resident().await?);
    let inbox = cc_services::residents::messages::open_inbox(&store, resident).await?;
    let settings = cc_services::residents::messages::settings(&store, resident).await?;
    Ok(InboxPage { messages: inbox.messages, settings })
}

/// Keeps what the resident chose. A form sends a ticked box as a field and leaves an unticked
/// one out, hence one optional field per choice.
#[server]
pub async fn save_message_settings(
    sms_waitlist_promoted: Option<String>,
    sms_place_offered: Option<String>,
    sms_session_cancelled: Option<String>,
    sms_session_changed: Option<String>,
    sms_reminder: Option<String>,
    sms_review_hidden: Option<String>,
    sms_demand_answered: Option<String>,
    sms_organisation_decided: Option<String>,
    sms_application_returned: Option<String>,
    sms_fund_decision: Option<String>,
    sms_objection_answered: Option<String>,
    reminders: Option<String>,
) -> Result<(), AppError> {
    use crate::account_fns::context;
    let ticked = [
        (MessageKind::WaitlistPromoted, sms_waitlist_promoted.is_some()),
        (MessageKind::PlaceOffered, sms_place_offered.is_some()),
        (MessageKind::SessionCancelled, sms_session_cancelled.is_some()),
        (MessageKind::SessionChanged, sms_session_changed.is_some()),
        (MessageKind::Reminder, sms_reminder.is_some()),
        (MessageKind::ReviewHidden, sms_review_hidden.is_some()),
        (MessageKind::DemandAnswered, sms_demand_answered.is_some()),
        (MessageKind::OrganisationDecided, sms_organisation_decided.is_some()),
        (MessageKind::ApplicationReturned, sms_application_returned.is_some()),
        (MessageKind::FundDecision, sms_fund_decision.is_some()),
        (MessageKind::ObjectionAnswered, sms_objection_answered.is_some()),
    ];
    let settings = MessageSettings {
        sms: ticked.into_iter().filter(|(_, on)| *on).map(|(kind, _)| kind).collect(),
        reminders: reminders.is_some(),
    };
    let store = context::auth()?.accounts.store().clone();
    Ok(cc_services::residents::messages::save_settings(&store, context::resident().await?, &settings).await?)
}

/// The form field that ticks SMS for `kind` (the names [`save_message_settings`] takes).
pub fn sms_field(kind: MessageKind) -> &'static str {
    match kind {
        MessageKind::WaitlistPromoted => "sms_waitlist_promoted",
        MessageKind::PlaceOffered => "sms_place_offered",
        MessageKind::SessionCancelled => "sms_session_cancelled",
        MessageKind::SessionChanged => "sms_session_changed",
        MessageKind::Reminder => "sms_reminder",
        MessageKind::ReviewHidden => "sms_review_hidden",
        MessageKind::DemandAnswered => "sms_demand_answered",
        MessageKind::OrganisationDecided => "sms_organisation_decided",
        MessageKind::ApplicationReturned => "sms_application_returned",
        MessageKind::FundDecision => "sms_fund_decision",
        MessageKind::ObjectionAnswered => "sms_objection_answered",
    }
}
