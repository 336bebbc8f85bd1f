//! Schema changes SQLite cannot make inside sqlx's migrations, made right after them. A CHECK
//! constraint is changed only by rebuilding its table, which needs foreign keys off — and that
//! pragma does nothing inside a transaction, while sqlx runs every SQLite migration in one.
//! Each fix looks at the schema first, so it runs once, and checks every foreign key before it
//! commits.

use sqlx::{Acquire, Executor};

use crate::{Backend, Store, StoreError};

/// The staff table as migration 22 wants it: the `expert` role allowed. (PostgreSQL's
/// migration changes the constraint itself.)
const STAFF_ACCOUNTS: &str = "CREATE TABLE staff_accounts_new (
    id                INTEGER PRIMARY KEY,
    username          TEXT    NOT NULL UNIQUE,
    display_name      TEXT    NOT NULL,
    password_hash     TEXT    NOT NULL,
    role              TEXT    NOT NULL
                      CHECK (role IN ('district_admin', 'street_admin', 'facility_manager', 'reviewer', 'provider', 'expert')),
    street_id         INTEGER REFERENCES streets(id),
    organisation      TEXT,
    disabled          INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
    created_at        INTEGER NOT NULL,
    created_by        INTEGER REFERENCES staff_accounts(id),
    totp_secret       TEXT,
    totp_confirmed_at INTEGER,
    totp_last_step    INTEGER NOT NULL DEFAULT 0,
    CHECK (role <> 'street_admin' OR street_id IS NOT NULL)
)";

const COLUMNS: &str = "id, username, display_name, password_hash, role, street_id, organisation, disabled, created_at, \
    created_by, totp_secret, totp_confirmed_at, totp_last_step";

impl Store {
    /// Lets the staff table hold experts, on SQLite (once).
    pub(crate) async fn widen_staff_roles(&self) -> Result<(), StoreError> {
        if self.backend() != Backend::Sqlite {
            return Ok(());
        }
        let (schema,): (String,) =
            sqlx::query_as("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'staff_accounts'").fetch_one(&self.pool).await?;
        if schema.contains("'expert'") {
            return Ok(());
        }
        let mut conn = self.pool.acquire().await?;
        conn.execute("PRAGMA foreign_keys = OFF").await?;
        let rebuilt = async {
            let mut tx = conn.begin().await?;
            tx.execute(STAFF_ACCOUNTS).await?;
            tx.execute(format!("INSERT INTO staff_accounts_new ({COLUMNS}) SELECT {COLUMNS} FROM staff_accounts").as_str()).await?;
            tx.execute("DROP TABLE staff_accounts").await?;
            tx.execute("ALTER TABLE staff_accounts_new RENAME TO staff_accounts").await?;
            let broken: Vec<(String,)> = sqlx::query_as("SELECT \"table\" FROM pragma_foreign_key_check").fetch_all(&mut *tx).await?;
            if !broken.is_empty() {
                return Err(StoreError::Conflict("rebuilding staff_accounts broke a foreign key"));
            }
            tx.commit().await?;
            Ok::<(), StoreError>(())
        }
        .await;
        // Back on whatever happened: the connection returns to the pool.
        conn.execute("PRAGMA foreign_keys = ON").await?;
        rebuilt
    }
}
