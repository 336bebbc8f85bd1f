//! Staff changing what an item says: its text, category, audience, facility and price.

use cc_domain::authoring::ItemInput;
use cc_domain::search::pinyin_keys;
use cc_domain::time::now;

use crate::{Store, StoreError};
use cc_domain::ids::ItemId;

type ItemTextRow = (String, String, String, String, String, i64, i64, Option<i64>);

impl Store {
    /// An item's editable fields as the edit form shows them.
    pub async fn item_text(&self, ItemId(id): ItemId) -> Result<Option<ItemInput>, StoreError> {
        let row: Option<ItemTextRow> = sqlx::query_as(
            "SELECT i.title, i.description, i.provider, c.slug, a.slug, i.facility_id, i.free, i.price_cents \
             FROM service_items i JOIN categories c ON c.id = i.category_id \
             JOIN audiences a ON a.id = i.audience_id WHERE i.id = $1",
        )
        .bind(id)
        .fetch_optional(&self.pool)
        .await?;
        Ok(row.map(|(title, description, provider, category, audience, facility_id, free, price_cents)| {
            ItemInput {
                title,
                description,
                provider,
                category,
                audience,
                facility_id,
                free: free == 1,
                price_cents,
            }
        }))
    }

    /// Writes an item's fields (and its search keys); `Missing` for an unknown category,
    /// audience or facility. A published item changes for residents at once.
    pub async fn update_item_text(&self, ItemId(id): ItemId, input: &ItemInput) -> Result<(), StoreError> {
        let mut tx = self.begin().await?;
        let category: Option<(i64,)> = sqlx::query_as("SELECT id FROM categories WHERE slug = $1")
            .bind(&input.category)
            .fetch_optional(&mut *tx)
            .await?;
        let audience: Option<(i64,)> = sqlx::query_as("SELECT id FROM audiences WHERE slug = $1")
            .bind(&input.audience)
            .fetch_optional(&mut *tx)
            .await?;
        let facility: Option<(i64,)> = sqlx::query_as("SELECT id FROM facilities WHERE id = $1")
            .bind(input.facility_id)
            .fetch_optional(&mut *tx)
            .await?;
        let (Some((category,)), Some((audience,)), Some(_)) = (category, audience, facility) else {
            let kind = if category.is_none() {
                "category"
            } else if audience.is_none() {
                "audience"
            } else {
                "facility"
            };
            return Err(StoreError::Missing { kind, key: String::new() });
        };
        let (title_pinyin, title_initials) = pinyin_keys(&input.title);
        let search_text = format!("{}\n{}", input.title, input.description).to_lowercase();
        let version = crate::search::next_version(&mut tx).await?;
        sqlx::query(
            "UPDATE service_items SET title = $1, description = $2, provider = $3, category_id = $4, \
             audience_id = $5, facility_id = $6, free = $7, price_cents = $8, title_pinyin = $9, \
             title_initials = $10, search_text = $11, updated_at = $12, search_version = $14 WHERE id = $13",
        )
        .bind(&input.title)
        .bind(&input.description)
        .bind(&input.provider)
        .bind(category)
        .bind(audience)
        .bind(input.facility_id)
        .bind(i64::from(input.free))
        .bind(input.price_cents)
        .bind(title_pinyin)
        .bind(title_initials)
        .bind(search_text)
        .bind(now())
        .bind(id)
        .bind(version)
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        self.announce_item(cc_domain::live::LiveKind::ItemChanged, id);
        Ok(())
    }
}
