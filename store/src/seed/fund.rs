//! The demo's fund calls, marked demo: last year's (closed) and this season's, open from a
//! fortnight ago to six weeks from now, whenever the demo is loaded.

use cc_domain::fund::{CheckedCall, Fen, DEFAULT_NOTICE_DAYS};
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
    for call in &calls {
        crate::fund::insert_call(conn, call, true, now).await?;
    }
    Ok(calls.len())
}
