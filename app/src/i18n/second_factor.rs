//! Phrases of the staff second factor (动态验证码), in Chinese and English.

use cc_domain::Locale;

/// Phrases of the code step and of setting up an authenticator.
pub struct SecondFactorStrings {
    pub code_heading: &'static str,
    pub code_hint: &'static str,
    pub code_label: &'static str,
    pub verify: &'static str,
    pub enrol_heading: &'static str,
    pub enrol_hint: &'static str,
    pub qr_alt: &'static str,
    pub secret_label: &'static str,
    pub recovery_heading: &'static str,
    pub recovery_hint: &'static str,
    pub continue_to_console: &'static str,
    pub security_title: &'static str,
    pub status_on: &'static str,
    pub status_off: &'static str,
    pub status_required: &'static str,
    pub codes_left: &'static str,
    pub set_up: &'static str,
    pub done: &'static str,
}

const ZH: SecondFactorStrings = SecondFactorStrings {
    code_heading: "输入动态验证码",
    code_hint: "打开手机上的验证器应用，输入“公共文化云”显示的6位数字；手机不在身边时可输入一个恢复码。",
    code_label: "动态验证码或恢复码",
    verify: "验证并登录",
    enrol_heading: "设置动态验证码",
    enrol_hint: "您的账号需要第二重验证。请用验证器应用（如 Microsoft Authenticator、Google 身份验证器）扫描二维码，或手动输入密钥，然后输入应用显示的6位数字。",
    qr_alt: "用验证器应用扫描此二维码",
    secret_label: "密钥",
    recovery_heading: "请保存恢复码",
    recovery_hint: "手机丢失时，每个恢复码可代替动态验证码使用一次。它们只显示这一次，请抄下或打印后妥善保管。",
    continue_to_console: "我已保存，进入工作台",
    security_title: "账号安全",
    status_on: "动态验证码已启用。",
    status_off: "尚未设置动态验证码。",
    status_required: "您的角色必须使用动态验证码。",
    codes_left: "剩余恢复码",
    set_up: "设置动态验证码",
    done: "设置完成。",
};

const EN: SecondFactorStrings = SecondFactorStrings {
    code_heading: "Enter your code",
    code_hint: "Open the authenticator app on your phone and enter the 6 digits it shows for Culture Cloud; without your phone, enter a recovery code.",
    code_label: "Code or recovery code",
    verify: "Verify and log in",
    enrol_heading: "Set up a second factor",
    enrol_hint: "Your account needs a second factor. Scan the QR code with an authenticator app (Microsoft Authenticator, Google Authenticator…) or type the secret, then enter the 6 digits it shows.",
    qr_alt: "Scan this QR code with an authenticator app",
    secret_label: "Secret",
    recovery_heading: "Keep your recovery codes",
    recovery_hint: "If you lose your phone, each recovery code works once instead of a code. They are shown only now: write them down or print them and keep them safe.",
    continue_to_console: "I have kept them: go to the console",
    security_title: "Account security",
    status_on: "A second factor is set up.",
    status_off: "No second factor is set up yet.",
    status_required: "Your role must use a second factor.",
    codes_left: "Recovery codes left",
    set_up: "Set up a second factor",
    done: "Set up.",
};

/// The phrases for `locale`.
pub fn second_factor_strings(locale: Locale) -> &'static SecondFactorStrings {
    match locale {
        Locale::Zh => &ZH,
        Locale::En => &EN,
    }
}
