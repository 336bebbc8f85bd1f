//! Server functions of the staff login and its second factor: the password, then (where the
//! account needs one) a code from an authenticator app, and setting one up. The rules live in
//! `cc_auth::StaffAuth`, shared with the staff API.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::error::AppError;

/// Where a staff login stands after the password.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum LoginStep {
    LoggedIn,
    /// Ask for the authenticator's code.
    CodeNeeded,
    /// Set up an authenticator first: scan this, or type the secret.
    EnrolNeeded(EnrolmentView),
}

/// A new authenticator to set up, as the page shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EnrolmentView {
    /// Base32, grouped for typing.
    pub secret: String,
    /// The otpauth link as an SVG QR code (a data URI).
    pub qr: String,
}

/// The logged-in member's second factor.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SecondFactorState {
    pub set_up: bool,
    pub recovery_codes_left: i64,
    /// Whether this deployment requires one for the member's role.
    pub required: bool,
}

#[cfg(feature = "ssr")]
fn view_of(enrolment: cc_auth::Enrolment) -> EnrolmentView {
    EnrolmentView { qr: enrolment.qr_data_uri(), secret: enrolment.secret }
}

/// Logs a staff member in with a password; a second factor may come next.
#[server]
pub async fn staff_log_in(username: String, password: String) -> Result<LoginStep, AppError> {
    use cc_auth::StaffLoginStep;
    let client = crate::account_fns::context::client().await;
    let session = crate::account_fns::context::session().await?;
    let auth = crate::staff_fns::context::staff_auth()?;
    Ok(match auth.login(&session, &username, &password, &client).await? {
        StaffLoginStep::LoggedIn(_) => LoginStep::LoggedIn,
        StaffLoginStep::CodeNeeded => LoginStep::CodeNeeded,
        StaffLoginStep::EnrolNeeded(enrolment) => LoginStep::EnrolNeeded(view_of(enrolment)),
    })
}

/// The code step of a login; the recovery codes when it also set the authenticator up.
#[server]
pub async fn staff_log_in_code(code: String) -> Result<Vec<String>, AppError> {
    let client = crate::account_fns::context::client().await;
    let session = crate::account_fns::context::session().await?;
    let done = crate::staff_fns::context::staff_auth()?.finish_login(&session, &code, &client).await?;
    Ok(done.recovery_codes)
}

/// The logged-in member's second factor.
#[server]
pub async fn second_factor_status() -> Result<SecondFactorState, AppError> {
    let member = crate::staff_fns::context::member().await?;
    let auth = crate::staff_fns::context::staff_auth()?;
    let (set_up, recovery_codes_left) = auth.second_factor_status(&member).await?;
    Ok(SecondFactorState { set_up, recovery_codes_left, required: auth.policy().required_for(member.scope.role) })
}

/// Starts setting up an authenticator for the logged-in member.
#[server]
pub async fn begin_second_factor() -> Result<EnrolmentView, AppError> {
    let member = crate::staff_fns::context::member().await?;
    Ok(view_of(crate::staff_fns::context::staff_auth()?.begin_enrolment(&member).await?))
}

/// Confirms the new authenticator with its first code; the recovery codes, shown once.
#[server]
pub async fn confirm_second_factor(code: String) -> Result<Vec<String>, AppError> {
    let member = crate::staff_fns::context::member().await?;
    let client = crate::account_fns::context::client().await;
    Ok(crate::staff_fns::context::staff_auth()?.confirm_enrolment(&member, &code, &client).await?)
}
