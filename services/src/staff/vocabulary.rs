//! Keeping the district's categories and audiences: district admins add a term, change its
//! names and icon, put the list in order and delete a term nothing uses. Every change and
//! every refusal is audited (naming the term); the catalogue, its filters and the API follow
//! at once.

use cc_domain::vocabulary::{moved, reorder, KeptTerm, Term, TermInput, Vocabulary};
use cc_domain::authoring::FieldError;
use cc_store::staff::AuditEntry;
use cc_store::vocabulary::Deleted;
use cc_store::Store;
use serde_json::{json, Value};

use super::{refuse, Actor};
use crate::ServiceError;

/// An audit line about `vocabulary` saying what was asked (`asked`), refusing the actor unless
/// they keep it.
async fn may_keep(store: &Store, actor: &Actor, action: &str, vocabulary: Vocabulary, asked: Value) -> Result<AuditEntry, ServiceError> {
    let mut entry = actor.audit(action, vocabulary.noun(), None);
    entry.after = Some(asked.to_string());
    if actor.member.scope.role.keeps_vocabulary() {
        Ok(entry)
    } else {
        refuse(store, entry).await
    }
}

async fn audited(store: &Store, mut entry: AuditEntry, before: Option<Value>, after: Value) -> Result<(), ServiceError> {
    entry.before = before.map(|b| b.to_string());
    entry.after = Some(after.to_string());
    store.append_audit(&entry).await?;
    Ok(())
}

fn not_found(vocabulary: Vocabulary) -> ServiceError {
    ServiceError::NotFound(vocabulary.noun())
}

async fn kept(store: &Store, vocabulary: Vocabulary, slug: &str) -> Result<KeptTerm, ServiceError> {
    store.kept_term(vocabulary, slug).await?.ok_or(not_found(vocabulary))
}

/// Every term of `vocabulary` with what uses it.
pub async fn kept_terms(store: &Store, actor: &Actor, vocabulary: Vocabulary) -> Result<Vec<KeptTerm>, ServiceError> {
    may_keep(store, actor, "read_terms", vocabulary, json!(null)).await?;
    Ok(store.kept_terms(vocabulary).await?)
}

/// Adds a term at the end of the list.
pub async fn add_term(store: &Store, actor: &Actor, vocabulary: Vocabulary, input: &TermInput) -> Result<Term, ServiceError> {
    let entry = may_keep(store, actor, "add_term", vocabulary, json!(input)).await?;
    let term = input.check_new().map_err(ServiceError::Field)?;
    if !store.add_term(vocabulary, &term).await? {
        return Err(ServiceError::refused(409, "slug_taken", "已有一项使用这个标识，请换一个", "another term has this slug: choose another"));
    }
    audited(store, entry, None, json!(term)).await?;
    Ok(term)
}

/// Changes what `input` names of term `slug` — names, icon — and keeps the rest (its slug
/// always: addresses hold it).
pub async fn change_term(store: &Store, actor: &Actor, vocabulary: Vocabulary, slug: &str, input: &TermInput) -> Result<Term, ServiceError> {
    let entry = may_keep(store, actor, "change_term", vocabulary, json!({ "slug": slug, "input": input })).await?;
    let before = kept(store, vocabulary, slug).await?.term;
    let term = input.check_change(&before).map_err(ServiceError::Field)?;
    if !store.update_term(vocabulary, slug, &term).await? {
        return Err(not_found(vocabulary));
    }
    audited(store, entry, Some(json!(before)), json!(term)).await?;
    Ok(term)
}

/// Puts the list in the order of `slugs`, which names every term once.
pub async fn order_terms(store: &Store, actor: &Actor, vocabulary: Vocabulary, slugs: &[String]) -> Result<Vec<Term>, ServiceError> {
    let entry = may_keep(store, actor, "order_terms", vocabulary, json!(slugs)).await?;
    let before: Vec<String> = store.terms(vocabulary).await?.into_iter().map(|t| t.named.slug).collect();
    let order = reorder(&before, slugs).ok_or(ServiceError::Field(FieldError::new(
        "slugs",
        "请列出每一项，且每项只列一次",
        "list every term once, and only once",
    )))?;
    if order != before {
        store.reorder_terms(vocabulary, &order).await?;
        audited(store, entry, Some(json!(before)), json!(order)).await?;
    }
    Ok(store.terms(vocabulary).await?)
}

/// Moves term `slug` one place up or down the list (at either end, nothing changes).
pub async fn move_term(store: &Store, actor: &Actor, vocabulary: Vocabulary, slug: &str, up: bool) -> Result<Vec<Term>, ServiceError> {
    may_keep(store, actor, "move_term", vocabulary, json!({ "slug": slug, "up": up })).await?;
    let slugs: Vec<String> = store.terms(vocabulary).await?.into_iter().map(|t| t.named.slug).collect();
    if !slugs.iter().any(|s| s == slug) {
        return Err(not_found(vocabulary));
    }
    order_terms(store, actor, vocabulary, &moved(&slugs, slug, up)).await
}

/// Deletes term `slug` when no service (and no resident's request) uses it.
pub async fn delete_term(store: &Store, actor: &Actor, vocabulary: Vocabulary, slug: &str) -> Result<(), ServiceError> {
    let entry = may_keep(store, actor, "delete_term", vocabulary, json!({ "slug": slug })).await?;
    let before = kept(store, vocabulary, slug).await?;
    match store.delete_term(vocabulary, slug).await? {
        Deleted::Deleted => audited(store, entry, Some(json!(before.term)), json!(null)).await,
        Deleted::NotFound => Err(not_found(vocabulary)),
        Deleted::InUse => Err(ServiceError::refused(
            409,
            "in_use",
            "仍有服务或点单使用它，不能删除；可以改名",
            "services or residents' requests still use it, so it cannot be deleted: rename it instead",
        )),
    }
}
