//! Applications to the heritage fund: a verified unit keeps a draft as typed, attaches files
//! recognised by their bytes, and submits it once every field reads and every required file is
//! there; staff return it for completion and the unit is told; it is fixed and sent again.
//! Another unit never sees it; the file limit holds under parallel uploads.

use cc_domain::staff::{Role, StaffScope};
use serde_json::{json, Value};

use crate::helpers::{spawn_app, TestApp, Visitor};

pub const PDF: &[u8] = b"%PDF-1.7\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n";

fn district() -> StaffScope {
    StaffScope { role: Role::DistrictAdmin, street_id: None, facility_ids: vec![] }
}

/// A resident whose unit (with this credit code) is verified by `admin`.
pub async fn verified_unit(app: &TestApp, admin: &Visitor, phone: &str, code: &str) -> Visitor {
    let contact = app.register(phone, &format!("石景山 lantern {}", &phone[7..])).await;
    let unit = json!({ "name": format!("京西非遗工作室{phone}"), "credit_code": code, "kind": "studio", "contact_name": "王老师" });
    let (status, registered) = contact.post("/api/v1/org", unit).await;
    assert_eq!(status, 201, "{registered}");
    let id = registered["id"].as_i64().unwrap();
    let (status, decided) = admin.post(&format!("/api/v1/staff/organisations/{id}/decision"), json!({ "status": "verified" })).await;
    assert_eq!(status, 200, "{decided}");
    contact
}

/// The open call's id, and the research category's id and required files.
pub async fn open_call_and_research(app: &TestApp) -> (i64, i64, Vec<String>) {
    let (_, calls) = app.get_json("/api/v1/fund/calls").await;
    let call = calls.as_array().unwrap().iter().find(|c| c["phase"] == "open").expect("the demo has an open call")["id"].as_i64().unwrap();
    let (_, categories) = app.get_json("/api/v1/fund/categories").await;
    let research = categories.as_array().unwrap().iter().find(|c| c["code"] == "research").unwrap();
    let required = research["attachments"].as_array().unwrap().iter().map(|a| a.as_str().unwrap().to_string()).collect();
    (call, research["id"].as_i64().unwrap(), required)
}

pub fn complete(requested: &str) -> Value {
    json!({
        "project": "京西太平鼓的历史与技艺研究",
        "aims": "梳理京西太平鼓的历史沿革、鼓点与舞步，形成研究报告一份，为传承教学提供依据。",
        "schedule": "三月文献整理，四至六月走访传承人，七月成稿。",
        "budget_lines": [{ "item": "访谈与资料费", "amount": "12,000" }, { "item": "报告印制", "amount": "8000" }],
        "requested": requested,
        "cofunding": "5,000"
    })
}

#[tokio::test]
async fn a_unit_drafts_attaches_and_submits_and_staff_return_it_for_completion() {
    let app = spawn_app().await;
    let admin = app.staff("apply-admin", district()).await;
    let (call, research, required) = open_call_and_research(&app).await;
    let stranger = app.register("13800000311", "石景山 lantern 311").await;
    let start = json!({ "call_id": call, "category_id": research, "project": "京西太平鼓研究", "requested": "大约两万" });
    assert_eq!(stranger.post("/api/v1/org/applications", start.clone()).await.1["error"]["code"], "unit_not_verified");

    let unit = verified_unit(&app, &admin, "13800000312", "91110107592346585N").await;
    let (status, draft) = unit.post("/api/v1/org/applications", start.clone()).await;
    assert_eq!((status, draft["status"].as_str()), (201, Some("draft")), "{draft}");
    assert_eq!(draft["input"]["requested"], "大约两万", "a draft keeps what was typed");
    let id = draft["id"].as_i64().unwrap();
    assert_eq!(unit.post("/api/v1/org/applications", start).await.1["error"]["code"], "duplicate");
    let path = format!("/api/v1/org/applications/{id}");
    let submit_path = format!("{path}/submit");
    let submit = || unit.post(&submit_path, json!({}));
    let (status, refused) = submit().await;
    assert_eq!((status, refused["error"]["param"].as_str()), (400, Some("aims")), "{refused}");

    let put = |body: Value| unit.send(reqwest::Method::PUT, &path, Some(body), &[]);
    assert_eq!(put(complete("21,000")).await.0, 200);
    assert_eq!(submit().await.1["error"]["param"], "budget_lines", "12,000 + 8,000 is not 21,000");
    assert_eq!(put(complete("20,000")).await.0, 200);
    assert_eq!(submit().await.1["error"]["param"], "attachments", "the required files are missing");

    let files = format!("{path}/attachments");
    let (status, refused) = unit.upload(&format!("{files}?label={}", crate::helpers::enc(&required[0])), b"<html><script>alert(1)</script>".to_vec()).await;
    assert_eq!((status, refused["error"]["code"].as_str()), (422, Some("unsupported_type")));
    assert_eq!(unit.upload(&format!("{files}?label=%E5%90%88%E5%90%8C"), PDF.to_vec()).await.1["error"]["param"], "label");
    let mut file_ids = Vec::new();
    for label in &required {
        let (status, attached) = unit.upload(&format!("{files}?label={}&name=..%2F%E7%94%B3%E6%8A%A5.exe", crate::helpers::enc(label)), PDF.to_vec()).await;
        assert_eq!((status, attached["file_name"].as_str(), attached["kind"].as_str()), (201, Some("申报.pdf"), Some("pdf")), "{attached}");
        file_ids.push(attached["id"].as_i64().unwrap());
    }

    // Another verified unit knows nothing of it.
    let other = verified_unit(&app, &admin, "13800000313", "12110107400700155P").await;
    assert_eq!(other.get(&path).await.0, 404);
    assert_eq!(other.get_text(&format!("{files}/{}", file_ids[0])).await.0, 404);
    assert_eq!(other.send(reqwest::Method::PUT, &path, Some(complete("1")), &[]).await.0, 404);

    let (status, submitted) = submit().await;
    assert_eq!((status, submitted["status"].as_str(), submitted["requested"].as_i64()), (200, Some("submitted"), Some(2_000_000)), "{submitted}");
    assert_eq!(put(complete("20,000")).await.1["error"]["code"], "not_editable");
    assert_eq!(unit.upload(&format!("{files}?label="), PDF.to_vec()).await.1["error"]["code"], "not_editable");

    // Staff: district admins only; a file comes as a download, never inline.
    let street = app.staff("apply-street", StaffScope { role: Role::StreetAdmin, street_id: Some(1), facility_ids: vec![] }).await;
    assert_eq!(street.get("/api/v1/staff/fund/applications").await.0, 403);
    let (_, sent) = admin.get(&format!("/api/v1/staff/fund/applications?call={call}")).await;
    assert_eq!(sent.as_array().unwrap().iter().map(|a| a["id"].as_i64().unwrap()).collect::<Vec<_>>(), [id], "{sent}");
    assert_eq!(admin.get("/api/v1/staff/fund/applications?call=x").await.1["error"]["param"], "call");
    let response = admin.client.get(format!("{}/api/v1/staff/fund/applications/{id}/attachments/{}", admin.address, file_ids[0])).send().await.unwrap();
    assert_eq!(response.headers()["content-type"], "application/pdf");
    assert!(response.headers()["content-disposition"].to_str().unwrap().starts_with("attachment;"));
    assert_eq!(response.bytes().await.unwrap().as_ref(), PDF);

    let back = format!("/api/v1/staff/fund/applications/{id}/return");
    assert_eq!(admin.post(&back, json!({ "reason": " " })).await.1["error"]["param"], "reason");
    assert_eq!(street.post(&back, json!({ "reason": "请补充预算说明" })).await.0, 403);
    let (status, returned) = admin.post(&back, json!({ "reason": "请补充预算说明" })).await;
    assert_eq!((status, returned["status"].as_str(), returned["comment"].as_str()), (200, Some("returned"), Some("请补充预算说明")));
    assert_eq!(admin.post(&back, json!({ "reason": "再退一次" })).await.1["error"]["code"], "not_now");
    let (_, inbox) = unit.get("/api/v1/me/messages").await;
    assert_eq!(inbox["messages"][0]["kind"], "application_returned", "{inbox}");

    // Fixed and sent again; then withdrawn, which frees the category for a new one.
    assert_eq!(put(complete("20,000")).await.0, 200);
    assert_eq!(submit().await.1["status"], "submitted");
    assert_eq!(unit.post(&format!("{path}/withdraw"), json!({})).await.1["status"], "withdrawn");
    let again = json!({ "call_id": call, "category_id": research });
    assert_eq!(unit.post("/api/v1/org/applications", again).await.0, 201);

    let audit = app.store.audit_entries(None, 50).await.unwrap();
    let returns: Vec<_> = audit.iter().filter(|e| e.action == "return_fund_application").collect();
    assert_eq!((returns.iter().filter(|e| !e.refused).count(), returns.iter().filter(|e| e.refused).count()), (1, 1), "{returns:?}");
}

#[tokio::test]
async fn no_more_than_twenty_files_however_many_arrive_at_once() {
    let app = spawn_app().await;
    let admin = app.staff("files-admin", district()).await;
    let (call, research, _) = open_call_and_research(&app).await;
    let unit = verified_unit(&app, &admin, "13800000321", "91110107592346585N").await;
    let (_, draft) = unit.post("/api/v1/org/applications", json!({ "call_id": call, "category_id": research })).await;
    let files = format!("/api/v1/org/applications/{}/attachments?label=", draft["id"]);
    let answers = futures::future::join_all((0..30).map(|_| unit.upload(&files, PDF.to_vec()))).await;
    let attached = answers.iter().filter(|(status, _)| *status == 201).count();
    let full = answers.iter().filter(|(_, body)| body["error"]["code"] == "too_many").count();
    assert_eq!((attached, full), (20, 10), "{answers:?}");
}

#[tokio::test]
async fn a_closed_call_takes_no_drafts_and_an_upcoming_one_no_submissions() {
    let app = spawn_app().await;
    let admin = app.staff("dates-admin", district()).await;
    let (_, research, _) = open_call_and_research(&app).await;
    let unit = verified_unit(&app, &admin, "13800000331", "91110107592346585N").await;
    let (_, calls) = app.get_json("/api/v1/fund/calls").await;
    let closed = calls.as_array().unwrap().iter().find(|c| c["phase"] == "closed").unwrap()["id"].as_i64().unwrap();
    let start = |call: i64| json!({ "call_id": call, "category_id": research });
    assert_eq!(unit.post("/api/v1/org/applications", start(closed)).await.1["error"]["code"], "call_closed");
    let call = json!({ "year": 2040, "title": "2040年度申报", "budget": "100,000", "opens_on": "2040-03-01", "closes_on": "2040-03-31" });
    let (_, upcoming) = admin.post("/api/v1/staff/fund/calls", call).await;
    let (status, draft) = unit.post("/api/v1/org/applications", start(upcoming["id"].as_i64().unwrap())).await;
    assert_eq!(status, 201, "drafts may be written before a call opens: {draft}");
    let (status, refused) = unit.post(&format!("/api/v1/org/applications/{}/submit", draft["id"]), json!({})).await;
    assert_eq!((status, refused["error"]["code"].as_str()), (409, Some("call_not_open")));
}

#[tokio::test]
async fn the_application_pages_work_without_a_script_keep_what_was_typed_and_show_it_as_text() {
    let app = spawn_app().await;
    let admin = app.staff("apply-pages-admin", district()).await;
    let (call, research, required) = open_call_and_research(&app).await;
    let unit = verified_unit(&app, &admin, "13800000341", "91110107592346585N").await;
    let html = unit.post_form("/org", "start_application_form", &[("call_id", call.to_string()), ("category_id", String::new())]).await.text().await.unwrap();
    assert!(html.contains("data-testid=\"apply-error\"") && html.contains("请选择申报通知和支持类别"), "no category chosen");
    let answer = unit.post_form("/org", "start_application_form", &[("call_id", call.to_string()), ("category_id", research.to_string())]).await;
    let page = answer.url().path().to_string();
    assert!(page.starts_with("/org/applications/"), "on to the new draft: {page}");

    let hostile = "<script>alert(1)</script>太平鼓";
    let mut form = vec![
        ("id", page.rsplit('/').next().unwrap().to_string()),
        ("project", hostile.to_string()),
        ("aims", "</textarea><b>鼓".to_string()),
        ("schedule", "三月备课，四至六月授课，七月展演。".to_string()),
        ("budget_item[0]", "<img src=x onerror=alert(3)>鼓具".to_string()),
        ("budget_amount[0]", "20,000".to_string()),
        ("budget_item[1]", String::new()),
        ("budget_amount[1]", String::new()),
        ("requested", "20,000".to_string()),
        ("cofunding", String::new()),
        ("intent", "submit".to_string()),
    ];
    let html = unit.post_form(&page, "save_application_form", &form).await.text().await.unwrap();
    assert!(html.contains("data-testid=\"application-error\"") && html.contains("至少20个字"), "the aims are named, in the rules' words");
    assert!(html.contains("&lt;/textarea&gt;&lt;b&gt;鼓"), "what was typed is kept, as text");
    assert!(!html.contains("</textarea><b>"), "a textarea's text never ends it");
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;太平鼓") && !html.contains("<script>alert(1)"));
    assert!(html.contains("value=\"20,000\""), "the budget line is kept");

    form[2].1 = "在五所小学开设太平鼓课程，培养一百名小传承人，并举办汇报展演。".to_string();
    let html = unit.post_form(&page, "save_application_form", &form).await.text().await.unwrap();
    assert!(html.contains("data-testid=\"files-missing\"") && html.contains(&required[0]), "the missing files are named");

    // Files through the page's multipart form, then submitted.
    let door = format!("/api/v1{page}/attachments/form");
    for label in &required {
        let answer = unit.post_multipart(&door, &[("label", None, label.as_bytes()), ("file", Some("申报书.pdf"), PDF)]).await;
        assert!(answer.url().query().unwrap_or_default().contains("attached=1"), "{}", answer.url());
    }
    let answer = unit.post_multipart(&door, &[("label", None, b""), ("file", Some("virus.pdf"), b"MZ\x90\x00")]).await;
    let html = answer.text().await.unwrap();
    assert!(html.contains("data-testid=\"file-error\"") && html.contains("只接受"), "a file that is not what it says is refused");
    let html = unit.post_form(&page, "save_application_form", &form).await.text().await.unwrap();
    assert!(html.contains("data-status=\"submitted\"") && !html.contains("data-testid=\"application-form\""), "submitted: no form");

    // Staff see it, escaped, and return it from their page.
    let (_, _, staff_page) = admin.get_text("/staff/fund").await;
    assert!(staff_page.contains("&lt;script&gt;alert(1)") && !staff_page.contains("<script>alert(1)"));
    assert!(staff_page.contains("&lt;img src=x onerror=alert(3)&gt;鼓具") && !staff_page.contains("<img src=x"), "budget lines as text");
    let id = page.rsplit('/').next().unwrap().to_string();
    let html = admin.post_form("/staff/fund", "return_application_form", &[("application_id", id.clone()), ("reason", "请补充<b>预算</b>说明".into())]).await.text().await.unwrap();
    assert!(html.contains("已退回") && html.contains("data-status=\"returned\""));
    let html = unit.get_text(&page).await.2;
    assert!(html.contains("data-testid=\"application-returned\"") && html.contains("请补充&lt;b&gt;预算&lt;/b&gt;说明"), "the unit reads why, as text");
    assert!(html.contains("data-testid=\"application-form\""), "and may change it again");
}
