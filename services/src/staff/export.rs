//! Exports as CSV and XLSX: a table built once, written in either format. Phone numbers are
//! masked unless the staff member's role may see them; every export is audited (it is personal
//! data leaving the system).

use cc_domain::account::mask_phone;
use cc_domain::booking::BookingStatus;
use cc_domain::staff::{Place, Role};
use cc_domain::time::local;
use cc_domain::Locale;
use cc_store::Store;
use rust_xlsxwriter::{Format, Workbook};

use super::{refuse, Actor};
use crate::ServiceError;
use cc_domain::ids::SessionId;

/// A cell: text or a number.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Text(String),
    Number(f64),
}

/// A titled table with a header row.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    pub title: String,
    pub headers: Vec<&'static str>,
    pub rows: Vec<Vec<Cell>>,
}

impl Table {
    /// RFC 4180 CSV with a UTF-8 byte-order mark (so Excel reads Chinese correctly). Cells that
    /// a spreadsheet would run as formulas (`=`, `+`, `-`, `@`, and a leading tab or carriage
    /// return, which some spreadsheets skip before reading one) are prefixed with `'`.
    pub fn to_csv(&self) -> String {
        let quote = |text: &str| {
            let text = if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
                format!("'{text}")
            } else {
                text.to_string()
            };
            if text.contains([',', '"', '\n', '\r']) {
                format!("\"{}\"", text.replace('"', "\"\""))
            } else {
                text
            }
        };
        let mut out = String::from("\u{feff}");
        out.push_str(&self.headers.iter().map(|h| quote(h)).collect::<Vec<_>>().join(","));
        out.push_str("\r\n");
        for row in &self.rows {
            let cells: Vec<String> = row
                .iter()
                .map(|c| match c {
                    Cell::Text(t) => quote(t),
                    Cell::Number(n) => n.to_string(),
                })
                .collect();
            out.push_str(&cells.join(","));
            out.push_str("\r\n");
        }
        out
    }

    /// One worksheet with a bold header row.
    pub fn to_xlsx(&self) -> Result<Vec<u8>, ServiceError> {
        let failed = |e: rust_xlsxwriter::XlsxError| {
            ServiceError::refused(500, "export_failed", "导出失败。", format!("The export failed: {e}"))
        };
        let mut workbook = Workbook::new();
        let sheet = workbook.add_worksheet();
        let title: String = self.title.chars().filter(|c| !"[]:*?/\\".contains(*c)).take(31).collect();
        sheet.set_name(title).map_err(failed)?;
        let bold = Format::new().set_bold();
        for (col, header) in self.headers.iter().enumerate() {
            sheet.write_string_with_format(0, col as u16, *header, &bold).map_err(failed)?;
            sheet.set_column_width(col as u16, 18).map_err(failed)?;
        }
        for (r, row) in self.rows.iter().enumerate() {
            for (c, cell) in row.iter().enumerate() {
                let (r, c) = (r as u32 + 1, c as u16);
                match cell {
                    Cell::Text(t) => sheet.write_string(r, c, t.as_str()).map_err(failed)?,
                    Cell::Number(n) => sheet.write_number(r, c, *n).map_err(failed)?,
                };
            }
        }
        workbook.save_to_buffer().map_err(failed)
    }
}

/// Whether this staff member may see residents' full numbers at `place`: district admins and
/// the facility's own managers (who may need to call people about a session).
fn sees_phone_numbers(actor: &Actor, place: Place) -> bool {
    match actor.member.scope.role {
        Role::DistrictAdmin => true,
        Role::FacilityManager => actor.member.scope.facility_ids.contains(&place.facility_id),
        _ => false,
    }
}

/// A session's bookings and attendance.
pub async fn session_bookings(
    store: &Store,
    actor: &Actor,
    SessionId(session): SessionId,
) -> Result<Table, ServiceError> {
    let line = store.console_session(SessionId(session)).await?.ok_or(ServiceError::NotFound("session"))?;
    let place = Place { facility_id: line.facility_id, street_id: line.street_id };
    let mut entry = actor.audit("export_bookings", "session", Some(session));
    if !actor.member.scope.can_check_in_at(place) {
        return refuse(store, entry).await;
    }
    let full_numbers = sees_phone_numbers(actor, place);
    let rows = store
        .door_list(SessionId(session))
        .await?
        .into_iter()
        .map(|e| {
            let status = BookingStatus::parse(&e.status).map(|s| s.label(Locale::Zh)).unwrap_or("");
            vec![
                Cell::Number(e.booking_id as f64),
                Cell::Text(if full_numbers { e.phone } else { mask_phone(&e.phone) }),
                Cell::Text(status.to_string()),
                Cell::Text(
                    e.checked_in_at
                        .map(|t| local(t).format("%Y-%m-%d %H:%M").to_string())
                        .unwrap_or_default(),
                ),
            ]
        })
        .collect();
    entry.after = Some(serde_json::json!({ "full_numbers": full_numbers }).to_string());
    store.append_audit(&entry).await?;
    let when = local(line.starts_at).format("%Y-%m-%d %H:%M");
    Ok(Table {
        title: format!("{when} {}", line.item_title),
        headers: vec!["预约号", "手机号", "状态", "签到时间"],
        rows,
    })
}

/// The compliance and coverage table: one row per street in the staff member's reach.
pub async fn compliance(store: &Store, actor: &Actor) -> Result<Table, ServiceError> {
    let streets = super::compliance_rows(store, actor, "export_compliance", Locale::Zh).await?;
    let rows = streets
        .into_iter()
        .map(|row| {
            let s = row.coverage;
            let shortfalls: Vec<String> = row
                .shortfalls
                .iter()
                .map(|(name, reasons)| format!("{name}：{}", reasons.join("；")))
                .collect();
            vec![
                Cell::Text(s.street.name.clone()),
                Cell::Number(f64::from(s.facilities)),
                Cell::Number(f64::from(s.compliant)),
                Cell::Text(if s.covered { "是" } else { "否" }.into()),
                Cell::Text(format!("{}/{}", s.communities_covered, s.communities)),
                Cell::Text(s.uncovered_communities.join("、")),
                Cell::Text(shortfalls.join("\n")),
            ]
        })
        .collect();
    store.append_audit(&actor.audit("export_compliance", "district", None)).await?;
    Ok(Table {
        title: "达标与覆盖".into(),
        headers: vec![
            "街道",
            "场馆数",
            "达标场馆",
            "街道中心达标",
            "社区覆盖",
            "未覆盖社区",
            "未达标场馆及原因",
        ],
        rows,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table() -> Table {
        Table {
            title: "测试".into(),
            headers: vec!["名称", "数量"],
            rows: vec![
                vec![Cell::Text("八角, \"东\"".into()), Cell::Number(3.0)],
                vec![Cell::Text("=HYPERLINK(\"x\")".into()), Cell::Number(0.5)],
            ],
        }
    }

    #[test]
    fn csv_quotes_commas_and_quotes_and_defuses_formulas() {
        let csv = table().to_csv();
        assert!(csv.starts_with("\u{feff}名称,数量\r\n"));
        assert!(csv.contains("\"八角, \"\"东\"\"\",3\r\n"), "{csv}");
        assert!(csv.contains("\"'=HYPERLINK(\"\"x\"\")\",0.5\r\n"), "{csv}");
    }

    #[test]
    fn xlsx_is_a_zip_workbook() {
        let bytes = table().to_xlsx().unwrap();
        assert!(bytes.starts_with(b"PK"), "an xlsx file is a zip archive");
        assert!(bytes.len() > 1000);
    }
}
