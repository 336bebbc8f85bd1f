//! Server functions of 点单: the public `/demands` page with its forms (raise, vote) and the
//! staff's `/staff/demands` (answer, merge). The forms post straight here (no script needed)
//! and come back to their page, with what went wrong as a code the page words and what was
//! typed kept (`plain_forms::back_with_error`).

use cc_domain::demand::Demand;
use cc_domain::ids::DemandId;
use cc_domain::{Named, StreetWithCommunities};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::error::AppError;

/// What `/demands` shows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DemandsPage {
    /// The list the filters ask for.
    pub demands: Vec<Demand>,
    /// The district's ten with most votes, still open or planned (only without filters).
    pub top: Vec<Demand>,
    pub streets: Vec<StreetWithCommunities>,
    pub categories: Vec<Named>,
    pub logged_in: bool,
    /// The demands this resident voted for.
    pub voted: Vec<DemandId>,
}

/// The demands for a URL query string (parsed here, never trusted as sent).
#[server]
pub async fn load_demands(query_string: String) -> Result<DemandsPage, AppError> {
    use cc_domain::demand::{DemandQuery, DemandStatus};
    let store = crate::public_fns::store()?;
    let query = DemandQuery::parse_query_string(&query_string)?;
    let demands = cc_services::residents::demands::list(&store, &query).await?;
    // The unfiltered board leads with the district's TOP10: the default list is sorted by votes.
    let top = if query == DemandQuery::default() {
        let open = demands.iter().filter(|d| matches!(d.status, DemandStatus::Open | DemandStatus::Planned));
        open.take(10).cloned().collect()
    } else {
        Vec::new()
    };
    let resident = crate::account_fns::context::resident().await.ok();
    let voted = match resident {
        Some(resident) => store.demands_voted_by(resident).await?,
        None => Vec::new(),
    };
    Ok(DemandsPage {
        demands,
        top,
        streets: store.streets().await?,
        categories: cc_domain::vocabulary::names(store.categories().await?),
        logged_in: resident.is_some(),
        voted,
    })
}

/// Raises a demand from the page's form, then goes back to the page.
#[server]
pub async fn raise_demand_form(
    category: String,
    community_id: Option<i64>,
    note: String,
    new_anyway: Option<String>,
) -> Result<(), AppError> {
    use crate::account_fns::context;
    let (store, resident) = (context::auth()?.accounts.store().clone(), context::resident().await?);
    let new = cc_domain::demand::NewDemand {
        category: category.clone(),
        community_id: community_id.unwrap_or(0),
        note: note.clone(),
        new_anyway: new_anyway.is_some(),
    };
    match cc_services::residents::demands::raise(&store, resident, &new).await {
        Ok(demand) => {
            leptos_axum::redirect(&format!("/demands?sort=recent&raised={}#demand-{}", demand.id, demand.id));
            Ok(())
        }
        Err(error) => {
            // Back with what was typed; a similar one is shown in the list of that community.
            let mut pairs = vec![
                ("category", category),
                ("typed", note),
                ("error", crate::plain_forms::problem(&error).to_string()),
            ];
            if let Some(community) = community_id.filter(|id| *id > 0) {
                pairs.push(("community", community.to_string()));
            }
            let page = format!("/demands?{}#raise", cc_domain::query::query_string(pairs));
            crate::plain_forms::back_with_error(&page, error).await
        }
    }
}

/// Adds the resident's vote from the page's button, then goes back to the demand.
#[server]
pub async fn vote_demand_form(demand_id: i64) -> Result<(), AppError> {
    use crate::account_fns::context;
    let (store, resident) = (context::auth()?.accounts.store().clone(), context::resident().await?);
    match cc_services::residents::demands::vote(&store, resident, DemandId(demand_id)).await {
        Ok(_) => {
            leptos_axum::redirect(&format!("/demands?voted={demand_id}#demand-{demand_id}"));
            Ok(())
        }
        Err(error) => {
            let page = format!("/demands?error={}&demand={demand_id}#demand-{demand_id}", crate::plain_forms::problem(&error));
            crate::plain_forms::back_with_error(&page, error).await
        }
    }
}

/// The demands the staff member may answer.
#[server]
pub async fn demands_to_answer() -> Result<Vec<Demand>, AppError> {
    use crate::staff_fns::context;
    let (store, actor) = (context::staff_auth()?.store().clone(), context::actor().await?);
    Ok(cc_services::staff::demands_to_answer(&store, &actor).await?)
}

/// Answers a demand from the staff page's form, then goes back to it.
#[server]
pub async fn answer_demand_form(demand_id: i64, status: String, note: String, item_id: String) -> Result<(), AppError> {
    use crate::staff_fns::context;
    let (store, actor) = (context::staff_auth()?.store().clone(), context::actor().await?);
    let item_id = item_id.trim();
    let request = cc_domain::demand::AnswerRequest {
        status,
        note: Some(note),
        // A number that is not one is no item: the answer names the field.
        item_id: if item_id.is_empty() { None } else { Some(item_id.parse().unwrap_or(0)) },
    };
    let answered = cc_services::staff::answer_demand(&store, &actor, DemandId(demand_id), &request).await;
    staff_back(demand_id, answered.map(|_| ())).await
}

/// Merges a demand into another from the staff page's form, then goes back to it.
#[server]
pub async fn merge_demand_form(demand_id: i64, into: String) -> Result<(), AppError> {
    use crate::staff_fns::context;
    let (store, actor) = (context::staff_auth()?.store().clone(), context::actor().await?);
    let into = DemandId(into.trim().trim_start_matches('#').parse().unwrap_or(0));
    let merged = cc_services::staff::merge_demands(&store, &actor, DemandId(demand_id), into).await;
    staff_back(demand_id, merged).await
}

#[cfg(feature = "ssr")]
async fn staff_back(demand_id: i64, done: Result<(), cc_services::ServiceError>) -> Result<(), AppError> {
    match done {
        Ok(()) => {
            leptos_axum::redirect(&format!("/staff/demands?answered={demand_id}#demand-{demand_id}"));
            Ok(())
        }
        Err(error) => {
            let page = format!("/staff/demands?error={}&demand={demand_id}#demand-{demand_id}", crate::plain_forms::problem(&error));
            crate::plain_forms::back_with_error(&page, error).await
        }
    }
}
