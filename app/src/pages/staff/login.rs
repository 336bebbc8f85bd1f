//! `/staff/login`: staff log in with a username and password, then — where the account needs
//! one — a code from an authenticator app, setting one up first if the role requires it.

use leptos::prelude::*;
use leptos_meta::Title;

use super::second_factor::{EnrolPanel, RecoveryCodes};
use crate::i18n::second_factor::second_factor_strings;
use crate::i18n::staff::staff_strings;
use crate::pages::login::reload_at;
use crate::prefs::use_prefs;
use crate::staff_login_fns::{LoginStep, StaffLogIn, StaffLogInCode};

/// The staff login: password, then the code step when the account has one.
#[component]
pub fn StaffLoginPage() -> impl IntoView {
    let prefs = use_prefs();
    let s = move || staff_strings(prefs.lang());
    view! {
        <Title text=move || s().login_title/>
        <StaffLogin/>
    }
}

/// The page's island: everything on it that runs in the browser.
#[cfg_attr(feature = "staff", island)]
#[cfg_attr(not(feature = "staff"), component)]
pub fn StaffLogin() -> impl IntoView {
    let prefs = use_prefs();
    let s = move || staff_strings(prefs.lang());
    let login = ServerAction::<StaffLogIn>::new();
    let code = ServerAction::<StaffLogInCode>::new();
    Effect::new(move |_| {
        if let Some(Ok(LoginStep::LoggedIn)) = login.value().get() {
            reload_at("/staff");
        }
        if let Some(Ok(codes)) = code.value().get() {
            if codes.is_empty() {
                reload_at("/staff");
            }
        }
    });
    let step = move || login.value().get().and_then(Result::ok);
    view! {
        <section class="account-form">
            <h1>{move || s().login_title}</h1>
            {move || match step() {
                None | Some(LoginStep::LoggedIn) => view! { <PasswordForm login/> }.into_any(),
                Some(LoginStep::CodeNeeded) => view! { <CodeStep code enrolment=None/> }.into_any(),
                Some(LoginStep::EnrolNeeded(enrolment)) => view! { <CodeStep code enrolment=Some(enrolment)/> }.into_any(),
            }}
        </section>
    }
}

#[component]
fn PasswordForm(login: ServerAction<StaffLogIn>) -> impl IntoView {
    let prefs = use_prefs();
    let s = move || staff_strings(prefs.lang());
    view! {
        <ActionForm action=login>
            <label><span>{move || s().username}</span>
                <input type="text" name="username" required autocomplete="username"/></label>
            <label><span>{move || s().password}</span>
                <input type="password" name="password" required autocomplete="current-password"/></label>
            {move || login.value().get().and_then(Result::err).map(|e| view! {
                <p class="form-error" role="alert" data-testid="form-error">{e.message(prefs.lang())}</p>
            })}
            <button type="submit" class="primary" disabled=move || login.pending().get()>{move || s().log_in}</button>
        </ActionForm>
    }
}

/// The code form, under the set-up panel when the authenticator is new; the recovery codes
/// once a new one is confirmed.
#[component]
fn CodeStep(code: ServerAction<StaffLogInCode>, enrolment: Option<crate::staff_login_fns::EnrolmentView>) -> impl IntoView {
    let prefs = use_prefs();
    let t = move || second_factor_strings(prefs.lang());
    let enrolling = enrolment.is_some();
    view! {
        {move || match code.value().get() {
            Some(Ok(codes)) if !codes.is_empty() => view! { <RecoveryCodes codes next="/staff"/> }.into_any(),
            _ => view! {
                {enrolment.clone().map(|enrolment| view! { <EnrolPanel enrolment/> })}
                {(!enrolling).then(|| view! {
                    <h2>{move || t().code_heading}</h2>
                    <p class="hint">{move || t().code_hint}</p>
                })}
                <ActionForm action=code attr:data-testid="code-form">
                    <label><span>{move || t().code_label}</span>
                        <input type="text" name="code" required autocomplete="one-time-code" inputmode="text"
                            maxlength="20" data-testid="second-factor-code"/></label>
                    {move || code.value().get().and_then(Result::err).map(|e| view! {
                        <p class="form-error" role="alert" data-testid="form-error">{e.message(prefs.lang())}</p>
                    })}
                    <button type="submit" class="primary" disabled=move || code.pending().get()>{move || t().verify}</button>
                </ActionForm>
            }.into_any(),
        }}
    }
}
