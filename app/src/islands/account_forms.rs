//! The log-in and registration forms: they answer in words right where the resident typed,
//! and go on to `next` (a path on this site, checked on the server) once logged in.

use leptos::html;
use leptos::prelude::*;

use super::booking::failure;
use super::browser;
use crate::account_fns::{
    log_in_resident, register_resident, request_code, LogInResident, RegisterResident,
};
use crate::error::AppError;
use crate::i18n::account::account_strings;
use crate::prefs::use_prefs;

/// The value of the input behind `node`.
fn value(node: NodeRef<html::Input>) -> String {
    node.get_untracked().map(|input| input.value()).unwrap_or_default()
}

/// Number and password; on success a full load of `next`, so every part of it sees the login.
/// The form sends typed arguments (no form parsing in the browser bundle), through `Action`
/// (a `ServerAction` would also carry a decoder for no-JS form errors).
#[island]
pub fn LoginForm(next: String) -> impl IntoView {
    let prefs = use_prefs();
    let a = move || account_strings(prefs.lang());
    let login = Action::new(|args: &LogInResident| log_in_resident(args.phone.clone(), args.password.clone()));
    let (phone, password) = (NodeRef::<html::Input>::new(), NodeRef::<html::Input>::new());
    Effect::new(move |_| {
        if let Some(Ok(())) = login.value().get() {
            browser::go_to(&next);
        }
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        login.dispatch(LogInResident { phone: value(phone), password: value(password) });
    };
    view! {
        <form method="post" on:submit=submit data-testid="login-form">
            <PhoneField node=phone/>
            <label>
                <span>{move || a().password_label}</span>
                <input type="password" name="password" required autocomplete="current-password" node_ref=password/>
            </label>
            <FormError value=login.value()/>
            <button type="submit" class="primary" disabled=move || login.pending().get()>
                {move || if login.pending().get() { a().working } else { a().login_button }}
            </button>
        </form>
    }
}

/// Number, SMS code (sent on request), new password: a new account, or with `reset` a new
/// password for an account whose password was forgotten.
#[island]
pub fn RegisterForm(next: String, reset: bool) -> impl IntoView {
    let prefs = use_prefs();
    let a = move || account_strings(prefs.lang());
    let register = Action::new(|args: &RegisterResident| {
        register_resident(args.phone.clone(), args.code.clone(), args.password.clone(), args.forgotten)
    });
    let send_code = Action::new(|phone: &String| request_code(phone.clone()));
    let (phone, code, password) = (NodeRef::<html::Input>::new(), NodeRef::<html::Input>::new(), NodeRef::<html::Input>::new());
    Effect::new(move |_| {
        if let Some(Ok(())) = register.value().get() {
            browser::go_to(&next);
        }
    });
    let request_code = move |_| {
        send_code.dispatch(value(phone));
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        register.dispatch(RegisterResident { phone: value(phone), code: value(code), password: value(password), forgotten: reset });
    };
    view! {
        <form method="post" on:submit=submit data-testid=if reset { "reset-form" } else { "register-form" }>
            <PhoneField node=phone/>
            <div class="code-row">
                <label>
                    <span>{move || a().code_label}</span>
                    <input type="text" name="code" required inputmode="numeric" autocomplete="one-time-code"
                        maxlength="6" node_ref=code/>
                </label>
                <button type="button" data-testid="send-code" on:click=request_code
                    disabled=move || send_code.pending().get()>
                    {move || a().send_code}
                </button>
            </div>
            {move || match send_code.value().get() {
                Some(Ok(())) => view! { <p class="notice" role="status">{a().code_sent}</p> }.into_any(),
                Some(Err(e)) => view! { <p class="form-error" role="alert">{failure(&e, prefs.lang())}</p> }.into_any(),
                None => ().into_any(),
            }}
            <label>
                <span>{move || a().password_label}</span>
                <input type="password" name="password" required minlength="8" autocomplete="new-password"
                    placeholder=move || a().new_password_hint node_ref=password/>
            </label>
            <FormError value=register.value()/>
            <button type="submit" class="primary" disabled=move || register.pending().get()>
                {move || match (register.pending().get(), reset) {
                    (true, _) => a().working,
                    (false, true) => a().reset_button,
                    (false, false) => a().register_button,
                }}
            </button>
        </form>
    }
}

#[component]
fn PhoneField(node: NodeRef<html::Input>) -> impl IntoView {
    let prefs = use_prefs();
    let a = move || account_strings(prefs.lang());
    view! {
        <label>
            <span>{move || a().phone_label}</span>
            <input type="tel" name="phone" required autocomplete="tel" inputmode="numeric"
                placeholder=move || a().phone_hint node_ref=node/>
        </label>
    }
}

/// The last submission's error, explained.
#[component]
fn FormError(#[prop(into)] value: Signal<Option<Result<(), AppError>>>) -> impl IntoView {
    let prefs = use_prefs();
    move || match value.get() {
        Some(Err(e)) => {
            view! { <p class="form-error" role="alert" data-testid="form-error">{failure(&e, prefs.lang())}</p> }.into_any()
        }
        _ => ().into_any(),
    }
}

/// Logs the resident out, then loads the home page.
#[island]
pub fn LogoutButton() -> impl IntoView {
    let prefs = use_prefs();
    let log_out = Action::new(|_: &()| crate::account_fns::log_out_resident());
    Effect::new(move |_| {
        if let Some(Ok(())) = log_out.value().get() {
            browser::go_to("/");
        }
    });
    view! {
        <button type="button" class="link-button" data-testid="logout" data-forget-personal="" on:click=move |_| { log_out.dispatch(()); }>
            {move || account_strings(prefs.lang()).logout}
        </button>
    }
}
