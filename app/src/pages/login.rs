//! `/login` and `/register`: a mobile number and a password; registering confirms the number
//! with an SMS code. Both go on to `?next=` (a path on this site) or to the resident's bookings.

use leptos::html;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::account_fns::{LogInResident, RegisterResident, RequestCode};
use crate::i18n::account::account_strings;
use crate::prefs::use_prefs;

/// Where to go after logging in: `next` if it is a path on this site, else the bookings page.
fn next_path() -> Signal<String> {
    let query = use_query_map();
    Signal::derive(move || {
        let next = query.with(|q| q.get("next")).unwrap_or_default();
        cc_domain::redirect::local_path(&next).unwrap_or("/me/bookings").to_string()
    })
}

/// A full page load to `path`, so every part of the page sees the new login.
pub fn reload_at(path: &str) {
    #[cfg(feature = "hydrate")]
    if let Some(window) = web_sys::window() {
        let _ = window.location().set_href(path);
    }
    #[cfg(not(feature = "hydrate"))]
    let _ = path;
}

/// The log-in form.
#[component]
pub fn LoginPage() -> impl IntoView {
    let prefs = use_prefs();
    let a = move || account_strings(prefs.lang());
    let login = ServerAction::<LogInResident>::new();
    let next = next_path();
    Effect::new(move |_| {
        if let Some(Ok(())) = login.value().get() {
            reload_at(&next.get_untracked());
        }
    });
    let register_href = move || format!("/register?next={}", cc_domain::query::percent_encode(&next.get()));
    view! {
        <Title text=move || a().login_title/>
        <section class="account-form">
            <h1>{move || a().login_title}</h1>
            <ActionForm action=login attr:data-testid="login-form">
                <PhoneField/>
                <label>
                    <span>{move || a().password_label}</span>
                    <input type="password" name="password" required autocomplete="current-password"/>
                </label>
                <FormError value=login.value()/>
                <button type="submit" class="primary" disabled=move || login.pending().get()>
                    {move || if login.pending().get() { a().working } else { a().login_button }}
                </button>
            </ActionForm>
            <p><a href=register_href>{move || a().no_account}</a></p>
        </section>
    }
}

/// The registration form: number, SMS code, new password.
#[component]
pub fn RegisterPage() -> impl IntoView {
    let prefs = use_prefs();
    let a = move || account_strings(prefs.lang());
    let register = ServerAction::<RegisterResident>::new();
    let send_code = ServerAction::<RequestCode>::new();
    let phone_input = NodeRef::<html::Input>::new();
    let next = next_path();
    Effect::new(move |_| {
        if let Some(Ok(())) = register.value().get() {
            reload_at(&next.get_untracked());
        }
    });
    let request_code = move |_| {
        let phone = phone_input.get().map(|input| input.value()).unwrap_or_default();
        send_code.dispatch(RequestCode { phone });
    };
    let login_href = move || format!("/login?next={}", cc_domain::query::percent_encode(&next.get()));
    view! {
        <Title text=move || a().register_title/>
        <section class="account-form">
            <h1>{move || a().register_title}</h1>
            <ActionForm action=register attr:data-testid="register-form">
                <label>
                    <span>{move || a().phone_label}</span>
                    <input type="tel" name="phone" required autocomplete="tel" inputmode="numeric"
                        placeholder=move || a().phone_hint node_ref=phone_input/>
                </label>
                <div class="code-row">
                    <label>
                        <span>{move || a().code_label}</span>
                        <input type="text" name="code" required inputmode="numeric" autocomplete="one-time-code"
                            maxlength="6"/>
                    </label>
                    <button type="button" data-testid="send-code" on:click=request_code
                        disabled=move || send_code.pending().get()>
                        {move || a().send_code}
                    </button>
                </div>
                {move || match send_code.value().get() {
                    Some(Ok(())) => view! { <p class="notice" role="status">{a().code_sent}</p> }.into_any(),
                    Some(Err(e)) => view! { <p class="form-error" role="alert">{e.message(prefs.lang())}</p> }.into_any(),
                    None => ().into_any(),
                }}
                <label>
                    <span>{move || a().password_label}</span>
                    <input type="password" name="password" required minlength="8" autocomplete="new-password"
                        placeholder=move || a().new_password_hint/>
                </label>
                <FormError value=register.value()/>
                <button type="submit" class="primary" disabled=move || register.pending().get()>
                    {move || if register.pending().get() { a().working } else { a().register_button }}
                </button>
            </ActionForm>
            <p><a href=login_href>{move || a().have_account}</a></p>
        </section>
    }
}

#[component]
fn PhoneField() -> impl IntoView {
    let prefs = use_prefs();
    let a = move || account_strings(prefs.lang());
    view! {
        <label>
            <span>{move || a().phone_label}</span>
            <input type="tel" name="phone" required autocomplete="tel" inputmode="numeric"
                placeholder=move || a().phone_hint/>
        </label>
    }
}

/// The last submission's error, explained.
#[component]
fn FormError(#[prop(into)] value: Signal<Option<Result<(), crate::error::AppError>>>) -> impl IntoView {
    let prefs = use_prefs();
    move || {
        match value.get() {
        Some(Err(e)) => view! { <p class="form-error" role="alert" data-testid="form-error">{e.message(prefs.lang())}</p> }.into_any(),
        _ => ().into_any(),
    }
    }
}
