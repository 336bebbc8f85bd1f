//! The two migration folders stay in step: the same file names, and after migrating, the same
//! tables with the same columns of the same kind on SQLite and on PostgreSQL.
//!
//! The file names are compared on every run; the schemas when the suite runs on PostgreSQL
//! (`CC_TEST_BACKEND=postgres`), where both databases can be made.

use std::collections::BTreeMap;
use std::path::Path;

use cc_store::testing::{fresh_store, test_backend};
use cc_store::{Backend, Store};
use sqlx::Row;

/// `table → column → kind`, kinds normalised across the two dialects.
type Schema = BTreeMap<String, BTreeMap<String, &'static str>>;

fn migration_names(backend: &str) -> Vec<String> {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("../migrations").join(backend);
    let mut names: Vec<String> = std::fs::read_dir(&folder)
        .unwrap_or_else(|e| panic!("{}: {e}", folder.display()))
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// What a column holds, whatever each dialect calls it (`BIGINT`, `INTEGER`, `SMALLINT` are all
/// integers to sqlx's `Any` driver; `DOUBLE PRECISION` and `REAL` are floats).
fn kind(declared: &str) -> &'static str {
    let declared = declared.to_ascii_lowercase();
    if declared.contains("int") {
        "integer"
    } else if ["double", "real", "float", "numeric"].iter().any(|k| declared.contains(k)) {
        "float"
    } else if declared.contains("text") || declared.contains("char") {
        "text"
    } else if declared.contains("blob") || declared.contains("bytea") {
        "bytes"
    } else {
        panic!("a column type neither dialect should need: {declared}")
    }
}

async fn schema(store: &Store) -> Schema {
    let sql = match store.backend() {
        Backend::Sqlite => {
            "SELECT m.name, p.name, p.type FROM sqlite_master m JOIN pragma_table_info(m.name) p \
             WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' AND m.name NOT LIKE '_sqlx%'"
        }
        Backend::Postgres => {
            "SELECT CAST(table_name AS TEXT), CAST(column_name AS TEXT), CAST(data_type AS TEXT) \
             FROM information_schema.columns \
             WHERE table_schema = 'public' AND table_name NOT LIKE '_sqlx%'"
        }
    };
    let mut tx = store.begin().await.unwrap();
    let rows = sqlx::query(sql).fetch_all(&mut *tx).await.unwrap();
    tx.rollback().await.unwrap();
    let mut schema = Schema::new();
    for row in rows {
        let (table, column, declared): (String, String, String) = (row.get(0), row.get(1), row.get(2));
        schema.entry(table).or_default().insert(column, kind(&declared));
    }
    schema
}

#[test]
fn both_folders_hold_the_same_migrations() {
    let sqlite = migration_names("sqlite");
    assert!(!sqlite.is_empty());
    assert_eq!(sqlite, migration_names("postgres"), "migrations/sqlite and migrations/postgres differ");
}

#[tokio::test]
async fn both_backends_end_with_the_same_tables_and_columns() {
    if test_backend() != "postgres" {
        return; // needs both databases: the PostgreSQL run compares them
    }
    let postgres = fresh_store().await.unwrap();
    let path = std::env::temp_dir().join(format!("cc_test_in_step_{}.db", std::process::id()));
    let _ = std::fs::remove_file(&path);
    let sqlite = Store::connect(&format!("sqlite://{}", path.display())).await.unwrap();
    sqlite.migrate().await.unwrap();

    let (on_sqlite, on_postgres) = (schema(&sqlite).await, schema(&postgres).await);
    assert!(on_sqlite.len() > 10, "migrations made only {} tables", on_sqlite.len());
    for (table, columns) in &on_sqlite {
        let other = on_postgres.get(table).unwrap_or_else(|| panic!("{table} exists only on SQLite"));
        assert_eq!(columns, other, "the columns of {table} differ (left: SQLite, right: PostgreSQL)");
    }
    for table in on_postgres.keys() {
        assert!(on_sqlite.contains_key(table), "{table} exists only on PostgreSQL");
    }
    let _ = std::fs::remove_file(&path);
}
