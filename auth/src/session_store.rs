//! tower-sessions' storage in our database: one row per login session, so sessions survive a
//! restart and are shared by every server on one PostgreSQL.

use cc_domain::ids::ResidentId;
use cc_store::Store;
use tower_sessions::session::{Id, Record};
use tower_sessions::session_store::{Error, Result, SessionStore};

/// Sessions kept in the `web_sessions` table.
#[derive(Debug, Clone)]
pub struct DbSessionStore {
    store: Store,
}

impl DbSessionStore {
    pub fn new(store: Store) -> DbSessionStore {
        DbSessionStore { store }
    }
}

fn backend(e: cc_store::StoreError) -> Error {
    Error::Backend(e.to_string())
}

fn encode(record: &Record) -> Result<String> {
    serde_json::to_string(&record.data).map_err(|e| Error::Encode(e.to_string()))
}

/// The resident logged in to a session, written beside its data so that all of a resident's
/// sessions can be ended at once.
fn resident_of(record: &Record) -> Option<ResidentId> {
    record.data.get(crate::session::RESIDENT).and_then(|v| v.as_i64()).map(ResidentId)
}

#[async_trait::async_trait]
impl SessionStore for DbSessionStore {
    async fn create(&self, record: &mut Record) -> Result<()> {
        let data = encode(record)?;
        let expires = record.expiry_date.unix_timestamp();
        // 128 random bits collide practically never; if they do, draw again rather than overwrite.
        while !self
            .store
            .insert_web_session(&record.id.to_string(), &data, expires, resident_of(record))
            .await
            .map_err(backend)?
        {
            record.id = Id::default();
        }
        Ok(())
    }

    async fn save(&self, record: &Record) -> Result<()> {
        let data = encode(record)?;
        self.store
            .save_web_session(&record.id.to_string(), &data, record.expiry_date.unix_timestamp(), resident_of(record))
            .await
            .map_err(backend)
    }

    async fn load(&self, id: &Id) -> Result<Option<Record>> {
        let now = time::OffsetDateTime::now_utc().unix_timestamp();
        let Some((data, expires)) =
            self.store.load_web_session(&id.to_string(), now).await.map_err(backend)?
        else {
            return Ok(None);
        };
        let data = serde_json::from_str(&data).map_err(|e| Error::Decode(e.to_string()))?;
        let expiry_date =
            time::OffsetDateTime::from_unix_timestamp(expires).map_err(|e| Error::Decode(e.to_string()))?;
        Ok(Some(Record { id: *id, data, expiry_date }))
    }

    async fn delete(&self, id: &Id) -> Result<()> {
        self.store.delete_web_session(&id.to_string()).await.map_err(backend)
    }
}
