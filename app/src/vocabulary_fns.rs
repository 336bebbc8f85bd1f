//! Server functions of `/staff/vocabulary`: the categories and audiences with what uses each,
//! and the plain forms that add, change, move and delete a term. They call the same use cases
//! as the API; a refusal comes back to the form that was sent, saying why.

use cc_domain::vocabulary::KeptTerm;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::error::AppError;

/// What the page shows: both lists, in display order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct VocabularyDesk {
    pub categories: Vec<KeptTerm>,
    pub audiences: Vec<KeptTerm>,
}

#[cfg(feature = "ssr")]
async fn keeper() -> Result<(cc_store::Store, cc_services::staff::Actor), AppError> {
    use crate::staff_fns::context;
    Ok((context::staff_auth()?.store().clone(), context::actor().await?))
}

/// The vocabulary an address or a form names (anything else: no such page).
#[cfg(feature = "ssr")]
fn vocabulary(text: &str) -> Result<cc_domain::vocabulary::Vocabulary, AppError> {
    cc_domain::vocabulary::Vocabulary::parse(text).ok_or(AppError::from(cc_services::ServiceError::NotFound("vocabulary")))
}

/// Both lists, for district admins.
#[server]
pub async fn load_vocabularies() -> Result<VocabularyDesk, AppError> {
    use cc_domain::vocabulary::Vocabulary;
    let (store, actor) = keeper().await?;
    Ok(VocabularyDesk {
        categories: cc_services::staff::kept_terms(&store, &actor, Vocabulary::Categories).await?,
        audiences: cc_services::staff::kept_terms(&store, &actor, Vocabulary::Audiences).await?,
    })
}

#[cfg(feature = "ssr")]
const PAGE: &str = "/staff/vocabulary";

/// The id of a term's place on the page, which a refusal returns to (the list's, for a slug
/// that could not be one: it lands in the address).
#[cfg(feature = "ssr")]
fn anchor(list: cc_domain::vocabulary::Vocabulary, slug: &str) -> String {
    let plain = slug.len() <= 30 && slug.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
    if plain { format!("{}-{slug}", list.as_str()) } else { list.as_str().to_string() }
}

/// A new term, at the end of its list.
#[server]
pub async fn add_term_form(vocabulary: String, slug: String, name: String, #[server(default)] name_en: String, #[server(default)] icon: String) -> Result<(), AppError> {
    let (store, actor) = keeper().await?;
    let list = self::vocabulary(&vocabulary)?;
    let form = format!("new-{}", list.as_str());
    let typed = [("slug", slug.clone()), ("name", name.clone()), ("name_en", name_en.clone()), ("icon", icon.clone())];
    let input = cc_domain::vocabulary::TermInput { slug, name: Some(name), name_en: Some(name_en), icon: Some(icon).filter(|i| !i.is_empty()) };
    let outcome = cc_services::staff::add_term(&store, &actor, list, &input).await;
    crate::plain_forms::back(PAGE, &form, &typed, outcome).await
}

/// New names or icon for a term.
#[server]
pub async fn change_term_form(vocabulary: String, slug: String, name: String, #[server(default)] name_en: String, #[server(default)] icon: String) -> Result<(), AppError> {
    let (store, actor) = keeper().await?;
    let list = self::vocabulary(&vocabulary)?;
    let form = anchor(list, &slug);
    let typed = [("name", name.clone()), ("name_en", name_en.clone()), ("icon", icon.clone())];
    let input = cc_domain::vocabulary::TermInput { slug: String::new(), name: Some(name), name_en: Some(name_en), icon: Some(icon).filter(|i| !i.is_empty()) };
    let outcome = cc_services::staff::change_term(&store, &actor, list, &slug, &input).await;
    crate::plain_forms::back(PAGE, &form, &typed, outcome).await
}

/// A term one place up (`direction` "up") or down its list.
#[server]
pub async fn move_term_form(vocabulary: String, slug: String, direction: String) -> Result<(), AppError> {
    let (store, actor) = keeper().await?;
    let list = self::vocabulary(&vocabulary)?;
    let outcome = cc_services::staff::move_term(&store, &actor, list, &slug, direction == "up").await;
    crate::plain_forms::back(PAGE, &anchor(list, &slug), &[], outcome).await
}

/// A term deleted, when nothing uses it.
#[server]
pub async fn delete_term_form(vocabulary: String, slug: String) -> Result<(), AppError> {
    let (store, actor) = keeper().await?;
    let list = self::vocabulary(&vocabulary)?;
    let outcome = cc_services::staff::delete_term(&store, &actor, list, &slug).await;
    // Deleted, the term's own place on the page is gone: land on its list.
    let form = if outcome.is_ok() { list.as_str().to_string() } else { anchor(list, &slug) };
    crate::plain_forms::back(PAGE, &form, &[], outcome).await
}
