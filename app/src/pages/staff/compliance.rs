//! `/staff/compliance`: compliance and coverage per street with the reasons facilities fall
//! short, sortable by any column (in the browser: the rows are already there), exportable.

use cc_domain::compliance_table::{sort_rows, StreetColumn, StreetRow};
use leptos::prelude::*;
use leptos_meta::Title;

use super::StaffError;
use crate::components::status::Loading;
use crate::facility_fns::load_compliance_table;
use crate::i18n::rate;
use crate::i18n::staff::staff_strings;
use crate::prefs::use_prefs;

/// The compliance page.
#[component]
pub fn StaffCompliancePage() -> impl IntoView {
    let prefs = use_prefs();
    let s = move || staff_strings(prefs.lang());
    view! {
        <Title text=move || s().compliance_export/>
        <StaffCompliance/>
    }
}

/// The page's island: everything on it that runs in the browser.
#[cfg_attr(feature = "staff", island)]
#[cfg_attr(not(feature = "staff"), component)]
pub fn StaffCompliance() -> impl IntoView {
    let prefs = use_prefs();
    let s = move || staff_strings(prefs.lang());
    let table = Resource::new(move || prefs.lang(), |lang| load_compliance_table(lang.tag().to_string()));
    view! {
        <section class="staff compliance">
            <p><a href="/staff">{move || s().back}</a></p>
            <h1>{move || s().compliance_export}</h1>
            <p>
                {move || s().export} {crate::i18n::colon(prefs.lang())}
                <a href="/api/v1/staff/compliance.csv" download data-testid="compliance-csv">"CSV"</a> " · "
                <a href="/api/v1/staff/compliance.xlsx" download>"XLSX"</a>
            </p>
            <Transition fallback=Loading>
                {move || Suspend::new(async move {
                    match table.await {
                        Ok(rows) => view! { <Sortable rows/> }.into_any(),
                        Err(error) => view! { <StaffError error/> }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}

#[component]
fn Sortable(rows: Vec<StreetRow>) -> impl IntoView {
    let prefs = use_prefs();
    let zh = move || prefs.lang() == cc_domain::Locale::Zh;
    // The district's own order first; a click sorts by a column, a second click reverses it.
    let order = RwSignal::new((StreetColumn::Street, true));
    let sorted = Memo::new(move |_| {
        let mut rows = rows.clone();
        let (column, ascending) = order.get();
        sort_rows(&mut rows, column, ascending);
        rows
    });
    let header = move |column: StreetColumn, zh_label: &'static str, en_label: &'static str| {
        let aria = move || match order.get() {
            (c, true) if c == column => "ascending",
            (c, false) if c == column => "descending",
            _ => "none",
        };
        view! {
            <th aria-sort=aria>
                <button type="button" class="link-button" data-testid=format!("sort-{column:?}")
                    on:click=move |_| order.update(|(c, asc)| {
                        *asc = if *c == column { !*asc } else { true };
                        *c = column;
                    })>
                    {move || if zh() { zh_label } else { en_label }}
                    {move || match aria() { "ascending" => " ▲", "descending" => " ▼", _ => "" }}
                </button>
            </th>
        }
    };
    view! {
        // Six columns do not fit a phone: the table scrolls sideways, not the page.
        <div class="table-scroll">
        <table class="sessions compliance-table" data-testid="compliance-table">
            <thead><tr>
                {header(StreetColumn::Street, "街道", "Street")}
                {header(StreetColumn::Facilities, "场馆数", "Facilities")}
                {header(StreetColumn::ComplianceRate, "达标率", "Compliant")}
                {header(StreetColumn::CentreCompliant, "街道中心", "Street centre")}
                {header(StreetColumn::CommunityCoverage, "社区覆盖率", "Communities covered")}
                {header(StreetColumn::Shortfalls, "未达标场馆及原因", "Falling short, and why")}
            </tr></thead>
            <tbody>
                <For each=move || sorted.get() key=|row| row.position children=move |row| {
                    let c = &row.coverage;
                    let street = c.street.clone();
                    let slug = street.slug.clone();
                    let compliance = rate((c.facilities > 0).then(|| row.compliance_rate()), c.compliant, c.facilities);
                    let communities =
                        rate((c.communities > 0).then(|| row.community_rate()), c.communities_covered, c.communities);
                    let covered = c.covered;
                    view! {
                        <tr data-testid="compliance-row" data-street=slug>
                            <td>{move || street.label(prefs.lang()).to_string()}</td>
                            <td>{c.facilities}</td>
                            <td>{compliance}</td>
                            <td>{move || match (covered, zh()) {
                                (true, true) => "达标", (true, false) => "yes", (false, true) => "未达标", (false, false) => "no",
                            }}</td>
                            <td>{communities}</td>
                            <td>
                                <ul class="reasons">
                                    {row.shortfalls.iter().map(|(name, reasons)| view! {
                                        <li><strong>{name.clone()}</strong> "：" {reasons.join("；")}</li>
                                    }).collect_view()}
                                </ul>
                            </td>
                        </tr>
                    }
                }/>
            </tbody>
        </table>
        </div>
    }
}
