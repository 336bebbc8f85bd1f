//! `/staff/evaluation`: the evaluation report (考评报告) of the district or a street for a
//! quarter or a year, as people use it — a table of every indicator's data, value, target and
//! score, a small chart per indicator across the quarters, the XLSX of the same figures, and a
//! print layout (A4, no navigation, no block cut across pages) for the browser's "Save as PDF".
//! Server-rendered: the period and place are a plain GET form.

use cc_domain::evaluation::{Line, Report};
use cc_domain::plan::Unit;
use cc_domain::Locale;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use super::StaffError;
use crate::components::status::Loading;
use crate::i18n::plan::{evaluation_strings, joined};
use crate::i18n::staff::staff_strings;
use crate::plan_fns::{load_evaluation, EvaluationPage};
use crate::prefs::use_prefs;

/// The page.
#[component]
pub fn StaffEvaluationPage() -> impl IntoView {
    let prefs = use_prefs();
    let e = move || evaluation_strings(prefs.lang());
    let query = use_query_map();
    let asked = move || {
        query.with(|q| (q.get("period").filter(|p| !p.is_empty()), q.get("street").and_then(|s| s.parse::<i64>().ok())))
    };
    let page = Resource::new(asked, |(period, street)| load_evaluation(period, street));
    view! {
        <Title text=move || e().title/>
        <section class="staff evaluation">
            <p class="no-print"><a href="/staff">{move || staff_strings(prefs.lang()).back}</a></p>
            <Suspense fallback=Loading>
                {move || Suspend::new(async move {
                    match page.await {
                        Ok(page) => view! { <ReportView page/> }.into_any(),
                        Err(error) => view! { <h1>{e().title}</h1><StaffError error/> }.into_any(),
                    }
                })}
            </Suspense>
        </section>
    }
}

fn figure(value: Option<f64>, unit: Unit, lang: Locale) -> String {
    match value {
        None => evaluation_strings(lang).no_data.to_string(),
        Some(v) if unit == Unit::Percent => format!("{v:.1}%"),
        Some(v) => format!("{v:.1}"),
    }
}

#[component]
fn ReportView(page: EvaluationPage) -> impl IntoView {
    let lang = use_prefs().lang();
    let e = evaluation_strings(lang);
    let EvaluationPage { report, trend, places, periods } = page;
    let district = crate::i18n::strings(lang).district;
    let place = if report.street_id.is_none() { format!("{district} · {}", e.district) } else { format!("{district} · {}", report.place) };
    let street = report.street_id.map(|s| s.to_string()).unwrap_or_default();
    let xlsx = format!(
        "/api/v1/staff/evaluation.xlsx?period={}{}&lang={}",
        report.period,
        report.street_id.map(|s| format!("&street={s}")).unwrap_or_default(),
        if lang == Locale::Zh { "zh" } else { "en" }
    );
    let read_at = cc_domain::time::local(report.read_at).format("%Y-%m-%d %H:%M").to_string();
    let normalised = (report.scored_weight > 0).then(|| report.score / f64::from(report.scored_weight) * 100.0);
    let period = report.period.clone();
    view! {
        <header class="report-head" data-keep="">
            <h1>{e.title}</h1>
            <p class="report-place" data-testid="report-place"><strong>{place.clone()}</strong> " · " {e.period} " " <strong>{report.period.clone()}</strong></p>
            <p class="basis">{if report.stored { e.stored } else { e.live }} " · " {e.read_at} " " {read_at}</p>
            <p class="hint no-print">{e.hint}</p>
        </header>
        <form method="get" action="/staff/evaluation" class="report-choice no-print" data-testid="evaluation-choice">
            <label class="field"><span>{e.period}</span>
                <select name="period">
                    {periods.into_iter().map(|p| { let chosen = p == period; let shown = p.clone(); view! { <option value=p selected=chosen>{shown}</option> } }).collect_view()}
                </select>
            </label>
            <label class="field"><span>{e.place}</span>
                <select name="street">
                    {places.into_iter().map(|(id, name)| {
                        let value = id.map(|i| i.to_string()).unwrap_or_default();
                        let chosen = value == street;
                        let name = if id.is_none() { e.district.to_string() } else { name };
                        view! { <option value=value selected=chosen>{name}</option> }
                    }).collect_view()}
                </select>
            </label>
            <button type="submit">{e.show}</button>
            <p><a href=xlsx download data-testid="evaluation-xlsx">{e.xlsx}</a> " · " {e.print}</p>
        </form>
        <table class="report-table" data-testid="evaluation-table" data-keep="">
            <caption class="visually-hidden">{place} " · " {e.period} " " {report.period.clone()}</caption>
            <thead><tr>
                <th scope="col">{e.indicator}</th><th scope="col">{e.data}</th><th scope="col">{e.value}</th>
                <th scope="col">{e.target}</th><th scope="col">{e.rule}</th><th scope="col">{e.weight}</th><th scope="col">{e.score}</th>
            </tr></thead>
            <tbody>
                {report.lines.iter().map(|line| view! { <LineRow line=line.clone()/> }).collect_view()}
            </tbody>
            <tfoot><tr>
                <th scope="row">{e.total}</th><td colspan="4">{e.of_scored} " " {report.scored_weight}</td>
                <td>{report.scored_weight}</td>
                <td data-testid="evaluation-score"><strong>{if report.scored_weight > 0 { format!("{:.2}", report.score) } else { e.no_data.to_string() }}</strong>
                    {normalised.map(|n| view! { <span class="basis">" (" {format!("{n:.1}")} "/100)"</span> })}</td>
            </tr></tfoot>
        </table>
        <h2 class="report-trend-title">{e.trend}</h2>
        <div class="report-trends">
            {report.lines.iter().map(|line| view! { <Trend line=line.clone() trend=trend.clone()/> }).collect_view()}
        </div>
    }
}

#[component]
fn LineRow(line: Line) -> impl IntoView {
    let lang = use_prefs().lang();
    let measure = line.indicator.measure;
    let unit = measure.unit();
    let name = if lang == Locale::Zh { line.indicator.name.clone() } else { measure.label(lang).to_string() };
    view! {
        <tr data-testid="evaluation-line" data-measure=measure.as_str()>
            <th scope="row">{name}</th>
            <td>{line.reading.basis(measure)}</td>
            <td>{figure(line.value, unit, lang)}</td>
            <td>{figure(Some(line.indicator.target), unit, lang)}</td>
            <td>{line.indicator.rule.label(lang)}</td>
            <td>{line.indicator.weight}</td>
            <td>{line.score.map_or_else(|| evaluation_strings(lang).no_data.to_string(), |s| format!("{s:.2}"))}</td>
        </tr>
    }
}

/// One indicator's value quarter by quarter, as bars against its target (a dashed line).
#[component]
fn Trend(line: Line, trend: Vec<Report>) -> impl IntoView {
    const W: f64 = 260.0;
    const H: f64 = 90.0;
    const BASE: f64 = 70.0;
    let lang = use_prefs().lang();
    let measure = line.indicator.measure;
    let name = if lang == Locale::Zh { line.indicator.name.clone() } else { measure.label(lang).to_string() };
    let points: Vec<(String, Option<f64>)> = trend
        .iter()
        .map(|r| (r.period.clone(), r.lines.iter().find(|l| l.indicator.measure == measure).and_then(|l| l.value)))
        .collect();
    let top = points.iter().filter_map(|(_, v)| *v).fold(line.indicator.target, f64::max).max(f64::EPSILON);
    let slot = W / points.len().max(1) as f64;
    let target_y = BASE - line.indicator.target / top * (BASE - 10.0);
    let mut readings: Vec<String> = points.iter().map(|(p, v)| format!("{p} {}", figure(*v, measure.unit(), lang))).collect();
    // Read aloud whole: the figures by quarter, then the target the dashed line marks.
    readings.push(format!("{} {}", crate::i18n::plan::evaluation_strings(lang).target, figure(Some(line.indicator.target), measure.unit(), lang)));
    let label = format!("{name}{}{}", crate::i18n::colon(lang), joined(lang, &readings));
    view! {
        <figure class="report-chart" data-keep="" data-testid="evaluation-trend">
            <figcaption>{name}</figcaption>
            <svg viewBox=format!("0 0 {W} {H}") role="img" aria-label=label>
                {points.iter().enumerate().map(|(i, (period, value))| {
                    let x = i as f64 * slot + slot * 0.2;
                    let height = value.map_or(0.0, |v| v / top * (BASE - 10.0));
                    view! {
                        <g>
                            {value.map(|_| view! { <rect x=x y=BASE - height width=slot * 0.6 height=height.max(1.0) rx="2"></rect> })}
                            <text x=x + slot * 0.3 y=BASE - height - 3.0 text-anchor="middle" class="figure">{figure(*value, measure.unit(), lang)}</text>
                            <text x=x + slot * 0.3 y=H - 4.0 text-anchor="middle">{period.replace("-", " ")}</text>
                        </g>
                    }
                }).collect_view()}
                <line x1="0" x2=W y1=target_y y2=target_y class="target"></line>
            </svg>
        </figure>
    }
}
