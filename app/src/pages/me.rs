//! `/me` (我的): the resident's corner on a phone — their tickets, the language, how pages look
//! (长辈版, text size), installing the app, logging out.

use cc_domain::Locale;
use leptos::prelude::*;
use leptos_meta::Title;

use crate::components::layout::{other_language_href, MeResource, UnreadBadge};
use crate::i18n::messages::message_strings;
use crate::i18n::account::{account_page_strings, logged_in_as};
use crate::i18n::me::me_strings;
use crate::islands::account_forms::LogoutButton;
use crate::islands::prefs_toggles::{ElderToggle, TextSize};
use crate::prefs::use_prefs;

/// The 我的 page.
#[component]
pub fn MePage() -> impl IntoView {
    let prefs = use_prefs();
    let (m, t) = (me_strings(prefs.lang()), prefs.t());
    let me = use_context::<MeResource>();
    let other = if prefs.lang() == Locale::Zh { Locale::En } else { Locale::Zh };
    view! {
        <Title text=m.title/>
        <section class="me">
            <h1>{m.title}</h1>
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    let me = match me { Some(me) => me.await.ok().flatten(), None => None };
                    match me {
                        Some(me) => view! {
                            <p class="whoami">{logged_in_as(prefs.lang(), &me.phone)} " " <LogoutButton/></p>
                            <p><a class="button primary wide" href="/me/bookings" data-testid="me-tickets">{m.tickets}</a></p>
                            <p>
                                <a class="button wide" href="/me/messages" data-testid="me-messages">
                                    {message_strings(prefs.lang()).title}<UnreadBadge count=me.unread_messages/>
                                </a>
                            </p>
                            <p><a class="button wide" href="/org" data-testid="me-org">{crate::i18n::org::org_strings(prefs.lang()).title}</a></p>
                            <CalendarFeed/>
                        }.into_any(),
                        None => view! {
                            <p>{m.not_logged_in}</p>
                            <p><a class="button primary wide" href="/login?next=/me" data-testid="me-login">{account_page_strings(prefs.lang()).nav_login}</a></p>
                        }.into_any(),
                    }
                })}
            </Suspense>
            <h2>{m.language}</h2>
            <p><a class="button" href=other_language_href(prefs.lang()) hreflang=other.tag() lang=other.tag() data-lang-switch=other.query_value()
                data-testid="me-language">{t.other_language}</a></p>
            <h2>{m.display}</h2>
            <div class="me-display"><ElderToggle/><TextSize/></div>
            <h2>{m.install_title}</h2>
            <p>
                <button type="button" class="primary" data-install="" hidden>{m.install_button}</button>
            </p>
            <p class="hint" data-install-help="">{m.install_help}</p>
            <p class="hint" data-installed="" hidden>{m.installed}</p>
        </section>
    }
}

/// The resident's own calendar feed: a `webcal://` link, and a form to change it.
#[component]
fn CalendarFeed() -> impl IntoView {
    use leptos::server_fn::ServerFn;
    let lang = use_prefs().lang();
    let f = crate::i18n::feeds::feed_strings(lang);
    let feed = Resource::new(|| (), |_| crate::feed_fns::load_calendar_feed());
    let was_reset = leptos_router::hooks::use_query_map().with_untracked(|q| q.get("calendar")).as_deref() == Some("reset");
    view! {
        <section id="calendar" aria-labelledby="calendar-heading">
            <h2 id="calendar-heading">{f.mine_title}</h2>
            {was_reset.then(|| view! { <p class="notice" role="status" data-testid="calendar-reset">{f.was_reset}</p> })}
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    feed.await.ok().map(|path| view! {
                        <p><a class="button wide" href=crate::components::head_links::webcal(&path) data-testid="my-feed">{f.mine}</a></p>
                    })
                })}
            </Suspense>
            <p class="hint">{f.mine_hint}</p>
            <form method="post" action=crate::feed_fns::ResetCalendarForm::url()>
                <button type="submit" data-testid="reset-feed">{f.reset}</button>
            </form>
        </section>
    }
}
