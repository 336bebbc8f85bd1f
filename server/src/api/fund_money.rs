//! Money after an award, through the API: district admins record the agreement, release the
//! mid-term payment, accept the final report or reclaim money; the unit sends its reports.
//! The rules are `cc_services`'; these extract, call and serialise.

use axum::extract::State;
use axum::Json;
use cc_auth::StaffAuth;
use cc_domain::fund::payments::{AgreementInput, ClawbackInput, ReportInput};
use cc_domain::fund::FundApplication;
use cc_domain::ids::FundApplicationId;
use cc_services::staff::{EvidenceInput, ReviewBoard};
use cc_store::Store;

use super::error::{ApiError, ErrorBody};
use super::resident::{Body, PathId, Resident};
use super::staff::StaffActor;

/// Declares a staff money step: its path, summary, body, service and the codes it answers.
macro_rules! money_step {
    ($name:ident, $path:literal, $id:literal, $summary:literal, $input:ty, $service:path, $conflicts:literal) => {
        #[doc = $summary]
        #[utoipa::path(
            post, path = $path, operation_id = $id, tag = "staff", summary = $summary,
            security(("cookieAuth" = [])),
            params(("id" = i64, Path, description = "The application's id", minimum = 1)),
            request_body = $input,
            responses(
                (status = 200, description = "Done: the application's board", body = ReviewBoard),
                (status = 400, description = concat!(says!(bad_field), "; ", says!(bad_request)), body = ErrorBody),
                (status = 401, description = says!(unauthenticated), body = ErrorBody),
                (status = 403, description = concat!(says!(forbidden), "; ", says!(cross_site)), body = ErrorBody),
                (status = 404, description = "`not_found`", body = ErrorBody),
                (status = 409, description = $conflicts, body = ErrorBody),
                (status = 413, description = says!(too_large), body = ErrorBody),
            )
        )]
        pub async fn $name(
            State(auth): State<StaffAuth>,
            StaffActor(actor): StaffActor,
            PathId(id): PathId<FundApplicationId>,
            Body(input): Body<$input>,
        ) -> Result<Json<ReviewBoard>, ApiError> {
            Ok(Json($service(auth.store(), &actor, id, &input).await?))
        }
    };
}

money_step!(agreement, "/staff/fund/applications/{id}/agreement", "sign_fund_agreement",
    "Record the signed agreement of an award; the first half is paid (district admins; audited)",
    AgreementInput, cc_services::staff::sign_fund_agreement, "`not_now`: not awarded");
money_step!(payment, "/staff/fund/applications/{id}/payments", "release_fund_payment",
    "Release the mid-term payment (30 %) on the unit's mid-term report (district admins; audited)",
    EvidenceInput, cc_services::staff::release_fund_payment, "`no_report`; `stage_order`; `not_now`: not under agreement");
money_step!(acceptance, "/staff/fund/applications/{id}/acceptance", "accept_fund_application",
    "Accept the final report — the acceptance, 验收 — and pay the last 20 % (district admins; audited)",
    EvidenceInput, cc_services::staff::accept_fund_application, "`no_report`; `stage_order`; `not_now`: not under agreement");
money_step!(clawback, "/staff/fund/applications/{id}/clawback", "claw_back_fund",
    "Reclaim money paid (at most what was paid), saying why; the unit is told (district admins; audited)",
    ClawbackInput, cc_services::staff::claw_back_fund, "`not_now`: not under agreement");

/// `POST /org/applications/{id}/reports`.
#[utoipa::path(
    post, path = "/org/applications/{id}/reports", operation_id = "send_fund_report", tag = "organisations",
    summary = "Send (or send again) the mid-term or final report of an application under agreement",
    security(("cookieAuth" = [])),
    params(("id" = i64, Path, description = "The application's id", minimum = 1)),
    request_body = ReportInput,
    responses(
        (status = 200, description = "Sent: the application", body = FundApplication),
        (status = 400, description = concat!(says!(bad_field), " (`body`); ", says!(bad_request)), body = ErrorBody),
        (status = 401, description = says!(unauthenticated), body = ErrorBody),
        (status = 403, description = concat!("`unit_not_verified`; ", says!(cross_site)), body = ErrorBody),
        (status = 404, description = "`not_found`", body = ErrorBody),
        (status = 409, description = "`not_now`: not under agreement; `report_closed`: the mid-term payment was released on it", body = ErrorBody),
        (status = 413, description = says!(too_large), body = ErrorBody),
    )
)]
pub async fn report(
    State(store): State<Store>,
    Resident(resident): Resident,
    PathId(id): PathId<FundApplicationId>,
    Body(input): Body<ReportInput>,
) -> Result<Json<FundApplication>, ApiError> {
    Ok(Json(cc_services::residents::fund_application::report(&store, resident, id, &input).await?))
}
