//! Checking the database after a crash (or any time): the engine's own integrity check and
//! the booking invariants, as a list of problems (empty when all is well).

use crate::bookings::{ACTIVE, HOLDS_A_PLACE};
use crate::{Backend, Store, StoreError};

impl Store {
    /// Every problem found: storage corruption, and sessions whose places do not add up.
    pub async fn integrity_problems(&self) -> Result<Vec<String>, StoreError> {
        let mut problems = Vec::new();
        match self.backend() {
            Backend::Sqlite => {
                let rows: Vec<(String,)> =
                    sqlx::query_as("PRAGMA integrity_check").fetch_all(&self.pool).await?;
                problems.extend(rows.into_iter().map(|(r,)| r).filter(|r| r != "ok"));
                let rows: Vec<(String, i64)> =
                    sqlx::query_as("SELECT \"table\", rowid FROM pragma_foreign_key_check")
                        .fetch_all(&self.pool)
                        .await?;
                problems
                    .extend(rows.into_iter().map(|(t, id)| format!("{t} row {id} points to a missing row")));
            }
            Backend::Postgres => {
                // PostgreSQL recovers by itself; amcheck verifies that every B-tree index is sound.
                sqlx::query("CREATE EXTENSION IF NOT EXISTS amcheck").execute(&self.pool).await?;
                sqlx::query(
                    "SELECT bt_index_check(c.oid) FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid \
                     JOIN pg_am am ON am.oid = c.relam WHERE am.amname = 'btree' \
                     AND c.relnamespace = 'public'::regnamespace",
                )
                .execute(&self.pool)
                .await?;
            }
        }
        let rows: Vec<(i64, i64, i64, i64)> = sqlx::query_as(&format!(
            "SELECT s.id, s.capacity, s.remaining, \
             (SELECT COUNT(*) FROM bookings b WHERE b.session_id = s.id AND b.status IN {HOLDS_A_PLACE}) AS held \
             FROM sessions s"
        ))
        .fetch_all(&self.pool)
        .await?;
        for (id, capacity, remaining, held) in rows {
            if held > capacity || remaining != capacity - held {
                problems.push(format!(
                    "session {id}: capacity {capacity}, {held} places held, {remaining} remaining"
                ));
            }
        }
        let twice: Vec<(i64, i64)> = sqlx::query_as(&format!(
            "SELECT session_id, resident_id FROM bookings WHERE status IN {ACTIVE} \
             GROUP BY session_id, resident_id HAVING COUNT(*) > 1"
        ))
        .fetch_all(&self.pool)
        .await?;
        problems.extend(
            twice.into_iter().map(|(s, r)| format!("resident {r} holds two bookings in session {s}")),
        );
        Ok(problems)
    }
}
