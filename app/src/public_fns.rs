//! Server functions for the public pages (home, catalogue, an item, facilities, the map,
//! coverage): what anyone may read. Each one only orchestrates — parse the input, ask the store
//! (the same calls the open-data API makes), shape the answer.

use cc_domain::{ItemDetail, ItemSummary, Named, Page};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::error::AppError;
use cc_domain::ids::{FacilityId, ItemId};

/// What the home page shows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct HomeData {
    pub categories: Vec<cc_domain::vocabulary::Term>,
    pub upcoming: Vec<ItemSummary>,
}

/// The choices the catalogue's filters offer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Facets {
    pub categories: Vec<Named>,
    pub streets: Vec<Named>,
    pub audiences: Vec<Named>,
}

#[cfg(feature = "ssr")]
pub(crate) fn store() -> Result<cc_store::Store, AppError> {
    use_context::<cc_store::Store>().ok_or_else(|| {
        tracing::error!("no Store in the server function's context");
        AppError::Internal
    })
}

/// Categories and the next few services, for the home page.
#[server]
pub async fn load_home() -> Result<HomeData, AppError> {
    let store = store()?;
    let next = cc_domain::CatalogQuery::parse([("per_page", "6")])?;
    let upcoming = store.search_items(&next, cc_domain::time::now()).await?.items;
    Ok(HomeData { categories: store.categories().await?, upcoming })
}

/// One page of the catalogue for a URL query string (parsed here, never trusted as sent).
#[server]
pub async fn search_catalog(query_string: String) -> Result<Page<ItemSummary>, AppError> {
    let query = cc_domain::CatalogQuery::parse_query_string(&query_string)?;
    Ok(store()?.search_items(&query, cc_domain::time::now()).await?)
}

/// The filter choices: categories, streets, audiences.
#[server]
pub async fn load_facets() -> Result<Facets, AppError> {
    let store = store()?;
    Ok(Facets {
        categories: cc_domain::vocabulary::names(store.categories().await?),
        streets: store.streets().await?.into_iter().map(|s| s.street).collect(),
        audiences: cc_domain::vocabulary::names(store.audiences().await?),
    })
}

/// A published item with its upcoming sessions; `None` when there is no such item.
#[server]
pub async fn load_item(id: i64) -> Result<Option<ItemDetail>, AppError> {
    Ok(store()?.item_detail(ItemId(id), cc_domain::time::now()).await?)
}

/// A published item's rating and newest reviews (the first page).
#[server]
pub async fn load_item_reviews(id: i64) -> Result<cc_domain::review::ItemReviews, AppError> {
    Ok(cc_services::residents::reviews::item_reviews(&store()?, ItemId(id), None).await?)
}

/// Where the map's background tiles come from (`CC_TILE_URL`, `CC_TILE_ATTRIBUTION`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MapSettings {
    /// A Leaflet URL template, e.g. `https://tile.openstreetmap.org/{z}/{x}/{y}.png`.
    pub tile_url: String,
    pub attribution: String,
}

/// Facilities for a URL query string (parsed here): list page and map list.
#[server]
pub async fn load_facilities(query_string: String) -> Result<Vec<cc_domain::FacilitySummary>, AppError> {
    let query = cc_domain::FacilityQuery::parse_query_string(&query_string)?;
    Ok(store()?.facilities(&query, cc_domain::time::now()).await?)
}

/// One facility's page; `None` when there is no such facility.
#[server]
pub async fn load_facility(id: i64) -> Result<Option<cc_domain::FacilityProfile>, AppError> {
    Ok(store()?.facility_profile(FacilityId(id), cc_domain::time::now()).await?)
}

/// The map's tile settings, as configured on the server.
#[server]
pub async fn load_map_settings() -> Result<MapSettings, AppError> {
    use_context::<MapSettings>().ok_or_else(|| {
        tracing::error!("no MapSettings in the server function's context");
        AppError::Internal
    })
}

/// Standards, coverage per street and every facility that falls short, with reasons.
#[server]
pub async fn load_compliance() -> Result<cc_domain::compliance::ComplianceReport, AppError> {
    Ok(store()?.compliance_report().await?)
}
