//! `/staff/items/{id}`: one service in the console — its fields, its picture and its sessions'
//! capacities, editable while the workflow and the staff member's role allow.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

use super::StaffError;
use crate::components::status::Loading;
use crate::components::text_area::TextArea;
use crate::i18n::date_time;
use crate::i18n::service::{image_error, service_strings};
use crate::i18n::staff::{item_status, staff_strings};
use crate::staff_item_fns::{
    load_service, AddServiceSession, CancelServiceSession, ChangeSessionSettings, MoveServiceSession, SaveService,
    ServicePage,
};
use crate::prefs::use_prefs;
use crate::staff_fns::SessionLine;

/// The service page.
#[component]
pub fn ServiceConsolePage() -> impl IntoView {
    let prefs = use_prefs();
    let t = move || service_strings(prefs.lang());
    let id = use_params_map().with_untracked(|p| p.get("id").and_then(|s| s.parse::<i64>().ok()).unwrap_or(0));
    let query = use_query_map();
    let image_saved = query.with_untracked(|q| q.get("image").is_some_and(|v| v == "saved"));
    let image_error = query.with_untracked(|q| q.get("image_error"));
    view! {
        <Title text=move || t().heading/>
        <ServiceConsole id image_saved image_error=image_error.clone()/>
    }
}

/// The page's island: everything on it that runs in the browser.
#[cfg_attr(feature = "staff", island)]
#[cfg_attr(not(feature = "staff"), component)]
pub fn ServiceConsole(id: i64, image_saved: bool, image_error: Option<String>) -> impl IntoView {
    let prefs = use_prefs();
    let t = move || service_strings(prefs.lang());
    let save = ServerAction::<SaveService>::new();
    let capacity = ServerAction::<ChangeSessionSettings>::new();
    let add = ServerAction::<AddServiceSession>::new();
    let changes = SessionChanges {
        capacity,
        moving: ServerAction::<MoveServiceSession>::new(),
        cancelling: ServerAction::<CancelServiceSession>::new(),
    };
    let page = Resource::new(
        move || {
            let versions = (changes.moving.version().get(), changes.cancelling.version().get());
            (id, save.version().get(), capacity.version().get(), add.version().get(), versions)
        },
        |(id, ..)| load_service(id),
    );
    view! {
        <section class="staff service">
            <p><a href="/staff">{move || staff_strings(prefs.lang()).back}</a></p>
            <Transition fallback=Loading>
                {move || {
                    let image_error = image_error.clone();
                    Suspend::new(async move {
                    match page.await {
                        Ok(data) => view! { <Service data save changes add image_saved image_error/> }.into_any(),
                        Err(error) => view! { <h1>{move || t().heading}</h1><StaffError error/> }.into_any(),
                    }
                })
                }}
            </Transition>
        </section>
    }
}

#[component]
fn Service(
    data: ServicePage,
    save: ServerAction<SaveService>,
    changes: SessionChanges,
    add: ServerAction<AddServiceSession>,
    image_saved: bool,
    image_error: Option<String>,
) -> impl IntoView {
    let prefs = use_prefs();
    let t = move || service_strings(prefs.lang());
    let status = data.status.clone();
    view! {
        <h1 data-testid="service-title">{data.text.title.clone()}</h1>
        <p data-testid="service-status" data-status=data.status.clone()>
            {move || item_status(prefs.lang(), &status)}
            {data.review_comment.clone().map(|c| view! { " · " <small>{c}</small> })}
            {(data.status == "published").then(|| view! {
                " · " <a href=format!("/items/{}", data.id)>{move || t().public_page}</a>
            })}
        </p>
        {(!data.editable).then(|| view! { <p class="notice" data-testid="not-editable">{move || t().not_editable}</p> })}
        <Picture id=data.id image=data.image.clone() editable=data.editable saved=image_saved error=image_error/>
        {data.editable.then(|| view! { <Fields data=data.clone() save/> })}
        <h2>{move || t().sessions}</h2>
        <Sessions sessions=data.sessions.clone() editable=data.sessions_editable changes/>
        {data.editable.then(|| view! { <NewSession item_id=data.id add/> })}
    }
}

#[component]
fn Picture(id: i64, image: Option<String>, editable: bool, saved: bool, error: Option<String>) -> impl IntoView {
    let prefs = use_prefs();
    let t = move || service_strings(prefs.lang());
    view! {
        <h2>{move || t().picture}</h2>
        {match image {
            Some(src) => view! { <img class="service-picture" src=src alt="" data-testid="service-picture"/> }.into_any(),
            None => view! { <p>{move || t().no_picture}</p> }.into_any(),
        }}
        {saved.then(|| view! { <p class="booking-outcome" role="status">{move || t().picture_saved}</p> })}
        {error.map(|code| view! {
            <p class="form-error" role="alert" data-testid="picture-error">{image_error(prefs.lang(), &code)}</p>
        })}
        {editable.then(|| view! {
            // A plain multipart form: it works without JavaScript and the API answers with a
            // redirect back here carrying the outcome.
            <form class="staff-form" method="post" enctype="multipart/form-data"
                action=format!("/api/v1/staff/items/{id}/image") data-testid="picture-form">
                <label><span>{move || t().choose}</span>
                    <input type="file" name="image" accept="image/jpeg,image/png" required/></label>
                <p class="hint">{move || t().picture_hint}</p>
                <button type="submit">{move || t().upload}</button>
            </form>
        })}
    }
}

#[component]
fn Fields(data: ServicePage, save: ServerAction<SaveService>) -> impl IntoView {
    let prefs = use_prefs();
    let s = move || staff_strings(prefs.lang());
    let t = move || service_strings(prefs.lang());
    let text = data.text;
    let options = move |list: Vec<cc_domain::Named>, chosen: String| {
        list.into_iter()
            .map(move |n| {
                let selected = n.slug == chosen;
                let slug = n.slug.clone();
                view! { <option value=slug selected=selected>{move || n.label(prefs.lang()).to_string()}</option> }
            })
            .collect_view()
    };
    let price = text.price_cents.map(|c| format!("{:.2}", c as f64 / 100.0)).unwrap_or_default();
    view! {
        <h2>{move || t().fields}</h2>
        <ActionForm action=save attr:class="staff-form" attr:data-testid="service-form">
            <input type="hidden" name="item_id" value=data.id.to_string()/>
            <label><span>{move || s().title}</span>
                <input type="text" name="title" required maxlength="100" value=text.title.clone()/></label>
            <label><span>{move || s().description}</span>
                <TextArea name="description" rows=6 value=text.description.clone()/></label>
            <label><span>{move || s().provider}</span>
                <input type="text" name="provider" required maxlength="100" value=text.provider.clone()/></label>
            <label><span>{move || s().category}</span>
                <select name="category">{options(data.categories, text.category.clone())}</select></label>
            <label><span>{move || s().audience}</span>
                <select name="audience">{options(data.audiences, text.audience.clone())}</select></label>
            <label><span>{move || s().facility}</span>
                <select name="facility_id">
                    {data.facilities.into_iter().map(|(id, name)| view! {
                        <option value=id.to_string() selected=id == text.facility_id>{name}</option>
                    }).collect_view()}
                </select>
            </label>
            <label class="field-check"><input type="checkbox" name="free" value="on" checked=text.free/>
                <span>{move || t().free}</span></label>
            <label><span>{move || t().price_yuan}</span>
                <input type="number" name="price_yuan" min="0" step="0.01" value=price/></label>
            {move || save.value().get().map(|outcome| match outcome {
                Ok(()) => view! { <p class="booking-outcome" role="status" data-testid="service-saved">{t().saved}</p> }.into_any(),
                Err(e) => view! { <p class="form-error" role="alert" data-testid="form-error">{e.message(prefs.lang())}</p> }.into_any(),
            })}
            <button type="submit" class="primary">{move || s().save}</button>
        </ActionForm>
    }
}

/// The console's actions on a service's sessions.
#[derive(Clone, Copy)]
struct SessionChanges {
    capacity: ServerAction<ChangeSessionSettings>,
    moving: ServerAction<MoveServiceSession>,
    cancelling: ServerAction<CancelServiceSession>,
}

#[component]
fn Sessions(sessions: Vec<SessionLine>, editable: bool, changes: SessionChanges) -> impl IntoView {
    let prefs = use_prefs();
    let s = move || staff_strings(prefs.lang());
    let t = move || service_strings(prefs.lang());
    if sessions.is_empty() {
        return view! { <p>{move || s().no_sessions}</p> }.into_any();
    }
    let SessionChanges { capacity, moving, cancelling } = changes;
    let error = move || {
        let failed = |e: Option<Result<_, crate::error::AppError>>| e.and_then(Result::err);
        failed(capacity.value().get())
            .or_else(|| failed(moving.value().get()))
            .or_else(|| cancelling.value().get().and_then(Result::err))
    };
    view! {
        {move || error().map(|e| view! {
            <p class="form-error" role="alert" data-testid="capacity-error">{e.message(prefs.lang())}</p>
        })}
        {move || cancelling.value().get().and_then(Result::ok).map(|told| view! {
            <p class="notice" role="status" data-testid="residents-told">{t().residents_told(told)}</p>
        })}
        {move || moving.value().get().and_then(Result::ok).map(|_| view! {
            <p class="notice" role="status" data-testid="session-moved">{t().moved}</p>
        })}
        <div class="table-scroll">
        <table class="sessions" data-testid="service-sessions">
            <tbody>
                // Keyed by the whole line: a row whose session changed is drawn anew (its folded
                // forms closed, their fields fresh), and one that did not keeps what is typed in
                // it — never another session's row taking over an open form as the list re-sorts.
                <For each=move || sessions.clone() key=|session| session.clone() let:session>
                {
                    let open = editable && session.cancelled.is_none();
                    view! {
                    <tr data-session=session.id.to_string()>
                        <td>
                            {move || date_time(prefs.lang(), &session.starts_at)}
                            {session.place.clone().map(|place| view! { <br/><small data-testid="session-place">{place}</small> })}
                            {session.cancelled.clone().map(|reason| view! {
                                <br/><strong class="status-cancelled" data-testid="session-cancelled">{move || t().cancelled}</strong>
                                {crate::i18n::colon(prefs.lang())}{reason}
                            })}
                        </td>
                        <td>{move || s().booked} " " {session.held} "/" {session.capacity}</td>
                        <td>{move || s().attended} " " {session.attended}</td>
                        <td>{open.then(|| view! {
                            <ActionForm action=capacity attr:class="inline-form session-settings">
                                <input type="hidden" name="session_id" value=session.id.to_string()/>
                                <label>{move || s().capacity}
                                    <input type="number" name="capacity" min="0" max="100000" required
                                        value=session.capacity.to_string()/></label>
                                <label>{move || t().opens}
                                    <input type="datetime-local" name="booking_opens_at"
                                        value=form_value(&session.booking_opens_at)/></label>
                                <label>{move || t().closes}
                                    <input type="datetime-local" name="booking_closes_at"
                                        value=form_value(&session.booking_closes_at)/></label>
                                <label class="field-check"><input type="checkbox" name="waitlist" value="on"
                                    checked=session.waitlist/>{move || s().waitlist}</label>
                                <button type="submit">{move || t().change}</button>
                            </ActionForm>
                            <MoveOrCancel session=session.clone() moving cancelling/>
                        })}</td>
                        <td><a class="button" href=format!("/staff/checkin/{}", session.id)>{move || s().check_in}</a></td>
                    </tr>
                    }
                }
                </For>
            </tbody>
        </table>
        </div>
    }
    .into_any()
}

/// Moving a session (another day, time or place) or cancelling it, folded away: both tell
/// every resident booked or waiting.
#[component]
fn MoveOrCancel(
    session: SessionLine,
    moving: ServerAction<MoveServiceSession>,
    cancelling: ServerAction<CancelServiceSession>,
) -> impl IntoView {
    let prefs = use_prefs();
    let t = move || service_strings(prefs.lang());
    let id = session.id;
    view! {
        <details class="move-or-cancel" data-testid="move-or-cancel">
            <summary>{move || t().move_or_cancel}</summary>
            <p class="hint">{move || t().told_hint}</p>
            <ActionForm action=moving attr:class="inline-form" attr:data-testid="move-session">
                <input type="hidden" name="session_id" value=id.to_string()/>
                <label>{move || t().date}
                    <input type="date" name="date" required value=session.starts_at.format("%Y-%m-%d").to_string()/></label>
                <label>{move || t().start}
                    <input type="time" name="start" required value=session.starts_at.format("%H:%M").to_string()/></label>
                <label>{move || t().end}
                    <input type="time" name="end" required value=session.ends_at.format("%H:%M").to_string()/></label>
                <label>{move || t().place}
                    <input type="text" name="place" maxlength="100" value=session.place.clone().unwrap_or_default()/></label>
                <button type="submit">{move || t().move_button}</button>
            </ActionForm>
            <ActionForm action=cancelling attr:class="inline-form" attr:data-testid="cancel-session">
                <input type="hidden" name="session_id" value=id.to_string()/>
                <label>{move || t().reason}
                    <input type="text" name="reason" required maxlength="200"/></label>
                <button type="submit" class="danger">{move || t().cancel_button}</button>
            </ActionForm>
        </details>
    }
}

/// A time as a `datetime-local` input's value.
fn form_value(at: &chrono::DateTime<chrono::FixedOffset>) -> String {
    at.format("%Y-%m-%dT%H:%M").to_string()
}

#[component]
fn NewSession(item_id: i64, add: ServerAction<AddServiceSession>) -> impl IntoView {
    let prefs = use_prefs();
    let s = move || staff_strings(prefs.lang());
    let t = move || service_strings(prefs.lang());
    view! {
        <details class="new-service">
            <summary>{move || t().add_session}</summary>
            <ActionForm action=add attr:class="staff-form" attr:data-testid="new-session">
                <input type="hidden" name="item_id" value=item_id.to_string()/>
                <label><span>{move || s().date}</span><input type="date" name="date" required/></label>
                <label><span>{move || s().start}</span><input type="time" name="start" required/></label>
                <label><span>{move || s().end}</span><input type="time" name="end" required/></label>
                <label><span>{move || s().capacity}</span><input type="number" name="capacity" min="1" max="100000" value="30" required/></label>
                <label><span>{move || t().closes_optional}</span><input type="datetime-local" name="booking_closes_at"/></label>
                <label><span>{move || s().repeat_weeks}</span><input type="number" name="repeat_weeks" min="0" max="52" value="0"/></label>
                <label class="field-check"><input type="checkbox" name="waitlist" value="on" checked/><span>{move || s().waitlist}</span></label>
                {move || add.value().get().map(|outcome| match outcome {
                    Ok(n) => view! { <p class="booking-outcome" role="status" data-testid="sessions-added">{t().sessions_added(n)}</p> }.into_any(),
                    Err(e) => view! { <p class="form-error" role="alert" data-testid="session-error">{e.message(prefs.lang())}</p> }.into_any(),
                })}
                <button type="submit" class="primary">{move || t().add_session}</button>
            </ActionForm>
        </details>
    }
}
