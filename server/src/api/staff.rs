//! Staff endpoints: `POST /staff/login`, `POST /staff/logout`, `GET /staff/me`, and door
//! check-in, `POST /staff/sessions/{id}/checkins`. Every write and every refusal is audited.

use axum::body::Bytes;
use axum::extract::{FromRef, FromRequestParts, Path, State};
use axum::response::{IntoResponse, Response};
use axum::Json;
use cc_auth::{current_staff, log_in_staff, log_out_staff, StaffAuth};
use cc_domain::staff::StaffScope;
use cc_domain::ticket::TicketSigner;
use cc_domain::time::local;
use cc_store::staff::{AuditEntry, StaffMember};
use cc_store::CheckInOutcome;
use http::request::Parts;
use http::{HeaderMap, StatusCode};
use serde::Deserialize;
use serde_json::json;
use tower_sessions::Session;

use super::error::{locale_of, respond, ApiError};
use super::resident::{json_body, ClientAddress};

/// The logged-in staff member; a request without one is answered 401.
pub struct Staff(pub StaffMember);

impl<S> FromRequestParts<S> for Staff
where
    StaffAuth: FromRef<S>,
    S: Send + Sync,
{
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        let auth = StaffAuth::from_ref(state);
        let session = Session::from_request_parts(parts, state)
            .await
            .map_err(|(_, e)| ApiError::Internal(anyhow::anyhow!("session layer missing: {e}")))?;
        current_staff(&session, auth.store()).await?.map(Staff).ok_or(ApiError::Unauthenticated)
    }
}

fn staff_json(member: &StaffMember) -> serde_json::Value {
    let StaffScope { role, street_id, facility_ids } = &member.scope;
    json!({
        "id": member.id,
        "username": member.username,
        "display_name": member.display_name,
        "role": role.as_str(),
        "street_id": street_id,
        "facility_ids": facility_ids,
    })
}

#[derive(Deserialize)]
struct LoginRequest {
    username: String,
    password: String,
}

/// Logs a staff member in: 200 with their account and scope.
pub async fn login(
    State(auth): State<StaffAuth>,
    ClientAddress(client): ClientAddress,
    session: Session,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let result = async {
        let request: LoginRequest = json_body(&body)?;
        let member = auth.login(&request.username, &request.password, &client).await?;
        log_in_staff(&session, member.id).await?;
        Ok(Json(staff_json(&member)))
    };
    respond(&headers, result.await)
}

/// Ends the staff session: 204.
pub async fn logout(session: Session, headers: HeaderMap) -> Response {
    let result = async {
        log_out_staff(&session).await?;
        Ok(StatusCode::NO_CONTENT)
    };
    respond(&headers, result.await)
}

/// The logged-in staff member.
pub async fn me(headers: HeaderMap, staff: Result<Staff, ApiError>) -> Response {
    respond(&headers, staff.map(|Staff(member)| Json(staff_json(&member))))
}

#[derive(Deserialize)]
struct CheckInRequest {
    /// The scanned token (`CC1.…`) or the 12-character code read out by the resident.
    ticket: String,
}

/// Lets a ticket holder in: 200 checked in; 409 `already_checked_in`, `other_session`,
/// `no_place`; 404 for an unknown code; 400 `invalid_ticket` for a forged or damaged token;
/// 403 outside the staff member's facilities.
pub async fn check_in(
    State(auth): State<StaffAuth>,
    State(signer): State<TicketSigner>,
    ClientAddress(client): ClientAddress,
    headers: HeaderMap,
    Path(session): Path<String>,
    staff: Result<Staff, ApiError>,
    body: Bytes,
) -> Response {
    let result = async {
        let Staff(member) = staff?;
        let session: i64 = session.parse().map_err(|_| ApiError::NotFound("session"))?;
        let store = auth.store();
        let place = store.session_place(session).await?.ok_or(ApiError::NotFound("session"))?;
        let mut audit = AuditEntry {
            staff_id: Some(member.id),
            role: member.scope.role.as_str().into(),
            action: "check_in".into(),
            object_type: "session".into(),
            object_id: Some(session),
            client,
            ..AuditEntry::default()
        };
        if !member.scope.can_check_in_at(place) {
            audit.refused = true;
            store.append_audit(&audit).await?;
            return Err(ApiError::Forbidden);
        }
        let request: CheckInRequest = json_body(&body)?;
        let ticket = request.ticket.trim();
        let (code, booking_id) = if ticket.to_ascii_uppercase().starts_with("CC1.") {
            let claim = signer.verify(ticket).ok_or_else(|| {
                ApiError::Conflict(
                    StatusCode::BAD_REQUEST,
                    "invalid_ticket",
                    "电子票签名无效：票可能是伪造的或已损坏。",
                    "The ticket's signature is not valid: it is forged or damaged.",
                )
            })?;
            (claim.code, Some(claim.booking_id))
        } else {
            (ticket.to_ascii_uppercase(), None)
        };
        match store.check_in(session, &code, booking_id, member.id).await? {
            CheckInOutcome::CheckedIn { booking_id } => {
                audit.object_type = "booking".into();
                audit.object_id = Some(booking_id);
                audit.before = Some(json!({ "status": "confirmed" }).to_string());
                audit.after = Some(json!({ "status": "attended", "session_id": session }).to_string());
                store.append_audit(&audit).await?;
                Ok(Json(json!({ "booking_id": booking_id, "status": "attended" })).into_response())
            }
            CheckInOutcome::AlreadyCheckedIn { booking_id, at } => Ok((
                StatusCode::CONFLICT,
                Json(json!({ "error": {
                    "code": "already_checked_in",
                    "message": match locale_of(&headers) {
                        cc_domain::Locale::Zh => format!("这张票已于 {} 签到，不能重复使用。", local(at).format("%H:%M")),
                        cc_domain::Locale::En => format!("This ticket was already checked in at {}.", local(at).format("%H:%M")),
                    },
                    "booking_id": booking_id,
                }})),
            )
                .into_response()),
            CheckInOutcome::OtherSession => Err(ApiError::Conflict(
                StatusCode::CONFLICT,
                "other_session",
                "这张票属于另一场次。",
                "This ticket is for another session.",
            )),
            CheckInOutcome::NoPlace(_) => Err(ApiError::Conflict(
                StatusCode::CONFLICT,
                "no_place",
                "这张票没有有效名额（已取消或仍在候补）。",
                "This ticket holds no place (cancelled or still waitlisted).",
            )),
            CheckInOutcome::Unknown => Err(ApiError::NotFound("ticket")),
        }
    };
    respond(&headers, result.await)
}
