//! `/login`, `/register` and `/reset`: a mobile number and a password; registering and
//! resetting a forgotten password confirm the number with an SMS code. All go on to `?next=`
//! (a path on this site) or to the resident's bookings.
//! The forms themselves are islands (`islands::account_forms`).

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::i18n::account::account_strings;
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
    let a = move || account_strings(prefs.lang());
    let next = next_path();
    let register_href = format!("/register?next={}", cc_domain::query::percent_encode(&next));
    let reset_href = format!("/reset?next={}", cc_domain::query::percent_encode(&next));
    view! {
        <Title text=move || a().login_title/>
        <section class="account-form">
            <h1>{move || a().login_title}</h1>
            <LoginForm next/>
            <p><a href=register_href>{move || a().no_account}</a></p>
            <p><a href=reset_href data-testid="forgot-password">{move || a().forgot_password}</a></p>
        </section>
    }
}

/// A forgotten password: number, SMS code, new password; every other login ends.
#[component]
pub fn ResetPage() -> impl IntoView {
    let prefs = use_prefs();
    let a = move || account_strings(prefs.lang());
    let next = next_path();
    let login_href = format!("/login?next={}", cc_domain::query::percent_encode(&next));
    view! {
        <Title text=move || a().reset_title/>
        <section class="account-form">
            <h1>{move || a().reset_title}</h1>
            <p>{move || a().reset_intro}</p>
            <RegisterForm next reset=true/>
            <p><a href=login_href>{move || a().have_account}</a></p>
        </section>
    }
}

/// The registration page: number, SMS code, new password.
#[component]
pub fn RegisterPage() -> impl IntoView {
    let prefs = use_prefs();
    let a = move || account_strings(prefs.lang());
    let next = next_path();
    let login_href = format!("/login?next={}", cc_domain::query::percent_encode(&next));
    view! {
        <Title text=move || a().register_title/>
        <section class="account-form">
            <h1>{move || a().register_title}</h1>
            <RegisterForm next reset=false/>
            <p><a href=login_href>{move || a().have_account}</a></p>
        </section>
    }
}
