//! 点单: residents raise demands and vote for them; anyone reads them (and the map's layer);
//! staff in scope answer or merge them. The rules are `cc_services`'; these extract, call and
//! serialise.

use axum::extract::{RawQuery, State};
use axum::Json;
use cc_auth::StaffAuth;
use cc_domain::demand::{AnswerRequest, Demand, DemandQuery, NewDemand};
use cc_domain::ids::DemandId;
use cc_services::residents::demands;
use cc_store::demands::CommunityDemands;
use cc_store::Store;
use http::StatusCode;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::error::{ApiError, ErrorBody};
use super::resident::{Body, PathId, Resident};
use super::staff::StaffActor;

/// `GET /demands`: the list, TOP board first (`sort=votes`) or newest first.
#[utoipa::path(
    get, path = "/demands", operation_id = "list_demands", tag = "demands",
    summary = "Residents' demands, most votes or newest first (at most 100); merged ones only when asked for",
    params(
        ("street" = Option<String>, Query, description = "A street's slug (see /streets)", pattern = "^([a-z0-9-]{1,40})?$"),
        ("community" = Option<i64>, Query, description = "A community's id", minimum = 1),
        ("category" = Option<String>, Query, description = "A category's slug", pattern = "^([a-z0-9-]{1,40})?$"),
        ("status" = Option<String>, Query, description = "open, planned, delivered, declined or merged", pattern = "^(open|planned|delivered|declined|merged)?$"),
        ("sort" = Option<String>, Query, description = "votes (the default) or recent", pattern = "^(votes|recent)?$"),
    ),
    responses(
        (status = 200, description = "Demands", body = Vec<Demand>),
        (status = 400, description = says!(bad_parameter), body = ErrorBody),
    )
)]
pub async fn list(State(store): State<Store>, RawQuery(qs): RawQuery) -> Result<Json<Vec<Demand>>, ApiError> {
    let query = DemandQuery::parse_query_string(qs.as_deref().unwrap_or(""))?;
    Ok(Json(demands::list(&store, &query).await?))
}

/// `POST /demands`: 201 with the demand (its raiser's vote counted).
#[utoipa::path(
    post, path = "/demands", operation_id = "raise_demand", tag = "demands",
    summary = "Raise a demand in my community: similar open ones are offered first (409 `similar`), unless `new_anyway`",
    security(("cookieAuth" = [])),
    request_body = NewDemand,
    responses(
        (status = 201, description = "Raised, with my vote", body = Demand),
        (status = 400, description = concat!(says!(bad_field), " (`note` 2–200 characters, `category`, `community_id`); ", says!(bad_request)), body = ErrorBody),
        (status = 401, description = says!(unauthenticated), body = ErrorBody),
        (status = 403, description = says!(cross_site), body = ErrorBody),
        (status = 409, description = "`similar`: open demands in the community and category say nearly the same (the message lists them)", body = ErrorBody),
        (status = 413, description = says!(too_large), body = ErrorBody),
        (status = 429, description = "`daily_limit`: five demands per resident in 24 hours", body = ErrorBody),
    )
)]
pub async fn raise(
    State(store): State<Store>,
    Resident(resident): Resident,
    Body(new): Body<NewDemand>,
) -> Result<(StatusCode, Json<Demand>), ApiError> {
    Ok((StatusCode::CREATED, Json(demands::raise(&store, resident, &new).await?)))
}

/// `POST /demands/{id}/votes`: 201, once per resident.
#[utoipa::path(
    post, path = "/demands/{id}/votes", operation_id = "vote_for_demand", tag = "demands",
    summary = "Add my vote to a demand: once",
    security(("cookieAuth" = [])),
    params(("id" = i64, Path, description = "The demand's id", minimum = 1)),
    responses(
        (status = 201, description = "Counted: the demand now", body = Demand),
        (status = 401, description = says!(unauthenticated), body = ErrorBody),
        (status = 403, description = says!(cross_site), body = ErrorBody),
        (status = 404, description = "`not_found`: no such demand", body = ErrorBody),
        (status = 409, description = "`duplicate`: my vote is there already; `closed`: answered or merged", body = ErrorBody),
    )
)]
pub async fn vote(
    State(store): State<Store>,
    Resident(resident): Resident,
    PathId(demand): PathId<DemandId>,
) -> Result<(StatusCode, Json<Demand>), ApiError> {
    Ok((StatusCode::CREATED, Json(demands::vote(&store, resident, demand).await?)))
}

/// `GET /demands/map`: open demands per community, for the map's layer.
#[utoipa::path(
    get, path = "/demands/map", operation_id = "demand_map", tag = "demands",
    summary = "Open and planned demands per community, placed at its facilities (the map's demand layer)",
    responses((status = 200, description = "Communities with open demands", body = Vec<CommunityDemandsDoc>))
)]
pub async fn map(State(store): State<Store>) -> Result<Json<Vec<CommunityDemands>>, ApiError> {
    Ok(Json(store.demands_by_community().await?))
}

/// One community on the demand layer.
#[derive(Serialize, ToSchema)]
#[allow(dead_code)] // the document's picture of `CommunityDemands`
pub struct CommunityDemandsDoc {
    community_id: i64,
    community: String,
    street: String,
    lat: f64,
    lng: f64,
    demands: i64,
    votes: i64,
}

/// How many residents were told of an answer.
#[derive(Serialize, ToSchema)]
pub struct Answered {
    id: i64,
    told: usize,
}

/// `POST /staff/demands/{id}/answer`.
#[utoipa::path(
    post, path = "/staff/demands/{id}/answer", operation_id = "answer_demand", tag = "staff",
    summary = "Answer a demand: planned, delivered (with the published item) or declined (with the reason); everyone who voted is told (district admins; street admins in their street)",
    security(("cookieAuth" = [])),
    params(("id" = i64, Path, description = "The demand's id", minimum = 1)),
    request_body = AnswerRequest,
    responses(
        (status = 200, description = "Answered", body = Answered),
        (status = 400, description = concat!(says!(bad_field), "; ", says!(bad_request)), body = ErrorBody),
        (status = 401, description = says!(unauthenticated), body = ErrorBody),
        (status = 403, description = concat!(says!(forbidden), "; ", says!(cross_site)), body = ErrorBody),
        (status = 404, description = "`not_found`: no such demand", body = ErrorBody),
        (status = 409, description = "`merged`: it was merged into another demand", body = ErrorBody),
        (status = 413, description = says!(too_large), body = ErrorBody),
    )
)]
pub async fn answer(
    State(auth): State<StaffAuth>,
    PathId(demand): PathId<DemandId>,
    StaffActor(actor): StaffActor,
    Body(body): Body<AnswerRequest>,
) -> Result<Json<Answered>, ApiError> {
    let told = cc_services::staff::answer_demand(auth.store(), &actor, demand, &body).await?;
    Ok(Json(Answered { id: demand.0, told }))
}

/// Which demand another is merged into.
#[derive(Deserialize, ToSchema)]
pub struct MergeRequest {
    #[schema(minimum = 1)]
    into: i64,
}

/// `POST /staff/demands/{id}/merge`.
#[utoipa::path(
    post, path = "/staff/demands/{id}/merge", operation_id = "merge_demand", tag = "staff",
    summary = "Merge a demand into another that says the same: its votes move there (once per resident)",
    security(("cookieAuth" = [])),
    params(("id" = i64, Path, description = "The demand merged away", minimum = 1)),
    request_body = MergeRequest,
    responses(
        (status = 204, description = "Merged"),
        (status = 400, description = says!(bad_request), body = ErrorBody),
        (status = 401, description = says!(unauthenticated), body = ErrorBody),
        (status = 403, description = concat!(says!(forbidden), "; ", says!(cross_site)), body = ErrorBody),
        (status = 404, description = "`not_found`: no such demand", body = ErrorBody),
        (status = 409, description = "`not_mergeable`: the same demand, or one already merged", body = ErrorBody),
        (status = 413, description = says!(too_large), body = ErrorBody),
    )
)]
pub async fn merge(
    State(auth): State<StaffAuth>,
    PathId(demand): PathId<DemandId>,
    StaffActor(actor): StaffActor,
    Body(body): Body<MergeRequest>,
) -> Result<StatusCode, ApiError> {
    cc_services::staff::merge_demands(auth.store(), &actor, demand, DemandId(body.into)).await?;
    Ok(StatusCode::NO_CONTENT)
}
