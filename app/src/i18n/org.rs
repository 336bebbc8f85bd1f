//! Phrases of units (organisations): the resident's `/org` and the staff's
//! `/staff/organisations`. Server-rendered only: no island reads them.

use cc_domain::Locale;

/// Phrases about units.
pub struct OrgStrings {
    pub title: &'static str,
    pub intro: &'static str,
    pub login_first: &'static str,
    pub register_title: &'static str,
    pub change_title: &'static str,
    pub name: &'static str,
    pub credit_code: &'static str,
    pub credit_code_hint: &'static str,
    pub kind: &'static str,
    pub choose: &'static str,
    pub contact_name: &'static str,
    pub contact_phone: &'static str,
    pub register: &'static str,
    pub resubmit: &'static str,
    pub saved: &'static str,
    pub status: &'static str,
    pub reason: &'static str,
    pub verified_note: &'static str,
    pub pending_note: &'static str,
    pub staff_title: &'static str,
    pub staff_hint: &'static str,
    pub none: &'static str,
    pub decide: &'static str,
    pub decision: &'static str,
    pub decided: &'static str,
    pub registered_at: &'static str,
    pub heritage_link: &'static str,
}

const ZH: OrgStrings = OrgStrings {
    title: "单位账号",
    intro: "非遗保护单位、传承人工作室和社会组织在这里登记。经区文化和旅游局认证后，可以申报非遗保护传承专项资金。",
    login_first: "请先登录：您账号的手机号就是单位的联系电话。",
    register_title: "登记单位",
    change_title: "修改并重新提交",
    name: "单位名称",
    credit_code: "统一社会信用代码",
    credit_code_hint: "18位，见营业执照或登记证书",
    kind: "单位类型",
    choose: "请选择",
    contact_name: "联系人姓名",
    contact_phone: "联系电话",
    register: "提交登记",
    resubmit: "重新提交",
    saved: "已提交，请等待区文化和旅游局认证，结果会发到“我的消息”。",
    status: "认证状态",
    reason: "原因",
    verified_note: "单位已认证，可以在下面申报非遗保护传承专项资金。",
    pending_note: "正在等待认证；认证前仍可修改登记信息。",
    staff_title: "单位认证",
    staff_hint: "核对单位名称与统一社会信用代码后认证；不予认证或停用时写明原因，单位联系人会收到。",
    none: "还没有单位登记。",
    decide: "提交",
    decision: "决定",
    decided: "已处理，单位联系人已收到消息。",
    registered_at: "登记于",
    heritage_link: "保护单位、传承人工作室请登记单位账号",
};

const EN: OrgStrings = OrgStrings {
    title: "Unit account",
    intro: "Heritage protecting units, inheritors' studios and social organisations register here. Once the district's culture bureau verifies them, they can apply to the intangible-heritage fund.",
    login_first: "Log in first: your account's mobile number becomes the unit's contact number.",
    register_title: "Register a unit",
    change_title: "Change and resubmit",
    name: "Unit name",
    credit_code: "Unified social credit code",
    credit_code_hint: "18 characters, on the business licence or registration certificate",
    kind: "Kind of unit",
    choose: "Choose…",
    contact_name: "Contact person",
    contact_phone: "Contact number",
    register: "Register",
    resubmit: "Resubmit",
    saved: "Sent: the district's culture bureau will verify it; you are told in My messages.",
    status: "Verification",
    reason: "Reason",
    verified_note: "The unit is verified: apply to the heritage fund below.",
    pending_note: "Waiting for verification; you can still change the registration.",
    staff_title: "Verify units",
    staff_hint: "Check the name against the credit code, then verify; give the reason to reject or disable — the contact is told it.",
    none: "No unit has registered yet.",
    decide: "Send",
    decision: "Decision",
    decided: "Done; the unit's contact was told.",
    registered_at: "Registered",
    heritage_link: "Protecting units and studios: register a unit account",
};

/// The unit phrases in `locale`.
pub fn org_strings(locale: Locale) -> &'static OrgStrings {
    match locale {
        Locale::Zh => &ZH,
        Locale::En => &EN,
    }
}

/// What an error code from a unit form says.
pub fn org_error(locale: Locale, code: &str) -> &'static str {
    let zh = locale == Locale::Zh;
    match code {
        "name" if zh => "单位名称：请填写2到60个字。",
        "name" => "Unit name: 2 to 60 characters.",
        "credit_code" if zh => "统一社会信用代码应为18位，且校验位正确，请核对。",
        "credit_code" => "A unified social credit code has 18 characters and a matching check digit: check it.",
        "kind" if zh => "请选择单位类型。",
        "kind" => "Choose the kind of unit.",
        "contact_name" if zh => "联系人姓名：请填写2到20个字。",
        "contact_name" => "Contact person: 2 to 20 characters.",
        "code_taken" if zh => "这个统一社会信用代码已有单位登记；如有疑问请联系区文化和旅游局。",
        "code_taken" => "A unit with this credit code is registered already; ask the district's culture bureau if in doubt.",
        "settled" if zh => "单位已认证或已停用，不能再由联系人修改。",
        "settled" => "The unit is verified or disabled: its contact no longer changes it.",
        "reason" if zh => "不予认证或停用时请写明原因（一行，不超过200个字）。",
        "reason" => "Give the reason to reject or disable (one line, at most 200 characters).",
        "not_now" if zh => "单位的状态已变化，不能这样处理，请刷新后再试。",
        "not_now" => "The unit's status does not allow this (it may have changed): reload and try again.",
        _ if zh => "没能完成，请重试。",
        _ => "That did not work: try again.",
    }
}
