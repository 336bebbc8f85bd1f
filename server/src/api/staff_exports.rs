//! Exports: a session's bookings and attendance, and the compliance table, as CSV or XLSX.

use axum::extract::State;
use axum::response::{IntoResponse, Response};
use cc_auth::StaffAuth;
use cc_domain::ids::SessionId;
use cc_services::staff::export::Table;
use http::{header, HeaderValue};

use super::error::ApiError;
use super::resident::PathId;
use super::staff::StaffActor;

/// The file format asked for by the path's extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileFormat {
    Csv,
    Xlsx,
}

fn file(table: &Table, name: &str, format: FileFormat) -> Result<Response, ApiError> {
    let (body, kind, extension) = match format {
        FileFormat::Csv => (table.to_csv().into_bytes(), "text/csv; charset=utf-8", "csv"),
        FileFormat::Xlsx => {
            (table.to_xlsx()?, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx")
        }
    };
    let disposition = format!("attachment; filename=\"{name}.{extension}\"");
    let mut response = body.into_response();
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(kind));
    headers.insert(header::CONTENT_DISPOSITION, HeaderValue::from_str(&disposition).expect("ascii name"));
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("private, no-store"));
    Ok(response)
}

/// `GET /staff/sessions/{id}/bookings.{csv,xlsx}`.
pub async fn session_bookings(
    format: FileFormat,
    State(auth): State<StaffAuth>,
    PathId(SessionId(session)): PathId<SessionId>,
    StaffActor(actor): StaffActor,
) -> Result<impl IntoResponse, ApiError> {
    let table = cc_services::staff::export::session_bookings(auth.store(), &actor, session).await?;
    file(&table, &format!("session-{session}-bookings"), format)
}

/// `GET /staff/compliance.{csv,xlsx}`.
pub async fn compliance(
    format: FileFormat,
    State(auth): State<StaffAuth>,
    StaffActor(actor): StaffActor,
) -> Result<impl IntoResponse, ApiError> {
    let table = cc_services::staff::export::compliance(auth.store(), &actor).await?;
    file(&table, "compliance", format)
}
