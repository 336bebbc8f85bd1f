//! Culture Cloud's user interface: pages, components and the server functions behind them.
//! Compiled twice — with `ssr` into the server, with `hydrate` into the browser bundle.
//!
//! Server functions live in `*_fns.rs`, named for who calls them: `public_fns` (the catalogue,
//! facilities, map and coverage anyone reads), `account_fns` (residents), and `staff_*_fns`,
//! `facility_fns`, `dashboard_fns` (the console).

pub mod account_fns;
pub mod apply_fns;
pub mod assets;
pub mod components;
pub mod dashboard_fns;
pub mod demand_fns;
pub mod error;
pub mod facility_fns;
pub mod feed_fns;
pub mod fund_desk_fns;
pub mod fund_fns;
pub mod heritage_fns;
pub mod i18n;
pub mod islands;
pub mod message_fns;
pub mod org_fns;
pub mod plan_fns;
pub mod training_fns;
pub mod vocabulary_fns;
pub mod review_fns;
pub mod pages;
#[cfg(feature = "ssr")]
mod plain_forms;
pub mod prefs;
pub mod public_fns;
pub mod staff_account_fns;
pub mod staff_fns;
pub mod staff_item_fns;
pub mod staff_login_fns;

use leptos::prelude::*;
use leptos_meta::{provide_meta_context, Html, Link, Meta, MetaTags, Script, Stylesheet, Title};
use leptos_router::components::{Route, Router, Routes};
use leptos_router::{path, SsrMode};

use components::layout::Layout;
use pages::{
    apply::ApplicationPage,
    catalog::CatalogPage,
    coverage::CoveragePage,
    demands::DemandsPage,
    fund::FundPage,
    heritage::{HeritagePage, HeritageProjectPage},
    facilities::FacilitiesPage,
    facility::FacilityPage,
    home::HomePage,
    item::ItemPage,
    login::{LoginPage, RegisterPage, ResetPage},
    map::MapPage,
    me::MePage,
    messages::MessagesPage,
    my_bookings::MyBookingsPage,
    not_found::NotFound,
    offline::OfflinePage,
    org::OrgPage,
    plan::PlanPage,
    review::ReviewFormPage,
    staff::{
        accounts::StaffAccountsPage, audit::AuditPage, compliance::StaffCompliancePage,
        assignments::AssignmentsPage, dashboard::DashboardPage, demands::StaffDemandsPage, door::DoorPage, facilities::FacilityRecordsPage, fund::StaffFundPage, home::StaffHomePage,
        login::StaffLoginPage, organisations::StaffOrganisationsPage, plan::StaffPlanPage, evaluation::StaffEvaluationPage, reviews::StaffReviewsPage, second_factor::SecurityPage,
        service::ServiceConsolePage,
    },
};
use prefs::provide_prefs;

/// The nonce of this response's Content-Security-Policy, put in the request's extensions by
/// the server's header middleware; `shell` hands it to Leptos, which puts it on its scripts.
#[derive(Debug, Clone)]
pub struct CspNonce(pub String);

/// The bundle of the staff console's pages: the residents' islands and the console's.
pub const STAFF_BUNDLE: &str = "culture-cloud-staff";

/// The HTML document around the app, rendered on the server only. Residents' pages load the
/// residents' bundle; `/staff` pages the staff bundle.
pub fn shell(options: LeptosOptions) -> impl IntoView {
    #[cfg(feature = "ssr")]
    let options = {
        let parts = use_context::<http::request::Parts>();
        if let Some(nonce) = parts.as_ref().and_then(|p| p.extensions.get::<CspNonce>().cloned()) {
            provide_context(leptos::nonce::Nonce::from_value(nonce.0));
        }
        let staff = parts.is_some_and(|p| p.uri.path() == "/staff" || p.uri.path().starts_with("/staff/"));
        let mut options = options;
        if staff {
            options.output_name = STAFF_BUNDLE.into();
            options.hash_file = "hash-staff.txt".into();
        }
        options
    };
    view! {
        <!DOCTYPE html>
        <html>
            <head>
                <meta charset="utf-8"/>
                <meta name="viewport" content="width=device-width, initial-scale=1"/>
                <meta name="theme-color" content="#b4281e"/>
                <AutoReload options=options.clone()/>
                <HydrationScripts options islands=true/>
                <MetaTags/>
            </head>
            <body>
                <App/>
            </body>
        </html>
    }
}

/// "Page · Site", as the `<title>` of every page. leptos_meta writes the server's `<title>`
/// without escaping, so a page title made of user text (an item's) is escaped here, once for
/// every page; the browser sets `document.title` as plain text and needs no escaping.
fn document_title(page: &str, site: &str) -> String {
    let title = if page.is_empty() { site.to_string() } else { format!("{page} · {site}") };
    #[cfg(feature = "ssr")]
    let title = html_escape::encode_text(&title).into_owned();
    title
}

/// Starts the islands of the page in the browser (each bundle's `hydrate` calls this), and
/// marks `<body data-hydrated>` once they run: the browser tests and `map.js` wait for it.
#[cfg(feature = "hydrate")]
pub fn start_islands() {
    leptos::mount::hydrate_islands();
    // The islands are started by the loader right after this returns, in the same task:
    // a zero-delay timer runs after them.
    let mark = wasm_bindgen::closure::Closure::once_into_js(|| {
        if let Some(body) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.body()) {
            let _ = body.set_attribute("data-hydrated", "true");
        }
    });
    if let Some(window) = web_sys::window() {
        use wasm_bindgen::JsCast;
        let _ = window.set_timeout_with_callback(mark.unchecked_ref());
    }
}

/// The application: preferences, document metadata and routes.
#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    let prefs = provide_prefs();
    let assets = assets::use_assets();
    let lang = move || prefs.head_lang().tag();
    view! {
        <Html {..} lang=lang class=prefs.html_class()/>
        <Stylesheet id="leptos" href=assets.stylesheet.clone()/>
        <Link rel="icon" href=assets.versioned("/favicon.svg") type_="image/svg+xml"/>
        <Link rel="manifest" href="/manifest.webmanifest"/>
        <Link rel="apple-touch-icon" href=assets.versioned("/icons/apple-touch-icon.png")/>
        <Script src=assets.versioned("/js/app.js") defer="true"/>
        <Meta name="description" content=move || prefs.head_t().tagline/>
        <Title formatter=move |page: String| document_title(&page, prefs.head_t().site_name)/>
        <Router>
            <Layout>
                <Routes fallback=|| view! { <NotFound/> }>
                    <Route path=path!("/") view=HomePage ssr=SsrMode::Async/>
                    <Route path=path!("/catalog") view=CatalogPage ssr=SsrMode::Async/>
                    <Route path=path!("/items/:id") view=ItemPage ssr=SsrMode::Async/>
                    <Route path=path!("/facilities") view=FacilitiesPage ssr=SsrMode::Async/>
                    <Route path=path!("/facilities/:id") view=FacilityPage ssr=SsrMode::Async/>
                    <Route path=path!("/map") view=MapPage ssr=SsrMode::Async/>
                    <Route path=path!("/coverage") view=CoveragePage ssr=SsrMode::Async/>
                    <Route path=path!("/demands") view=DemandsPage ssr=SsrMode::Async/>
                    <Route path=path!("/heritage") view=HeritagePage ssr=SsrMode::Async/>
                    <Route path=path!("/heritage/:id") view=HeritageProjectPage ssr=SsrMode::Async/>
                    <Route path=path!("/org") view=OrgPage ssr=SsrMode::Async/>
                    <Route path=path!("/org/applications/:id") view=ApplicationPage ssr=SsrMode::Async/>
                    <Route path=path!("/fund") view=FundPage ssr=SsrMode::Async/>
                    <Route path=path!("/plan") view=PlanPage ssr=SsrMode::Async/>
                    <Route path=path!("/training/tickets/:token") view=pages::training::TrainingTicketPage ssr=SsrMode::Async/>
                    <Route path=path!("/training/certificates/:number") view=pages::training::CertificatePage ssr=SsrMode::Async/>
                    <Route path=path!("/login") view=LoginPage ssr=SsrMode::Async/>
                    <Route path=path!("/register") view=RegisterPage ssr=SsrMode::Async/>
                    <Route path=path!("/reset") view=ResetPage ssr=SsrMode::Async/>
                    <Route path=path!("/me") view=MePage ssr=SsrMode::Async/>
                    <Route path=path!("/me/bookings") view=MyBookingsPage ssr=SsrMode::Async/>
                    <Route path=path!("/me/messages") view=MessagesPage ssr=SsrMode::Async/>
                    <Route path=path!("/me/bookings/:id/review") view=ReviewFormPage ssr=SsrMode::Async/>
                    <Route path=path!("/offline") view=OfflinePage ssr=SsrMode::Async/>
                    <Route path=path!("/staff") view=StaffHomePage ssr=SsrMode::Async/>
                    <Route path=path!("/staff/login") view=StaffLoginPage ssr=SsrMode::Async/>
                    <Route path=path!("/staff/audit") view=AuditPage ssr=SsrMode::Async/>
                    <Route path=path!("/staff/accounts") view=StaffAccountsPage ssr=SsrMode::Async/>
                    <Route path=path!("/staff/compliance") view=StaffCompliancePage ssr=SsrMode::Async/>
                    <Route path=path!("/staff/dashboard") view=DashboardPage ssr=SsrMode::Async/>
                    <Route path=path!("/staff/facilities") view=FacilityRecordsPage ssr=SsrMode::Async/>
                    <Route path=path!("/staff/checkin/:session") view=DoorPage ssr=SsrMode::Async/>
                    <Route path=path!("/staff/items/:id") view=ServiceConsolePage ssr=SsrMode::Async/>
                    <Route path=path!("/staff/security") view=SecurityPage ssr=SsrMode::Async/>
                    <Route path=path!("/staff/reviews") view=StaffReviewsPage ssr=SsrMode::Async/>
                    <Route path=path!("/staff/demands") view=StaffDemandsPage ssr=SsrMode::Async/>
                    <Route path=path!("/staff/organisations") view=StaffOrganisationsPage ssr=SsrMode::Async/>
                    <Route path=path!("/staff/fund") view=StaffFundPage ssr=SsrMode::Async/>
                    <Route path=path!("/staff/fund/assignments") view=AssignmentsPage ssr=SsrMode::Async/>
                    <Route path=path!("/staff/plan") view=StaffPlanPage ssr=SsrMode::Async/>
                    <Route path=path!("/staff/evaluation") view=StaffEvaluationPage ssr=SsrMode::Async/>
                    <Route path=path!("/staff/training") view=pages::staff::training::StaffTrainingPage ssr=SsrMode::Async/>
                    <Route path=path!("/staff/vocabulary") view=pages::staff::vocabulary::StaffVocabularyPage ssr=SsrMode::Async/>
                    <Route path=path!("/staff/training/hours") view=pages::staff::training_door::TrainingHoursPage ssr=SsrMode::Async/>
                    <Route path=path!("/staff/training/sessions/:session/door") view=pages::staff::training_door::TrainingDoorPage ssr=SsrMode::Async/>
                    <Route path=path!("/staff/training/:id") view=pages::staff::training::StaffCoursePage ssr=SsrMode::Async/>
                </Routes>
            </Layout>
        </Router>
    }
}
