//! The dashboard's counts, for the district or one street, in one short read each.

use cc_domain::dashboard::{this_week, today, Count, Dashboard, PeriodFigures, Satisfaction, SessionFill, Window};
use cc_domain::review::SATISFIED_FROM;
use cc_domain::time::local;

use crate::{Store, StoreError};

/// Joins a booking to its street; `$3` is the street's id, or 0 for the whole district.
const BOOKING_PLACE: &str = "FROM bookings b JOIN sessions s ON s.id = b.session_id \
     JOIN service_items i ON i.id = s.item_id JOIN facilities f ON f.id = i.facility_id \
     WHERE ($3 = 0 OR f.street_id = $3)";

type Figures = (i64, i64, i64, i64, i64);

impl Store {
    /// The dashboard of `street` (`None`: the district) at `now`.
    pub async fn dashboard(&self, street: Option<i64>, now: i64) -> Result<Dashboard, StoreError> {
        let street_id = street.unwrap_or(0);
        let (day, week) = (today(now), this_week(now));
        let named: Option<(String, String, String)> = match street {
            Some(id) => {
                sqlx::query_as("SELECT slug, name, name_en FROM streets WHERE id = $1")
                    .bind(id)
                    .fetch_optional(&self.pool)
                    .await?
            }
            None => None,
        };
        let report = self.compliance_report().await?;
        let (compliance_rate, community_coverage_rate, street_coverage_rate) = match &named {
            None => {
                let t = &report.coverage.totals;
                (t.compliance_rate, t.community_coverage_rate, t.street_coverage_rate)
            }
            Some((slug, _, _)) => {
                let s = report.coverage.streets.iter().find(|s| &s.street.slug == slug);
                let rate = |part: u32, whole: u32| (whole > 0).then(|| f64::from(part) / f64::from(whole));
                (
                    s.and_then(|s| rate(s.compliant, s.facilities)),
                    s.and_then(|s| rate(s.communities_covered, s.communities)),
                    s.map(|s| if s.covered { 1.0 } else { 0.0 }),
                )
            }
        };
        let satisfaction_by_street = self.satisfaction(street_id, "JOIN streets g ON g.id = f.street_id").await?;
        let (demands_open, demands_answered, top_demands) = self.demand_figures(street_id).await?;
        Ok(Dashboard {
            street_en: named.as_ref().map(|(_, _, name_en)| name_en.clone()),
            street: named.map(|(_, name, _)| name),
            generated_at: local(now),
            today: self.period_figures(day, street_id).await?,
            week: self.period_figures(week, street_id).await?,
            sessions_today: self.session_fills(day, street_id).await?,
            top_items: self.booking_counts(week, street_id, "i.title", "i.title", 5).await?,
            by_category: self
                .booking_counts_joined(week, street_id, "categories c ON c.id = i.category_id", "c")
                .await?,
            by_street: self
                .booking_counts_joined(week, street_id, "streets st ON st.id = f.street_id", "st")
                .await?,
            compliance_rate,
            community_coverage_rate,
            street_coverage_rate,
            satisfaction_rate: Satisfaction::overall(&satisfaction_by_street),
            satisfaction_by_street,
            demands_open,
            demands_answered,
            top_demands,
            satisfaction_by_category: self
                .satisfaction(street_id, "JOIN service_items i ON i.id = v.item_id JOIN categories g ON g.id = i.category_id")
                .await?,
        })
    }

    async fn period_figures(&self, w: Window, street_id: i64) -> Result<PeriodFigures, StoreError> {
        let sql = format!(
            "SELECT \
             COALESCE(SUM(CASE WHEN b.created_at >= $1 AND b.created_at < $2 \
                 AND b.status IN ('confirmed', 'attended', 'no_show') THEN 1 ELSE 0 END), 0), \
             COALESCE(SUM(CASE WHEN b.status = 'cancelled' AND b.updated_at < $2 THEN 1 ELSE 0 END), 0), \
             COALESCE(SUM(CASE WHEN b.checked_in_at >= $1 AND b.checked_in_at < $2 THEN 1 ELSE 0 END), 0), \
             COALESCE(SUM(CASE WHEN s.ends_at >= $1 AND s.ends_at < $2 AND b.status = 'attended' THEN 1 ELSE 0 END), 0), \
             COALESCE(SUM(CASE WHEN s.ends_at >= $1 AND s.ends_at < $2 AND b.status = 'no_show' THEN 1 ELSE 0 END), 0) \
             {BOOKING_PLACE} AND b.updated_at >= $1"
        );
        let (bookings, cancellations, check_ins, attended, no_shows): Figures =
            sqlx::query_as(&sql).bind(w.from).bind(w.to).bind(street_id).fetch_one(&self.pool).await?;
        let n = |x: i64| x.max(0) as u64;
        Ok(PeriodFigures {
            bookings: n(bookings),
            cancellations: n(cancellations),
            check_ins: n(check_ins),
            attended: n(attended),
            no_shows: n(no_shows),
        })
    }

    async fn session_fills(&self, w: Window, street_id: i64) -> Result<Vec<SessionFill>, StoreError> {
        let rows: Vec<(i64, String, i64, i64, i64, i64)> = sqlx::query_as(
            "SELECT s.id, i.title, s.starts_at, s.capacity - s.remaining, s.capacity, \
             (SELECT COUNT(*) FROM bookings b WHERE b.session_id = s.id AND b.status = 'attended') \
             FROM sessions s JOIN service_items i ON i.id = s.item_id JOIN facilities f ON f.id = i.facility_id \
             WHERE s.starts_at >= $1 AND s.starts_at < $2 AND ($3 = 0 OR f.street_id = $3) \
             AND s.status = 'published' AND i.status = 'published' ORDER BY s.starts_at, s.id LIMIT 40",
        )
        .bind(w.from)
        .bind(w.to)
        .bind(street_id)
        .fetch_all(&self.pool)
        .await?;
        Ok(rows
            .into_iter()
            .map(|(session_id, title, starts_at, held, capacity, checked_in)| SessionFill {
                session_id,
                title,
                starts_at: local(starts_at),
                held: held.max(0) as u64,
                capacity: capacity.max(0) as u64,
                checked_in: checked_in.max(0) as u64,
            })
            .collect())
    }

    /// Places booked in `w` per `label` (an expression over the booking's joins), most first.
    async fn booking_counts(
        &self,
        w: Window,
        street_id: i64,
        label: &str,
        label_en: &str,
        limit: i64,
    ) -> Result<Vec<Count>, StoreError> {
        self.counts_sql(w, street_id, "", label, label_en, limit).await
    }

    /// Places booked in `w` per row of a joined table (`join`, aliased `alias`) with a name.
    async fn booking_counts_joined(
        &self,
        w: Window,
        street_id: i64,
        join: &str,
        alias: &str,
    ) -> Result<Vec<Count>, StoreError> {
        let join = format!("JOIN {join}");
        self.counts_sql(w, street_id, &join, &format!("{alias}.name"), &format!("{alias}.name_en"), 20).await
    }

    async fn counts_sql(
        &self,
        w: Window,
        street_id: i64,
        join: &str,
        label: &str,
        label_en: &str,
        limit: i64,
    ) -> Result<Vec<Count>, StoreError> {
        let place = BOOKING_PLACE.replacen("WHERE", &format!("{join} WHERE"), 1);
        let sql = format!(
            "SELECT {label}, {label_en}, COUNT(*) AS n {place} AND b.updated_at >= $1 \
             AND b.created_at >= $1 AND b.created_at < $2 AND b.status IN ('confirmed', 'attended', 'no_show') \
             GROUP BY {label}, {label_en} ORDER BY n DESC, {label} LIMIT $4"
        );
        let rows: Vec<(String, String, i64)> = sqlx::query_as(&sql)
            .bind(w.from)
            .bind(w.to)
            .bind(street_id)
            .bind(limit)
            .fetch_all(&self.pool)
            .await?;
        Ok(rows
            .into_iter()
            .map(|(label, label_en, count)| Count { label, label_en, count: count.max(0) as u64 })
            .collect())
    }

    /// Shown reviews and satisfied ones (4–5 stars) per row of a joined table aliased `g`
    /// (`join`), most reviewed first, in `street_id` (0: the district).
    async fn satisfaction(&self, street_id: i64, join: &str) -> Result<Vec<Satisfaction>, StoreError> {
        let rows: Vec<(String, String, i64, i64)> = sqlx::query_as(&format!(
            "SELECT g.name, g.name_en, COUNT(*) AS n, CAST(SUM(CASE WHEN v.stars >= $2 THEN 1 ELSE 0 END) AS BIGINT) \
             FROM reviews v JOIN facilities f ON f.id = v.facility_id {join} \
             WHERE v.hidden_at IS NULL AND ($1 = 0 OR f.street_id = $1) \
             GROUP BY g.name, g.name_en ORDER BY n DESC, g.name LIMIT 20"
        ))
        .bind(street_id)
        .bind(SATISFIED_FROM)
        .fetch_all(&self.pool)
        .await?;
        Ok(rows
            .into_iter()
            .map(|(label, label_en, reviews, satisfied)| Satisfaction {
                label,
                label_en,
                reviews: reviews.max(0) as u64,
                satisfied: satisfied.max(0) as u64,
            })
            .collect())
    }

    /// Open and answered demands in `street_id` (0: the district), and the five open ones with
    /// most votes.
    async fn demand_figures(&self, street_id: i64) -> Result<(u64, u64, Vec<Count>), StoreError> {
        let (open, answered): (i64, i64) = sqlx::query_as(
            "SELECT CAST(COALESCE(SUM(CASE WHEN d.status = 'open' THEN 1 ELSE 0 END), 0) AS BIGINT), \
             CAST(COALESCE(SUM(CASE WHEN d.status IN ('planned', 'delivered', 'declined') THEN 1 ELSE 0 END), 0) AS BIGINT) \
             FROM demands d JOIN communities m ON m.id = d.community_id WHERE ($1 = 0 OR m.street_id = $1)",
        )
        .bind(street_id)
        .fetch_one(&self.pool)
        .await?;
        let top: Vec<(String, i64)> = sqlx::query_as(
            "SELECT d.note, d.votes FROM demands d JOIN communities m ON m.id = d.community_id \
             WHERE d.status = 'open' AND ($1 = 0 OR m.street_id = $1) ORDER BY d.votes DESC, d.id LIMIT 5",
        )
        .bind(street_id)
        .fetch_all(&self.pool)
        .await?;
        let top = top.into_iter().map(|(label, votes)| Count { label, label_en: String::new(), count: votes.max(0) as u64 }).collect();
        Ok((open.max(0) as u64, answered.max(0) as u64, top))
    }
}
