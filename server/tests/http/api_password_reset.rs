//! A forgotten password, reset with a code sent by SMS: every other login of the account ends,
//! the code is spent, and the attempts are counted like logins.

use cc_domain::account::{NewPassword, PhoneNumber};
use serde_json::json;

use crate::helpers::{spawn_app, TestApp, Visitor};

const PHONE: &str = "13812345678";
const OLD: &str = "石景山 lantern 7";
const NEW: &str = "模式口 kite 42";

/// A resident with `OLD` as password, made in the store (registering would spend the number's
/// one code a minute).
async fn resident(app: &TestApp) {
    let phone = PhoneNumber::parse(PHONE).unwrap();
    let hash = cc_auth::password::hash_password(&NewPassword::parse(OLD, &phone).unwrap()).await.unwrap();
    app.store.create_resident(&phone, &hash).await.unwrap().expect("a new account");
}

/// Asks for a code for `phone` and returns it (from the development SMS sender).
async fn code_for(app: &TestApp, visitor: &Visitor, phone: &str) -> String {
    let (status, body) = visitor.post("/api/v1/auth/code", json!({ "phone": phone })).await;
    assert_eq!(status, 202, "{body}");
    app.sms.last_code(&PhoneNumber::parse(phone).unwrap()).expect("a code was sent")
}

fn reset(phone: &str, code: &str, password: &str) -> serde_json::Value {
    json!({ "phone": phone, "code": code, "password": password })
}

#[tokio::test]
async fn a_forgotten_password_is_reset_with_a_code_and_every_other_login_ends() {
    let app = spawn_app().await;
    resident(&app).await;
    let elsewhere = app.visitor();
    assert_eq!(elsewhere.post("/api/v1/auth/login", json!({ "phone": PHONE, "password": OLD })).await.0, 200);
    assert_eq!(elsewhere.get("/api/v1/me").await.0, 200);

    let forgetful = app.visitor();
    let code = code_for(&app, &forgetful, PHONE).await;
    let wrong = if code == "000000" { "111111" } else { "000000" };
    let (status, body) = forgetful.post("/api/v1/auth/reset", reset(PHONE, wrong, NEW)).await;
    assert_eq!((status, body["error"]["code"].as_str()), (400, Some("wrong_code")));
    let (status, me) = forgetful.post("/api/v1/auth/reset", reset(PHONE, &code, NEW)).await;
    assert_eq!((status, me["phone"].as_str()), (200, Some("138****5678")), "{me}");

    assert_eq!(forgetful.get("/api/v1/me").await.0, 200, "logged in where the password was reset");
    assert_eq!(elsewhere.get("/api/v1/me").await.0, 401, "logged out everywhere else");
    let with = |password: &str| json!({ "phone": PHONE, "password": password });
    assert_eq!(app.visitor().post("/api/v1/auth/login", with(OLD)).await.0, 401, "the old password is gone");
    assert_eq!(app.visitor().post("/api/v1/auth/login", with(NEW)).await.0, 200);
    let (status, body) = app.visitor().post("/api/v1/auth/reset", reset(PHONE, &code, "另一个 password 9")).await;
    assert_eq!((status, body["error"]["code"].as_str()), (400, Some("wrong_code")), "the code is spent");
}

#[tokio::test]
async fn a_number_without_an_account_is_told_to_register() {
    let app = spawn_app().await;
    let visitor = app.visitor();
    let code = code_for(&app, &visitor, "13900001111").await;
    let (status, body) = visitor.post("/api/v1/auth/reset", reset("13900001111", &code, NEW)).await;
    assert_eq!((status, body["error"]["code"].as_str()), (400, Some("no_account")));
    assert!(body["error"]["message"].as_str().unwrap().contains("register"), "{body}");
    assert_eq!(visitor.get("/api/v1/me").await.0, 401);
}

#[tokio::test]
async fn resets_are_counted_like_logins_and_a_weak_password_is_explained() {
    let app = spawn_app().await;
    resident(&app).await;
    let visitor = app.visitor();
    let (status, body) = visitor.post("/api/v1/auth/reset", reset(PHONE, "123456", "12345678")).await;
    assert_eq!((status, body["error"]["code"].as_str()), (400, Some("password_too_common")));
    for _ in 0..5 {
        let (status, _) = visitor.post("/api/v1/auth/reset", reset(PHONE, "123456", NEW)).await;
        assert_eq!(status, 400);
    }
    let (status, body) = visitor.post("/api/v1/auth/reset", reset(PHONE, "123456", NEW)).await;
    assert_eq!((status, body["error"]["code"].as_str()), (429, Some("too_many_attempts")), "{body}");
}
