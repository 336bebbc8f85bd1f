//! `/offline`: what the service worker shows for a page never saved on the phone, in the
//! resident's language (the worker keeps the version of their language).

use leptos::prelude::*;
use leptos_meta::Title;

use crate::i18n::account::account_page_strings;
use crate::prefs::use_prefs;

/// The offline page.
#[component]
pub fn OfflinePage() -> impl IntoView {
    let prefs = use_prefs();
    let t = prefs.t();
    view! {
        <Title text=t.offline_title/>
        <section class="not-found" data-testid="offline-page">
            <h1>{t.offline_title}</h1>
            <p>{t.offline_body}</p>
            <p>{t.offline_tickets} " " <a href="/me/bookings">{account_page_strings(prefs.lang()).my_bookings_title}</a></p>
        </section>
    }
}
