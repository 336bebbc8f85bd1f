//! Backups that restore. On SQLite, `VACUUM INTO` writes a consistent, compact copy while the
//! server keeps serving (it reads one snapshot, as any reader does beside the writer); a restore
//! checks the copy's integrity and copies it into a database that must not hold data yet. On
//! PostgreSQL, `pg_dump`/`pg_restore` do this better than we could: see the README.

use std::path::Path;

use crate::{Backend, Store, StoreError};

/// Why a backup or a restore could not be made.
#[derive(Debug, thiserror::Error)]
pub enum BackupError {
    #[error("on PostgreSQL use pg_dump and pg_restore (see the README), then `culture-cloud check`")]
    UsePgDump,
    #[error("{0} exists already: give a path for a new file")]
    TargetExists(String),
    #[error("the backup {0} is damaged: {1}")]
    Damaged(String, String),
    #[error("the database to restore into already holds data: restore into a new database")]
    TargetNotEmpty,
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl From<sqlx::Error> for BackupError {
    fn from(e: sqlx::Error) -> Self {
        BackupError::Store(e.into())
    }
}

impl Store {
    /// Writes a consistent copy of the whole database to `path` (a new file), while serving.
    pub async fn backup_to(&self, path: &Path) -> Result<(), BackupError> {
        if self.backend() != Backend::Sqlite {
            return Err(BackupError::UsePgDump);
        }
        if path.exists() {
            return Err(BackupError::TargetExists(path.display().to_string()));
        }
        if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
            std::fs::create_dir_all(parent).map_err(|e| StoreError::Io(e.to_string()))?;
        }
        sqlx::query("VACUUM INTO $1").bind(path.display().to_string()).execute(&self.pool).await?;
        Ok(())
    }

    /// Restores the SQLite backup at `backup` into this store's database, which must be new
    /// (no tables yet): the backup's integrity is checked first, then its contents copied in.
    pub async fn restore_from(&self, backup: &Path) -> Result<(), BackupError> {
        if self.backend() != Backend::Sqlite {
            return Err(BackupError::UsePgDump);
        }
        let name = backup.display().to_string();
        if !backup.is_file() {
            return Err(BackupError::Damaged(name, "no such file".into()));
        }
        let (tables,): (i64,) =
            sqlx::query_as("SELECT COUNT(*) FROM sqlite_master WHERE type = 'table'").fetch_one(&self.pool).await?;
        if tables > 0 {
            return Err(BackupError::TargetNotEmpty);
        }
        // One connection, so the attached copy, its check and the writes share it.
        let mut conn = self.pool.acquire().await?;
        sqlx::query("ATTACH DATABASE $1 AS backup").bind(&name).execute(&mut *conn).await?;
        let checked = sqlx::query_as::<_, (String,)>("PRAGMA backup.integrity_check").fetch_all(&mut *conn).await;
        let copied = match checked {
            Ok(rows) if rows.iter().all(|(r,)| r == "ok") => copy_attached(&mut conn).await,
            Ok(rows) => Err(BackupError::Damaged(name, rows.into_iter().map(|(r,)| r).collect::<Vec<_>>().join("; "))),
            Err(e) => Err(BackupError::Damaged(name, e.to_string())),
        };
        sqlx::query("DETACH DATABASE backup").execute(&mut *conn).await?;
        copied
    }
}

/// Recreates every table, index and trigger of the attached `backup` here, with its rows.
async fn copy_attached(conn: &mut sqlx::AnyConnection) -> Result<(), BackupError> {
    let schema: Vec<(String, String, String)> = sqlx::query_as(
        "SELECT type, name, sql FROM backup.sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%' \
         ORDER BY CASE type WHEN 'table' THEN 0 ELSE 1 END, rowid",
    )
    .fetch_all(&mut *conn)
    .await?;
    sqlx::query("BEGIN IMMEDIATE").execute(&mut *conn).await?;
    // Tables come in the order they were created, not the order their references need: check
    // the references once, at commit.
    sqlx::query("PRAGMA defer_foreign_keys = ON").execute(&mut *conn).await?;
    let result = async {
        let tables: Vec<_> = schema.iter().filter(|(kind, _, _)| kind == "table").collect();
        // Every table first: a table may refer to one created after it (a column added later).
        for (_, _, sql) in &tables {
            sqlx::query(sql).execute(&mut *conn).await?;
        }
        for (_, name, _) in &tables {
            let quoted = name.replace('"', "\"\"");
            sqlx::query(&format!("INSERT INTO main.\"{quoted}\" SELECT * FROM backup.\"{quoted}\""))
                .execute(&mut *conn)
                .await?;
        }
        for (kind, _, sql) in &schema {
            if kind != "table" {
                sqlx::query(sql).execute(&mut *conn).await?;
            }
        }
        Ok::<(), sqlx::Error>(())
    }
    .await;
    match result {
        Ok(()) => {
            sqlx::query("COMMIT").execute(&mut *conn).await?;
            Ok(())
        }
        Err(e) => {
            let _ = sqlx::query("ROLLBACK").execute(&mut *conn).await;
            Err(e.into())
        }
    }
}
