//! `/login`, `/register` and `/reset`: a mobile number and a password; registering and
//! resetting a forgotten password confirm the number with an SMS code. All go on to `?next=`
//! (a path on this site) or to the resident's bookings.
//! The forms themselves are islands (`islands::account_forms`).

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::i18n::account::{account_page_strings, reset_page_strings};
use crate::islands::account_forms::{LoginForm, RegisterForm};
use crate::prefs::use_prefs;

/// Where to go after logging in: `next` if it is a path on this site, else the bookings page.
fn next_path() -> String {
    let next = use_query_map().with_untracked(|q| q.get("next")).unwrap_or_default();
    cc_domain::redirect::local_path(&next).unwrap_or("/me/bookings").to_string()
}

/// A full page load to `path`, so every part of the page sees the new login.
pub fn reload_at(path: &str) {
    crate::islands::browser::go_to(path);
}

/// The log-in page.
#[component]
pub fn LoginPage() -> impl IntoView {
    let prefs = use_prefs();
    let p = move || account_page_strings(prefs.lang());
    let next = next_path();
    let register_href = format!("/register?next={}", cc_domain::query::percent_encode(&next));
    let reset_href = format!("/reset?next={}", cc_domain::query::percent_encode(&next));
    view! {
        <Title text=move || p().login_title/>
        <section class="account-form">
            <h1>{move || p().login_title}</h1>
            <LoginForm next/>
            <p><a href=register_href>{move || p().no_account}</a></p>
            <p><a href=reset_href data-testid="forgot-password">{move || reset_page_strings(prefs.lang()).forgot_password}</a></p>
        </section>
    }
}

/// A forgotten password: number, SMS code, new password; every other login ends.
#[component]
pub fn ResetPage() -> impl IntoView {
    let prefs = use_prefs();
    let (p, r) = (move || account_page_strings(prefs.lang()), move || reset_page_strings(prefs.lang()));
    let next = next_path();
    let login_href = format!("/login?next={}", cc_domain::query::percent_encode(&next));
    view! {
        <Title text=move || r().title/>
        <section class="account-form">
            <h1>{move || r().title}</h1>
            <p>{move || r().intro}</p>
            <RegisterForm next reset=true/>
            <p><a href=login_href>{move || p().have_account}</a></p>
        </section>
    }
}

/// The registration page: number, SMS code, new password.
#[component]
pub fn RegisterPage() -> impl IntoView {
    let prefs = use_prefs();
    let p = move || account_page_strings(prefs.lang());
    let next = next_path();
    let login_href = format!("/login?next={}", cc_domain::query::percent_encode(&next));
    view! {
        <Title text=move || p().register_title/>
        <section class="account-form">
            <h1>{move || p().register_title}</h1>
            <RegisterForm next reset=false/>
            <p><a href=login_href>{move || p().have_account}</a></p>
        </section>
    }
}
