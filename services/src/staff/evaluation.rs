//! The evaluation (科学考评) as staff read it: the district's admins for the district or any
//! street, a street's admin for their street. A report of a period that is over is stored the
//! first time it is read and never computed again; the current period is read live. The
//! indicators are the district admins' to set (weights adding up to 100), audited.

use cc_domain::evaluation::{check_set, Indicator, Period, Report};
use cc_domain::staff::Role;
use cc_domain::{ParamError, ParamProblem};
use cc_domain::time::now;
use cc_store::Store;
use serde::{Deserialize, Serialize};
use serde_json::json;

use super::{refuse, Actor};
use crate::ServiceError;

/// The street a staff member may read the evaluation of (none: the district), or a refusal.
async fn place(store: &Store, actor: &Actor, street: Option<i64>) -> Result<Option<i64>, ServiceError> {
    let scope = &actor.member.scope;
    let allowed = match (scope.role, street) {
        (Role::DistrictAdmin, _) => true,
        (Role::StreetAdmin, Some(id)) => scope.street_id == Some(id),
        _ => false,
    };
    if !allowed {
        return refuse(store, actor.audit("read_evaluation", "street", street)).await;
    }
    Ok(street)
}

/// A report and the quarters that lead to it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct Evaluation {
    pub report: Report,
    /// The quarters up to the period (the year's four for a year) that have begun, oldest
    /// first, stored or live: each indicator's trend.
    pub trend: Vec<Report>,
}

/// The report of `period` for `street` (none: the district), with its trend: the quarters up
/// to it that are stored, and the one running now. A period that has not begun is refused.
pub async fn evaluation(store: &Store, actor: &Actor, period: Period, street: Option<i64>) -> Result<Evaluation, ServiceError> {
    let street = place(store, actor, street).await?;
    let at = now();
    if period.window().from > at {
        return Err(ServiceError::BadParam(ParamError { param: "period".into(), problem: ParamProblem::NotOneOf("a quarter or year that has begun".into()) }));
    }
    let report = report(store, period, street).await?;
    let mut trend = Vec::new();
    for quarter in period.quarters_to(4) {
        // Reading a trend never stores a quarter: only its end (the minute's sweep) or asking
        // for it does, so the quarters before an install are not filled with today's network.
        let found = if quarter == period {
            Some(report.clone())
        } else if quarter.window().from <= at && !quarter.is_over(at) {
            Some(self::report(store, quarter, street).await?)
        } else {
            store.evaluation_snapshot(quarter, street).await?
        };
        trend.extend(found);
    }
    Ok(Evaluation { report, trend })
}

/// The indicators the evaluation scores by, for those who read it.
pub async fn evaluation_indicators(store: &Store, actor: &Actor) -> Result<Vec<Indicator>, ServiceError> {
    if !matches!(actor.member.scope.role, Role::DistrictAdmin | Role::StreetAdmin) {
        return refuse(store, actor.audit("read_evaluation_indicators", "evaluation", None)).await;
    }
    Ok(store.evaluation_indicators().await?)
}

/// Stores the quarter that has just ended, for the district and every street, unless it is
/// stored already, so a quarter's report holds the network as it was at its end. Returns how
/// many reports it stored. (Meant for the minute's sweep; not called from there yet: with it,
/// CI twice saw a test server stop answering mid-test, a cause not yet found.)
pub async fn store_ended_quarter(store: &Store, at: i64) -> Result<usize, ServiceError> {
    let ended = Period::quarter_of(at).quarters_to(2)[0];
    if store.evaluation_snapshot(ended, None).await?.is_some() {
        return Ok(0);
    }
    let streets = store.street_choices().await?;
    for street in streets.iter().map(|(id, _)| Some(*id)).chain([None]) {
        report(store, ended, street).await?;
    }
    Ok(streets.len() + 1)
}

/// The report, stored when its period is over (and read back from storage from then on).
pub(crate) async fn report(store: &Store, period: Period, street: Option<i64>) -> Result<Report, ServiceError> {
    if let Some(stored) = store.evaluation_snapshot(period, street).await? {
        return Ok(stored);
    }
    let at = now();
    let name = match street {
        None => "全区".to_string(),
        Some(id) => store.street_choices().await?.into_iter().find(|(s, _)| *s == id).map(|(_, n)| n).ok_or(ServiceError::NotFound("street"))?,
    };
    let indicators = store.evaluation_indicators().await?;
    let network = store.network_now().await?;
    let mut readings = Vec::new();
    for indicator in &indicators {
        readings.push(store.reading(&network, indicator.measure, street, period.window(), at).await?);
    }
    let report = Report::score(period, street, name, &indicators, &readings, at);
    if period.is_over(at) {
        return Ok(store.store_evaluation_snapshot(&report, period).await?);
    }
    Ok(report)
}

/// Sets the indicators (district admins; weights adding up to 100). Stored reports keep theirs.
pub async fn set_evaluation_indicators(store: &Store, actor: &Actor, set: &[Indicator]) -> Result<Vec<Indicator>, ServiceError> {
    let mut entry = actor.audit("set_evaluation_indicators", "evaluation", None);
    if actor.member.scope.role != Role::DistrictAdmin {
        return refuse(store, entry).await;
    }
    let checked = check_set(set).map_err(ServiceError::Field)?;
    entry.before = Some(json!(store.evaluation_indicators().await?).to_string());
    store.replace_evaluation_indicators(&checked).await?;
    entry.after = Some(json!(checked).to_string());
    store.append_audit(&entry).await?;
    Ok(checked)
}

/// A report as a spreadsheet's table: each indicator's data, value, target, weight and score.
pub fn evaluation_table(report: &Report, locale: cc_domain::Locale) -> super::export::Table {
    use super::export::{Cell, Table};
    let zh = locale == cc_domain::Locale::Zh;
    let title = if zh { format!("{} {} 公共文化服务考评", report.place, report.period) } else { format!("Evaluation of {} for {}", report.place, report.period) };
    let headers = if zh {
        vec!["指标", "数据来源", "数值", "目标", "计分规则", "权重", "得分"]
    } else {
        vec!["Indicator", "Data", "Value", "Target", "Rule", "Weight", "Score"]
    };
    let number = |v: Option<f64>| v.map_or(Cell::Text(if zh { "无数据".into() } else { "no data".into() }), |v| Cell::Number((v * 100.0).round() / 100.0));
    let mut rows: Vec<Vec<Cell>> = report
        .lines
        .iter()
        .map(|line| {
            let measure = line.indicator.measure;
            vec![
                Cell::Text(if zh { line.indicator.name.clone() } else { measure.label(locale).to_string() }),
                Cell::Text(line.reading.basis(measure)),
                number(line.value),
                Cell::Number(line.indicator.target),
                Cell::Text(line.indicator.rule.label(locale).to_string()),
                Cell::Number(f64::from(line.indicator.weight)),
                number(line.score),
            ]
        })
        .collect();
    rows.push(vec![
        Cell::Text(if zh { "合计".into() } else { "Total".into() }),
        Cell::Text(String::new()),
        Cell::Text(String::new()),
        Cell::Text(String::new()),
        Cell::Text(String::new()),
        Cell::Number(f64::from(report.scored_weight)),
        Cell::Number(report.score),
    ]);
    Table { title, headers, rows }
}
