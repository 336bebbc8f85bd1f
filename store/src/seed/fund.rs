//! The demo's fund calls, marked demo: last year's (closed, with its awards on the public list)
//! and this season's, open from a fortnight ago to six weeks from now, whenever the demo is
//! loaded. Last year's units are demo units whose contacts' numbers no phone can have, so no one
//! logs in as them or receives their codes.

use cc_domain::fund::payments::{stage_amounts, ReportKind, Stage};
use cc_domain::fund::{CheckedCall, Fen, DEFAULT_NOTICE_DAYS};
use cc_domain::organisation::CreditCode;
use chrono::{Datelike, Duration};
use sqlx::AnyConnection;

use crate::StoreError;

/// Writes the demo calls; returns how many.
pub(super) async fn seed_fund_calls(conn: &mut AnyConnection, now: i64) -> Result<usize, StoreError> {
    let today = cc_domain::time::local(now).date_naive();
    let year = today.year();
    let calls = [
        CheckedCall {
            year,
            title: format!("{year}年度非遗保护传承专项资金申报（演示）"),
            budget: Fen(150_000_000),
            opens_on: today - Duration::days(300),
            closes_on: today - Duration::days(270),
            notice_days: DEFAULT_NOTICE_DAYS,
        },
        CheckedCall {
            year: year + 1,
            title: format!("{}年度非遗保护传承专项资金申报（演示）", year + 1),
            budget: Fen(200_000_000),
            opens_on: today - Duration::days(14),
            closes_on: today + Duration::days(45),
            notice_days: DEFAULT_NOTICE_DAYS,
        },
    ];
    let mut ids = Vec::new();
    for call in &calls {
        ids.extend(crate::fund::insert_call(conn, call, true, now).await?);
    }
    if let Some(&last_year) = ids.first() {
        let decided = cc_domain::time::start_of_day(calls[0].closes_on + Duration::days(30));
        seed_awards(conn, last_year, decided, now).await?;
    }
    Ok(calls.len())
}

/// Last year's awards: unit, its kind, category, project, amount requested and awarded (yuan), status.
const AWARDS: &[(&str, &str, &str, &str, i64, i64, &str)] = &[
    ("石景山区文化馆（演示）", "protecting_unit", "apprentices", "京西太平鼓传承人带徒传艺", 40_000, 36_000, "completed"),
    ("石景山区非物质文化遗产保护中心（演示）", "protecting_unit", "records", "北京扎燕风筝制作技艺影像记录", 60_000, 50_000, "contracted"),
    ("王秀兰剪纸传承工作室（演示）", "studio", "schools", "剪纸进校园：八角地区小学课程", 30_000, 28_000, "awarded"),
    ("鲁谷面塑艺术研究会（演示）", "social_organisation", "communities", "面人进社区体验课", 20_000, 18_000, "awarded"),
];

async fn seed_awards(conn: &mut AnyConnection, call: i64, decided: i64, now: i64) -> Result<(), StoreError> {
    for (n, &(unit, kind, category, project, requested, award, status)) in AWARDS.iter().enumerate() {
        let (contact,): (i64,) = sqlx::query_as(
            "INSERT INTO residents (phone, password_hash, created_at, is_demo) VALUES ($1, '!demo: no login', $2, 1) RETURNING id",
        )
        // Not a mobile number anyone can hold (a second digit of 0): no one receives its codes.
        .bind(format!("100000000{:02}", n + 1))
        .bind(now)
        .fetch_one(&mut *conn)
        .await?;
        let body = format!("5211010777{:07}", n + 1);
        let code = "0123456789ABCDEFGHJKLMNPQRTUWXY".chars().find_map(|c| CreditCode::parse(&format!("{body}{c}"))).expect("a check digit fits");
        let (organisation,): (i64,) = sqlx::query_as(
            "INSERT INTO organisations (name, credit_code, kind, contact_name, contact_id, status, decided_at, created_at, updated_at) \
             VALUES ($1, $2, $3, '联系人', $4, 'verified', $5, $5, $5) RETURNING id",
        )
        .bind(unit)
        .bind(code.as_str())
        .bind(kind)
        .bind(contact)
        .bind(decided)
        .fetch_one(&mut *conn)
        .await?;
        let lines = serde_json::json!([{ "item": "项目经费", "amount": requested.to_string() }]).to_string();
        let (application,): (i64,) = sqlx::query_as(
            "INSERT INTO fund_applications (call_id, category_id, organisation_id, status, project, aims, schedule, budget_lines, \
             requested, cofunding, requested_fen, cofunding_fen, submitted_at, award_fen, decided_at, notice_until, created_at, updated_at) \
             SELECT $1, k.id, $2, $3, $4, '（演示数据）', '（演示数据）', $5, $6, '0', $7, 0, $8, $9, $8, $10, $8, $8 \
             FROM fund_categories k WHERE k.code = $11 RETURNING id",
        )
        .bind(call)
        .bind(organisation)
        .bind(status)
        .bind(project)
        .bind(&lines)
        .bind(requested.to_string())
        .bind(requested * 100)
        .bind(decided)
        .bind(award * 100)
        .bind(decided + 7 * 24 * 60 * 60)
        .bind(category)
        .fetch_one(&mut *conn)
        .await?;
        seed_money(conn, application, n, status, Fen(award * 100), decided + 20 * DAY).await?;
    }
    Ok(())
}

const DAY: i64 = 24 * 60 * 60;

/// What an award under agreement or accepted has behind it: the agreement, its payments and
/// the unit's reports, as the money's rules would have made them.
async fn seed_money(conn: &mut AnyConnection, application: i64, n: usize, status: &str, award: Fen, signed: i64) -> Result<(), StoreError> {
    let stages: usize = match status {
        "contracted" => 1,
        "completed" => 3,
        _ => return Ok(()),
    };
    let signed_on = cc_domain::time::local(signed).date_naive().to_string();
    sqlx::query("UPDATE fund_applications SET agreement_no = $1, agreement_signed_on = $2 WHERE id = $3")
        .bind(format!("SJS-FY-{:03}（演示）", n + 1))
        .bind(signed_on)
        .bind(application)
        .execute(&mut *conn)
        .await?;
    let amounts = stage_amounts(award);
    let evidence = ["签订资助协议", "中期报告已审阅（演示）", "结项验收通过（演示）"];
    for (k, stage) in Stage::ALL.iter().enumerate().take(stages) {
        let at = signed + k as i64 * 90 * DAY;
        sqlx::query(
            "INSERT INTO fund_payments (application_id, stage, amount_fen, evidence, paid_at) VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(application)
        .bind(stage.as_str())
        .bind(amounts[k].0)
        .bind(evidence[k])
        .bind(at)
        .execute(&mut *conn)
        .await?;
    }
    if stages == 3 {
        for (k, kind) in [ReportKind::MidTerm, ReportKind::Final].into_iter().enumerate() {
            sqlx::query("INSERT INTO fund_reports (application_id, kind, body, submitted_at) VALUES ($1, $2, $3, $4)")
                .bind(application)
                .bind(kind.as_str())
                .bind("（演示数据）按计划完成授课与展演，经费按预算使用。")
                .bind(signed + (k as i64 * 90 + 80) * DAY)
                .execute(&mut *conn)
                .await?;
        }
    }
    Ok(())
}
