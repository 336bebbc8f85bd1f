//! Building the application: database, routes, listener. Tests build it on port 0.

use app::{shell, App};
use axum::routing::get;
use axum::Router;
use cc_store::Store;
use http::header::{HeaderName, HeaderValue};
use leptos::config::LeptosOptions;
use leptos::prelude::provide_context;
use std::sync::OnceLock;

use leptos_axum::{file_and_error_handler_with_context, generate_route_list, AxumRouteListing, LeptosRoutes};
use tokio::net::TcpListener;
use tower_http::compression::CompressionLayer;
use tower_http::services::ServeDir;
use tower_http::set_header::SetResponseHeaderLayer;

use crate::api;
use crate::config::Config;

/// State shared by every handler.
#[derive(Clone, axum::extract::FromRef)]
pub struct AppState {
    pub leptos_options: LeptosOptions,
    pub store: Store,
    pub map: app::server_fns::MapSettings,
}

/// A built application, bound to its port and ready to serve.
pub struct Application {
    listener: TcpListener,
    router: Router,
    store: Store,
}

impl Application {
    /// Connects and migrates the database, builds the routes and binds the listener.
    pub async fn build(config: &Config) -> anyhow::Result<Application> {
        let store = Store::connect(&config.database_url).await?;
        store.migrate().await?;
        let listener = TcpListener::bind(config.addr).await?;
        let leptos_options = LeptosOptions::builder()
            .output_name("culture-cloud")
            .site_root(config.site_root.as_str())
            .site_pkg_dir("pkg")
            .site_addr(listener.local_addr()?)
            .env(if config.dev { leptos::config::Env::DEV } else { leptos::config::Env::PROD })
            .build();
        let router = router(AppState { leptos_options, store: store.clone(), map: config.map.clone() });
        Ok(Application { listener, router, store })
    }

    /// The port actually bound (useful with port 0).
    pub fn port(&self) -> u16 {
        self.listener.local_addr().map(|a| a.port()).unwrap_or(0)
    }

    /// The store the application uses (tests seed through it).
    pub fn store(&self) -> &Store {
        &self.store
    }

    /// Serves until Ctrl-C or SIGTERM, then lets requests in flight finish.
    pub async fn run_until_stopped(self) -> std::io::Result<()> {
        tracing::info!(addr = %self.listener.local_addr()?, "Culture Cloud is listening");
        let sweeper = tokio::spawn(sweep_next_sessions(self.store.clone()));
        axum::serve(self.listener, self.router).with_graceful_shutdown(shutdown_signal()).await?;
        sweeper.abort();
        self.store.close().await;
        Ok(())
    }
}

/// Keeps each item's stored "next session" current as sessions begin: at start, then every minute.
async fn sweep_next_sessions(store: Store) {
    let mut every_minute = tokio::time::interval(std::time::Duration::from_secs(60));
    loop {
        every_minute.tick().await;
        if let Err(e) = store.sweep_next_sessions(cc_domain::time::now()).await {
            tracing::warn!(error = %e, "could not move items on to their next session; retrying in a minute");
        }
    }
}

/// The app's routes, generated once per process. Generating them renders the app with resource
/// loading suppressed process-wide (a global flag in leptos_server), so doing it again while
/// another application in the process is serving — as tests do — would stall that one's pages.
fn route_list() -> Vec<AxumRouteListing> {
    static ROUTES: OnceLock<Vec<AxumRouteListing>> = OnceLock::new();
    ROUTES.get_or_init(|| generate_route_list(App)).clone()
}

/// All routes: health, the open-data API, then the Leptos pages and server functions.
pub fn router(state: AppState) -> Router {
    let routes = route_list();
    let (store, map) = (state.store.clone(), state.map.clone());
    let context = move || {
        provide_context(store.clone());
        provide_context(map.clone());
    };
    let site_root = state.leptos_options.site_root.to_string();
    // Built assets, served pre-compressed when `scripts/precompress` left a .br/.gz beside them
    // (brotli at quality 11 beats what the compression layer can afford per request).
    let assets =
        |dir: &str| ServeDir::new(format!("{site_root}/{dir}")).precompressed_br().precompressed_gzip();
    Router::new()
        .route("/healthz", get(api::health::healthz))
        .nest("/api/v1", api::router())
        .nest_service("/pkg", assets("pkg"))
        .nest_service("/vendor", assets("vendor"))
        .leptos_routes_with_context(&state, routes, context.clone(), {
            let options = state.leptos_options.clone();
            move || shell(options.clone())
        })
        .fallback(file_and_error_handler_with_context::<AppState, _>(context, shell))
        .layer(CompressionLayer::new())
        .layer(header("x-content-type-options", "nosniff"))
        .layer(header("referrer-policy", "strict-origin-when-cross-origin"))
        .layer(header("x-frame-options", "DENY"))
        .with_state(state)
}

/// Sets a security header on every response that does not already carry it.
fn header(name: &'static str, value: &'static str) -> SetResponseHeaderLayer<HeaderValue> {
    SetResponseHeaderLayer::if_not_present(HeaderName::from_static(name), HeaderValue::from_static(value))
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        if let Ok(mut s) = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            s.recv().await;
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! { _ = ctrl_c => {}, _ = terminate => {} }
}
