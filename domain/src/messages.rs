//! Messages to residents (消息): what happened to their bookings, told in their inbox and, where
//! they chose so, by SMS. A message keeps the facts (what, which service, when, why); the words
//! are made when it is read, in the reader's language — or, for an SMS, in a short Chinese form.

use std::collections::BTreeSet;

use chrono::{Datelike, Timelike};
use serde::{Deserialize, Serialize};

use crate::time::local;
use crate::Locale;

/// Why a resident is told something.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum MessageKind {
    /// A place freed up and the waitlisted booking now holds it.
    WaitlistPromoted,
    /// A place freed up close to the start: it is held for the waitlisted resident until the
    /// message's deadline, theirs once they accept it.
    PlaceOffered,
    /// The session is soon (the day before): a reminder.
    Reminder,
    /// Staff cancelled the session (the reason is the message's detail).
    SessionCancelled,
    /// Staff moved the session: a new time, or a new place (the detail).
    SessionChanged,
    /// A moderator hid the resident's review (the reason is the detail).
    ReviewHidden,
    /// Staff answered a demand the resident raised or voted for (the outcome; their words are
    /// the detail; the demand's note is the title).
    DemandAnswered,
    /// District staff decided on the unit the resident is the contact of (the unit's name is
    /// the title, the new status the outcome, the reason the detail).
    OrganisationDecided,
    /// District staff returned the unit's fund application for completion (the project is
    /// the title, staff's comment the detail).
    ApplicationReturned,
    /// District staff decided on the unit's fund application: declined, published for public
    /// notice with the amount, or awarded after it (the project is the title, the new status
    /// the outcome, the reason of a decline the detail).
    FundDecision,
    /// Staff answered an objection the resident lodged against an award in public notice (the
    /// project is the title, staff's answer the detail).
    ObjectionAnswered,
}

impl MessageKind {
    /// Every kind, in the order a settings page lists them.
    pub const ALL: [MessageKind; 11] = [
        MessageKind::WaitlistPromoted,
        MessageKind::PlaceOffered,
        MessageKind::SessionCancelled,
        MessageKind::SessionChanged,
        MessageKind::Reminder,
        MessageKind::DemandAnswered,
        MessageKind::ReviewHidden,
        MessageKind::OrganisationDecided,
        MessageKind::ApplicationReturned,
        MessageKind::FundDecision,
        MessageKind::ObjectionAnswered,
    ];

    /// The stored and serialised name.
    pub fn as_str(self) -> &'static str {
        match self {
            MessageKind::WaitlistPromoted => "waitlist_promoted",
            MessageKind::PlaceOffered => "place_offered",
            MessageKind::Reminder => "reminder",
            MessageKind::SessionCancelled => "session_cancelled",
            MessageKind::SessionChanged => "session_changed",
            MessageKind::ReviewHidden => "review_hidden",
            MessageKind::DemandAnswered => "demand_answered",
            MessageKind::OrganisationDecided => "organisation_decided",
            MessageKind::ApplicationReturned => "application_returned",
            MessageKind::FundDecision => "fund_decision",
            MessageKind::ObjectionAnswered => "objection_answered",
        }
    }

    /// A stored name back to its kind.
    pub fn parse(text: &str) -> Option<MessageKind> {
        MessageKind::ALL.into_iter().find(|kind| kind.as_str() == text)
    }

    /// Whether it goes by SMS for a resident who has not chosen: news that cannot wait does.
    pub fn sms_by_default(self) -> bool {
        !matches!(self, MessageKind::Reminder | MessageKind::ReviewHidden)
    }

    /// What the settings page calls it.
    pub fn label(self, locale: Locale) -> &'static str {
        match (self, locale) {
            (MessageKind::WaitlistPromoted, Locale::Zh) => "候补转为预约成功",
            (MessageKind::WaitlistPromoted, Locale::En) => "A waitlist place became yours",
            (MessageKind::PlaceOffered, Locale::Zh) => "临近开始的候补名额（需限时确认）",
            (MessageKind::PlaceOffered, Locale::En) => "A place offered close to the start (accept in time)",
            (MessageKind::Reminder, Locale::Zh) => "活动前一天的提醒",
            (MessageKind::Reminder, Locale::En) => "A reminder the day before",
            (MessageKind::SessionCancelled, Locale::Zh) => "活动取消",
            (MessageKind::SessionCancelled, Locale::En) => "A session is cancelled",
            (MessageKind::SessionChanged, Locale::Zh) => "活动改时间或地点",
            (MessageKind::SessionChanged, Locale::En) => "A session moves (time or place)",
            (MessageKind::ReviewHidden, Locale::Zh) => "我的评价被隐藏",
            (MessageKind::ReviewHidden, Locale::En) => "A review of mine is hidden",
            (MessageKind::DemandAnswered, Locale::Zh) => "我点单或附议的需求有了答复",
            (MessageKind::DemandAnswered, Locale::En) => "A demand I raised or voted for is answered",
            (MessageKind::OrganisationDecided, Locale::Zh) => "我登记的单位的认证结果",
            (MessageKind::OrganisationDecided, Locale::En) => "A decision on the unit I registered",
            (MessageKind::ApplicationReturned, Locale::Zh) => "我单位的资金申报被退回补正",
            (MessageKind::ApplicationReturned, Locale::En) => "My unit's fund application is returned for completion",
            (MessageKind::FundDecision, Locale::Zh) => "我单位资金申报的评审结果",
            (MessageKind::FundDecision, Locale::En) => "A decision on my unit's fund application",
            (MessageKind::ObjectionAnswered, Locale::Zh) => "我对资助公示提出的异议有了答复",
            (MessageKind::ObjectionAnswered, Locale::En) => "An objection I lodged to a fund award is answered",
        }
    }
}

/// How a resident wants to be told: which kinds also go by SMS, and whether they want reminders.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MessageSettings {
    /// The kinds that also go by SMS (every kind always reaches the inbox).
    pub sms: BTreeSet<MessageKind>,
    /// Whether to be reminded the day before at all.
    pub reminders: bool,
}

impl Default for MessageSettings {
    fn default() -> MessageSettings {
        MessageSettings {
            sms: MessageKind::ALL.into_iter().filter(|kind| kind.sms_by_default()).collect(),
            reminders: true,
        }
    }
}

impl MessageSettings {
    /// The stored form of [`MessageSettings::sms`]: kinds' names, comma-separated.
    pub fn sms_column(&self) -> String {
        self.sms.iter().map(|kind| kind.as_str()).collect::<Vec<_>>().join(",")
    }

    /// Settings back from their stored columns; names no longer known are dropped.
    pub fn from_columns(sms: &str, reminders: bool) -> MessageSettings {
        MessageSettings { sms: sms.split(',').filter_map(MessageKind::parse).collect(), reminders }
    }
}

/// One message as its reader sees it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Message {
    pub id: crate::ids::MessageId,
    pub kind: MessageKind,
    /// The service it is about.
    pub item_title: String,
    /// When the session starts (UTC seconds), where the message is about a session.
    pub starts_at: Option<i64>,
    /// The booking it is about, where there is one: its ticket is on /me/bookings.
    pub booking_id: Option<crate::ids::BookingId>,
    /// In staff's words: why a session was cancelled, where it moved to.
    pub detail: Option<String>,
    /// Until when an offered place is held (UTC seconds), for an offer.
    pub deadline: Option<i64>,
    /// What a demand came to, for an answered demand.
    #[serde(default)]
    pub outcome: Option<crate::demand::DemandStatus>,
    /// What staff decided on a unit, for a decision on the resident's unit.
    #[serde(default)]
    pub unit_status: Option<crate::organisation::OrgStatus>,
    /// Where the unit's fund application now is, for a decision on it.
    #[serde(default)]
    pub fund_status: Option<crate::fund::AppStatus>,
    /// When it was sent (UTC seconds).
    pub created_at: i64,
    /// Whether the resident has read it.
    pub read: bool,
}

impl Message {
    /// The headline and the sentence that say it, in `locale`.
    pub fn words(&self, locale: Locale) -> (&'static str, String) {
        let when = self.starts_at.map(|t| when(t, locale)).unwrap_or_default();
        let until = self.deadline.map(|t| self::when(t, locale)).unwrap_or_default();
        let title = &self.item_title;
        let detail = self.detail.as_deref().unwrap_or_default();
        let place = |zh: bool| match (&self.detail, zh) {
            (Some(place), true) => format!("，地点：{place}"),
            (Some(place), false) => format!(", at {place}"),
            (None, _) => String::new(),
        };
        let came_to = |zh: bool| demand_outcome(self.outcome, zh, self.detail.as_deref());
        match (self.kind, locale) {
            (MessageKind::OrganisationDecided, Locale::Zh) => ("单位认证结果", unit_decision(title, self.unit_status, detail, true)),
            (MessageKind::OrganisationDecided, Locale::En) => ("Your unit's verification", unit_decision(title, self.unit_status, detail, false)),
            (MessageKind::ApplicationReturned, Locale::Zh) => (
                "申报退回补正",
                format!("您单位申报的“{title}”被退回补正：{detail}。请在“单位账号”中修改后重新提交。"),
            ),
            (MessageKind::ApplicationReturned, Locale::En) => (
                "Application returned",
                format!("Your unit's application “{title}” was returned for completion: {detail}. Fix it under Unit account and submit it again."),
            ),
            (MessageKind::FundDecision, Locale::Zh) => ("资金申报评审结果", fund_decision(title, self.fund_status, detail, true)),
            (MessageKind::FundDecision, Locale::En) => ("Your fund application", fund_decision(title, self.fund_status, detail, false)),
            (MessageKind::ObjectionAnswered, Locale::Zh) => ("异议已答复", format!("您对“{title}”资助公示提出的异议已有答复：{detail}")),
            (MessageKind::ObjectionAnswered, Locale::En) => (
                "Your objection is answered",
                format!("Your objection to the award for “{title}” is answered: {detail}"),
            ),
            (MessageKind::DemandAnswered, Locale::Zh) => ("点单有答复", format!("您点单或附议的“{title}”{}。", came_to(true))),
            (MessageKind::DemandAnswered, Locale::En) => ("Your demand is answered", format!("“{title}”, which you asked for, {}.", came_to(false))),
            (MessageKind::ReviewHidden, Locale::Zh) => (
                "评价已隐藏",
                format!("您对《{title}》（{when}）的评价已被管理员隐藏，原因：{detail}。如有疑问请联系场馆。"),
            ),
            (MessageKind::ReviewHidden, Locale::En) => (
                "Review hidden",
                format!("Your review of “{title}” ({when}) was hidden by a moderator: {detail}. Ask the venue if in doubt."),
            ),
            (MessageKind::WaitlistPromoted, Locale::Zh) => {
                ("候补成功", format!("您候补的《{title}》（{when}）有了名额，预约已确认，入场码在“我的预约”。"))
            }
            (MessageKind::WaitlistPromoted, Locale::En) => (
                "Your waitlist place came through",
                format!("A place freed up at “{title}” ({when}): your booking is confirmed; the ticket is in My bookings."),
            ),
            (MessageKind::PlaceOffered, Locale::Zh) => (
                "候补名额待确认",
                format!("您候补的《{title}》（{when}）有了名额，为您保留至{until}。请在“我的预约”中确认参加，逾期名额将转给下一位候补者，不计爽约。"),
            ),
            (MessageKind::PlaceOffered, Locale::En) => (
                "A place is held for you",
                format!("A place freed up at “{title}” ({when}). It is held for you until {until}: accept it in My bookings, or it passes to the next person waiting (never a no-show)."),
            ),
            (MessageKind::Reminder, Locale::Zh) => {
                ("活动提醒", format!("您预约的《{title}》将于{when}开始，请凭入场码入场；不能参加请提前取消。"))
            }
            (MessageKind::Reminder, Locale::En) => (
                "Reminder",
                format!("“{title}” starts {when}. Show your ticket at the door; if you cannot come, please cancel."),
            ),
            (MessageKind::SessionCancelled, Locale::Zh) => (
                "活动取消",
                format!("很抱歉，您报名的《{title}》（{when}）已取消，原因：{detail}。此次报名不计爽约。"),
            ),
            (MessageKind::SessionCancelled, Locale::En) => (
                "Session cancelled",
                format!("Sorry: “{title}” ({when}) is cancelled: {detail}. It never counts as a no-show."),
            ),
            (MessageKind::SessionChanged, Locale::Zh) => (
                "活动变更",
                format!("您报名的《{title}》改为{when}{}，已有的入场码继续有效；不能参加请取消报名。", place(true)),
            ),
            (MessageKind::SessionChanged, Locale::En) => (
                "Session moved",
                format!("“{title}”, which you signed up for, now takes place {when}{}. Tickets stay valid; if you cannot come, please cancel.", place(false)),
            ),
        }
    }
}

/// How many characters a phone shows of an SMS at once.
pub const SMS_MAX_CHARS: usize = 70;

/// The short Chinese SMS for a message, at most [`SMS_MAX_CHARS`]: the title is cut to 16
/// characters and staff's words to 20, and both shorter still (staff's words first) where the
/// whole would not fit.
pub fn sms_text(message: &Message) -> String {
    let (mut title_most, mut detail_most) = (16, 20);
    loop {
        let text = sms_with(message, &cut(&message.item_title, title_most), &cut(message.detail.as_deref().unwrap_or_default(), detail_most));
        if text.chars().count() <= SMS_MAX_CHARS || (title_most, detail_most) == (6, 6) {
            return text;
        }
        if detail_most > 6 {
            detail_most -= 1;
        } else {
            title_most -= 1;
        }
    }
}

fn sms_with(message: &Message, title: &str, detail: &str) -> String {
    let [when, until] = [message.starts_at, message.deadline].map(|t| t.map(|t| when(t, Locale::Zh)).unwrap_or_default());
    match message.kind {
        MessageKind::WaitlistPromoted => format!("【公共文化云】您候补的《{title}》（{when}）已转为预约成功，入场码见“我的预约”。"),
        MessageKind::PlaceOffered => format!("【公共文化云】《{title}》（{when}）候补有名额，保留至{until}，请到“我的预约”确认。"),
        MessageKind::Reminder => format!("【公共文化云】提醒：您预约的《{title}》将于{when}开始，不能参加请提前取消。"),
        MessageKind::SessionCancelled => format!("【公共文化云】很抱歉，您报名的《{title}》（{when}）已取消：{detail}。不计爽约。"),
        MessageKind::SessionChanged if detail.is_empty() => {
            format!("【公共文化云】您报名的《{title}》改为{when}，已有入场码继续有效。")
        }
        MessageKind::SessionChanged => format!("【公共文化云】您报名的《{title}》改为{when}，地点：{detail}，已有入场码继续有效。"),
        MessageKind::ReviewHidden => format!("【公共文化云】您对《{title}》的评价已被隐藏，原因：{detail}。"),
        MessageKind::DemandAnswered => {
            format!("【公共文化云】您点单或附议的“{title}”{}。", demand_outcome(message.outcome, true, Some(detail).filter(|d| !d.is_empty())))
        }
        MessageKind::OrganisationDecided => format!("【公共文化云】{}", unit_decision(title, message.unit_status, detail, true)),
        MessageKind::ApplicationReturned => format!("【公共文化云】您单位申报的“{title}”被退回补正：{detail}。请修改后重新提交。"),
        MessageKind::FundDecision => format!("【公共文化云】{}", fund_decision(title, message.fund_status, detail, true)),
        MessageKind::ObjectionAnswered => format!("【公共文化云】您对“{title}”资助公示的异议已答复：{detail}"),
    }
}

/// What became of a unit's fund application, with staff's reason for a decline.
fn fund_decision(project: &str, status: Option<crate::fund::AppStatus>, reason: &str, zh: bool) -> String {
    use crate::fund::AppStatus::*;
    match (status, zh) {
        (Some(InNotice), true) => format!("您单位申报的“{project}”拟获资助，正在公示，请在“单位账号”中查看金额和公示期。"),
        (Some(InNotice), false) => format!("An award is proposed for your unit's “{project}” and is in public notice: see the amount under Unit account."),
        (Some(Awarded), true) => format!("您单位申报的“{project}”公示期满，已正式立项资助。"),
        (Some(Awarded), false) => format!("The public notice for your unit's “{project}” ended: the award is final."),
        (Some(Contracted), true) => format!("您单位的“{project}”已拨付一期资助资金，请在“单位账号”中查看。"),
        (Some(Contracted), false) => format!("A payment for your unit's “{project}” is released: see Unit account."),
        (Some(Completed), true) => format!("您单位的“{project}”已通过验收，尾款已拨付。"),
        (Some(Completed), false) => format!("Your unit's “{project}” is accepted and the last payment released."),
        (Some(ClawedBack), true) => format!("您单位的“{project}”的资助资金被追回，原因：{reason}。"),
        (Some(ClawedBack), false) => format!("Money paid for your unit's “{project}” is reclaimed: {reason}."),
        (Some(Declined), true) => format!("很抱歉，您单位申报的“{project}”未获资助，原因：{reason}。"),
        (Some(Declined), false) => format!("Sorry: your unit's “{project}” is not funded: {reason}."),
        (_, true) => format!("您单位申报的“{project}”有了新进展，请在“单位账号”中查看。"),
        (_, false) => format!("There is news about your unit's application “{project}”: see Unit account."),
    }
}

/// What staff decided on a unit, with their reason where there is one.
fn unit_decision(name: &str, status: Option<crate::organisation::OrgStatus>, reason: &str, zh: bool) -> String {
    use crate::organisation::OrgStatus::*;
    match (status, zh) {
        (Some(Verified), true) => format!("您登记的单位“{name}”已通过认证。"),
        (Some(Verified), false) => format!("Your unit “{name}” is verified."),
        (Some(Rejected), true) => format!("您登记的单位“{name}”未通过认证，原因：{reason}。请在“单位账号”中修改后重新提交。"),
        (Some(Rejected), false) => format!("Your unit “{name}” was not verified: {reason}. Change it under Unit account and resubmit."),
        (Some(Disabled), true) => format!("您登记的单位“{name}”已被停用，原因：{reason}。"),
        (Some(Disabled), false) => format!("Your unit “{name}” is disabled: {reason}."),
        (_, true) => format!("您登记的单位“{name}”有了新的认证结果，请在“单位账号”中查看。"),
        (_, false) => format!("There is news about your unit “{name}”: see Unit account."),
    }
}

/// What an answered demand came to, with staff's words where there are some.
fn demand_outcome(outcome: Option<crate::demand::DemandStatus>, zh: bool, words: Option<&str>) -> String {
    use crate::demand::DemandStatus::*;
    let what = match (outcome, zh) {
        (Some(Planned), true) => "已列入计划",
        (Some(Delivered), true) => "已安排服务，可在“群众点单”中查看并预约",
        (Some(Declined), true) => "暂不采纳",
        (_, true) => "有了答复",
        (Some(Planned), false) => "is planned",
        (Some(Delivered), false) => "is delivered: see Demands to book it",
        (Some(Declined), false) => "was declined",
        (_, false) => "was answered",
    };
    match (words, zh) {
        (Some(words), true) => format!("{what}：{words}"),
        (Some(words), false) => format!("{what}: {words}"),
        (None, _) => what.to_string(),
    }
}

/// `text` cut to `most` characters, an ellipsis marking the cut.
fn cut(text: &str, most: usize) -> String {
    if text.chars().count() > most {
        text.chars().take(most - 1).chain(['…']).collect()
    } else {
        text.to_string()
    }
}

/// A session's start as a message says it: 12月3日 14:00 / 3 Dec 14:00, in the district's zone.
fn when(t: i64, locale: Locale) -> String {
    let t = local(t);
    const MONTHS: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
    match locale {
        Locale::Zh => format!("{}月{}日 {:02}:{:02}", t.month(), t.day(), t.hour(), t.minute()),
        Locale::En => format!("{} {} {:02}:{:02}", t.day(), MONTHS[t.month0() as usize], t.hour(), t.minute()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn settings_survive_their_stored_form_and_drop_unknown_kinds() {
        let settings = MessageSettings { sms: MessageKind::ALL.into_iter().collect(), reminders: false };
        assert_eq!(MessageSettings::from_columns(&settings.sms_column(), false), settings);
        let read = MessageSettings::from_columns("reminder,long_gone,", true);
        assert_eq!(read.sms, [MessageKind::Reminder].into_iter().collect());
        assert!(MessageSettings::from_columns("", true).sms.is_empty());
    }

    #[test]
    fn by_default_only_news_that_cannot_wait_goes_by_sms() {
        let settings = MessageSettings::default();
        assert!(settings.sms.contains(&MessageKind::WaitlistPromoted));
        assert!(settings.sms.contains(&MessageKind::SessionCancelled));
        assert!(!settings.sms.contains(&MessageKind::Reminder));
        assert!(settings.reminders);
    }

    /// A message about a session at 2026-12-03 06:00 UTC, 14:00 in Beijing.
    fn message(kind: MessageKind, item_title: &str) -> Message {
        Message {
            id: crate::ids::MessageId(1),
            kind,
            item_title: item_title.into(),
            starts_at: Some(1_796_277_600),
            booking_id: None,
            detail: None,
            deadline: None,
            outcome: None,
            unit_status: None,
            fund_status: None,
            created_at: 0,
            read: false,
        }
    }

    #[test]
    fn an_sms_is_short_and_says_when_in_the_districts_zone() {
        let text = sms_text(&message(MessageKind::Reminder, "石景山区文化馆少儿民族舞蹈公益课程第二期报名"));
        assert!(text.contains("12月3日 14:00"), "{text}");
        assert!(text.contains("《石景山区文化馆少儿民族舞蹈公益…》"), "{text}");
        assert!(text.chars().count() <= 70, "{} characters: {text}", text.chars().count());
        let long = "场馆漏水需要维修，为保证安全本场活动取消，改期另行通知，敬请谅解";
        let cancelled = Message { detail: Some(long.into()), ..message(MessageKind::SessionCancelled, "京剧") };
        let text = sms_text(&cancelled);
        assert!(text.contains("：场馆漏水需要维修，为保证安全本场活动取…。"), "{text}");
        assert!(text.chars().count() <= 70, "{} characters: {text}", text.chars().count());
    }

    #[test]
    fn every_kind_of_sms_fits_one_screen_even_with_a_long_title_and_reason() {
        for kind in MessageKind::ALL {
            let long = Message {
                detail: Some("三".repeat(60)),
                deadline: Some(1_796_270_400),
                ..message(kind, &"题".repeat(60))
            };
            let text = sms_text(&long);
            assert!(text.chars().count() <= SMS_MAX_CHARS, "{kind:?}: {} characters: {text}", text.chars().count());
            assert!(text.contains("题题题题题"), "{kind:?}: the title is still recognisable: {text}");
        }
    }

    #[test]
    fn an_offer_says_until_when_the_place_is_held() {
        let offer = Message { deadline: Some(1_796_270_400), ..message(MessageKind::PlaceOffered, "京剧") };
        assert!(sms_text(&offer).contains("保留至12月3日 12:00"), "{}", sms_text(&offer));
        assert!(offer.words(Locale::Zh).1.contains("为您保留至12月3日 12:00"));
        assert!(offer.words(Locale::En).1.contains("held for you until 3 Dec 12:00"));
    }

    #[test]
    fn a_message_reads_in_either_language() {
        let message = message(MessageKind::WaitlistPromoted, "京剧<票友>");
        assert!(message.words(Locale::Zh).1.contains("《京剧<票友>》（12月3日 14:00）"));
        assert!(message.words(Locale::En).1.contains("(3 Dec 14:00)"));
        let moved = Message { kind: MessageKind::SessionChanged, detail: Some("三层排练厅".into()), ..message };
        assert!(moved.words(Locale::Zh).1.contains("改为12月3日 14:00，地点：三层排练厅，已有的入场码继续有效"));
        assert!(moved.words(Locale::En).1.contains("3 Dec 14:00, at 三层排练厅."));
    }
}
