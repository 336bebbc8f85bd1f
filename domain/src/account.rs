//! Resident accounts: a mainland mobile number and a password, parsed once at the edge.

use serde::{Deserialize, Serialize};

use crate::Locale;

/// A mainland China mobile number, normalised to its 11 digits (`13812345678`).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct PhoneNumber(String);

impl PhoneNumber {
    /// Accepts the ways people type a number: spaces, dashes, a `+86` / `0086` / `86` prefix.
    pub fn parse(input: &str) -> Result<PhoneNumber, AccountProblem> {
        let digits: String = input.chars().filter(|c| !matches!(c, ' ' | '-' | '(' | ')')).collect();
        let digits = digits.strip_prefix('+').unwrap_or(&digits);
        let national = match digits.len() {
            15 if digits.starts_with("0086") => &digits[4..],
            13 if digits.starts_with("86") => &digits[2..],
            _ => digits,
        };
        let bytes = national.as_bytes();
        let valid = bytes.len() == 11
            && bytes.iter().all(u8::is_ascii_digit)
            && bytes[0] == b'1'
            && (b'3'..=b'9').contains(&bytes[1]);
        if valid {
            Ok(PhoneNumber(national.to_string()))
        } else {
            Err(AccountProblem::InvalidPhone)
        }
    }

    /// The normalised digits, as stored.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The number as shown anywhere on screen: `138****5678`.
    pub fn masked(&self) -> String {
        mask_phone(&self.0)
    }
}

/// Masks the middle four digits of a stored number (`138****5678`); anything unexpected is
/// masked whole rather than shown.
pub fn mask_phone(stored: &str) -> String {
    if stored.len() == 11 && stored.is_ascii() {
        format!("{}****{}", &stored[..3], &stored[7..])
    } else {
        "*".repeat(stored.chars().count().max(4))
    }
}

/// A password a resident may choose. Holds the plain text only until it is hashed.
#[derive(Clone, PartialEq, Eq)]
pub struct NewPassword(String);

impl std::fmt::Debug for NewPassword {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("NewPassword(…)")
    }
}

/// The shortest password accepted.
pub const MIN_PASSWORD_CHARS: usize = 8;
/// Longer passwords are refused so hashing cannot be used to burn CPU.
pub const MAX_PASSWORD_CHARS: usize = 128;

/// Passwords people choose most often (worldwide and in China); refused whatever their length.
const COMMON_PASSWORDS: &[&str] = &[
    "12345678",
    "123456789",
    "1234567890",
    "87654321",
    "11111111",
    "00000000",
    "88888888",
    "66666666",
    "99999999",
    "12341234",
    "11223344",
    "12121212",
    "123123123",
    "147258369",
    "1qaz2wsx",
    "qwertyui",
    "qwerty123",
    "qwertyuiop",
    "password",
    "password1",
    "passw0rd",
    "iloveyou",
    "abcd1234",
    "abc12345",
    "abcdefgh",
    "a1234567",
    "a12345678",
    "aa123456",
    "asdfghjk",
    "zxcvbnm1",
    "woaini520",
    "woaini1314",
    "5201314520",
    "52013145",
    "1314520520",
    "admin123",
    "administrator",
    "welcome1",
    "sunshine",
    "princess",
    "football",
    "baseball",
    "letmein1",
    "trustno1",
    "superman",
    "whatever",
    "dragon123",
    "monkey123",
    "q1w2e3r4",
    "1q2w3e4r",
    "zaq12wsx",
    "aini1314",
    "qq123456",
    "wang1234",
    "li123456",
    "zhang123",
];

impl NewPassword {
    /// At least eight characters, at most 128, not a common password and not the phone number.
    pub fn parse(input: &str, phone: &PhoneNumber) -> Result<NewPassword, AccountProblem> {
        let chars = input.chars().count();
        if chars < MIN_PASSWORD_CHARS {
            return Err(AccountProblem::PasswordTooShort);
        }
        if chars > MAX_PASSWORD_CHARS {
            return Err(AccountProblem::PasswordTooLong);
        }
        let lower = input.to_lowercase();
        let one_repeated_char = lower.chars().all(|c| lower.starts_with(c));
        let contains_phone = lower.contains(phone.as_str());
        if one_repeated_char || contains_phone || COMMON_PASSWORDS.contains(&lower.as_str()) {
            return Err(AccountProblem::PasswordTooCommon);
        }
        Ok(NewPassword(input.to_string()))
    }

    /// A staff password: at least 12 characters (staff accounts open more), not common, not
    /// containing the username.
    pub fn parse_for_staff(input: &str, username: &str) -> Result<NewPassword, AccountProblem> {
        let chars = input.chars().count();
        if chars < crate::staff::MIN_STAFF_PASSWORD_CHARS {
            return Err(AccountProblem::StaffPasswordTooShort);
        }
        if chars > MAX_PASSWORD_CHARS {
            return Err(AccountProblem::PasswordTooLong);
        }
        let lower = input.to_lowercase();
        let username = username.trim().to_lowercase();
        if (!username.is_empty() && lower.contains(&username)) || lower.chars().all(|c| lower.starts_with(c))
        {
            return Err(AccountProblem::PasswordTooCommon);
        }
        Ok(NewPassword(input.to_string()))
    }

    /// The plain text, for hashing.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

/// Why an account form was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[error("{}", self.message(Locale::En))]
pub enum AccountProblem {
    InvalidPhone,
    PasswordTooShort,
    PasswordTooLong,
    PasswordTooCommon,
    /// The same words for an unknown number and a wrong password: do not reveal who has an account.
    WrongCredentials,
    PhoneTaken,
    /// A password reset for a number without an account (registering is the way in).
    NoAccount,
    WrongCode,
    /// A code went to this number less than a minute ago: it is on its way.
    CodeSentRecently,
    TooManyAttempts,
    StaffPasswordTooShort,
    /// Staff log in with a username.
    WrongStaffCredentials,
    AccountDisabled,
    /// Too many password checks are waiting at this moment: try again in a moment.
    Busy,
    /// The authenticator (or recovery) code did not match.
    WrongSecondFactor,
    /// The password step was too long ago, or never happened: log in again.
    SecondFactorExpired,
}

impl AccountProblem {
    /// A stable machine-readable code for the API.
    pub fn code(self) -> &'static str {
        match self {
            AccountProblem::InvalidPhone => "invalid_phone",
            AccountProblem::PasswordTooShort => "password_too_short",
            AccountProblem::PasswordTooLong => "password_too_long",
            AccountProblem::PasswordTooCommon => "password_too_common",
            AccountProblem::WrongCredentials => "wrong_credentials",
            AccountProblem::PhoneTaken => "phone_taken",
            AccountProblem::NoAccount => "no_account",
            AccountProblem::WrongCode => "wrong_code",
            AccountProblem::CodeSentRecently => "code_sent_recently",
            AccountProblem::TooManyAttempts => "too_many_attempts",
            AccountProblem::StaffPasswordTooShort => "password_too_short",
            AccountProblem::WrongStaffCredentials => "wrong_credentials",
            AccountProblem::AccountDisabled => "account_disabled",
            AccountProblem::Busy => "busy",
            AccountProblem::WrongSecondFactor => "wrong_second_factor",
            AccountProblem::SecondFactorExpired => "second_factor_expired",
        }
    }

    /// What the resident reads.
    pub fn message(self, locale: Locale) -> &'static str {
        use AccountProblem::*;
        match (self, locale) {
            (InvalidPhone, Locale::Zh) => "请输入11位中国大陆手机号，例如 13812345678。",
            (InvalidPhone, Locale::En) => "Enter an 11-digit mainland China mobile number, e.g. 13812345678.",
            (PasswordTooShort, Locale::Zh) => "密码至少需要8个字符。",
            (PasswordTooShort, Locale::En) => "The password needs at least 8 characters.",
            (PasswordTooLong, Locale::Zh) => "密码最多128个字符。",
            (PasswordTooLong, Locale::En) => "The password can have at most 128 characters.",
            (PasswordTooCommon, Locale::Zh) => "这个密码太常见，容易被猜到，请换一个。",
            (PasswordTooCommon, Locale::En) => {
                "This password is too common and easy to guess; choose another."
            }
            (WrongCredentials, Locale::Zh) => "手机号或密码不正确。",
            (WrongCredentials, Locale::En) => "The phone number or password is not correct.",
            (PhoneTaken, Locale::Zh) => "这个手机号已经注册，请直接登录。",
            (PhoneTaken, Locale::En) => "This number already has an account; log in instead.",
            (NoAccount, Locale::Zh) => "这个手机号还没有注册，请先注册。",
            (NoAccount, Locale::En) => "This number has no account yet; register instead.",
            (WrongCode, Locale::Zh) => "验证码不正确或已过期，请重新获取。",
            (WrongCode, Locale::En) => "The verification code is wrong or has expired; request a new one.",
            (CodeSentRecently, Locale::Zh) => "验证码刚刚已发送，请查看短信；如未收到，1 分钟后可再次获取。",
            (CodeSentRecently, Locale::En) => {
                "A code was sent a moment ago; check your messages, or ask for another in a minute."
            }
            (TooManyAttempts, Locale::Zh) => "尝试次数过多，请稍后再试。",
            (TooManyAttempts, Locale::En) => "Too many attempts; please try again later.",
            (StaffPasswordTooShort, Locale::Zh) => "工作人员密码至少需要12个字符。",
            (StaffPasswordTooShort, Locale::En) => "Staff passwords need at least 12 characters.",
            (WrongStaffCredentials, Locale::Zh) => "用户名或密码不正确。",
            (WrongStaffCredentials, Locale::En) => "The username or password is not correct.",
            (AccountDisabled, Locale::Zh) => "该账号已停用，请联系区级管理员。",
            (AccountDisabled, Locale::En) => "This account is disabled; contact a district admin.",
            (Busy, Locale::Zh) => "系统繁忙，请稍后再试。",
            (Busy, Locale::En) => "The service is busy; please try again in a moment.",
            (WrongSecondFactor, Locale::Zh) => "动态验证码不正确，请输入验证器应用中的6位数字或一个恢复码。",
            (WrongSecondFactor, Locale::En) => {
                "The code is not correct; enter the 6 digits your authenticator app shows, or a recovery code."
            }
            (SecondFactorExpired, Locale::Zh) => "登录已超时，请重新输入用户名和密码。",
            (SecondFactorExpired, Locale::En) => "The login timed out; enter your username and password again.",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn phone() -> PhoneNumber {
        PhoneNumber::parse("13812345678").unwrap()
    }

    #[test]
    fn numbers_are_normalised_from_the_ways_people_type_them() {
        for typed in ["13812345678", "138 1234 5678", "138-1234-5678", "+86 138 1234 5678", "008613812345678"]
        {
            assert_eq!(PhoneNumber::parse(typed).unwrap().as_str(), "13812345678", "{typed}");
        }
    }

    #[test]
    fn numbers_that_are_not_mainland_mobiles_are_refused() {
        for typed in
            ["", "1381234567", "138123456789", "12812345678", "23812345678", "1381234567a", "+852 9123 4567"]
        {
            assert_eq!(PhoneNumber::parse(typed), Err(AccountProblem::InvalidPhone), "{typed}");
        }
    }

    #[test]
    fn numbers_are_shown_masked() {
        assert_eq!(phone().masked(), "138****5678");
        assert_eq!(mask_phone("123"), "****");
    }

    #[test]
    fn short_common_and_phone_passwords_are_refused() {
        assert_eq!(NewPassword::parse("abc123", &phone()), Err(AccountProblem::PasswordTooShort));
        assert_eq!(NewPassword::parse("12345678", &phone()), Err(AccountProblem::PasswordTooCommon));
        assert_eq!(NewPassword::parse("PassWord", &phone()), Err(AccountProblem::PasswordTooCommon));
        assert_eq!(NewPassword::parse("zzzzzzzzzz", &phone()), Err(AccountProblem::PasswordTooCommon));
        assert_eq!(NewPassword::parse("x13812345678", &phone()), Err(AccountProblem::PasswordTooCommon));
        assert_eq!(NewPassword::parse(&"a".repeat(129), &phone()), Err(AccountProblem::PasswordTooLong));
    }

    #[test]
    fn staff_passwords_are_longer_and_never_contain_the_username() {
        assert_eq!(
            NewPassword::parse_for_staff("short pass", "li"),
            Err(AccountProblem::StaffPasswordTooShort)
        );
        assert_eq!(
            NewPassword::parse_for_staff("bajiao-admin-2026", "bajiao-admin"),
            Err(AccountProblem::PasswordTooCommon)
        );
        assert!(NewPassword::parse_for_staff("八角街道 lantern 2026", "bajiao-admin").is_ok());
    }

    #[test]
    fn a_reasonable_password_is_accepted_and_not_printed() {
        let password = NewPassword::parse("石景山 lantern 7", &phone()).unwrap();
        assert_eq!(password.expose(), "石景山 lantern 7");
        assert_eq!(format!("{password:?}"), "NewPassword(…)");
    }
}
