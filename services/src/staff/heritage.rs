//! Keeping the heritage registry: district admins add and change projects, add their pictures,
//! and link the services that let residents experience them. Every change is audited, refusals
//! included; the audit line keeps the project as it was and as it became.

use cc_domain::heritage::{HeritageProject, ProjectInput};
use cc_domain::ids::{HeritageProjectId, Id, ItemId};
use cc_domain::image::{Image, ImageProblem};
use cc_domain::time::{local, now};
use cc_store::Store;
use chrono::Datelike;
use serde_json::json;

use super::{refuse, Actor};
use crate::ServiceError;

/// Adds a project to the registry.
pub async fn create_heritage_project(store: &Store, actor: &Actor, input: &ProjectInput) -> Result<HeritageProject, ServiceError> {
    let mut entry = actor.audit("create_heritage_project", "heritage_project", None);
    if !actor.member.scope.role.keeps_registry() {
        return refuse(store, entry).await;
    }
    let checked = input.check(local(now()).year()).map_err(ServiceError::Field)?;
    let id = store.create_heritage_project(&checked, false, now()).await?;
    let project = crate::heritage::project(store, id).await?;
    entry.object_id = Some(id.0);
    entry.after = Some(json!(project).to_string());
    store.append_audit(&entry).await?;
    Ok(project)
}

/// Replaces a project's facts, inheritors and places.
pub async fn update_heritage_project(
    store: &Store,
    actor: &Actor,
    id: HeritageProjectId,
    input: &ProjectInput,
) -> Result<HeritageProject, ServiceError> {
    let mut entry = actor.audit("update_heritage_project", "heritage_project", Some(id.0));
    if !actor.member.scope.role.keeps_registry() {
        return refuse(store, entry).await;
    }
    let before = crate::heritage::project(store, id).await?;
    let checked = input.check(local(now()).year()).map_err(ServiceError::Field)?;
    if !store.update_heritage_project(id, &checked, now()).await? {
        return Err(ServiceError::NotFound(HeritageProjectId::NOUN));
    }
    let after = crate::heritage::project(store, id).await?;
    entry.before = Some(json!(before).to_string());
    entry.after = Some(json!(after).to_string());
    store.append_audit(&entry).await?;
    Ok(after)
}

/// Adds a picture (JPEG or PNG, recognised by its bytes) to a project; returns where it is served.
pub async fn add_heritage_image(store: &Store, actor: &Actor, id: HeritageProjectId, bytes: &[u8]) -> Result<String, ServiceError> {
    let mut entry = actor.audit("add_heritage_image", "heritage_project", Some(id.0));
    if !actor.member.scope.role.keeps_registry() {
        return refuse(store, entry).await;
    }
    let image = Image::parse(bytes).map_err(|problem| {
        let status = if problem == ImageProblem::TooLarge { 413 } else { 422 };
        ServiceError::refused(status, problem.code(), problem.zh(), problem.to_string())
    })?;
    let path = store
        .add_heritage_image(id, &image, actor.member.id)
        .await?
        .ok_or(ServiceError::NotFound(HeritageProjectId::NOUN))?;
    entry.after = Some(json!({ "image": path, "type": image.kind.content_type(), "bytes": image.bytes.len() }).to_string());
    store.append_audit(&entry).await?;
    Ok(path)
}

/// Links a service to the project it lets residents experience (`None` unlinks it).
pub async fn link_item_to_heritage(
    store: &Store,
    actor: &Actor,
    item: ItemId,
    project: Option<HeritageProjectId>,
) -> Result<(), ServiceError> {
    let mut entry = actor.audit("link_heritage", "item", Some(item.0));
    if !actor.member.scope.role.keeps_registry() {
        return refuse(store, entry).await;
    }
    let before = store.heritage_of_item(item).await?.map(|h| h.id.0);
    if !store.link_item_to_heritage(item, project).await? {
        let noun = if project.is_some() && store.staff_item(item).await?.is_some() { HeritageProjectId::NOUN } else { ItemId::NOUN };
        return Err(ServiceError::NotFound(noun));
    }
    entry.before = Some(json!({ "heritage_project_id": before }).to_string());
    entry.after = Some(json!({ "heritage_project_id": project.map(|p| p.0) }).to_string());
    store.append_audit(&entry).await?;
    Ok(())
}
