//! `/me/bookings`: the resident's tickets (QR code, ticket code, add to calendar, cancel) for
//! sessions to come, and their past bookings.

use cc_domain::booking::{upcoming_and_past, BookingStatus, BookingSummary};
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_meta::Title;

use crate::account_fns::{my_bookings, AcceptMyOffer};
use crate::components::layout::MeResource;
use crate::components::status::{ErrorNotice, Loading};
use crate::error::AppError;
use crate::i18n::account::{account_page_strings, account_strings, logged_in_as, offer_error, offer_held, waitlist_position};
use crate::i18n::date_time;
use crate::islands::account_forms::LogoutButton;
use crate::islands::booking::CancelBooking;
use crate::prefs::use_prefs;

/// The page: upcoming tickets first, then the history.
#[component]
pub fn MyBookingsPage() -> impl IntoView {
    let prefs = use_prefs();
    let (a, p) = (move || account_strings(prefs.lang()), move || account_page_strings(prefs.lang()));
    let bookings = Resource::new(|| (), |_| my_bookings());
    let me = use_context::<MeResource>();
    // An offer that could not be accepted comes back here with why.
    let refused = leptos_router::hooks::use_query_map()
        .with_untracked(|q| q.get("error"))
        .and_then(|code| offer_error(prefs.lang(), &code));
    view! {
        <Title text=move || p().my_bookings_title/>
        <section class="my-bookings">
            <h1>{move || p().my_bookings_title}</h1>
            {refused.map(|text| view! { <p class="form-error" role="alert" data-testid="offer-error">{text}</p> })}
            <Suspense fallback=Loading>
                {move || Suspend::new(async move {
                    let me = match me { Some(me) => me.await.ok().flatten(), None => None };
                    me.map(|me| {
                        let paused = me.booking_paused_until.map(|until| {
                            cc_domain::booking::BookingRefusal::Paused { until }.message(prefs.lang())
                        });
                        view! {
                            <p class="whoami">
                                {logged_in_as(prefs.lang(), &me.phone)} " " <LogoutButton/>
                            </p>
                            {paused.map(|text| view! { <p class="notice notice-error" role="alert">{text}</p> })}
                        }
                    })
                })}
            </Suspense>
            <Transition fallback=Loading>
                {move || Suspend::new(async move {
                    match bookings.await {
                        Ok(list) => view! { <BookingLists list/> }.into_any(),
                        Err(AppError::LoginRequired) => view! {
                            <p>
                                {a().login_required} " "
                                <a href="/login?next=/me/bookings">{p().nav_login}</a>
                            </p>
                        }.into_any(),
                        Err(error) => view! { <ErrorNotice error/> }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}

#[component]
fn BookingLists(list: Vec<BookingSummary>) -> impl IntoView {
    let prefs = use_prefs();
    let p = move || account_page_strings(prefs.lang());
    let (upcoming, past) = upcoming_and_past(list, cc_domain::time::now());
    let nothing = upcoming.is_empty() && past.is_empty();
    view! {
        {upcoming.is_empty().then(|| view! {
            <p data-testid="no-upcoming">
                {move || if nothing { p().no_bookings } else { p().no_upcoming }} " "
                <a href="/catalog">{move || p().browse_catalog}</a>
            </p>
        })}
        {(!upcoming.is_empty()).then(|| view! {
            <h2>{move || p().upcoming}</h2>
            <ul class="tickets" data-testid="upcoming">
                {upcoming.into_iter().map(|b| view! { <Ticket booking=b/> }).collect_view()}
            </ul>
        })}
        {(!past.is_empty()).then(|| view! {
            <h2>{move || p().past}</h2>
            <ul class="past-bookings" data-testid="past">
                {past.into_iter().map(|b| view! {
                    <li>
                        <a href=format!("/items/{}", b.item_id)>{b.item_title.clone()}</a>
                        " · " {move || date_time(prefs.lang(), &b.starts_at)}
                        " · " <span class="status">{move || b.status.label(prefs.lang())}</span>
                        {(b.status == BookingStatus::Attended).then(|| view! {
                            " · " <a href=format!("/me/bookings/{}/review", b.id) data-testid="review-link">
                                {move || crate::i18n::reviews::review_strings(prefs.lang()).write}
                            </a>
                        })}
                    </li>
                }).collect_view()}
            </ul>
        })}
    }
}

/// One upcoming booking: the QR ticket when it holds a place, the waitlist position while
/// waiting, and a place held for it with the button that accepts it (a form: no script needed).
#[component]
fn Ticket(booking: BookingSummary) -> impl IntoView {
    let prefs = use_prefs();
    let (a, p) = (move || account_strings(prefs.lang()), move || account_page_strings(prefs.lang()));
    let id = booking.id;
    let can_cancel = booking.can_cancel(cc_domain::time::now());
    let status = booking.status;
    let holds_place = booking.code.is_some();
    let b = StoredValue::new(booking);
    view! {
        <li class="ticket" id=format!("session-{}", b.with_value(|b| b.session_id)) data-testid="ticket" data-status=status.as_str()>
            <h3><a href=move || format!("/items/{}", b.with_value(|b| b.item_id))>{b.with_value(|b| b.item_title.clone())}</a></h3>
            <p class="when">{move || b.with_value(|b| date_time(prefs.lang(), &b.starts_at))}</p>
            <p class="where">{b.with_value(|b| format!("{} · {}", b.facility_name, b.facility_address))}</p>
            <p class="status"><strong>{move || status.label(prefs.lang())}</strong></p>
            {b.with_value(|b| b.code.clone()).map(|code| view! {
                <figure class="qr">
                    <img src=format!("/api/v1/bookings/{id}/ticket.svg") width="280" height="280"
                        alt=move || p().qr_alt data-testid="ticket-qr"/>
                    <figcaption>
                        {move || a().ticket_code} {crate::i18n::colon(prefs.lang())} <span class="ticket-code" data-testid="ticket-code">{code}</span>
                        <br/>{move || p().show_at_door}
                    </figcaption>
                </figure>
            })}
            {(status == BookingStatus::Waitlisted).then(|| {
                let position = b.with_value(|b| b.waitlist_position.unwrap_or(1));
                view! { <p class="waitlist">{move || waitlist_position(prefs.lang(), position)}</p> }
            })}
            {b.with_value(|b| b.offered_until).map(|until| view! {
                <p class="offer" data-testid="offer">{move || offer_held(prefs.lang(), &until)}</p>
                <form method="post" action=AcceptMyOffer::url() class="inline-form">
                    <input type="hidden" name="booking_id" value=id.0/>
                    <button type="submit" class="primary" data-testid="accept-offer">{move || p().accept_offer}</button>
                </form>
            })}
            <p class="ticket-actions">
                // Only a place held is worth a calendar entry.
                {holds_place.then(|| view! {
                    <a href=format!("/api/v1/bookings/{id}/calendar.ics") download>{move || p().add_to_calendar}</a>
                })}
                {can_cancel.then(|| view! { <CancelBooking booking_id=id.0/> })}
                {(status == BookingStatus::Attended).then(|| view! {
                    <a href=format!("/me/bookings/{id}/review") data-testid="review-link">
                        {move || crate::i18n::reviews::review_strings(prefs.lang()).write}
                    </a>
                })}
            </p>
        </li>
    }
}
