//! Resident accounts over the API: register with an SMS code, log in and out, throttling, and
//! the refusal of cross-site writes.

use serde_json::json;

use crate::helpers::spawn_app;

#[tokio::test]
async fn a_resident_registers_with_a_code_and_sees_their_masked_number() {
    let app = spawn_app().await;
    let visitor = app.register("138 1234 5678", "石景山 lantern 7").await;
    let (status, me) = visitor.get("/api/v1/me").await;
    assert_eq!(status, 200);
    assert_eq!(me["phone"], "138****5678");
    assert_eq!(me["booking_paused_until"], serde_json::Value::Null);
}

#[tokio::test]
async fn a_wrong_code_an_invalid_number_and_a_common_password_are_explained() {
    let app = spawn_app().await;
    let visitor = app.visitor();
    let (status, body) = visitor.post("/api/v1/auth/code", json!({ "phone": "12345" })).await;
    assert_eq!((status, body["error"]["code"].as_str()), (400, Some("invalid_phone")));
    assert_eq!(visitor.post("/api/v1/auth/code", json!({ "phone": "13900001111" })).await.0, 202);
    let register =
        |code: &str, password: &str| json!({ "phone": "13900001111", "code": code, "password": password });
    let (status, body) = visitor.post("/api/v1/auth/register", register("000000", "a fine password")).await;
    assert_eq!((status, body["error"]["code"].as_str()), (400, Some("wrong_code")));
    let (status, body) = visitor.post("/api/v1/auth/register", register("000000", "12345678")).await;
    assert_eq!((status, body["error"]["code"].as_str()), (400, Some("password_too_common")));
    let (status, body) = visitor.post("/api/v1/auth/code", json!({ "phone": "13900001111" })).await;
    assert_eq!(
        (status, body["error"]["code"].as_str()),
        (429, Some("code_sent_recently")),
        "a second code within a minute"
    );
}

#[tokio::test]
async fn login_answers_alike_for_unknown_numbers_and_wrong_passwords_and_logout_ends_the_session() {
    let app = spawn_app().await;
    let _ = app.register("13812345678", "石景山 lantern 7").await;
    let visitor = app.visitor();
    let (unknown_status, unknown) = visitor
        .post("/api/v1/auth/login", json!({ "phone": "13987654321", "password": "whatever it is" }))
        .await;
    let (wrong_status, wrong) = visitor
        .post("/api/v1/auth/login", json!({ "phone": "13812345678", "password": "not the password" }))
        .await;
    assert_eq!((unknown_status, wrong_status), (401, 401));
    assert_eq!(unknown, wrong);
    assert_eq!(visitor.get("/api/v1/me").await.0, 401);

    let (status, me) = visitor
        .post("/api/v1/auth/login", json!({ "phone": "13812345678", "password": "石景山 lantern 7" }))
        .await;
    assert_eq!((status, me["phone"].as_str()), (200, Some("138****5678")));
    assert_eq!(visitor.get("/api/v1/me").await.0, 200);
    assert_eq!(visitor.post("/api/v1/auth/logout", json!({})).await.0, 204);
    assert_eq!(visitor.get("/api/v1/me").await.0, 401);
}

#[tokio::test]
async fn logging_in_issues_a_new_session_cookie() {
    let app = spawn_app().await;
    let _ = app.register("13812345678", "石景山 lantern 7").await;
    let client = reqwest::Client::new();
    let response = client
        .post(format!("{}/api/v1/auth/login", app.address))
        .header("cookie", "cc_session=AAAAAAAAAAAAAAAAAAAAAA")
        .json(&json!({ "phone": "13812345678", "password": "石景山 lantern 7" }))
        .send()
        .await
        .unwrap();
    let cookie = response.headers().get("set-cookie").unwrap().to_str().unwrap().to_string();
    assert!(cookie.starts_with("cc_session=") && !cookie.contains("AAAAAAAAAAAAAAAAAAAAAA"), "{cookie}");
    assert!(cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"), "{cookie}");
}

#[tokio::test]
async fn five_wrong_passwords_lock_the_number_for_a_while() {
    let app = spawn_app().await;
    let _ = app.register("13812345678", "石景山 lantern 7").await;
    let visitor = app.visitor();
    for _ in 0..5 {
        let (status, _) = visitor
            .post("/api/v1/auth/login", json!({ "phone": "13812345678", "password": "wrong password" }))
            .await;
        assert_eq!(status, 401);
    }
    let (status, body) = visitor
        .post("/api/v1/auth/login", json!({ "phone": "13812345678", "password": "石景山 lantern 7" }))
        .await;
    assert_eq!((status, body["error"]["code"].as_str()), (429, Some("too_many_attempts")));
}

#[tokio::test]
async fn cross_site_writes_are_refused_and_same_origin_ones_pass() {
    let app = spawn_app().await;
    let post = |headers: Vec<(&'static str, String)>| {
        let mut request = app.client.post(format!("{}/api/v1/auth/logout", app.address));
        for (name, value) in headers {
            request = request.header(name, value);
        }
        request.send()
    };
    let cross = post(vec![("origin", "https://evil.example".into())]).await.unwrap();
    assert_eq!(cross.status().as_u16(), 403);
    let body: serde_json::Value = cross.json().await.unwrap();
    assert_eq!(body["error"]["code"], "cross_site");
    assert_eq!(post(vec![("sec-fetch-site", "cross-site".into())]).await.unwrap().status().as_u16(), 403);
    let same = post(vec![("origin", app.address.clone())]).await.unwrap();
    assert_eq!(same.status().as_u16(), 204);
    // Server functions are guarded too.
    let server_fn = app
        .client
        .post(format!("{}/api/load_home", app.address))
        .header("sec-fetch-site", "cross-site")
        .send()
        .await
        .unwrap();
    assert_eq!(server_fn.status().as_u16(), 403);
}
