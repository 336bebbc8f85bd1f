//! 非遗 — the registry as anyone reads it: the projects (filtered and searched), one project, and
//! the places where they are practised, for the map.

use cc_domain::heritage::{HeritageProject, HeritageQuery};
use cc_domain::ids::{HeritageProjectId, Id};
use cc_store::heritage::MappedPlace;
use cc_store::Store;

use crate::ServiceError;

/// The projects `query` asks for, national ones first.
pub async fn projects(store: &Store, query: &HeritageQuery) -> Result<Vec<HeritageProject>, ServiceError> {
    Ok(store.heritage_projects(query).await?)
}

/// One project.
pub async fn project(store: &Store, id: HeritageProjectId) -> Result<HeritageProject, ServiceError> {
    store.heritage_project(id).await?.ok_or(ServiceError::NotFound(HeritageProjectId::NOUN))
}

/// Every place where a project is practised.
pub async fn places(store: &Store) -> Result<Vec<MappedPlace>, ServiceError> {
    Ok(store.heritage_places().await?)
}
