//! `/coverage`: how the three-level facility network meets its standards (达标) and which
//! streets and communities are still uncovered (覆盖率) — the seed's two-year target, at a glance.

use cc_domain::compliance::{ComplianceReport, Standard, StreetCoverage};
use leptos::prelude::*;
use leptos_meta::Title;

use crate::components::status::{ErrorNotice, Loading};
use crate::i18n::{area, level_name, rate, strings};
use crate::prefs::use_prefs;
use crate::public_fns::load_compliance;

/// The compliance and coverage page.
#[component]
pub fn CoveragePage() -> impl IntoView {
    let prefs = use_prefs();
    let t = move || prefs.t();
    let report = Resource::new(|| (), |_| load_compliance());
    view! {
        <Title text=move || prefs.head_t().coverage_title/>
        <h1>{move || t().coverage_title}</h1>
        <p>{move || t().coverage_intro}</p>
        <Suspense fallback=Loading>
            {move || Suspend::new(async move { match report.await {
                Ok(report) => view! { <Report report/> }.into_any(),
                Err(error) => view! { <ErrorNotice error/> }.into_any(),
            }})}
        </Suspense>
    }
}

#[component]
fn Report(report: ComplianceReport) -> impl IntoView {
    let prefs = use_prefs();
    let t = move || prefs.t();
    let totals = report.coverage.totals.clone();
    let any_default = report.standards.iter().any(|s| s.is_default);
    view! {
        <ul class="totals" data-testid="totals">
            <li><span class="total-label">{move || t().compliance_rate}</span>
                <span class="total-value">{rate(totals.compliance_rate, totals.compliant, totals.facilities)}</span></li>
            <li><span class="total-label">{move || t().street_coverage_rate}</span>
                <span class="total-value">{rate(totals.street_coverage_rate, totals.streets_covered, totals.streets)}</span></li>
            <li><span class="total-label">{move || t().community_coverage_rate}</span>
                <span class="total-value">{rate(totals.community_coverage_rate, totals.communities_covered, totals.communities)}</span></li>
        </ul>
        <section aria-labelledby="standards-heading">
            <h2 id="standards-heading">{move || t().standards_heading}</h2>
            // A table wider than a phone scrolls in its box, which keyboards reach too.
            <div class="table-scroll" tabindex="0" role="region" aria-labelledby="standards-heading">
                <table class="data-table">
                    <thead><tr>
                        <th scope="col">{move || t().facility_level}</th>
                        <th scope="col">{move || t().min_area}</th>
                        <th scope="col">{move || t().min_hours}</th>
                        <th scope="col">{move || t().free_required}</th>
                    </tr></thead>
                    <tbody>{report.standards.into_iter().map(|s| view! { <StandardRow standard=s/> }).collect_view()}</tbody>
                </table>
            </div>
            {any_default.then(|| view! { <p class="note" data-testid="default-note">{move || t().standards_default_note}</p> })}
        </section>
        <section aria-labelledby="streets-heading">
            <h2 id="streets-heading">{move || t().per_street_heading}</h2>
            <div class="table-scroll" tabindex="0" role="region" aria-labelledby="streets-heading">
                <table class="data-table" data-testid="street-coverage">
                    <thead><tr>
                        <th scope="col">{move || t().filter_street}</th>
                        <th scope="col">{move || t().col_facilities}</th>
                        <th scope="col">{move || t().col_compliant}</th>
                        <th scope="col">{move || t().col_centre}</th>
                        <th scope="col">{move || t().col_communities}</th>
                        <th scope="col">{move || t().col_uncovered}</th>
                    </tr></thead>
                    <tbody>{report.coverage.streets.into_iter().map(|s| view! { <StreetRow street=s/> }).collect_view()}</tbody>
                </table>
            </div>
        </section>
        <section aria-labelledby="shortfalls-heading">
            <h2 id="shortfalls-heading">{move || t().shortfalls_heading}</h2>
            {if report.shortfalls.is_empty() {
                view! { <p>{move || t().no_shortfalls}</p> }.into_any()
            } else {
                view! {
                    <ul class="shortfalls" data-testid="shortfalls">
                        {report.shortfalls.into_iter().map(|f| {
                            let f = StoredValue::new(f);
                            view! {
                                <li>
                                    <a href=f.with_value(|f| format!("/facilities/{}", f.id))>{f.with_value(|f| f.name.clone())}</a>
                                    " · " {move || f.with_value(|f| format!("{} · {}", f.street.label(prefs.lang()), level_name(prefs.lang(), f.level)))}
                                    <ul class="reasons">
                                        {move || f.with_value(|f| f.compliance.reasons.iter()
                                            .map(|r| view! { <li>{r.describe(prefs.lang())}</li> })
                                            .collect_view())}
                                    </ul>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
        </section>
    }
}

#[component]
fn StandardRow(standard: Standard) -> impl IntoView {
    let prefs = use_prefs();
    let s = StoredValue::new(standard);
    view! {
        <tr>
            <th scope="row">{move || s.with_value(|s| level_name(prefs.lang(), s.level))}</th>
            <td>{move || s.with_value(|s| area(prefs.lang(), s.min_area_m2))}</td>
            <td>{move || s.with_value(|s| format!("{} {}", s.min_weekly_hours, strings(prefs.lang()).hours_per_week_unit))}</td>
            <td>{move || s.with_value(|s| if s.free_opening_required { prefs.t().required } else { prefs.t().not_required })}</td>
        </tr>
    }
}

#[component]
fn StreetRow(street: StreetCoverage) -> impl IntoView {
    let prefs = use_prefs();
    let s = StoredValue::new(street);
    view! {
        <tr class:uncovered=s.with_value(|s| !s.covered || !s.uncovered_communities.is_empty())>
            <th scope="row">{move || s.with_value(|s| s.street.label(prefs.lang()).to_string())}</th>
            <td>{s.with_value(|s| s.facilities)}</td>
            <td>{s.with_value(|s| s.compliant)}</td>
            <td>{move || s.with_value(|s| if s.covered { prefs.t().yes } else { prefs.t().no })}</td>
            <td>{s.with_value(|s| format!("{}/{}", s.communities_covered, s.communities))}</td>
            <td>{s.with_value(|s| s.uncovered_communities.join("、"))}</td>
        </tr>
    }
}
