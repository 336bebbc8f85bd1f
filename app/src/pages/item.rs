//! `/items/{id}`: one service with its venue and sessions, and schema.org `Event` data for
//! search engines.

use cc_domain::{BookingState, ItemDetail, Locale, SessionInfo};
use leptos::prelude::*;
use leptos_meta::Title;

use crate::components::book_button::BookButton;
use crate::components::json_ld::JsonLd;
use crate::components::status::{ErrorNotice, Loading};
use crate::i18n::account::account_strings;
use crate::i18n::{date_time, opens_at, places_left, price, strings};
use crate::pages::not_found::NotFound;
use crate::pages::resource_by_route_id;
use crate::prefs::use_prefs;
use crate::server_fns::load_item;

/// The item page; unknown or malformed ids get the localized 404.
#[component]
pub fn ItemPage() -> impl IntoView {
    let item = resource_by_route_id(load_item);
    view! {
        <Suspense fallback=Loading>
            {move || Suspend::new(async move { match item.await {
                Ok(Some(item)) => view! { <ItemView item/> }.into_any(),
                Ok(None) => view! { <NotFound message="item"/> }.into_any(),
                Err(error) => view! { <ErrorNotice error/> }.into_any(),
            } })}
        </Suspense>
    }
}

#[component]
fn ItemView(item: ItemDetail) -> impl IntoView {
    let prefs = use_prefs();
    let t = move || prefs.t();
    let json_ld = event_json_ld(&item);
    let title = item.title.clone();
    let item = StoredValue::new(item);
    let text = move |f: fn(&ItemDetail, Locale) -> String| move || item.with_value(|i| f(i, prefs.lang()));
    let maps_href = item.with_value(|i| {
        format!(
            "geo:{:.6},{:.6}?q={:.6},{:.6}",
            i.facility.lat, i.facility.lng, i.facility.lat, i.facility.lng
        )
    });
    let sessions = item.with_value(|i| i.sessions.clone());
    let item_id = item.with_value(|i| i.id);
    let has_sessions = !sessions.is_empty();
    view! {
        <Title text=title/>
        {json_ld.map(|value| view! { <JsonLd value/> })}
        <article class="item-detail">
            <p class="breadcrumb"><a href="/catalog">{move || t().back_to_catalog}</a></p>
            <h1>{item.with_value(|i| i.title.clone())}</h1>
            <dl class="facts">
                <dt>{move || t().item_category}</dt><dd>{text(|i, l| i.category.label(l).to_string())}</dd>
                <dt>{move || t().item_audience}</dt><dd>{text(|i, l| i.audience.label(l).to_string())}</dd>
                <dt>{move || t().item_price}</dt>
                <dd>{text(|i, l| match (i.free, i.price_cents) {
                    (false, Some(cents)) => price(cents),
                    _ => strings(l).free.to_string(),
                })}</dd>
                <dt>{move || t().item_provider}</dt><dd>{item.with_value(|i| i.provider.clone())}</dd>
                <dt>{move || t().item_facility}</dt><dd>{item.with_value(|i| i.facility.name.clone())}</dd>
                <dt>{move || t().item_address}</dt>
                <dd>
                    {text(|i, l| format!("{} · {}", i.facility.address, i.street.label(l)))}
                    " " <a class="maps-link" href=maps_href>{move || t().open_in_maps}</a>
                </dd>
            </dl>
            {item.with_value(|i| i.image.clone()).map(|src| view! {
                <img class="item-picture" src=src alt="" data-testid="item-picture"/>
            })}
            <p class="description">{item.with_value(|i| i.description.clone())}</p>
            <section aria-labelledby="sessions-heading">
                <h2 id="sessions-heading">{move || t().item_sessions}</h2>
                {if has_sessions {
                    view! {
                        <table class="sessions" data-testid="sessions">
                            <thead><tr>
                                <th scope="col">{move || t().session_time}</th>
                                <th scope="col">{move || t().session_places}</th>
                                <th scope="col">{move || t().session_status}</th>
                                <th scope="col">{move || account_strings(prefs.lang()).book_button}</th>
                            </tr></thead>
                            <tbody>
                                {sessions.into_iter().map(|s| view! { <SessionRow session=s item_id/> }).collect_view()}
                            </tbody>
                        </table>
                    }.into_any()
                } else {
                    view! { <p>{move || t().item_no_sessions}</p> }.into_any()
                }}
            </section>
        </article>
    }
}

#[component]
fn SessionRow(session: SessionInfo, item_id: i64) -> impl IntoView {
    let prefs = use_prefs();
    // The button's own state is fixed at render; the row's places and status follow bookings.
    let now = cc_domain::time::now();
    let initial_state = session.booking_state(now);
    let (session_id, waitlist) = (session.id, session.waitlist);
    let session = RwSignal::new(session);
    let on_booked = Callback::new(move |places_left: i64| session.update(|s| s.remaining = places_left));
    let status = move || {
        let l = prefs.lang();
        session.with(|s| match s.booking_state(now) {
            BookingState::NotYetOpen => opens_at(l, &s.booking_opens_at),
            BookingState::Open => strings(l).booking_open.to_string(),
            BookingState::Full => strings(l).booking_full.to_string(),
            BookingState::Closed => strings(l).booking_closed.to_string(),
        })
    };
    view! {
        <tr data-testid="session">
            <td>{move || session.with(|s| date_time(prefs.lang(), &s.starts_at))}</td>
            <td data-testid="places-left">{move || session.with(|s| places_left(prefs.lang(), s.remaining, s.capacity))}</td>
            <td data-testid="session-status">{status}</td>
            <td><BookButton session_id item_id state=initial_state waitlist on_booked/></td>
        </tr>
    }
}

/// schema.org `Event`s, one per upcoming session.
fn event_json_ld(item: &ItemDetail) -> Option<serde_json::Value> {
    if item.sessions.is_empty() {
        return None;
    }
    let events: Vec<serde_json::Value> = item
        .sessions
        .iter()
        .take(10)
        .map(|s| {
            serde_json::json!({
                "@context": "https://schema.org",
                "@type": "Event",
                "name": item.title,
                "description": item.description,
                "startDate": s.starts_at.to_rfc3339(),
                "endDate": s.ends_at.to_rfc3339(),
                "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
                "eventStatus": "https://schema.org/EventScheduled",
                "isAccessibleForFree": item.free,
                "organizer": { "@type": "Organization", "name": item.provider },
                "location": {
                    "@type": "Place",
                    "name": item.facility.name,
                    "address": item.facility.address,
                    "geo": { "@type": "GeoCoordinates", "latitude": item.facility.lat, "longitude": item.facility.lng }
                },
                "maximumAttendeeCapacity": s.capacity,
                "remainingAttendeeCapacity": s.remaining
            })
        })
        .collect();
    Some(serde_json::Value::Array(events))
}
