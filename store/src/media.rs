//! Pictures of service items and heritage projects, kept in the database so that every server
//! can serve them.

use cc_domain::image::{Image, ImageKind};
use cc_domain::time::now;
use rand::Rng;

use crate::{Store, StoreError};
use cc_domain::ids::{HeritageProjectId, ItemId};

/// Where a stored picture is served, from its token and content type.
pub(crate) fn image_path(token: Option<&str>, content_type: Option<&str>) -> Option<String> {
    let kind = ImageKind::from_content_type(content_type?)?;
    Some(format!("/media/{}.{}", token?, kind.extension()))
}

/// 24 random letters and digits: 142 bits, not found by guessing.
fn new_token() -> String {
    const ALPHABET: &[u8] = b"abcdefghijklmnopqrstuvwxyz0123456789";
    let mut rng = rand::rng();
    (0..24).map(|_| ALPHABET[rng.random_range(0..ALPHABET.len())] as char).collect()
}

/// A picture to serve.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredImage {
    pub content_type: String,
    pub bytes: Vec<u8>,
}

impl Store {
    /// Stores `image` as the picture of item `item_id` (the earlier one stays, unreferenced, for
    /// the record) and returns the path it is served at.
    pub async fn set_item_image(
        &self,
        ItemId(item_id): ItemId,
        image: &Image,
        by: i64,
    ) -> Result<String, StoreError> {
        let token = new_token();
        let mut tx = self.begin().await?;
        let (image_id,): (i64,) = sqlx::query_as(
            "INSERT INTO item_images (token, item_id, content_type, width, height, bytes, created_by, created_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
        )
        .bind(&token)
        .bind(item_id)
        .bind(image.kind.content_type())
        .bind(i64::from(image.width))
        .bind(i64::from(image.height))
        .bind(image.bytes.clone())
        .bind(by)
        .bind(now())
        .fetch_one(&mut *tx)
        .await?;
        sqlx::query("UPDATE service_items SET image_id = $1, updated_at = $2 WHERE id = $3")
            .bind(image_id)
            .bind(now())
            .bind(item_id)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        // The item's page shows the picture.
        self.announce_item(cc_domain::live::LiveKind::ItemChanged, item_id);
        Ok(image_path(Some(&token), Some(image.kind.content_type())).unwrap_or_default())
    }

    /// Adds a picture of heritage project `project` (shown after the earlier ones) and returns
    /// the path it is served at; `None` when there is no such project.
    pub async fn add_heritage_image(
        &self,
        project: HeritageProjectId,
        image: &Image,
        by: i64,
    ) -> Result<Option<String>, StoreError> {
        let found: Option<(i64,)> =
            sqlx::query_as("SELECT id FROM heritage_projects WHERE id = $1").bind(project.0).fetch_optional(&self.pool).await?;
        if found.is_none() {
            return Ok(None);
        }
        let token = new_token();
        sqlx::query(
            "INSERT INTO heritage_images (token, project_id, content_type, width, height, bytes, created_by, created_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
        )
        .bind(&token)
        .bind(project.0)
        .bind(image.kind.content_type())
        .bind(i64::from(image.width))
        .bind(i64::from(image.height))
        .bind(image.bytes.clone())
        .bind(by)
        .bind(now())
        .execute(&self.pool)
        .await?;
        Ok(image_path(Some(&token), Some(image.kind.content_type())))
    }

    /// The picture served at `token` (an item's or a heritage project's).
    pub async fn image_by_token(&self, token: &str) -> Result<Option<StoredImage>, StoreError> {
        let row: Option<(String, Vec<u8>)> = sqlx::query_as(
            "SELECT content_type, bytes FROM item_images WHERE token = $1 \
             UNION ALL SELECT content_type, bytes FROM heritage_images WHERE token = $1",
        )
        .bind(token)
        .fetch_optional(&self.pool)
        .await?;
        Ok(row.map(|(content_type, bytes)| StoredImage { content_type, bytes }))
    }

    /// The path of an item's current picture, if it has one.
    pub async fn item_image_path(&self, ItemId(item_id): ItemId) -> Result<Option<String>, StoreError> {
        let row: Option<(String, String)> = sqlx::query_as(
            "SELECT m.token, m.content_type FROM service_items i JOIN item_images m ON m.id = i.image_id \
             WHERE i.id = $1",
        )
        .bind(item_id)
        .fetch_optional(&self.pool)
        .await?;
        Ok(row.and_then(|(token, kind)| image_path(Some(&token), Some(&kind))))
    }
}
