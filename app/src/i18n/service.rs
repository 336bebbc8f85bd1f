//! Phrases of a service's console page, in Chinese and English.

use cc_domain::image::ImageProblem;
use cc_domain::Locale;

/// Phrases of the service page.
pub struct ServiceStrings {
    pub heading: &'static str,
    pub fields: &'static str,
    pub not_editable: &'static str,
    pub saved: &'static str,
    pub free: &'static str,
    pub price_yuan: &'static str,
    pub picture: &'static str,
    pub no_picture: &'static str,
    pub upload: &'static str,
    pub choose: &'static str,
    pub picture_hint: &'static str,
    pub picture_saved: &'static str,
    pub sessions: &'static str,
    pub change: &'static str,
    pub public_page: &'static str,
    pub edit: &'static str,
    pub opens: &'static str,
    pub closes: &'static str,
    pub closes_optional: &'static str,
    pub add_session: &'static str,
    pub move_or_cancel: &'static str,
    pub move_session: &'static str,
    pub date: &'static str,
    pub start: &'static str,
    pub end: &'static str,
    pub place: &'static str,
    pub move_button: &'static str,
    pub reason: &'static str,
    pub cancel_button: &'static str,
    pub cancelled: &'static str,
    pub moved: &'static str,
    pub told_hint: &'static str,
    added: (&'static str, &'static str),
    told: (&'static str, &'static str),
}

const ZH: ServiceStrings = ServiceStrings {
    heading: "服务",
    fields: "内容",
    not_editable: "现在不能修改：待审核和已归档的服务不能改，已发布的服务只有区级管理员可以改。",
    saved: "已保存。",
    free: "免费",
    price_yuan: "价格（元）",
    picture: "图片",
    no_picture: "还没有图片。",
    upload: "上传图片",
    choose: "选择图片",
    picture_hint: "JPEG或PNG，不超过5MB，每边200到8000像素。照片里的拍摄地点等信息会被去除。",
    picture_saved: "图片已保存。",
    sessions: "场次",
    change: "修改",
    public_page: "居民看到的页面",
    edit: "编辑",
    opens: "开放预约",
    closes: "截止预约",
    closes_optional: "截止预约（不填则到开始时）",
    add_session: "添加场次",
    move_or_cancel: "改期、改地点或取消",
    move_session: "改期或改地点",
    date: "日期",
    start: "开始",
    end: "结束",
    place: "地点（不填则为设施地址）",
    move_button: "保存并通知报名居民",
    reason: "取消原因（报名居民会收到）",
    cancel_button: "取消场次并通知报名居民",
    cancelled: "已取消",
    moved: "已保存，报名的居民会收到通知。",
    told_hint: "已预约和候补的居民都会收到消息（按各自的选择也发短信），电子票继续有效；取消的预约不计爽约。",
    added: ("已添加 ", " 个场次。"),
    told: ("已通知 ", " 位居民。"),
};

const EN: ServiceStrings = ServiceStrings {
    heading: "Service",
    fields: "Details",
    not_editable: "It cannot be changed now: submitted and archived services cannot, published ones only by district admins.",
    saved: "Saved.",
    free: "Free",
    price_yuan: "Price (yuan)",
    picture: "Picture",
    no_picture: "No picture yet.",
    upload: "Upload a picture",
    choose: "Choose a picture",
    picture_hint: "JPEG or PNG, at most 5 MB, each side 200 to 8,000 pixels. Where a photo was taken and other metadata are removed.",
    picture_saved: "Picture saved.",
    sessions: "Sessions",
    change: "Change",
    public_page: "The page residents see",
    edit: "Edit",
    opens: "Booking opens",
    closes: "Booking closes",
    closes_optional: "Booking closes (empty: when it starts)",
    add_session: "Add a session",
    move_or_cancel: "Move or cancel",
    move_session: "Move to another time or place",
    date: "Date",
    start: "Start",
    end: "End",
    place: "Place (empty: the facility's address)",
    move_button: "Save and tell the residents booked",
    reason: "Why it is cancelled (residents booked are told)",
    cancel_button: "Cancel the session and tell the residents booked",
    cancelled: "Cancelled",
    moved: "Saved: the residents who signed up are told.",
    told_hint: "Residents booked or waiting are told (by SMS too, as each chose); their tickets stay valid; cancelled bookings never count as no-shows.",
    added: ("Added ", " session(s)."),
    told: ("Told ", " resident(s)."),
};

impl ServiceStrings {
    /// "Added 4 sessions."
    pub fn sessions_added(&self, n: usize) -> String {
        format!("{}{n}{}", self.added.0, self.added.1)
    }

    /// "Told 3 residents."
    pub fn residents_told(&self, n: usize) -> String {
        format!("{}{n}{}", self.told.0, self.told.1)
    }
}

/// The service page's phrases in `locale`.
pub fn service_strings(locale: Locale) -> &'static ServiceStrings {
    match locale {
        Locale::Zh => &ZH,
        Locale::En => &EN,
    }
}

/// Why an upload was refused, from the code the upload's redirect carries.
pub fn image_error(locale: Locale, code: &str) -> String {
    match (ImageProblem::from_code(code), code) {
        (Some(problem), _) => locale.pick(problem.zh(), &problem.to_string()).to_string(),
        (None, "forbidden") => {
            locale.pick("这不在您的管理范围内。", "This is outside what your account may manage.").into()
        }
        _ => locale.pick("图片没有保存，请稍后再试。", "The picture was not saved; try again later.").into(),
    }
}
