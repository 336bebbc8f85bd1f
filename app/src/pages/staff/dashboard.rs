//! `/staff/dashboard`: the district's (or a street's) services as they run — bookings,
//! check-ins, sessions filling, no-shows, compliance — updated in place from the server's event
//! stream. `?wall=1` is the full-screen wall display (数据大屏).

use cc_domain::dashboard::{Count, Dashboard};
use cc_domain::Locale;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use super::StaffError;
use crate::components::charts::{BarChart, FillChart};
use crate::components::event_stream::{follow_stream, Link};
use crate::components::status::Loading;
use crate::dashboard_fns::load_dashboard;
use crate::i18n::dashboard::{dashboard_strings, reviews_count};
use crate::i18n::staff::staff_strings;
use crate::prefs::use_prefs;

/// The dashboard page.
#[component]
pub fn DashboardPage() -> impl IntoView {
    let prefs = use_prefs();
    let t = move || dashboard_strings(prefs.lang());
    let wall = use_query_map().with_untracked(|q| q.get("wall").is_some_and(|v| v == "1"));
    view! {
        <Title text=move || t().title/>
        <Dashboard wall/>
        {(!wall).then(|| view! { <super::plan::PlanFlags/> })}
    }
}

/// The page's island: everything on it that runs in the browser.
#[cfg_attr(feature = "staff", island)]
#[cfg_attr(not(feature = "staff"), component)]
pub fn Dashboard(wall: bool) -> impl IntoView {
    let prefs = use_prefs();
    let t = move || dashboard_strings(prefs.lang());
    let first = Resource::new(|| (), |_| load_dashboard());
    view! {
        <section class=move || if wall { "staff dashboard wall" } else { "staff dashboard" } data-testid="dashboard">
            <p class="dashboard-links">
                <a href="/staff">{move || staff_strings(prefs.lang()).back}</a> " · "
                {move || if wall {
                    view! {
                        <a href="/staff/dashboard">{t().leave_wall}</a> " · "
                        <button type="button" class="link-button" on:click=|_| full_screen()>{t().full_screen}</button>
                    }.into_any()
                } else {
                    view! { <a href="/staff/dashboard?wall=1" data-testid="wall-link">{t().wall}</a> }.into_any()
                }}
            </p>
            <Transition fallback=Loading>
                {move || Suspend::new(async move {
                    match first.await {
                        Ok(figures) => view! { <LiveBoard figures/> }.into_any(),
                        Err(error) => view! { <h1>{move || t().title}</h1><StaffError error/> }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}

/// Asks the browser to show the page full screen (after a click: browsers allow it only then).
fn full_screen() {
    #[cfg(feature = "hydrate")]
    if let Some(root) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.document_element()) {
        let _ = root.request_fullscreen();
    }
}

/// The board, following the stream once the first figures came: a visitor who is not logged
/// in gets the login notice and never opens a stream that would refuse them.
#[component]
fn LiveBoard(figures: Dashboard) -> impl IntoView {
    // Figures from the stream replace the first ones as they come.
    let latest = RwSignal::new(None::<Dashboard>);
    let link = follow_stream("/api/v1/staff/dashboard/stream", "dashboard", move |json| {
        if let Ok(figures) = serde_json::from_str::<Dashboard>(&json) {
            latest.try_set(Some(figures));
        }
    });
    let data = Signal::derive(move || latest.get().unwrap_or_else(|| figures.clone()));
    view! { <Board data link/> }
}

fn percent(rate: Option<f64>) -> String {
    rate.map_or_else(|| "—".into(), |r| format!("{:.0}%", r * 100.0))
}

#[component]
fn Board(data: Signal<Dashboard>, link: ReadSignal<Link>) -> impl IntoView {
    let prefs = use_prefs();
    let t = move || dashboard_strings(prefs.lang());
    let scope = move || {
        let street = data.with(|d| if prefs.lang() == Locale::En { d.street_en.clone() } else { d.street.clone() });
        street.unwrap_or_else(|| t().district.to_string())
    };
    let link_text = move || match link.get() {
        Link::Connecting => t().connecting,
        Link::Live => t().live,
        Link::Reconnecting => t().reconnecting,
        Link::Closed => t().closed,
    };
    let link_state = move || format!("{:?}", link.get()).to_lowercase();
    let tile = move |key: &'static str, name: fn(Locale) -> &'static str, value: Signal<String>| {
        view! {
            <div class="tile">
                <span class="tile-name">{move || name(prefs.lang())}</span>
                <strong class="tile-value" data-testid=format!("kpi-{key}")>{value}</strong>
            </div>
        }
    };
    let number = |f: fn(&Dashboard) -> u64| Signal::derive(move || data.with(|d| f(d).to_string()));
    let rate = |f: fn(&Dashboard) -> Option<f64>| Signal::derive(move || data.with(|d| percent(f(d))));
    let label = |c: &Count| c.label.clone();
    let label_en = |c: &Count| if c.label_en.is_empty() { c.label.clone() } else { c.label_en.clone() };
    let counts = |f: fn(&Dashboard) -> Vec<Count>| Signal::derive(move || data.with(f));
    let title = move |f: fn(&crate::i18n::dashboard::DashboardStrings) -> &'static str| {
        Signal::derive(move || f(dashboard_strings(prefs.lang())).to_string())
    };
    view! {
        <h1>{move || t().title} " · " {scope}</h1>
        <p class="link-state" data-state=link_state data-testid="link-state" role="status">
            <span class="dot"></span> {link_text} " · " {move || t().updated} " "
            {move || data.with(|d| d.generated_at.format("%H:%M:%S").to_string())}
        </p>
        <div class="tiles">
            {tile("today-bookings", |l| dashboard_strings(l).today_bookings, number(|d| d.today.bookings))}
            {tile("today-check-ins", |l| dashboard_strings(l).today_check_ins, number(|d| d.today.check_ins))}
            {tile("week-bookings", |l| dashboard_strings(l).week_bookings, number(|d| d.week.bookings))}
            {tile("week-check-ins", |l| dashboard_strings(l).week_check_ins, number(|d| d.week.check_ins))}
            {tile("week-cancellations", |l| dashboard_strings(l).week_cancellations, number(|d| d.week.cancellations))}
            {tile("no-show-rate", |l| dashboard_strings(l).no_show_rate, rate(|d| d.week.no_show_rate()))}
            {tile("compliance", |l| dashboard_strings(l).compliance, rate(|d| d.compliance_rate))}
            {tile("coverage", |l| dashboard_strings(l).coverage, rate(|d| d.community_coverage_rate))}
            {tile("satisfaction", |l| dashboard_strings(l).satisfaction, rate(|d| d.satisfaction_rate))}
            {tile("demands-open", |l| dashboard_strings(l).demands_open, number(|d| d.demands_open))}
            {tile("demands-answered", |l| dashboard_strings(l).demands_answered, number(|d| d.demands_answered))}
        </div>
        <div class="panels">
            <section class="panel">
                <h2>{move || t().sessions_today}</h2>
                {move || data.with(|d| d.sessions_today.is_empty()).then(|| view! { <p>{t().no_sessions_today}</p> })}
                <FillChart title=title(|s| s.sessions_today) sessions=Signal::derive(move || data.with(|d| d.sessions_today.clone()))/>
            </section>
            <section class="panel">
                <h2>{move || t().top_items}</h2>
                {move || data.with(|d| d.top_items.is_empty()).then(|| view! { <p>{t().nothing_yet}</p> })}
                <BarChart title=title(|s| s.top_items) counts=counts(|d| d.top_items.clone()) label testid="top-items"/>
            </section>
            <section class="panel">
                <h2>{move || t().by_category}</h2>
                <BarChart title=title(|s| s.by_category) counts=counts(|d| d.by_category.clone())
                    label=if prefs.lang() == Locale::Zh { label } else { label_en } testid="by-category"/>
            </section>
            <section class="panel">
                <h2>{move || t().by_street}</h2>
                <BarChart title=title(|s| s.by_street) counts=counts(|d| d.by_street.clone())
                    label=if prefs.lang() == Locale::Zh { label } else { label_en } testid="by-street"/>
            </section>
            <section class="panel">
                <h2>{move || t().top_demands}</h2>
                {move || data.with(|d| d.top_demands.is_empty()).then(|| view! { <p>{t().no_demands}</p> })}
                <BarChart title=title(|s| s.top_demands) counts=counts(|d| d.top_demands.clone()) label testid="top-demands"/>
            </section>
            <section class="panel">
                <h2>{move || t().satisfaction_by}</h2>
                <table class="satisfaction" data-testid="satisfaction">
                    <tbody>
                        {move || data.with(|d| {
                            let rows = d.satisfaction_by_street.iter().chain(&d.satisfaction_by_category);
                            rows.map(|row| {
                                let name = if prefs.lang() == Locale::En && !row.label_en.is_empty() { row.label_en.clone() } else { row.label.clone() };
                                view! {
                                    <tr>
                                        <th scope="row">{name}</th>
                                        <td>{percent(row.rate())}</td>
                                        <td>{reviews_count(prefs.lang(), row.reviews)}</td>
                                    </tr>
                                }
                            }).collect_view()
                        })}
                    </tbody>
                </table>
                {move || data.with(|d| d.satisfaction_by_street.is_empty()).then(|| view! { <p>{t().no_reviews}</p> })}
            </section>
        </div>
    }
}
