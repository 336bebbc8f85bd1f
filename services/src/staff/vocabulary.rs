//! Keeping the district's categories and audiences: district admins add a term, change its
//! names and icon, put the list in order and delete a term nothing uses. Every change and
//! every refusal is audited; the catalogue, its filters and the API follow at once.

use cc_domain::authoring::FieldError;
use cc_domain::vocabulary::{moved, reorder, KeptTerm, Term, TermInput, Vocabulary};
use cc_store::staff::AuditEntry;
use cc_store::vocabulary::Deleted;
use cc_store::Store;
use serde_json::json;

use super::{refuse, Actor};
use crate::ServiceError;

/// An audit line about `vocabulary`, refusing the actor unless they keep it.
async fn may_keep(store: &Store, actor: &Actor, action: &str, vocabulary: Vocabulary) -> Result<AuditEntry, ServiceError> {
    let entry = actor.audit(action, vocabulary.noun(), None);
    if actor.member.scope.role.keeps_vocabulary() {
        Ok(entry)
    } else {
        refuse(store, entry).await
    }
}

async fn audited(store: &Store, mut entry: AuditEntry, before: Option<serde_json::Value>, after: serde_json::Value) -> Result<(), ServiceError> {
    entry.before = before.map(|b| b.to_string());
    entry.after = Some(after.to_string());
    store.append_audit(&entry).await?;
    Ok(())
}

fn not_found(vocabulary: Vocabulary) -> ServiceError {
    ServiceError::NotFound(vocabulary.noun())
}

/// Every term of `vocabulary` with what uses it.
pub async fn kept_terms(store: &Store, actor: &Actor, vocabulary: Vocabulary) -> Result<Vec<KeptTerm>, ServiceError> {
    may_keep(store, actor, "read_terms", vocabulary).await?;
    Ok(store.kept_terms(vocabulary).await?)
}

/// Adds a term at the end of the list.
pub async fn add_term(store: &Store, actor: &Actor, vocabulary: Vocabulary, input: &TermInput) -> Result<Term, ServiceError> {
    let entry = may_keep(store, actor, "add_term", vocabulary).await?;
    let term = input.check(true).map_err(ServiceError::Field)?;
    if !store.add_term(vocabulary, &term).await? {
        return Err(ServiceError::refused(409, "slug_taken", "已有一项使用这个标识，请换一个", "another term has this slug: choose another"));
    }
    audited(store, entry, None, json!(term)).await?;
    Ok(term)
}

/// The term `slug` of `vocabulary`, as the console shows it.
async fn kept(store: &Store, vocabulary: Vocabulary, slug: &str) -> Result<KeptTerm, ServiceError> {
    let terms = store.kept_terms(vocabulary).await?;
    terms.into_iter().find(|t| t.term.named.slug == slug).ok_or(not_found(vocabulary))
}

/// Changes the names and icon of term `slug` (its slug stays: addresses hold it).
pub async fn change_term(store: &Store, actor: &Actor, vocabulary: Vocabulary, slug: &str, input: &TermInput) -> Result<Term, ServiceError> {
    let entry = may_keep(store, actor, "change_term", vocabulary).await?;
    let before = kept(store, vocabulary, slug).await?.term;
    let mut term = input.check(false).map_err(ServiceError::Field)?;
    term.named.slug = slug.to_string();
    if !store.update_term(vocabulary, slug, &term).await? {
        return Err(not_found(vocabulary));
    }
    audited(store, entry, Some(json!(before)), json!(term)).await?;
    Ok(term)
}

/// Puts the list in the order of `slugs`, which names every term once.
pub async fn order_terms(store: &Store, actor: &Actor, vocabulary: Vocabulary, slugs: &[String]) -> Result<Vec<Term>, ServiceError> {
    let entry = may_keep(store, actor, "order_terms", vocabulary).await?;
    let before: Vec<String> = store.terms(vocabulary).await?.into_iter().map(|t| t.named.slug).collect();
    let order = reorder(&before, slugs).ok_or(ServiceError::Field(FieldError::new(
        "slugs",
        "请列出每一项，且每项只列一次",
        "list every term once, and only once",
    )))?;
    store.reorder_terms(vocabulary, &order).await?;
    audited(store, entry, Some(json!(before)), json!(order)).await?;
    Ok(store.terms(vocabulary).await?)
}

/// Moves term `slug` one place up or down the list.
pub async fn move_term(store: &Store, actor: &Actor, vocabulary: Vocabulary, slug: &str, up: bool) -> Result<Vec<Term>, ServiceError> {
    let slugs: Vec<String> = store.terms(vocabulary).await?.into_iter().map(|t| t.named.slug).collect();
    if !slugs.iter().any(|s| s == slug) {
        // Still refused (and audited) first when the actor may not keep the list.
        may_keep(store, actor, "order_terms", vocabulary).await?;
        return Err(not_found(vocabulary));
    }
    order_terms(store, actor, vocabulary, &moved(&slugs, slug, up)).await
}

/// Deletes term `slug` when no service (and no resident's request) uses it.
pub async fn delete_term(store: &Store, actor: &Actor, vocabulary: Vocabulary, slug: &str) -> Result<(), ServiceError> {
    let entry = may_keep(store, actor, "delete_term", vocabulary).await?;
    let before = kept(store, vocabulary, slug).await?;
    match store.delete_term(vocabulary, slug).await? {
        Deleted::Deleted => audited(store, entry, Some(json!(before.term)), json!(null)).await,
        Deleted::NotFound => Err(not_found(vocabulary)),
        Deleted::InUse => {
            let (zh, en) = match before.demands {
                0 => (format!("{}项服务", before.items), format!("{} services", before.items)),
                n => (format!("{}项服务、{n}条点单", before.items), format!("{} services and {n} requests", before.items)),
            };
            Err(ServiceError::refused(409, "in_use", format!("仍有{zh}使用它，不能删除；可以改名"), format!("{en} still use it, so it cannot be deleted; rename it instead")))
        }
    }
}
