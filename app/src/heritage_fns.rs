//! Server functions of the heritage registry's public pages.

use cc_domain::heritage::HeritageProject;
use leptos::prelude::*;

use crate::error::AppError;

/// The projects for a URL query string (parsed here, never trusted as sent).
#[server]
pub async fn load_heritage(query_string: String) -> Result<Vec<HeritageProject>, AppError> {
    let query = cc_domain::heritage::HeritageQuery::parse_query_string(&query_string)?;
    Ok(cc_services::heritage::projects(&crate::public_fns::store()?, &query).await?)
}

/// One project's page; `None` when there is no such project.
#[server]
pub async fn load_heritage_project(id: i64) -> Result<Option<HeritageProject>, AppError> {
    let id = cc_domain::ids::HeritageProjectId(id);
    match cc_services::heritage::project(&crate::public_fns::store()?, id).await {
        Ok(project) => Ok(Some(project)),
        Err(cc_services::ServiceError::NotFound(_)) => Ok(None),
        Err(error) => Err(error.into()),
    }
}
