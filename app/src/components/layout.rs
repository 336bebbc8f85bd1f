//! The frame around every page. On a phone: a compact top bar and a tab bar at the bottom
//! (首页 · 目录 · 地图 · 我的) within thumb reach, where language, 长辈版 and the text size live
//! on 我的. On a wider screen: the top navigation with those switches. Both are the same
//! server-rendered links; the style sheet shows one or the other.

use cc_domain::Locale;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_location;

use crate::account_fns::{who_am_i, Me};
use crate::error::AppError;
use crate::i18n::account::{account_page_strings, account_strings};
use crate::i18n::messages::{message_strings, unread_label};
use crate::islands::prefs_toggles::ElderToggle;
use crate::prefs::{use_prefs, with_lang};

/// Who is logged in, loaded once per page load and shared with every page below the layout.
pub type MeResource = Resource<Result<Option<Me>, AppError>>;

/// This page in the other language (`?lang=`), for a link crawlers can follow too.
pub fn other_language_href(current: Locale) -> String {
    let location = use_location();
    let (path, search) = (location.pathname.get_untracked(), location.search.get_untracked());
    let other = if current == Locale::Zh { Locale::En } else { Locale::Zh };
    with_lang(&path, search.trim_start_matches('?'), Some(other))
}

/// Header, main landmark, footer and the phone's tab bar.
#[component]
pub fn Layout(children: Children) -> impl IntoView {
    let prefs = use_prefs();
    let t = prefs.t();
    let me: MeResource = Resource::new(|| (), |_| who_am_i());
    provide_context(me);
    let a = account_strings(prefs.lang());
    let other = if prefs.lang() == Locale::Zh { Locale::En } else { Locale::Zh };
    view! {
        <crate::components::head_links::HeadLinks/>
        <div class="app">
            <a class="skip-link" href="#main">{t.skip_to_content}</a>
            <header class="site-header">
                <a class="brand" href="/">
                    <span class="brand-name">{t.site_name}</span>
                    <span class="brand-district">{t.district}</span>
                </a>
                <nav class="site-nav" aria-label=t.nav_main>
                    // `A` marks the current page with aria-current="page".
                    <A href="/" exact=true>{t.nav_home}</A>
                    <A href="/catalog">{t.nav_catalog}</A>
                    <A href="/facilities">{t.nav_facilities}</A>
                    <A href="/map">{t.nav_map}</A>
                    <A href="/coverage">{t.nav_coverage}</A>
                    <A href="/heritage">{crate::i18n::heritage::heritage_strings(prefs.lang()).nav}</A>
                    <A href="/demands">{crate::i18n::demands::demand_strings(prefs.lang()).nav}</A>
                    <Transition fallback=|| ()>
                        {move || Suspend::new(async move {
                            match me.await {
                                Ok(Some(me)) => view! {
                                    <A href="/me/bookings" attr:data-testid="nav-my-bookings">{a.nav_my_bookings}</A>
                                    <A href="/me/messages" attr:data-testid="nav-messages">
                                        {message_strings(prefs.lang()).nav}
                                        <UnreadBadge count=me.unread_messages/>
                                    </A>
                                }.into_any(),
                                _ => view! { <A href="/login" attr:data-testid="nav-login">{account_page_strings(prefs.lang()).nav_login}</A> }.into_any(),
                            }
                        })}
                    </Transition>
                    <A href="/me" exact=true>{t.nav_me}</A>
                </nav>
                <div class="prefs">
                    // Shown by app.js where the browser offers to install; 我的 explains it elsewhere.
                    <button type="button" class="pref-toggle install" data-install="" hidden>{t.install_app}</button>
                    <a class="pref-toggle" data-testid="lang-toggle" href=other_language_href(prefs.lang())
                        hreflang=other.tag() lang=other.tag() data-lang-switch=other.query_value() aria-label=t.switch_language>{t.other_language}</a>
                    <ElderToggle/>
                </div>
            </header>
            <main id="main" tabindex="-1">{children()}</main>
            <footer class="site-footer">
                <p>{t.demo_notice} " · " <a href="/plan" data-testid="plan-entrance">{crate::i18n::plan::plan_strings(prefs.lang()).title}</a>
                    " · " <a href="/staff/login" data-testid="staff-entrance">{t.staff_entrance}</a></p>
            </footer>
            <nav class="tab-bar" aria-label=t.nav_tabs>
                <A href="/" exact=true><TabIcon d="M4 11l8-7 8 7v9h-5v-6h-6v6H4z"/><span>{t.nav_home}</span></A>
                <A href="/catalog"><TabIcon d="M5 4h14v16H5zM8 8h8M8 12h8M8 16h5"/><span>{t.tab_catalog}</span></A>
                <A href="/map"><TabIcon d="M12 21s-6-5.5-6-11a6 6 0 0112 0c0 5.5-6 11-6 11zM12 12.5a2.5 2.5 0 100-5 2.5 2.5 0 000 5z"/><span>{t.tab_map}</span></A>
                <A href="/me" attr:data-testid="tab-me"><TabIcon d="M12 12a4 4 0 100-8 4 4 0 000 8zM4 21c0-4 4-6 8-6s8 2 8 6"/><span>{t.nav_me}</span>
                    <Transition fallback=|| ()>
                        {move || Suspend::new(async move {
                            me.await.ok().flatten().map(|me| view! { <UnreadBadge count=me.unread_messages/> })
                        })}
                    </Transition>
                </A>
            </nav>
        </div>
    }
}

/// How many messages are unread, beside a link to them (nothing when none are, nor on the inbox
/// itself, which reads them as it opens).
#[component]
pub fn UnreadBadge(count: i64) -> impl IntoView {
    let prefs = use_prefs();
    let reading = leptos_router::hooks::use_location().pathname.get_untracked() == "/me/messages";
    (count > 0 && !reading).then(|| {
        let shown = if count > 99 { "99+".to_string() } else { count.to_string() };
        view! {
            " " <span class="badge count" data-testid="unread-count" aria-label=unread_label(prefs.lang(), count)>{shown}</span>
        }
    })
}

/// A tab's line drawing (24×24, stroked in the text's colour; words beside it say what it is).
#[component]
fn TabIcon(d: &'static str) -> impl IntoView {
    view! {
        <svg class="tab-icon" viewBox="0 0 24 24" width="24" height="24" aria-hidden="true" focusable="false">
            <path d=d fill="none" stroke="currentColor" stroke-width="2" stroke-linejoin="round" stroke-linecap="round"/>
        </svg>
    }
}
