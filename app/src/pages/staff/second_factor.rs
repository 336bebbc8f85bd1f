//! The second factor's parts shared by the login and `/staff/security`: the set-up panel (QR
//! code and typed secret) and the recovery codes, shown once. `/staff/security` itself lets
//! any staff member set one up.

use leptos::prelude::*;
use leptos_meta::Title;

use super::StaffError;
use crate::components::status::Loading;
use crate::i18n::second_factor::second_factor_strings;
use crate::prefs::use_prefs;
use crate::staff_login_fns::{second_factor_status, BeginSecondFactor, ConfirmSecondFactor, EnrolmentView};

/// How to add the account to an authenticator app.
#[component]
pub fn EnrolPanel(enrolment: EnrolmentView) -> impl IntoView {
    let prefs = use_prefs();
    let t = move || second_factor_strings(prefs.lang());
    view! {
        <h2>{move || t().enrol_heading}</h2>
        <p class="hint">{move || t().enrol_hint}</p>
        <img class="totp-qr" src=enrolment.qr alt=move || t().qr_alt width="220" height="220" data-testid="totp-qr"/>
        <p>{move || t().secret_label} {move || crate::i18n::colon(prefs.lang())} <code class="totp-secret" data-testid="totp-secret">{enrolment.secret}</code></p>
    }
}

/// The recovery codes, with a link on once they are kept.
#[component]
pub fn RecoveryCodes(codes: Vec<String>, next: &'static str) -> impl IntoView {
    let prefs = use_prefs();
    let t = move || second_factor_strings(prefs.lang());
    view! {
        <h2>{move || t().recovery_heading}</h2>
        <p class="hint">{move || t().recovery_hint}</p>
        <ol class="recovery-codes" data-testid="recovery-codes">
            {codes.into_iter().map(|c| view! { <li><code>{c}</code></li> }).collect_view()}
        </ol>
        <p><a class="button primary" href=next data-testid="recovery-continue">{move || t().continue_to_console}</a></p>
    }
}

/// `/staff/security`: the member's second factor, and setting one up.
#[component]
pub fn SecurityPage() -> impl IntoView {
    let prefs = use_prefs();
    let t = move || second_factor_strings(prefs.lang());
    view! {
        <Title text=move || t().security_title/>
        <Security/>
    }
}

/// The page's island: everything on it that runs in the browser.
#[cfg_attr(feature = "staff", island)]
#[cfg_attr(not(feature = "staff"), component)]
pub fn Security() -> impl IntoView {
    let prefs = use_prefs();
    let t = move || second_factor_strings(prefs.lang());
    let status = Resource::new(|| (), |_| second_factor_status());
    let begin = ServerAction::<BeginSecondFactor>::new();
    let confirm = ServerAction::<ConfirmSecondFactor>::new();
    view! {
        <section class="staff account-form">
            <p><a href="/staff">{move || crate::i18n::staff::staff_strings(prefs.lang()).back}</a></p>
            <h1>{move || t().security_title}</h1>
            <Suspense fallback=Loading>
                {move || Suspend::new(async move {
                    match status.await {
                        Err(error) => view! { <StaffError error/> }.into_any(),
                        Ok(status) => view! {
                            <p data-testid="second-factor-status">
                                {move || if status.set_up { t().status_on } else { t().status_off }} " "
                                {status.required.then(|| view! { <span>{move || t().status_required}</span> })}
                            </p>
                            {status.set_up.then(|| view! {
                                <p>{move || t().codes_left} {move || crate::i18n::colon(prefs.lang())} {status.recovery_codes_left}</p>
                            })}
                            {(!status.set_up).then(|| view! { <SetUp begin confirm/> })}
                        }.into_any(),
                    }
                })}
            </Suspense>
        </section>
    }
}

#[component]
fn SetUp(begin: ServerAction<BeginSecondFactor>, confirm: ServerAction<ConfirmSecondFactor>) -> impl IntoView {
    let prefs = use_prefs();
    let t = move || second_factor_strings(prefs.lang());
    view! {
        {move || match (begin.value().get(), confirm.value().get()) {
            (_, Some(Ok(codes))) => view! { <RecoveryCodes codes next="/staff"/> }.into_any(),
            (Some(Ok(enrolment)), _) => view! {
                <EnrolPanel enrolment/>
                <ActionForm action=confirm>
                    <label><span>{move || t().code_label}</span>
                        <input type="text" name="code" required autocomplete="one-time-code" maxlength="20"
                            data-testid="second-factor-code"/></label>
                    {move || confirm.value().get().and_then(Result::err).map(|e| view! {
                        <p class="form-error" role="alert" data-testid="form-error">{e.message(prefs.lang())}</p>
                    })}
                    <button type="submit" class="primary">{move || t().verify}</button>
                </ActionForm>
            }.into_any(),
            (outcome, _) => view! {
                {outcome.and_then(Result::err).map(|e| view! {
                    <p class="form-error" role="alert">{e.message(prefs.lang())}</p>
                })}
                <ActionForm action=begin>
                    <button type="submit" class="primary" data-testid="begin-second-factor">{move || t().set_up}</button>
                </ActionForm>
            }.into_any(),
        }}
    }
}
