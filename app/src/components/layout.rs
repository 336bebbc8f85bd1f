//! The frame around every page: header with navigation and preference switches, footer.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::account_fns::{who_am_i, Me};
use crate::error::AppError;
use crate::i18n::account::account_strings;
use crate::islands::prefs_toggles::PrefToggles;
use crate::prefs::use_prefs;

/// Who is logged in, loaded once per page load and shared with every page below the layout.
pub type MeResource = Resource<Result<Option<Me>, AppError>>;

/// Header, main landmark and footer; `class="elder"` switches the whole page to elder mode.
#[component]
pub fn Layout(children: Children) -> impl IntoView {
    let prefs = use_prefs();
    let t = move || prefs.t();
    let me: MeResource = Resource::new(|| (), |_| who_am_i());
    provide_context(me);
    let a = move || account_strings(prefs.lang());
    view! {
        <div class="app" class:elder=prefs.elder.get_untracked()>
            <a class="skip-link" href="#main">{move || t().skip_to_content}</a>
            <header class="site-header">
                <a class="brand" href="/">
                    <span class="brand-name">{move || t().site_name}</span>
                    <span class="brand-district">{move || t().district}</span>
                </a>
                <nav class="site-nav" aria-label=move || t().nav_main>
                    // `A` marks the current page with aria-current="page".
                    <A href="/" exact=true>{move || t().nav_home}</A>
                    <A href="/catalog">{move || t().nav_catalog}</A>
                    <A href="/facilities">{move || t().nav_facilities}</A>
                    <A href="/map">{move || t().nav_map}</A>
                    <A href="/coverage">{move || t().nav_coverage}</A>
                    <Transition fallback=|| ()>
                        {move || Suspend::new(async move {
                            match me.await {
                                Ok(Some(_)) => view! {
                                    <A href="/me/bookings" attr:data-testid="nav-my-bookings">
                                        {move || a().nav_my_bookings}
                                    </A>
                                }.into_any(),
                                _ => view! {
                                    <A href="/login" attr:data-testid="nav-login">{move || a().nav_login}</A>
                                }.into_any(),
                            }
                        })}
                    </Transition>
                </nav>
                <PrefToggles/>
            </header>
            <main id="main" tabindex="-1">{children()}</main>
            <footer class="site-footer">
                <p>{move || t().demo_notice}</p>
            </footer>
        </div>
    }
}
