//! The fund's review and public notice on the pages, without a script: district admins hand an
//! application to experts, the experts declare and score, the committee proposes, publishes,
//! answers an objection and makes the award final — each a plain form — and hostile text in
//! every field written on the way (the project, an expert's comment, an objection, the answer,
//! a decline) comes out inert on every page that shows it.

use cc_domain::staff::{Role, StaffScope};
use sqlx::Connection;

use crate::fund_notice::credit_code;
use crate::fund_review::{expert_id, submitted_by};
use crate::helpers::{inert_page as page, spawn_app, Visitor, HOSTILE};

async fn status_of(admin: &Visitor, id: i64) -> String {
    admin.get(&format!("/api/v1/staff/fund/applications/{id}")).await.1["status"].as_str().unwrap().to_string()
}

#[tokio::test]
async fn the_review_runs_on_plain_forms_and_hostile_text_stays_text() {
    let app = spawn_app().await;
    let admin = app.staff("desk-admin", StaffScope { role: Role::DistrictAdmin, street_id: None, facility_ids: vec![] }).await;
    let (unit, id) = submitted_by(&app, &admin, "13800000701", &credit_code(71)).await;
    let (_, other) = submitted_by(&app, &admin, "13800000702", &credit_code(72)).await;
    sqlx::any::install_default_drivers();
    let mut db = sqlx::AnyConnection::connect(&app.database_url).await.unwrap();
    sqlx::query("UPDATE fund_applications SET project = $1").bind(format!("京西太平鼓{HOSTILE}")).execute(&mut db).await.unwrap();
    let mut experts = Vec::new();
    for n in 1..=3 {
        experts.push(expert_id(&app, &format!("desk-expert-{n}")).await);
    }

    // Hand both to three experts, ticked on the desk.
    for application in [id, other] {
        let mut form = vec![("application_id", application.to_string())];
        let names = ["expert[0]", "expert[1]", "expert[2]"];
        form.extend(names.iter().zip(&experts).map(|(name, (_, expert))| (*name, expert.to_string())));
        admin.post_form("/staff/fund", "hand_to_experts_form", &form).await;
        assert_eq!(status_of(&admin, application).await, "in_review");
    }

    // Each expert declares and scores on their page; a garbled score is refused, naming it.
    let (_, criteria) = app.get_json("/api/v1/fund/criteria").await;
    let criteria: Vec<i64> = criteria.as_array().unwrap().iter().map(|c| c["id"].as_i64().unwrap()).collect();
    for (n, (expert, _)) in experts.iter().enumerate() {
        for application in [id, other] {
            let declare = [("application_id", application.to_string()), ("conflict", "no".to_string())];
            expert.post_form("/staff/fund/assignments", "declare_form", &declare).await;
            let mut form = vec![("application_id", application.to_string()), ("comment", format!("意见{HOSTILE}"))];
            let (ids, points) = (["criterion[0]", "criterion[1]", "criterion[2]", "criterion[3]"], ["points[0]", "points[1]", "points[2]", "points[3]"]);
            for (k, criterion) in criteria.iter().enumerate() {
                form.push((ids[k], criterion.to_string()));
                form.push((points[k], if n == 0 && k == 0 && application == id { "九十".to_string() } else { (70 + n * 5).to_string() }));
            }
            let answer = expert.post_form("/staff/fund/assignments", "score_form", &form).await;
            if n == 0 && application == id {
                assert!(answer.url().query().unwrap_or_default().contains("error=scores"), "{}", answer.url());
                form[3].1 = "90".to_string();
                expert.post_form("/staff/fund/assignments", "score_form", &form).await;
            }
        }
        let html = page(expert, "/staff/fund/assignments").await;
        assert!(html.contains("data-testid=\"my-total\""), "scored");
    }

    // The committee proposes one and declines the other, then publishes.
    admin.post_form("/staff/fund", "propose_award_form", &[("application_id", id.to_string()), ("amount", "18,000".to_string())]).await;
    assert_eq!(status_of(&admin, id).await, "proposed");
    admin.post_form("/staff/fund", "decline_application_form", &[("application_id", other.to_string()), ("reason", format!("重复{HOSTILE}"))]).await;
    assert_eq!(status_of(&admin, other).await, "declined");
    let (_, application) = admin.get(&format!("/api/v1/staff/fund/applications/{id}")).await;
    let call = application["call_id"].as_i64().unwrap();
    admin.post_form("/staff/fund", "publish_awards_form", &[("application_id", id.to_string()), ("call_id", call.to_string())]).await;
    assert_eq!(status_of(&admin, id).await, "in_notice");

    // A resident objects on /fund; a refused one keeps what was typed.
    let resident = app.register("13800000799", "石景山 objector 2029").await;
    let year = application["call_year"].as_i64().unwrap();
    let fund = format!("/fund?year={year}");
    let short = [("application_id", id.to_string()), ("year", year.to_string()), ("objection", "太短".to_string())];
    let refused = resident.post_form(&fund, "object_form", &short).await;
    assert!(refused.text().await.unwrap().contains("太短"), "kept");
    let objection = [("application_id", id.to_string()), ("year", year.to_string()), ("objection", format!("预算不合理，请核实。{HOSTILE}"))];
    resident.post_form(&fund, "object_form", &objection).await;
    let html = page(&resident, &fund).await;
    assert!(html.contains("data-testid=\"fund-award\"") && html.contains("in_notice"));

    // Staff answer it on the desk, and make the award final after the notice.
    let (_, board) = admin.get(&format!("/api/v1/staff/fund/applications/{id}/reviews")).await;
    let objection = board["objections"][0]["id"].as_i64().unwrap();
    page(&admin, "/staff/fund").await;
    let answer = [("application_id", id.to_string()), ("objection_id", objection.to_string()), ("answer", format!("已核实{HOSTILE}"))];
    admin.post_form("/staff/fund", "answer_objection_form", &answer).await;
    let early = admin.post_form("/staff/fund", "finalise_award_form", &[("application_id", id.to_string())]).await;
    assert!(early.url().query().unwrap_or_default().contains("error=notice_running"), "{}", early.url());
    app.store.end_fund_notice(cc_domain::ids::FundApplicationId(id), cc_domain::time::now()).await.unwrap();
    admin.post_form("/staff/fund", "finalise_award_form", &[("application_id", id.to_string())]).await;
    assert_eq!(status_of(&admin, id).await, "awarded");

    // The money: the agreement on the desk, the unit's report on its page, the mid-term payment.
    let signed = [("application_id", id.to_string()), ("number", format!("SJS{HOSTILE}")), ("signed_on", "2027-05-20".to_string())];
    let refused = admin.post_form("/staff/fund", "sign_agreement_form", &signed).await;
    assert!(refused.url().query().unwrap_or_default().contains("error=number"), "{}", refused.url());
    let signed = [("application_id", id.to_string()), ("number", "SJS-2027-009".to_string()), ("signed_on", "2027-05-20".to_string())];
    admin.post_form("/staff/fund", "sign_agreement_form", &signed).await;
    assert_eq!(status_of(&admin, id).await, "contracted");
    let mine = format!("/org/applications/{id}");
    let report = [("application_id", id.to_string()), ("kind", "mid_term".to_string()), ("body", format!("完成访谈十二人次，整理鼓谱三套。{HOSTILE}"))];
    unit.post_form(&mine, "send_report_form", &report).await;
    let html = page(&unit, &mine).await;
    assert!(html.contains("¥9,000.00"), "the first half of 18,000 is shown paid");
    let release = [("application_id", id.to_string()), ("evidence", format!("已审阅中期报告{HOSTILE}"))];
    admin.post_form("/staff/fund", "release_payment_form", &release).await;
    let (_, application) = admin.get(&format!("/api/v1/staff/fund/applications/{id}")).await;
    assert_eq!(application["payments"].as_array().unwrap().len(), 2, "{application}");
    page(&unit, &mine).await;

    page(&admin, "/staff/fund").await;
    page(&app.visitor(), &fund).await;
    page(&resident, "/me/messages").await;
    let (_, messages) = resident.get("/api/v1/me/messages").await;
    assert_eq!(messages["messages"][0]["kind"], "objection_answered", "{messages}");
}
