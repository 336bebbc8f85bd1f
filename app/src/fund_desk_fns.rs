//! Server functions of the fund's review pages: district admins' desk on `/staff/fund` and the
//! experts' `/staff/fund/assignments`. Each form posts here and comes back to its application
//! on the page, with what happened or what went wrong.

use cc_domain::fund::boards::{Assignment, ReviewBoard};
use leptos::prelude::*;

use crate::error::AppError;

/// Every application sent to the fund, with its reviews and objections (district admins).
#[server]
pub async fn fund_desk() -> Result<Vec<ReviewBoard>, AppError> {
    use crate::staff_fns::context;
    let (store, actor) = (context::staff_auth()?.store().clone(), context::actor().await?);
    let mut boards = Vec::new();
    // One board per application: staff-sized lists (a call takes dozens, not thousands).
    for application in cc_services::staff::fund_applications(&store, &actor, None).await? {
        boards.push(cc_services::staff::review_board(&store, &actor, application.id).await?);
    }
    Ok(boards)
}

/// The applications assigned to the expert.
#[server]
pub async fn my_assignments() -> Result<Vec<Assignment>, AppError> {
    use crate::staff_fns::context;
    let (store, actor) = (context::staff_auth()?.store().clone(), context::actor().await?);
    Ok(cc_services::staff::expert::assignments(&store, &actor).await?)
}

/// Where a desk form goes back to: its application, saying what happened.
#[cfg(feature = "ssr")]
async fn back(page: &str, application: i64, outcome: Result<(), cc_services::ServiceError>) -> Result<(), AppError> {
    match outcome {
        Ok(()) => {
            leptos_axum::redirect(&format!("{page}?done={application}#application-{application}"));
            Ok(())
        }
        Err(error) => {
            let code = crate::plain_forms::problem(&error);
            let to = format!("{page}?error={code}&application={application}#application-{application}");
            crate::plain_forms::back_with_error(&to, error).await
        }
    }
}

/// Staff and the store, for a desk form.
#[cfg(feature = "ssr")]
async fn desk() -> Result<(cc_store::Store, cc_services::staff::Actor), AppError> {
    use crate::staff_fns::context;
    Ok((context::staff_auth()?.store().clone(), context::actor().await?))
}

/// Hands an application to the experts ticked (or adds them to one in review).
#[server]
pub async fn hand_to_experts_form(application_id: i64, #[server(default)] expert: Vec<String>, adding: Option<String>) -> Result<(), AppError> {
    let (store, actor) = desk().await?;
    let id = cc_domain::ids::FundApplicationId(application_id);
    let input = cc_services::staff::ExpertsInput { experts: expert.iter().filter_map(|e| e.parse().ok()).collect() };
    let done = if adding.is_some() {
        cc_services::staff::add_fund_experts(&store, &actor, id, &input).await
    } else {
        cc_services::staff::start_fund_review(&store, &actor, id, &input).await
    };
    back("/staff/fund", application_id, done.map(drop)).await
}

/// The committee's amount.
#[server]
pub async fn propose_award_form(application_id: i64, amount: String) -> Result<(), AppError> {
    let (store, actor) = desk().await?;
    let input = cc_services::staff::AwardInput { amount };
    let done = cc_services::staff::propose_fund_award(&store, &actor, cc_domain::ids::FundApplicationId(application_id), &input).await;
    back("/staff/fund", application_id, done.map(drop)).await
}

/// Not funded, with the reason.
#[server]
pub async fn decline_application_form(application_id: i64, reason: String) -> Result<(), AppError> {
    let (store, actor) = desk().await?;
    let input = cc_services::staff::DeclineInput { reason };
    let done = cc_services::staff::decline_fund_application(&store, &actor, cc_domain::ids::FundApplicationId(application_id), &input).await;
    back("/staff/fund", application_id, done.map(drop)).await
}

/// Publishes a call's proposed awards (from one of them).
#[server]
pub async fn publish_awards_form(application_id: i64, call_id: i64) -> Result<(), AppError> {
    let (store, actor) = desk().await?;
    let done = cc_services::staff::publish_fund_awards(&store, &actor, cc_domain::ids::FundCallId(call_id)).await;
    back("/staff/fund", application_id, done.map(drop)).await
}

/// Answers an objection.
#[server]
pub async fn answer_objection_form(application_id: i64, objection_id: i64, answer: String, upheld: Option<String>) -> Result<(), AppError> {
    let (store, actor) = desk().await?;
    let input = cc_domain::fund::notice::AnswerInput { answer, upheld: upheld.is_some() };
    let done = cc_services::staff::answer_fund_objection(&store, &actor, cc_domain::ids::FundObjectionId(objection_id), &input).await;
    back("/staff/fund", application_id, done.map(drop)).await
}

/// Makes an award final after its notice.
#[server]
pub async fn finalise_award_form(application_id: i64) -> Result<(), AppError> {
    let (store, actor) = desk().await?;
    let done = cc_services::staff::finalise_fund_award(&store, &actor, cc_domain::ids::FundApplicationId(application_id)).await;
    back("/staff/fund", application_id, done.map(drop)).await
}

/// An expert's declaration of any conflict of interest.
#[server]
pub async fn declare_form(application_id: i64, conflict: String, #[server(default)] statement: String) -> Result<(), AppError> {
    let (store, actor) = desk().await?;
    let input = cc_domain::fund::review::DeclarationInput { conflict: conflict == "yes", statement };
    let done = cc_services::staff::expert::declare(&store, &actor, cc_domain::ids::FundApplicationId(application_id), &input).await;
    back("/staff/fund/assignments", application_id, done.map(drop)).await
}

/// An expert's scores: `criterion` and `points` side by side, one pair per criterion.
#[server]
pub async fn score_form(application_id: i64, #[server(default)] criterion: Vec<i64>, #[server(default)] points: Vec<String>, #[server(default)] comment: String) -> Result<(), AppError> {
    use cc_domain::fund::review::{Points, ScoreInput};
    let (store, actor) = desk().await?;
    // A blank or garbled score is sent as -1, which the rules refuse naming `scores`.
    let scores = criterion
        .iter()
        .zip(points.iter().chain(std::iter::repeat(&String::new())))
        .map(|(c, p)| Points { criterion_id: cc_domain::ids::FundCriterionId(*c), points: p.trim().parse().unwrap_or(-1) })
        .collect();
    let input = ScoreInput { scores, comment };
    let done = cc_services::staff::expert::score(&store, &actor, cc_domain::ids::FundApplicationId(application_id), &input).await;
    back("/staff/fund/assignments", application_id, done.map(drop)).await
}

/// Records the signed agreement (the first half is paid).
#[server]
pub async fn sign_agreement_form(application_id: i64, number: String, signed_on: String) -> Result<(), AppError> {
    let (store, actor) = desk().await?;
    let input = cc_domain::fund::payments::AgreementInput { number, signed_on };
    let done = cc_services::staff::sign_fund_agreement(&store, &actor, cc_domain::ids::FundApplicationId(application_id), &input).await;
    back("/staff/fund", application_id, done.map(drop)).await
}

/// Releases the mid-term payment.
#[server]
pub async fn release_payment_form(application_id: i64, evidence: String) -> Result<(), AppError> {
    let (store, actor) = desk().await?;
    let input = cc_services::staff::EvidenceInput { evidence };
    let done = cc_services::staff::release_fund_payment(&store, &actor, cc_domain::ids::FundApplicationId(application_id), &input).await;
    back("/staff/fund", application_id, done.map(drop)).await
}

/// Accepts the final report (验收).
#[server]
pub async fn accept_application_form(application_id: i64, evidence: String) -> Result<(), AppError> {
    let (store, actor) = desk().await?;
    let input = cc_services::staff::EvidenceInput { evidence };
    let done = cc_services::staff::accept_fund_application(&store, &actor, cc_domain::ids::FundApplicationId(application_id), &input).await;
    back("/staff/fund", application_id, done.map(drop)).await
}

/// Reclaims money paid.
#[server]
pub async fn claw_back_form(application_id: i64, amount: String, reason: String) -> Result<(), AppError> {
    let (store, actor) = desk().await?;
    let input = cc_domain::fund::payments::ClawbackInput { amount, reason };
    let done = cc_services::staff::claw_back_fund(&store, &actor, cc_domain::ids::FundApplicationId(application_id), &input).await;
    back("/staff/fund", application_id, done.map(drop)).await
}

/// The unit sends a report, then back to its application.
#[server]
pub async fn send_report_form(application_id: i64, kind: String, body: String) -> Result<(), AppError> {
    use crate::account_fns::context;
    let (store, resident) = (context::auth()?.accounts.store().clone(), context::resident().await?);
    let page = format!("/org/applications/{application_id}");
    let Some(report) = cc_domain::fund::payments::ReportKind::parse(&kind) else {
        return Err(AppError::from(cc_services::ServiceError::NotFound("report")));
    };
    let input = cc_domain::fund::payments::ReportInput { kind: report, body: body.clone() };
    match cc_services::residents::fund_application::report(&store, resident, cc_domain::ids::FundApplicationId(application_id), &input).await {
        Ok(_) => {
            leptos_axum::redirect(&format!("{page}?report={kind}&sent=1#report-{kind}"));
            Ok(())
        }
        Err(error) => {
            let code = crate::plain_forms::problem(&error);
            let mut pairs = vec![("report", kind.clone()), ("error", code.to_string())];
            pairs.extend(crate::plain_forms::typed_back(code, "body", body).map(|typed| ("typed", typed)));
            let to = format!("{page}?{}#report-{kind}", cc_domain::query::query_string(pairs));
            crate::plain_forms::back_with_error(&to, error).await
        }
    }
}
