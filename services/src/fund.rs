//! 非遗专项资金 as anyone reads it: the support categories (the rules), the calls, and the
//! awards per year (in public notice, final, or being carried out).

pub use cc_domain::fund::notice::Awards;
use cc_domain::fund::{Fen, FundCall, FundCategory};
use cc_domain::time::now;
use cc_domain::Locale;
use cc_store::Store;
use chrono::Datelike;

use crate::staff::export::{Cell, Table};

use crate::ServiceError;

/// The support categories, retired ones last.
pub async fn categories(store: &Store) -> Result<Vec<FundCategory>, ServiceError> {
    Ok(store.fund_categories().await?)
}

/// Every call, the latest year first.
pub async fn calls(store: &Store) -> Result<Vec<FundCall>, ServiceError> {
    Ok(store.fund_calls(now()).await?)
}

/// The awards of calls of `year` — by default the latest year with any (or this year).
pub async fn awards(store: &Store, year: Option<i32>) -> Result<Awards, ServiceError> {
    let years = store.fund_award_years().await?;
    let this_year = cc_domain::time::local(now()).year();
    let year = year.or(years.first().copied()).unwrap_or(this_year);
    if !(2000..=2100).contains(&year) {
        return Err(ServiceError::Field(cc_domain::authoring::FieldError::new("year", "请选择年份（2000–2100）", "choose a year (2000–2100)")));
    }
    let awards = store.fund_awards(year).await?;
    let total = Fen(awards.iter().map(|a| a.amount.0).sum());
    Ok(Awards { year, years, awards, total })
}

/// A year's awards as a table (for XLSX): the amounts in yuan.
pub fn awards_table(awards: &Awards, locale: Locale) -> Table {
    let zh = locale == Locale::Zh;
    let title = if zh { format!("{}年非遗专项资金资助名单", awards.year) } else { format!("Heritage fund awards {}", awards.year) };
    let headers = if zh {
        vec!["类别", "单位", "项目", "资助金额（元）", "状态", "公示截止"]
    } else {
        vec!["Category", "Unit", "Project", "Amount (yuan)", "Status", "Notice ends"]
    };
    let rows = awards
        .awards
        .iter()
        .map(|a| {
            let category = if zh || a.category_name_en.is_empty() { &a.category_name } else { &a.category_name_en };
            let until = a.notice_until.map(|t| cc_domain::time::local(t).format("%Y-%m-%d %H:%M").to_string()).unwrap_or_default();
            vec![
                Cell::Text(category.clone()),
                Cell::Text(a.unit_name.clone()),
                Cell::Text(a.project.clone()),
                // Written as a number so a spreadsheet adds them up; whole fen over 100 is exact to the cent shown.
                Cell::Number(a.amount.0 as f64 / 100.0),
                Cell::Text(a.status.label(locale).to_string()),
                Cell::Text(until),
            ]
        })
        .collect();
    Table { title, headers, rows }
}
