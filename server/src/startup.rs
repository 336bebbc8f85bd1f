//! Building the application: database, routes, listener. Tests build it on port 0.

use std::sync::Arc;
use std::time::Duration;

use app::{shell, App};
use axum::routing::get;
use axum::Router;
use cc_auth::{Accounts, DbSessionStore, LogSms, ResidentAuth, SessionLimits, StaffAuth, SESSION_COOKIE};
use cc_domain::ticket::TicketSigner;
use cc_store::Store;
use http::header::{HeaderName, HeaderValue};
use leptos::config::LeptosOptions;
use leptos::prelude::provide_context;
use rand::Rng;
use std::sync::OnceLock;
use tower_sessions::cookie::SameSite;
use tower_sessions::{Expiry, SessionManagerLayer};

use leptos_axum::{file_and_error_handler_with_context, generate_route_list, AxumRouteListing, LeptosRoutes};
use tokio::net::TcpListener;
use tower_http::compression::CompressionLayer;
use tower_http::timeout::RequestBodyTimeoutLayer;
use tower_http::services::ServeDir;
use tower_http::set_header::SetResponseHeaderLayer;

use crate::api;
use crate::config::Config;
use crate::stopping::{stop_switch, StopSwitch, Stopping};

/// How long a client may take to send a request's body once its headers arrived.
const BODY_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(30);

/// State shared by every handler.
#[derive(Clone, axum::extract::FromRef)]
pub struct AppState {
    pub leptos_options: LeptosOptions,
    pub store: Store,
    pub map: app::public_fns::MapSettings,
    pub auth: ResidentAuth,
    pub staff: StaffAuth,
    pub tickets: TicketSigner,
    pub stopping: Stopping,
    pub dashboards: api::dashboard_hub::DashboardHub,
    pub assets: crate::assets::SiteAssets,
    pub pwa: crate::pwa::Pwa,
    pub public_url: crate::seo::PublicUrl,
}

/// A built application, bound to its port and ready to serve.
pub struct Application {
    listener: TcpListener,
    router: Router,
    store: Store,
    sms: Arc<LogSms>,
    stop: StopSwitch,
    /// How long before a session residents are reminded (`None`: not at all).
    reminders_ahead: Option<Duration>,
    sms_every: Duration,
}

impl Application {
    /// Connects and migrates the database, builds the routes and binds the listener.
    pub async fn build(config: &Config) -> anyhow::Result<Application> {
        let mut store =
            Store::connect_with(&config.database_url, config.db_connections)
            .await?
            .with_no_show_rule(config.no_show_rule)
            .with_offer_rule(config.offer_rule);
        if config.remove_booking_guard_for_race_control {
            store = store.without_booking_guard_for_race_control();
        }
        store.migrate().await?;
        // The search index lives in memory: build it now rather than on the first search.
        let started = std::time::Instant::now();
        let items = store.catch_up_search().await?;
        tracing::info!(items, ms = started.elapsed().as_millis() as u64, "search index built");
        // On PostgreSQL, hear every server's live events (ours come back the same way).
        store.listen_to_all_servers(&config.database_url).await?;
        let secret = match &config.secret {
            Some(secret) => secret.clone(),
            None => store.setting_or_insert("ticket_secret", random_secret).await?,
        };
        let sms = Arc::new(LogSms::default());
        let auth = ResidentAuth {
            accounts: Accounts::new(store.clone(), sms.clone(), config.throttle),
            limits: SessionLimits::default(),
            trust_forwarded: config.trust_forwarded,
        };
        let listener = TcpListener::bind(config.addr).await?;
        let (stop, stopping) = stop_switch();
        // `scripts/build` names the bundles by their content and says so in `hash.txt` (and
        // `hash-staff.txt`) beside this binary, where Leptos looks for them.
        let hashed = std::env::current_exe()
            .ok()
            .and_then(|exe| exe.parent().map(|dir| dir.join("hash.txt").exists()))
            .unwrap_or(false);
        let leptos_options = LeptosOptions::builder()
            .output_name("culture-cloud")
            .site_root(config.site_root.as_str())
            .site_pkg_dir("pkg")
            .hash_files(hashed)
            .site_addr(listener.local_addr()?)
            .env(if config.dev { leptos::config::Env::DEV } else { leptos::config::Env::PROD })
            .build();
        let assets = crate::assets::SiteAssets::scan(std::path::Path::new(&config.site_root));
        let pwa = crate::pwa::Pwa::new(&assets, config.build_id.as_deref());
        let state = AppState {
            leptos_options,
            store: store.clone(),
            map: config.map.clone(),
            auth,
            staff: StaffAuth::new(store.clone(), config.throttle, config.staff_2fa),
            tickets: TicketSigner::new(secret.as_bytes()),
            stopping,
            dashboards: Default::default(),
            assets,
            pwa,
            public_url: crate::seo::PublicUrl(config.public_url.clone()),
        };
        let headers = crate::headers::HeaderPolicy::new(&config.map.tile_url, config.dev);
        let router = router(state, config.secure_cookies, headers);
        let reminders_ahead =
            (config.reminder_hours > 0).then(|| Duration::from_secs(u64::from(config.reminder_hours) * 3600));
        Ok(Application { listener, router, store, sms, stop, reminders_ahead, sms_every: config.sms_every })
    }

    /// The port actually bound (useful with port 0).
    pub fn port(&self) -> u16 {
        self.listener.local_addr().map(|a| a.port()).unwrap_or(0)
    }

    /// The store the application uses (tests seed through it).
    pub fn store(&self) -> &Store {
        &self.store
    }

    /// The development SMS sender, which remembers the codes it "sent" (tests read them).
    pub fn dev_sms(&self) -> Arc<LogSms> {
        self.sms.clone()
    }

    /// Serves until Ctrl-C or SIGTERM, then lets requests in flight finish.
    pub async fn run_until_stopped(self) -> std::io::Result<()> {
        tracing::info!(addr = %self.listener.local_addr()?, "Culture Cloud is listening");
        let sweeper = tokio::spawn(sweep_every_minute(self.store.clone(), self.reminders_ahead));
        let deliverer = tokio::spawn(deliver_messages(self.store.clone(), self.sms.clone(), self.sms_every));
        let stop = self.stop;
        let signal = async move {
            shutdown_signal().await;
            stop.stop();
        };
        crate::serve::serve(self.listener, self.router, signal).await?;
        sweeper.abort();
        deliverer.abort();
        self.store.close().await;
        Ok(())
    }
}

/// At start, then every minute: keeps each item's stored "next session" current as sessions
/// begin, passes on the places offered from waitlists whose hold has ended, records the
/// no-shows of sessions that have ended (confirmed but never checked in), and forgets expired
/// login sessions and ended attempt windows.
async fn sweep_every_minute(store: Store, reminders_ahead: Option<Duration>) {
    let mut every_minute = tokio::time::interval(Duration::from_secs(60));
    loop {
        every_minute.tick().await;
        let now = cc_domain::time::now();
        if let Err(e) = store.sweep_next_sessions(now).await {
            tracing::warn!(error = %e, "could not move items on to their next session; retrying in a minute");
        }
        // Before the no-shows: an offer never outlives its session's start, so none is left.
        match store.pass_on_lapsed_offers(now).await {
            Ok(0) => {}
            Ok(n) => tracing::info!(offers = n, "passed on the offered places nobody accepted in time"),
            Err(e) => tracing::warn!(error = %e, "could not pass on lapsed offers; retrying in a minute"),
        }
        match store.record_no_shows(now).await {
            Ok(0) => {}
            Ok(n) => tracing::info!(no_shows = n, "recorded the no-shows of sessions that ended"),
            Err(e) => tracing::warn!(error = %e, "could not record no-shows; retrying in a minute"),
        }
        if let Some(ahead) = reminders_ahead {
            match cc_services::delivery::queue_reminders(&store, now, ahead).await {
                Ok(0) => {}
                Ok(n) => tracing::info!(reminders = n, "wrote the reminders due"),
                Err(e) => tracing::warn!(error = %e, "could not write reminders; retrying in a minute"),
            }
        }
        if let Err(e) = store.delete_expired_web_sessions(now).await {
            tracing::warn!(error = %e, "could not delete expired login sessions; retrying in a minute");
        }
        if let Err(e) = store.delete_ended_attempt_windows(now).await {
            tracing::warn!(error = %e, "could not forget old login attempts; retrying in a minute");
        }
    }
}

/// Every `every`: sends the SMS that are due and that this server could claim (another server
/// may claim some first; each goes out once).
async fn deliver_messages(store: Store, sms: Arc<LogSms>, every: Duration) {
    let mut ticks = tokio::time::interval(every);
    ticks.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        ticks.tick().await;
        match cc_services::delivery::deliver_due_sms(&store, sms.as_ref(), cc_domain::time::now()).await {
            Ok(done) if done.sent + done.failed > 0 => {
                tracing::info!(sent = done.sent, failed = done.failed, "delivered messages by SMS")
            }
            Ok(_) => {}
            Err(e) => tracing::warn!(error = %e, "could not deliver messages; trying again shortly"),
        }
    }
}

/// 256 random bits as hex: the ticket secret when none is configured.
fn random_secret() -> String {
    let bytes: [u8; 32] = rand::rng().random();
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// The app's routes, generated once per process. Generating them renders the app with resource
/// loading suppressed process-wide (a global flag in leptos_server), so doing it again while
/// another application in the process is serving — as tests do — would stall that one's pages.
fn route_list() -> Vec<AxumRouteListing> {
    static ROUTES: OnceLock<Vec<AxumRouteListing>> = OnceLock::new();
    ROUTES.get_or_init(|| generate_route_list(App)).clone()
}

/// All routes: health, the open-data API, then the Leptos pages and server functions, inside
/// the layers every request passes (outermost last): bodies bounded and timed, cross-site
/// writes refused, sessions, public pages from memory, compression, security headers, panics
/// answered.
pub fn router(state: AppState, secure_cookies: bool, headers: crate::headers::HeaderPolicy) -> Router {
    let routes = route_list();
    let (store, map, auth, tickets) =
        (state.store.clone(), state.map.clone(), state.auth.clone(), state.tickets.clone());
    let staff = state.staff.clone();
    let urls = app::assets::AssetUrls { stylesheet: state.assets.stylesheet.clone(), version: state.assets.version.clone() };
    let public_url = state.public_url.0.clone().map(app::components::head_links::PublicUrl);
    let context = move || {
        provide_context(urls.clone());
        if let Some(url) = public_url.clone() {
            provide_context(url);
        }
        provide_context(store.clone());
        provide_context(map.clone());
        provide_context(auth.clone());
        provide_context(staff.clone());
        provide_context(tickets.clone());
    };
    // Sessions live in the database; the cookie is HttpOnly, SameSite=Lax, Secure behind TLS,
    // and expires after a week unused (the absolute limit is checked on every read).
    let sessions = SessionManagerLayer::new(DbSessionStore::new(state.store.clone()))
        .with_name(SESSION_COOKIE)
        .with_http_only(true)
        .with_same_site(SameSite::Lax)
        .with_secure(secure_cookies)
        .with_expiry(Expiry::OnInactivity(time::Duration::seconds(state.auth.limits.idle_secs)));
    let site_root = state.leptos_options.site_root.to_string();
    let assets = |dir: &str| assets(&format!("{site_root}/{dir}"));
    Router::new()
        .route("/healthz", get(api::health::healthz))
        .route("/manifest.webmanifest", get(crate::pwa::manifest))
        .route("/sw.js", get(crate::pwa::worker))
        .route("/robots.txt", get(crate::seo::robots))
        .route("/sitemap.xml", get(crate::seo::sitemap))
        .nest("/api/v1", api::router())
        .route("/media/{file}", get(api::staff_media::serve))
        .merge(
            Router::new()
                .nest_service("/pkg", assets("pkg"))
                .nest_service("/vendor", assets("vendor"))
                .nest_service("/js", assets("js"))
                .nest_service("/icons", assets("icons"))
                .layer(axum::middleware::from_fn_with_state(state.assets.clone(), crate::assets::static_headers)),
        )
        .leptos_routes_with_context(&state, routes, context.clone(), {
            let options = state.leptos_options.clone();
            move || shell(options.clone())
        })
        .fallback(file_and_error_handler_with_context::<AppState, _>(context, shell))
        .layer(axum::middleware::from_fn(crate::safety::limit_bodies))
        .layer(RequestBodyTimeoutLayer::new(BODY_TIMEOUT))
        .layer(axum::middleware::from_fn(crate::cross_site::refuse_cross_site))
        .layer(sessions)
        .layer(axum::middleware::from_fn_with_state(
            crate::page_cache::PageCache::new(state.store.clone()),
            crate::page_cache::serve_from_memory,
        ))
        .layer(CompressionLayer::new())
        .layer(axum::middleware::from_fn_with_state(headers, crate::headers::security_headers))
        .layer(header("x-content-type-options", "nosniff"))
        .layer(header("referrer-policy", "strict-origin-when-cross-origin"))
        .layer(header("x-frame-options", "DENY"))
        .layer(axum::middleware::from_fn(crate::safety::catch_panic))
        .with_state(state)
}

/// Built assets, served pre-compressed when `scripts/precompress` left a .br/.gz beside them
/// (brotli at quality 11 beats what the compression layer can afford per request) — but only
/// copies that decompress to the file beside them: a stale one is removed at start, and if it
/// cannot be, the folder is served without its copies.
fn assets(dir: &str) -> ServeDir {
    let checked = crate::precompressed::check_folder(std::path::Path::new(dir));
    for path in &checked.removed {
        tracing::warn!(path = %path.display(), "removed a pre-compressed copy that does not match its file");
    }
    let serve = ServeDir::new(dir);
    if checked.servable() {
        return serve.precompressed_br().precompressed_gzip();
    }
    for path in &checked.stuck {
        tracing::error!(path = %path.display(), "a pre-compressed copy does not match its file and cannot be removed");
    }
    tracing::error!(dir, "serving this folder without pre-compressed copies; run scripts/precompress");
    serve
}

/// Sets a security header on every response that does not already carry it.
fn header(name: &'static str, value: &'static str) -> SetResponseHeaderLayer<HeaderValue> {
    SetResponseHeaderLayer::if_not_present(HeaderName::from_static(name), HeaderValue::from_static(value))
}

/// Completes on Ctrl-C or SIGTERM — and only then: a handler that cannot be registered, or a
/// signal driver that went away (tokio's is shared by every runtime of a process, as in the
/// tests), must not stop a server that nobody asked to stop.
async fn shutdown_signal() {
    let ctrl_c = async {
        if tokio::signal::ctrl_c().await.is_err() {
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let terminate = async {
        let received = match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => s.recv().await.is_some(),
            Err(_) => false,
        };
        if !received {
            std::future::pending::<()>().await;
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! { _ = ctrl_c => {}, _ = terminate => {} }
}
