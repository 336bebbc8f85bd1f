//! `/staff/login`: staff log in with a username and password.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::i18n::staff::staff_strings;
use crate::pages::login::reload_at;
use crate::prefs::use_prefs;
use crate::staff_fns::StaffLogIn;

/// The staff login form; on success, the console.
#[component]
pub fn StaffLoginPage() -> impl IntoView {
    let prefs = use_prefs();
    let s = move || staff_strings(prefs.lang());
    let login = ServerAction::<StaffLogIn>::new();
    Effect::new(move |_| {
        if let Some(Ok(())) = login.value().get() {
            reload_at("/staff");
        }
    });
    view! {
        <Title text=move || s().login_title/>
        <section class="account-form">
            <h1>{move || s().login_title}</h1>
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
        </section>
    }
}
