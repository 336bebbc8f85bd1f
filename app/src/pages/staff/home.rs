//! `/staff`: the services and this week's sessions in the staff member's scope, the workflow
//! actions their role allows, and a form for a new service with its first session.

use cc_domain::staff::Role;
use cc_domain::workflow::{transition, Action as Move, ItemStatus};
use leptos::prelude::*;
use leptos_meta::Title;

use super::StaffError;
use crate::components::status::Loading;
use crate::components::text_area::TextArea;
use crate::i18n::date_time;
use crate::i18n::staff::{item_status, staff_strings};
use crate::pages::login::reload_at;
use crate::prefs::use_prefs;
use crate::staff_fns::{
    staff_log_out, staff_overview, CreateService, ItemLine, MoveService, Overview, SessionLine,
};

/// The console's home.
#[component]
pub fn StaffHomePage() -> impl IntoView {
    let prefs = use_prefs();
    let s = move || staff_strings(prefs.lang());
    view! {
        <Title text=move || s().console/>
        <StaffHome/>
    }
}

/// The page's island: everything on it that runs in the browser.
#[cfg_attr(feature = "staff", island)]
#[cfg_attr(not(feature = "staff"), component)]
pub fn StaffHome() -> impl IntoView {
    let prefs = use_prefs();
    let s = move || staff_strings(prefs.lang());
    let create = ServerAction::<CreateService>::new();
    let moves = ServerAction::<MoveService>::new();
    let overview =
        Resource::new(move || (create.version().get(), moves.version().get()), |_| staff_overview());
    let log_out = Action::new(|_: &()| staff_log_out());
    Effect::new(move |_| {
        if let Some(Ok(())) = log_out.value().get() {
            reload_at("/staff/login");
        }
    });
    view! {
        <section class="staff">
            <h1>{move || s().console}</h1>
            <Transition fallback=Loading>
                {move || Suspend::new(async move {
                    match overview.await {
                        Ok(data) => view! { <Console data create moves log_out/> }.into_any(),
                        Err(error) => view! { <StaffError error/> }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}

#[component]
fn Console(
    data: Overview,
    create: ServerAction<CreateService>,
    moves: ServerAction<MoveService>,
    log_out: Action<(), Result<(), crate::error::AppError>>,
) -> impl IntoView {
    let prefs = use_prefs();
    let s = move || staff_strings(prefs.lang());
    let Overview { me, items, sessions, facilities, categories, audiences } = data;
    let role = me.role;
    let authors = role.authors();
    view! {
        <p class="whoami" data-testid="staff-whoami">
            {me.display_name.clone()} " · " {move || role.label(prefs.lang())} " "
            <button type="button" class="link-button" on:click=move |_| { log_out.dispatch(()); }>{move || s().log_out}</button>
            {(role == Role::DistrictAdmin).then(|| view! { " · " <a href="/staff/audit">{move || s().audit}</a> })}
            {role.keeps_vocabulary().then(|| view! {
                " · " <a href="/staff/vocabulary" data-testid="vocabulary-link">{move || crate::i18n::vocabulary::vocabulary_strings(prefs.lang()).title}</a>
            })}
            {matches!(role, Role::DistrictAdmin | Role::StreetAdmin).then(|| view! {
                " · " <a href="/staff/dashboard">{move || crate::i18n::dashboard::dashboard_strings(prefs.lang()).title}</a>
                " · " <a href="/staff/accounts">{move || crate::i18n::staff_accounts::account_strings(prefs.lang()).heading}</a>
            })}
            {matches!(role, Role::DistrictAdmin | Role::StreetAdmin | Role::FacilityManager).then(|| view! {
                " · " <a href="/staff/facilities">{move || s().facility_records}</a>
            })}
            {matches!(role, Role::DistrictAdmin | Role::StreetAdmin | Role::Reviewer).then(|| view! {
                " · " <a href="/staff/compliance">{move || s().compliance_export}</a>
            })}
            {matches!(role, Role::DistrictAdmin | Role::StreetAdmin).then(|| view! {
                " · " <a href="/staff/demands">{move || crate::i18n::demands::demand_strings(prefs.lang()).staff_title}</a>
            })}
            {role.verifies_units().then(|| view! {
                " · " <a href="/staff/organisations">{move || crate::i18n::org::org_strings(prefs.lang()).staff_title}</a>
                " · " <a href="/staff/fund">{move || crate::i18n::apply::apply_strings(prefs.lang()).staff_title}</a>
            })}
            {role.scores_applications().then(|| view! {
                " · " <a href="/staff/fund/assignments" data-testid="my-assignments">{move || crate::i18n::fund_desk::desk_strings(prefs.lang()).assignments}</a>
            })}
            {(role != Role::Expert).then(|| view! {
                " · " <a href="/staff/plan" data-testid="plan-link">{move || crate::i18n::plan::plan_strings(prefs.lang()).staff_title}</a>
            })}
            {role.takes_training().then(|| view! {
                " · " <a href="/staff/training" data-testid="training-link">{move || crate::i18n::training::training_strings(prefs.lang()).title}</a>
            })}
            {matches!(role, Role::DistrictAdmin | Role::StreetAdmin).then(|| view! {
                " · " <a href="/staff/evaluation" data-testid="evaluation-link">{move || crate::i18n::plan::evaluation_strings(prefs.lang()).title}</a>
            })}
            {role.moderates().then(|| view! {
                " · " <a href="/staff/reviews">{move || crate::i18n::reviews::review_strings(prefs.lang()).nav}</a>
            })}
            " · " <a href="/staff/security">{move || crate::i18n::second_factor::second_factor_strings(prefs.lang()).security_title}</a>
        </p>
        {move || moves.value().get().and_then(Result::err).map(|e| view! {
            <p class="form-error" role="alert" data-testid="move-error">{e.message(prefs.lang())}</p>
        })}
        <h2>{move || s().services}</h2>
        {if items.is_empty() {
            view! { <p>{move || s().no_services}</p> }.into_any()
        } else {
            view! {
                <table class="sessions" data-testid="staff-items">
                    <tbody>{items.into_iter().map(|item| view! { <ItemRow item role moves/> }).collect_view()}</tbody>
                </table>
            }.into_any()
        }}
        {authors.then(|| view! { <NewService facilities categories audiences create/> })}
        <h2>{move || s().sessions}</h2>
        <SessionList sessions/>
    }
}

#[component]
fn ItemRow(item: ItemLine, role: Role, moves: ServerAction<MoveService>) -> impl IntoView {
    let prefs = use_prefs();
    let s = move || staff_strings(prefs.lang());
    let status = ItemStatus::parse(&item.status).unwrap_or(ItemStatus::Archived);
    let allowed = |action| transition(status, action, role, "comment").is_ok();
    let button = move |action: Move,
                       name: &'static str,
                       label: fn(&crate::i18n::staff::StaffStrings) -> &'static str| {
        allowed(action).then(|| view! {
            <ActionForm action=moves attr:class="inline-form">
                <input type="hidden" name="item_id" value=item.id.to_string()/>
                <input type="hidden" name="action" value=name/>
                {if action == Move::Return {
                    view! { <input type="text" name="comment" required placeholder=move || s().return_comment/> }.into_any()
                } else {
                    view! { <input type="hidden" name="comment" value=""/> }.into_any()
                }}
                <button type="submit" data-testid=format!("{name}-{}", item.id)>{move || label(s())}</button>
            </ActionForm>
        })
    };
    let status_text = item.status.clone();
    view! {
        <tr data-testid="staff-item" data-status=item.status.clone()>
            <td><a href=format!("/staff/items/{}", item.id) data-testid=format!("edit-{}", item.id)>{item.title.clone()}</a><br/><small>{item.facility_name.clone()}</small></td>
            <td>{move || item_status(prefs.lang(), &status_text)}
                {item.review_comment.clone().map(|c| view! { <br/><small>{c}</small> })}</td>
            <td class="actions">
                {button(Move::Submit, "submit", |s| s.submit)}
                {button(Move::Publish, "publish", |s| s.publish)}
                {button(Move::Return, "return", |s| s.return_item)}
                {button(Move::Archive, "archive", |s| s.archive)}
            </td>
        </tr>
    }
}

#[component]
fn NewService(
    facilities: Vec<(i64, String)>,
    categories: Vec<cc_domain::Named>,
    audiences: Vec<cc_domain::Named>,
    create: ServerAction<CreateService>,
) -> impl IntoView {
    let prefs = use_prefs();
    let s = move || staff_strings(prefs.lang());
    let options = move |list: Vec<cc_domain::Named>| {
        list.into_iter()
            .map(move |n| {
                let slug = n.slug.clone();
                view! { <option value=slug>{move || n.label(prefs.lang()).to_string()}</option> }
            })
            .collect_view()
    };
    view! {
        <details class="new-service" open=create.value().with_untracked(|v| matches!(v, Some(Err(_))))>
            <summary>{move || s().new_service}</summary>
            <ActionForm action=create attr:class="staff-form" attr:data-testid="new-service">
                <label><span>{move || s().title}</span><input type="text" name="title" required maxlength="100"/></label>
                <label><span>{move || s().description}</span><TextArea name="description" rows=3 value=""/></label>
                <label><span>{move || s().provider}</span><input type="text" name="provider" required/></label>
                <label><span>{move || s().category}</span><select name="category">{options(categories)}</select></label>
                <label><span>{move || s().audience}</span><select name="audience">{options(audiences)}</select></label>
                <label><span>{move || s().facility}</span>
                    <select name="facility_id">
                        {facilities.into_iter().map(|(id, name)| view! { <option value=id.to_string()>{name}</option> }).collect_view()}
                    </select>
                </label>
                <label><span>{move || s().date}</span><input type="date" name="date" required/></label>
                <label><span>{move || s().start}</span><input type="time" name="start" required/></label>
                <label><span>{move || s().end}</span><input type="time" name="end" required/></label>
                <label><span>{move || s().capacity}</span><input type="number" name="capacity" min="1" max="100000" value="30" required/></label>
                <label><span>{move || s().repeat_weeks}</span><input type="number" name="repeat_weeks" min="0" max="52" value="0"/></label>
                <label class="field-check"><input type="checkbox" name="waitlist" value="on" checked/><span>{move || s().waitlist}</span></label>
                {move || create.value().get().map(|outcome| match outcome {
                    Ok(_) => view! { <p class="booking-outcome" role="status">{s().created}</p> }.into_any(),
                    Err(e) => view! { <p class="form-error" role="alert" data-testid="form-error">{e.message(prefs.lang())}</p> }.into_any(),
                })}
                <button type="submit" class="primary">{move || s().create}</button>
            </ActionForm>
        </details>
    }
}

#[component]
fn SessionList(sessions: Vec<SessionLine>) -> impl IntoView {
    let prefs = use_prefs();
    let s = move || staff_strings(prefs.lang());
    if sessions.is_empty() {
        return view! { <p>{move || s().no_sessions}</p> }.into_any();
    }
    view! {
        <table class="sessions" data-testid="staff-sessions">
            <tbody>
                {sessions.into_iter().map(|session| view! {
                    <tr>
                        <td>{move || date_time(prefs.lang(), &session.starts_at)}</td>
                        <td>{session.item_title.clone()}</td>
                        <td class="figure">{move || s().booked} " " {session.held} "/" {session.capacity}</td>
                        <td class="figure">{move || s().attended} " " {session.attended}</td>
                        <td><a class="button" href=format!("/staff/checkin/{}", session.id)>{move || s().check_in}</a></td>
                    </tr>
                }).collect_view()}
            </tbody>
        </table>
    }
    .into_any()
}
