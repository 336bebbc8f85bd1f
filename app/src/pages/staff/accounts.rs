//! `/staff/accounts`: the staff accounts a district or street admin manages — create one,
//! disable one. The scope rules are the console's (`cc-services`), the same as the API's.

use leptos::prelude::*;
use leptos_meta::Title;

use super::StaffError;
use crate::components::status::Loading;
use crate::i18n::staff::staff_strings;
use crate::i18n::staff_accounts::account_strings;
use crate::prefs::use_prefs;
use crate::staff_account_fns::{load_accounts, AccountsPage, CreateStaffAccount, DisableStaffAccount};

/// The accounts page.
#[component]
pub fn StaffAccountsPage() -> impl IntoView {
    let prefs = use_prefs();
    let t = move || account_strings(prefs.lang());
    view! {
        <Title text=move || t().heading/>
        <StaffAccounts/>
    }
}

/// The page's island: everything on it that runs in the browser.
#[cfg_attr(feature = "staff", island)]
#[cfg_attr(not(feature = "staff"), component)]
pub fn StaffAccounts() -> impl IntoView {
    let prefs = use_prefs();
    let t = move || account_strings(prefs.lang());
    let create = ServerAction::<CreateStaffAccount>::new();
    let disable = ServerAction::<DisableStaffAccount>::new();
    let page = Resource::new(move || (create.version().get(), disable.version().get()), |_| load_accounts());
    view! {
        <section class="staff accounts">
            <p><a href="/staff">{move || staff_strings(prefs.lang()).back}</a></p>
            <h1>{move || t().heading}</h1>
            {move || disable.value().get().and_then(Result::err).map(|e| view! {
                <p class="form-error" role="alert">{e.message(prefs.lang())}</p>
            })}
            <Transition fallback=Loading>
                {move || Suspend::new(async move {
                    match page.await {
                        Ok(data) => view! { <Accounts data create disable/> }.into_any(),
                        Err(error) => view! { <StaffError error/> }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}

#[component]
fn Accounts(
    data: AccountsPage,
    create: ServerAction<CreateStaffAccount>,
    disable: ServerAction<DisableStaffAccount>,
) -> impl IntoView {
    let prefs = use_prefs();
    let t = move || account_strings(prefs.lang());
    let s = move || staff_strings(prefs.lang());
    let AccountsPage { accounts, roles, streets, facilities } = data;
    let list = if accounts.is_empty() {
        view! { <p>{move || t().none}</p> }.into_any()
    } else {
        view! {
            <table class="sessions" data-testid="staff-accounts">
                <thead><tr>
                    <th>{move || s().username}</th><th>{move || t().display_name}</th>
                    <th>{move || t().role}</th><th>{move || t().scope}</th><th></th>
                </tr></thead>
                <tbody>
                    {accounts.into_iter().map(|a| {
                        let disable_id = format!("disable-{}", a.username);
                        view! {
                        <tr data-testid="staff-account" data-username=a.username.clone()>
                            <td>{a.username.clone()}</td>
                            <td>{a.display_name.clone()}</td>
                            <td>{move || a.role.label(prefs.lang())}</td>
                            <td>{a.scope.clone()}</td>
                            <td>{if a.disabled {
                                view! { <span>{move || t().disabled}</span> }.into_any()
                            } else {
                                view! {
                                    <ActionForm action=disable attr:class="inline-form">
                                        <input type="hidden" name="staff_id" value=a.id.to_string()/>
                                        <button type="submit" data-testid=disable_id>{move || t().disable}</button>
                                    </ActionForm>
                                }.into_any()
                            }}</td>
                        </tr>
                    }}).collect_view()}
                </tbody>
            </table>
        }
        .into_any()
    };
    view! {
        {list}
        <h2>{move || t().new_account}</h2>
        <ActionForm action=create attr:class="staff-form" attr:data-testid="new-account">
            <label><span>{move || s().username}</span>
                <input type="text" name="username" required maxlength="40" autocomplete="off"/></label>
            <label><span>{move || t().display_name}</span>
                <input type="text" name="display_name" required maxlength="40"/></label>
            <label><span>{move || s().password}</span>
                <input type="password" name="password" required minlength="12" autocomplete="new-password"/></label>
            <p class="hint">{move || t().password_hint}</p>
            <label><span>{move || t().role}</span>
                <select name="role">
                    {roles.into_iter().map(|r| view! { <option value=r.as_str()>{move || r.label(prefs.lang())}</option> }).collect_view()}
                </select>
            </label>
            <label><span>{move || t().street}</span>
                <select name="street_id">
                    <option value="">{move || t().none_chosen}</option>
                    {streets.into_iter().map(|(id, name)| view! { <option value=id.to_string()>{name}</option> }).collect_view()}
                </select>
            </label>
            <label><span>{move || t().facility}</span>
                <select name="facility_id">
                    <option value="">{move || t().none_chosen}</option>
                    {facilities.into_iter().map(|(id, name)| view! { <option value=id.to_string()>{name}</option> }).collect_view()}
                </select>
            </label>
            {move || create.value().get().map(|outcome| match outcome {
                Ok(_) => view! { <p class="booking-outcome" role="status" data-testid="account-created">{t().created}</p> }.into_any(),
                Err(e) => view! { <p class="form-error" role="alert" data-testid="form-error">{e.message(prefs.lang())}</p> }.into_any(),
            })}
            <button type="submit" class="primary">{move || t().create}</button>
        </ActionForm>
    }
}
