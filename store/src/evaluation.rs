//! The evaluation's indicators and its stored reports. A report of an ended period is written
//! once — the first to store it wins (`ON CONFLICT DO NOTHING`), and every reader gets that one.

use cc_domain::evaluation::{default_set, Indicator, Period, Report, Rule};
use cc_domain::plan::Measure;

use crate::{Store, StoreError};

fn rule(text: &str) -> Rule {
    if text == "threshold" { Rule::Threshold } else { Rule::Proportional }
}

fn rule_name(rule: Rule) -> &'static str {
    match rule {
        Rule::Proportional => "proportional",
        Rule::Threshold => "threshold",
    }
}

impl Store {
    /// The indicators the district scores by, in order (the defaults until it sets its own).
    pub async fn evaluation_indicators(&self) -> Result<Vec<Indicator>, StoreError> {
        let rows: Vec<(String, String, i64, f64, String)> =
            sqlx::query_as("SELECT measure, name, weight, target, rule FROM evaluation_indicators ORDER BY position").fetch_all(&self.pool).await?;
        if rows.is_empty() {
            return Ok(default_set());
        }
        Ok(rows
            .into_iter()
            .filter_map(|(measure, name, weight, target, r)| {
                Some(Indicator { measure: Measure::parse(&measure)?, name, weight: weight.clamp(0, 100) as u32, target, rule: rule(&r) })
            })
            .collect())
    }

    /// Replaces the indicators with `set` (checked whole by the caller), in one transaction.
    pub async fn replace_evaluation_indicators(&self, set: &[Indicator]) -> Result<(), StoreError> {
        let mut tx = self.begin().await?;
        sqlx::query("DELETE FROM evaluation_indicators").execute(&mut *tx).await?;
        for (position, indicator) in set.iter().enumerate() {
            sqlx::query("INSERT INTO evaluation_indicators (position, measure, name, weight, target, rule) VALUES ($1, $2, $3, $4, $5, $6)")
                .bind(position as i64 + 1)
                .bind(indicator.measure.as_str())
                .bind(&indicator.name)
                .bind(i64::from(indicator.weight))
                .bind(indicator.target)
                .bind(rule_name(indicator.rule))
                .execute(&mut *tx)
                .await?;
        }
        tx.commit().await?;
        Ok(())
    }

    /// The stored report of `period` for `street` (none: the district), if there is one.
    pub async fn evaluation_snapshot(&self, period: Period, street: Option<i64>) -> Result<Option<Report>, StoreError> {
        let row: Option<(String,)> = sqlx::query_as("SELECT report FROM evaluation_snapshots WHERE period = $1 AND street_id = $2")
            .bind(period.to_string())
            .bind(street.unwrap_or(0))
            .fetch_optional(&self.pool)
            .await?;
        // A stored report is final: one that cannot be read is an error, never recomputed.
        row.map(|(json,)| serde_json::from_str(&json).map_err(|_| StoreError::Conflict("a stored evaluation report that cannot be read")))
            .transpose()
    }

    /// Stores `report` as its period's for good, unless one is stored already; the stored one.
    pub async fn store_evaluation_snapshot(&self, report: &Report, period: Period) -> Result<Report, StoreError> {
        let stored = Report { stored: true, ..report.clone() };
        let json = serde_json::to_string(&stored).map_err(|_| StoreError::Conflict("an evaluation report that cannot be written as JSON"))?;
        sqlx::query("INSERT INTO evaluation_snapshots (period, street_id, report, stored_at) VALUES ($1, $2, $3, $4) ON CONFLICT (period, street_id) DO NOTHING")
            .bind(period.to_string())
            .bind(report.street_id.unwrap_or(0))
            .bind(json)
            .bind(report.read_at)
            .execute(&self.pool)
            .await?;
        self.evaluation_snapshot(period, report.street_id).await?.ok_or(StoreError::Conflict("an evaluation report that was not stored"))
    }
}
