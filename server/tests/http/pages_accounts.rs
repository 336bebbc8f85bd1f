//! The resident's pages as the server renders them: login, the booking control, my bookings.

use crate::helpers::spawn_app;

#[tokio::test]
async fn the_login_and_register_pages_render_their_forms() {
    let app = spawn_app().await;
    let (status, html) = app.get("/login").await;
    assert_eq!(status, 200);
    assert!(html.contains("手机号") && html.contains(r#"type="password""#), "{html}");
    assert!(html.contains(r#"href="/reset?next=%2Fme%2Fbookings""#), "a way back in for a forgotten password");
    let (status, html) = app.get("/register").await;
    assert_eq!(status, 200);
    assert!(html.contains("获取验证码"));
    let (status, html) = app.get("/reset?next=/me/bookings").await;
    assert_eq!(status, 200);
    assert!(html.contains("重设密码") && html.contains(r#"data-testid="reset-form""#), "{html}");
    assert!(html.contains("获取验证码") && html.contains("设置新密码并登录"));
}

#[tokio::test]
async fn my_bookings_asks_a_visitor_to_log_in() {
    let app = spawn_app().await;
    let (status, html) = app.get("/me/bookings").await;
    assert_eq!(status, 200);
    assert!(html.contains("请先登录") && html.contains("/login?next=/me/bookings"), "{html}");
}

#[tokio::test]
async fn a_resident_sees_their_ticket_and_masked_number_and_never_the_full_number() {
    let app = spawn_app().await;
    let session = app.store.seed_open_session("京剧名段欣赏（页面测试）", 5, true).await.unwrap();
    let resident = app.register("13812345678", "石景山 lantern 7").await;
    let (_, booking) = resident.book(session).await;
    let code = booking["code"].as_str().unwrap().to_string();
    let (status, _, html) = resident.get_text("/me/bookings").await;
    assert_eq!(status, 200);
    assert!(html.contains(&code), "the ticket code is shown");
    assert!(html.contains("138****5678"));
    assert!(!html.contains("13812345678"), "the full number never reaches a page");
    assert!(html.contains(&format!("/api/v1/bookings/{}/ticket.svg", booking["id"])));
}

#[tokio::test]
async fn the_item_page_offers_booking_to_residents_and_login_to_visitors() {
    let app = spawn_app().await;
    app.store.seed_open_session("亲子绘本阅读会（页面测试）", 5, true).await.unwrap();
    let (_, items) = app.get_json(&format!("/api/v1/items?q={}", crate::helpers::enc("页面测试"))).await;
    let path = format!("/items/{}", items["items"][0]["id"]);
    let (_, anonymous) = app.get(&path).await;
    assert!(anonymous.contains("登录后预约") && anonymous.contains(&format!("/login?next={path}")));
    let resident = app.register("13812345678", "石景山 lantern 7").await;
    let (_, _, html) = resident.get_text(&path).await;
    assert!(html.contains(r#"data-testid="book""#) && !html.contains("登录后预约"), "{html}");
}
