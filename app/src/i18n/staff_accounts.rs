//! Phrases of the console's staff accounts page, in Chinese and English.

use cc_domain::Locale;

/// Phrases of the accounts page.
pub struct AccountStrings {
    pub heading: &'static str,
    pub none: &'static str,
    pub new_account: &'static str,
    pub display_name: &'static str,
    pub role: &'static str,
    pub street: &'static str,
    pub facility: &'static str,
    pub none_chosen: &'static str,
    pub password_hint: &'static str,
    pub create: &'static str,
    pub created: &'static str,
    pub disable: &'static str,
    pub disabled: &'static str,
    pub active: &'static str,
    pub scope: &'static str,
}

const ZH: AccountStrings = AccountStrings {
    heading: "工作人员账号",
    none: "还没有您管理的账号。",
    new_account: "新建账号",
    display_name: "姓名",
    role: "角色",
    street: "街道（街道管理员）",
    facility: "场馆（场馆管理员）",
    none_chosen: "（不选）",
    password_hint: "至少12个字符。请把初始密码当面或电话告诉本人。",
    create: "创建账号",
    created: "账号已创建。",
    disable: "停用",
    disabled: "已停用",
    active: "使用中",
    scope: "范围",
};

const EN: AccountStrings = AccountStrings {
    heading: "Staff accounts",
    none: "No accounts you manage yet.",
    new_account: "New account",
    display_name: "Name",
    role: "Role",
    street: "Street (street admins)",
    facility: "Facility (facility managers)",
    none_chosen: "(none)",
    password_hint: "At least 12 characters. Give the first password to the person directly.",
    create: "Create the account",
    created: "Account created.",
    disable: "Disable",
    disabled: "Disabled",
    active: "Active",
    scope: "Scope",
};

/// The accounts page's phrases in `locale`.
pub fn account_strings(locale: Locale) -> &'static AccountStrings {
    match locale {
        Locale::Zh => &ZH,
        Locale::En => &EN,
    }
}
