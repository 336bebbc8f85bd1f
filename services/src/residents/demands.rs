//! 点单 by residents: raise a demand (similar open ones are offered first), add a vote, and the
//! public list anyone reads.

use cc_domain::demand::{Demand, DemandQuery, NewDemand};
use cc_domain::ids::{DemandId, Id, ResidentId};
use cc_domain::time::now;
use cc_store::demands::{RaiseOutcome, VoteOutcome};
use cc_store::Store;

use crate::ServiceError;

/// The most demands one list shows.
pub const DEMANDS_PER_LIST: i64 = 100;

/// Raises a demand for the resident, who votes for it at once. Open demands of the same
/// community and category that say nearly the same are offered instead (409 `similar`, their
/// ids in the message), unless the resident asks for a new one anyway.
pub async fn raise(store: &Store, resident: ResidentId, new: &NewDemand) -> Result<Demand, ServiceError> {
    let note = new.checked_note().map_err(ServiceError::Field)?;
    let outcome = store.raise_demand(resident, &new.category, new.community_id, &note, new.new_anyway, now()).await?;
    let id = match outcome {
        RaiseOutcome::Raised(id) => id,
        RaiseOutcome::Similar(ids) => {
            let list = ids.iter().map(|id| format!("#{id}")).collect::<Vec<_>>().join(", ");
            return Err(ServiceError::refused(
                409,
                "similar",
                format!("本社区已有相似的点单（{list}），可以直接附议；如确实不同，请选择“仍要新建”。"),
                format!("Similar demands are open in this community ({list}): add your vote, or raise a new one anyway."),
            ));
        }
        RaiseOutcome::TooMany => {
            let limit = cc_domain::demand::DEMANDS_PER_DAY;
            return Err(ServiceError::refused(
                429,
                "daily_limit",
                format!("一天内最多点单{limit}项，请明天再来；也可以为已有的点单附议。"),
                format!("At most {limit} demands a day: come back tomorrow, or add your vote to existing ones."),
            ));
        }
        RaiseOutcome::UnknownCommunity => return Err(field("community_id", "请选择所在社区", "choose your community")),
        RaiseOutcome::UnknownCategory => return Err(field("category", "请选择类别", "choose a category")),
    };
    store.demand(id).await?.ok_or(ServiceError::NotFound(DemandId::NOUN))
}

/// Adds the resident's vote to a demand (once).
pub async fn vote(store: &Store, resident: ResidentId, demand: DemandId) -> Result<Demand, ServiceError> {
    match store.vote_for_demand(resident, demand, now()).await? {
        VoteOutcome::Voted => store.demand(demand).await?.ok_or(ServiceError::NotFound(DemandId::NOUN)),
        VoteOutcome::NotFound => Err(ServiceError::NotFound(DemandId::NOUN)),
        VoteOutcome::Duplicate => Err(ServiceError::refused(
            409,
            "duplicate",
            "您已附议过这项点单。",
            "You have voted for this demand already.",
        )),
        VoteOutcome::Closed => Err(ServiceError::refused(
            409,
            "closed",
            "这项点单已有答复或已合并，不再接受附议。",
            "This demand is answered or merged: it takes no more votes.",
        )),
    }
}

/// Demands as `query` asks (at most [`DEMANDS_PER_LIST`]).
pub async fn list(store: &Store, query: &DemandQuery) -> Result<Vec<Demand>, ServiceError> {
    Ok(store.demands(query, DEMANDS_PER_LIST).await?)
}

fn field(field: &'static str, zh: &'static str, en: &'static str) -> ServiceError {
    ServiceError::Field(cc_domain::authoring::FieldError { field, zh, en })
}
