//! What staff type when they create a service and its sessions, parsed once: every field's
//! problem is named, in the staff member's language.

use chrono::{DateTime, FixedOffset};
use serde::{Deserialize, Serialize};

use crate::Locale;

/// A field and what is wrong with it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldError {
    pub field: &'static str,
    pub zh: &'static str,
    pub en: &'static str,
}

impl FieldError {
    /// The field and what to do, in both languages.
    pub const fn new(field: &'static str, zh: &'static str, en: &'static str) -> FieldError {
        FieldError { field, zh, en }
    }

    /// The message in `locale`, led by the field's name as forms label it (the API names the
    /// field itself in `param`).
    pub fn message(&self, locale: Locale) -> String {
        let label = field_label(self.field, locale);
        match locale {
            Locale::Zh => format!("{label}：{}", self.zh),
            Locale::En => format!("{label}: {}", self.en),
        }
    }
}

/// What forms call a field (its API name when no form has it).
pub fn field_label(field: &'static str, locale: Locale) -> &'static str {
    const LABELS: [(&str, &str, &str); 77] = [
        ("title", "标题", "Title"),
        ("topic", "培训主题", "Topic"),
        ("trainer", "授课人", "Trainer"),
        ("hours", "学时", "Hours"),
        ("venue", "培训地点", "Venue"),
        ("unit", "所在单位", "Unit"),
        ("mobile", "手机号码", "Mobile"),
        ("description", "介绍", "Description"),
        ("provider", "提供方", "Provider"),
        ("facility_id", "设施", "Facility"),
        ("facility_ids", "设施", "Facilities"),
        ("category", "类别", "Category"),
        ("audience", "对象", "Audience"),
        ("price_cents", "价格", "Price"),
        ("starts_at", "开始时间", "Start"),
        ("start", "开始时间", "Start"),
        ("ends_at", "结束时间", "End"),
        ("end", "结束时间", "End"),
        ("capacity", "名额", "Places"),
        ("repeat_weeks", "每周重复", "Weekly repeats"),
        ("booking_opens_at", "开放预约", "Booking opens"),
        ("booking_closes_at", "截止预约", "Booking closes"),
        ("place", "地点", "Place"),
        ("reason", "原因", "Reason"),
        ("stars", "评分", "Rating"),
        ("comment", "评价内容", "Comment"),
        ("role", "角色", "Role"),
        ("street_id", "街道", "Street"),
        ("min_area_m2", "最小面积", "Minimum area"),
        ("min_weekly_hours", "每周最少开放时长", "Minimum weekly hours"),
        ("area_m2", "面积", "Area"),
        ("opening_hours", "开放时间", "Opening hours"),
        ("username", "用户名", "Username"),
        ("display_name", "姓名", "Name"),
        ("name", "名称", "Name"),
        ("level", "级别", "Level"),
        ("year_listed", "公布年份", "Year listed"),
        ("protecting_unit", "保护单位", "Protecting unit"),
        ("inheritors", "代表性传承人", "Inheritors"),
        ("places", "传承地点", "Places"),
        ("credit_code", "统一社会信用代码", "Unified social credit code"),
        ("contact_name", "联系人", "Contact person"),
        ("kind", "类型", "Kind"),
        ("code", "代码", "Code"),
        ("name_en", "英文名称", "English name"),
        ("cap", "资助上限", "Cap per award"),
        ("attachments", "必备附件", "Required attachments"),
        ("year", "年度", "Year"),
        ("budget", "资金总额", "Budget"),
        ("opens_on", "开始日期", "Opens"),
        ("closes_on", "截止日期", "Closes"),
        ("project", "项目名称", "Project"),
        ("aims", "项目目标", "Aims"),
        ("schedule", "实施计划", "Schedule"),
        ("budget_lines", "预算明细", "Budget"),
        ("requested", "申请金额", "Amount requested"),
        ("cofunding", "自筹资金", "Co-funding"),
        ("amount", "资助金额", "Amount"),
        ("experts", "评审专家", "Experts"),
        ("scores", "评分", "Scores"),
        ("statement", "说明", "Statement"),
        ("criteria", "评分标准", "Criteria"),
        ("label", "材料", "Which file"),
        ("objection", "异议", "Objection"),
        ("answer", "答复", "Answer"),
        ("summary", "任务内容", "What the task is"),
        ("lead_unit", "牵头单位", "Lead unit"),
        ("cooperating_units", "配合单位", "Cooperating units"),
        ("deadline", "完成时限", "Deadline"),
        ("owners", "责任人", "Owners"),
        ("status", "进展状态", "Status"),
        ("note", "进展说明", "Progress note"),
        ("due_on", "节点日期", "Due on"),
        ("url", "链接", "Link"),
        ("slug", "标识", "Slug"),
        ("icon", "图标", "Icon"),
        ("slugs", "顺序", "Order"),
    ];
    LABELS
        .iter()
        .find(|(name, ..)| *name == field)
        .map_or(field, |(_, zh, en)| if locale == Locale::Zh { zh } else { en })
}

/// A line of text as forms take it: trimmed, `min..=max` characters, no control characters.
pub(crate) fn one_line(text: &str, min: usize, max: usize) -> Option<String> {
    let text = text.trim();
    let chars = text.chars().count();
    ((min..=max).contains(&chars) && !text.chars().any(char::is_control)).then(|| text.to_string())
}

/// Text of several lines as forms take it: trimmed, `\r\n` as `\n`, at most `max` characters,
/// no control characters but line breaks and tabs.
pub(crate) fn paragraphs(text: &str, max: usize) -> Option<String> {
    let text = text.replace("\r\n", "\n");
    let text = text.trim();
    let clean = !text.chars().any(|c| c.is_control() && c != '\n' && c != '\t');
    (clean && text.chars().count() <= max).then(|| text.to_string())
}

fn field(field: &'static str, zh: &'static str, en: &'static str) -> FieldError {
    FieldError { field, zh, en }
}

/// A service item as typed in.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ItemInput {
    pub title: String,
    #[serde(default)]
    pub description: String,
    pub provider: String,
    pub category: String,
    pub audience: String,
    pub facility_id: i64,
    #[serde(default = "yes")]
    pub free: bool,
    #[serde(default)]
    pub price_cents: Option<i64>,
}

fn yes() -> bool {
    true
}

impl ItemInput {
    /// Trims the text and checks every field.
    pub fn parse(mut self) -> Result<ItemInput, FieldError> {
        self.title = self.title.trim().to_string();
        self.description = self.description.trim().to_string();
        self.provider = self.provider.trim().to_string();
        let chars = |s: &str| s.chars().count();
        if self.title.is_empty() || chars(&self.title) > 100 {
            return Err(field("title", "标题必填，最多100字", "required, at most 100 characters"));
        }
        if chars(&self.description) > 5000 {
            return Err(field("description", "简介最多5000字", "at most 5,000 characters"));
        }
        if self.provider.is_empty() || chars(&self.provider) > 100 {
            return Err(field("provider", "主办方必填，最多100字", "required, at most 100 characters"));
        }
        match (self.free, self.price_cents) {
            (true, _) => self.price_cents = None,
            (false, Some(cents)) if (1..=10_000_000).contains(&cents) => {}
            (false, _) => {
                return Err(field(
                    "price_cents",
                    "收费活动请填写价格（分）",
                    "a paid service needs a price in fen",
                ))
            }
        }
        Ok(self)
    }
}

/// A session as typed in.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SessionInput {
    pub starts_at: DateTime<FixedOffset>,
    pub ends_at: DateTime<FixedOffset>,
    pub capacity: i64,
    pub booking_opens_at: DateTime<FixedOffset>,
    pub booking_closes_at: DateTime<FixedOffset>,
    #[serde(default = "yes")]
    pub waitlist: bool,
    /// Also hold it at the same time on this many following weeks (0 to 52).
    #[serde(default)]
    pub repeat_weeks: u32,
}

impl SessionInput {
    /// This session and its weekly repetitions, each a week after the one before.
    pub fn occurrences(&self) -> Vec<SessionInput> {
        (0..=self.repeat_weeks)
            .map(|week| {
                let shift = chrono::Duration::weeks(i64::from(week));
                SessionInput {
                    starts_at: self.starts_at + shift,
                    ends_at: self.ends_at + shift,
                    booking_opens_at: self.booking_opens_at,
                    booking_closes_at: self.booking_closes_at + shift,
                    repeat_weeks: 0,
                    ..self.clone()
                }
            })
            .collect()
    }

    /// Checks the times' order and the capacity; `now` in UTC seconds.
    pub fn parse(self, now: i64) -> Result<SessionInput, FieldError> {
        if self.repeat_weeks > 52 {
            return Err(field("repeat_weeks", "最多重复52周", "at most 52 weeks"));
        }
        if !(1..=100_000).contains(&self.capacity) {
            return Err(field("capacity", "名额应在1到100000之间", "between 1 and 100,000"));
        }
        if self.ends_at <= self.starts_at {
            return Err(field("ends_at", "结束时间应晚于开始时间", "must be after the start"));
        }
        if self.starts_at.timestamp() <= now {
            return Err(field("starts_at", "开始时间应在将来", "must be in the future"));
        }
        if self.booking_closes_at <= self.booking_opens_at {
            return Err(field("booking_closes_at", "预约截止应晚于开放时间", "must be after booking opens"));
        }
        if self.booking_closes_at > self.starts_at {
            return Err(field(
                "booking_closes_at",
                "预约截止不能晚于活动开始",
                "cannot be after the session starts",
            ));
        }
        Ok(self)
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_refused_field_is_named_as_forms_label_it() {
        let error = FieldError { field: "starts_at", zh: "新的开始时间应在将来", en: "must be in the future" };
        assert_eq!(error.message(Locale::Zh), "开始时间：新的开始时间应在将来");
        assert_eq!(error.message(Locale::En), "Start: must be in the future");
        let unknown = FieldError { field: "colour", zh: "不对", en: "wrong" };
        assert_eq!(unknown.message(Locale::En), "colour: wrong");
    }

    use super::*;
    use crate::time::local;

    fn item() -> ItemInput {
        ItemInput {
            title: "  非遗剪纸体验课 ".into(),
            description: "".into(),
            provider: "八角街道文化中心".into(),
            category: "heritage".into(),
            audience: "children".into(),
            facility_id: 1,
            free: true,
            price_cents: Some(100),
        }
    }

    const NOW: i64 = 1_800_000_000;

    fn session(starts: i64, capacity: i64) -> SessionInput {
        SessionInput {
            starts_at: local(starts),
            ends_at: local(starts + 3600),
            capacity,
            booking_opens_at: local(NOW),
            booking_closes_at: local(starts - 600),
            waitlist: true,
            repeat_weeks: 0,
        }
    }

    #[test]
    fn an_item_is_trimmed_and_a_free_one_has_no_price() {
        let parsed = item().parse().unwrap();
        assert_eq!(parsed.title, "非遗剪纸体验课");
        assert_eq!(parsed.price_cents, None);
        assert_eq!(ItemInput { title: " ".into(), ..item() }.parse().unwrap_err().field, "title");
        assert_eq!(
            ItemInput { free: false, price_cents: None, ..item() }.parse().unwrap_err().field,
            "price_cents"
        );
    }

    #[test]
    fn a_weekly_session_repeats_at_the_same_time_each_week() {
        let weekly = SessionInput { repeat_weeks: 3, ..session(NOW + 86_400, 30) };
        let all = weekly.occurrences();
        assert_eq!(all.len(), 4);
        assert_eq!(all[3].starts_at.timestamp() - all[0].starts_at.timestamp(), 3 * 7 * 86_400);
        assert!(all.iter().all(|s| s.booking_closes_at <= s.starts_at && s.repeat_weeks == 0));
        assert_eq!(
            SessionInput { repeat_weeks: 53, ..session(NOW + 86_400, 30) }.parse(NOW).unwrap_err().field,
            "repeat_weeks"
        );
    }

    #[test]
    fn sessions_are_in_the_future_in_order_and_bookable_before_they_start() {
        assert!(session(NOW + 86_400, 30).parse(NOW).is_ok());
        assert_eq!(session(NOW + 86_400, 0).parse(NOW).unwrap_err().field, "capacity");
        assert_eq!(session(NOW - 10, 30).parse(NOW).unwrap_err().field, "starts_at");
        let late = SessionInput { booking_closes_at: local(NOW + 90_000), ..session(NOW + 86_400, 30) };
        assert_eq!(late.parse(NOW).unwrap_err().field, "booking_closes_at");
    }
}
