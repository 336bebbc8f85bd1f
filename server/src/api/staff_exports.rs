//! Exports: a session's bookings and attendance, and the compliance table, as CSV or XLSX.

use axum::extract::State;
use axum::response::{IntoResponse, Response};
use cc_auth::StaffAuth;
use cc_domain::ids::SessionId;
use cc_services::staff::export::Table;
use http::{header, HeaderValue};

use super::error::{ApiError, ErrorBody};
use super::resident::PathId;
use super::staff::StaffActor;

/// The file format asked for by the path's extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileFormat {
    Csv,
    Xlsx,
}

pub(super) fn file(table: &Table, name: &str, format: FileFormat) -> Result<Response, ApiError> {
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
async fn session_bookings(
    format: FileFormat,
    State(auth): State<StaffAuth>,
    PathId(session): PathId<SessionId>,
    StaffActor(actor): StaffActor,
) -> Result<impl IntoResponse, ApiError> {
    let table = cc_services::staff::export::session_bookings(auth.store(), &actor, session).await?;
    file(&table, &format!("session-{session}-bookings"), format)
}

/// `GET /staff/compliance.{csv,xlsx}`.
async fn compliance(
    format: FileFormat,
    State(auth): State<StaffAuth>,
    StaffActor(actor): StaffActor,
) -> Result<impl IntoResponse, ApiError> {
    let table = cc_services::staff::export::compliance(auth.store(), &actor).await?;
    file(&table, "compliance", format)
}

const XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/// Declares one export operation per format: the document describes each path on its own.
macro_rules! exports {
    ($($name:ident: $path:literal, $format:expr, $kind:expr, $summary:literal, $use:ident;)*) => {$(
        exports!(@$use $name, $path, $format, $kind, $summary);
    )*};
    (@session $name:ident, $path:literal, $format:expr, $kind:expr, $summary:literal) => {
        #[doc = $summary]
        #[utoipa::path(
            get, path = $path, tag = "staff", summary = $summary,
            security(("cookieAuth" = [])),
            params(("id" = i64, Path, description = "The session's id", minimum = 1)),
            responses(
                (status = 200, description = "The file", content_type = $kind, body = String),
                (status = 401, description = says!(unauthenticated), body = ErrorBody),
                (status = 403, description = says!(forbidden), body = ErrorBody),
                (status = 404, description = "`not_found`: no such session", body = ErrorBody),
            )
        )]
        pub async fn $name(
            state: State<StaffAuth>,
            session: PathId<SessionId>,
            actor: StaffActor,
        ) -> Result<impl IntoResponse, ApiError> {
            session_bookings($format, state, session, actor).await
        }
    };
    (@table $name:ident, $path:literal, $format:expr, $kind:expr, $summary:literal) => {
        #[doc = $summary]
        #[utoipa::path(
            get, path = $path, tag = "staff", summary = $summary,
            security(("cookieAuth" = [])),
            responses(
                (status = 200, description = "The file", content_type = $kind, body = String),
                (status = 401, description = says!(unauthenticated), body = ErrorBody),
                (status = 403, description = says!(forbidden), body = ErrorBody),
            )
        )]
        pub async fn $name(state: State<StaffAuth>, actor: StaffActor) -> Result<impl IntoResponse, ApiError> {
            compliance($format, state, actor).await
        }
    };
}

exports! {
    session_bookings_csv: "/staff/sessions/{id}/bookings.csv", FileFormat::Csv, "text/csv",
        "A session's bookings and attendance as CSV (numbers masked unless district admin or the facility's manager; audited)", session;
    session_bookings_xlsx: "/staff/sessions/{id}/bookings.xlsx", FileFormat::Xlsx, XLSX,
        "A session's bookings and attendance as XLSX (numbers masked unless district admin or the facility's manager; audited)", session;
    compliance_csv: "/staff/compliance.csv", FileFormat::Csv, "text/csv",
        "Compliance and coverage per street as CSV (district admins and reviewers: every street; street admins: their own)", table;
    compliance_xlsx: "/staff/compliance.xlsx", FileFormat::Xlsx, XLSX,
        "Compliance and coverage per street as XLSX (district admins and reviewers: every street; street admins: their own)", table;
}
