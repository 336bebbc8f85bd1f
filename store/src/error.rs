//! Storage errors: the few a caller can act on, and everything else as `Database`.

/// What went wrong talking to the database.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// A URL that names neither SQLite nor PostgreSQL.
    #[error("unsupported database URL `{0}`: use sqlite://… or postgres://…")]
    UnsupportedUrl(String),
    /// A row referred to by a natural key (slug, name) does not exist.
    #[error("{kind} `{key}` does not exist")]
    Missing { kind: &'static str, key: String },
    /// A state the store's own rules should have made impossible.
    #[error("inconsistent data: {0}")]
    Conflict(&'static str),
    /// The database refused or failed; details are logged by the caller at the boundary.
    #[error(transparent)]
    Database(#[from] sqlx::Error),
    /// A file beside the database (a backup) could not be written.
    #[error("file: {0}")]
    Io(String),
    /// The search index failed (a bug or no memory: it lives in memory).
    #[error("search index: {0}")]
    Search(String),
    /// Migrations could not be applied.
    #[error(transparent)]
    Migrate(#[from] sqlx::migrate::MigrateError),
}
