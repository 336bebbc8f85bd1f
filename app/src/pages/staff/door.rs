//! `/staff/checkin/{session}`: let ticket holders in by their code (or a scanner's text), and
//! see who has come.

use leptos::prelude::*;
use leptos_meta::{Script, Title};
use leptos_router::hooks::use_params_map;

use super::StaffError;
use crate::components::status::Loading;
use crate::i18n::date_time;
use crate::i18n::staff::staff_strings;
use crate::prefs::use_prefs;
use crate::staff_fns::{load_door, CheckInTicket, DoorList};

/// The door page.
#[component]
pub fn DoorPage() -> impl IntoView {
    let prefs = use_prefs();
    let s = move || staff_strings(prefs.lang());
    let session = use_params_map().with_untracked(|p| p.get("session").and_then(|s| s.parse::<i64>().ok()).unwrap_or(0));
    let assets = crate::assets::use_assets();
    view! {
        <Title text=move || s().door_title/>
        <Script src=assets.versioned("/js/checkin.js") defer="true"/>
        <Door session/>
    }
}

/// The page's island: everything on it that runs in the browser.
#[cfg_attr(feature = "staff", island)]
#[cfg_attr(not(feature = "staff"), component)]
pub fn Door(session: i64) -> impl IntoView {
    let prefs = use_prefs();
    let s = move || staff_strings(prefs.lang());
    let check_in = ServerAction::<CheckInTicket>::new();
    // Scans from the camera are sent by `public/js/checkin.js`, which says so with a
    // `cc-checkin` event; the door list then reloads like after a typed code.
    let scanned = RwSignal::new(0u32);
    let _listener = window_event_listener_untyped("cc-checkin", move |_| scanned.update(|n| *n += 1));
    let door = Resource::new(
        move || (session, check_in.version().get(), scanned.get()),
        |(id, _, _)| load_door(id),
    );
    // Let in: the field is emptied for the next person in the queue (a refusal keeps the code,
    // to correct it).
    let ticket = NodeRef::<leptos::html::Input>::new();
    Effect::new(move |_| {
        if let (Some(Ok(_)), Some(input)) = (check_in.value().get(), ticket.get()) {
            input.set_value("");
        }
    });
    let labels = move || {
        serde_json::json!({
            "done": s().checked_in, "queued": s().queued, "offline": s().offline, "no_camera": s().no_camera,
        })
        .to_string()
    };
    view! {
        <section class="staff door">
            <p><a href="/staff">{move || s().back}</a></p>
            <h1>{move || s().door_title}</h1>
            <div class="scanner" data-cc-scanner data-session=session.to_string() data-labels=labels>
                <button type="button" data-scan-start>{move || s().scan}</button>
                <video data-scan-video hidden muted></video>
                <p data-scan-status role="status" data-testid="scan-status"></p>
                <p data-scan-queue data-testid="scan-queue"></p>
            </div>
            <ActionForm action=check_in attr:class="checkin-form">
                <input type="hidden" name="session_id" value=session.to_string()/>
                <label><span>{move || s().ticket}</span>
                    <input type="text" name="ticket" required autocomplete="off" autocapitalize="characters"
                        placeholder=move || s().ticket_hint data-testid="ticket-input" node_ref=ticket/></label>
                <button type="submit" class="primary" data-testid="check-in">{move || s().check_in}</button>
            </ActionForm>
            {move || check_in.value().get().map(|outcome| match outcome {
                Ok(holder) => view! {
                    <p class="booking-outcome" role="status" data-testid="checkin-outcome">{s().checked_in} " " <strong>{holder}</strong></p>
                }.into_any(),
                Err(e) => view! { <p class="form-error" role="alert" data-testid="checkin-outcome">{e.message(prefs.lang())}</p> }.into_any(),
            })}
            <Transition fallback=Loading>
                {move || Suspend::new(async move {
                    match door.await {
                        Ok(list) => view! { <DoorView list/> }.into_any(),
                        Err(error) => view! { <StaffError error/> }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}

#[component]
fn DoorView(list: DoorList) -> impl IntoView {
    let prefs = use_prefs();
    let s = move || staff_strings(prefs.lang());
    let DoorList { session, entries } = list;
    view! {
        <h2>{session.item_title.clone()}</h2>
        <p>{move || date_time(prefs.lang(), &session.starts_at)}</p>
        <p class="door-counts" data-testid="door-counts">
            {move || s().booked} " " {session.held} "/" {session.capacity} " · "
            {move || s().attended} " " <strong data-testid="attended-count">{session.attended}</strong>
        </p>
        <h3>{move || s().door_list}</h3>
        <p class="exports">
            {move || s().export} {crate::i18n::colon(prefs.lang())}
            <a href=format!("/api/v1/staff/sessions/{}/bookings.csv", session.id) download>"CSV"</a> " · "
            <a href=format!("/api/v1/staff/sessions/{}/bookings.xlsx", session.id) download>"XLSX"</a>
        </p>
        <table class="sessions" data-testid="door-list">
            <tbody>
                {entries.into_iter().map(|(phone, status, at)| {
                    let status = cc_domain::booking::BookingStatus::parse(&status);
                    view! {
                        <tr data-status=status.map(|s| s.as_str()).unwrap_or("")>
                            <td>{phone}</td>
                            <td>{move || status.map(|s| s.label(prefs.lang())).unwrap_or("")}</td>
                            <td>{at.map(|t| t.format("%H:%M").to_string()).unwrap_or_default()}</td>
                        </tr>
                    }
                }).collect_view()}
            </tbody>
        </table>
    }
}
