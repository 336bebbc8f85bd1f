//! The booking control beside a session: book (or join the waitlist) when logged in, a link to
//! log in otherwise, and the outcome in words once the server has answered.

use cc_domain::booking::{BookingStatus, BookingSummary};
use cc_domain::BookingState;
use leptos::prelude::*;

use crate::account_fns::BookSession;
use crate::components::layout::MeResource;
use crate::error::AppError;
use crate::i18n::account::{account_strings, waitlist_position};
use crate::prefs::use_prefs;

/// A fresh idempotency key per click: a double submit or a retried request books once.
fn new_key() -> String {
    #[cfg(feature = "hydrate")]
    return format!(
        "{:016x}{:016x}",
        (js_sys::Math::random() * 2f64.powi(53)) as u64,
        js_sys::Date::now() as u64
    );
    #[cfg(not(feature = "hydrate"))]
    return String::new();
}

/// Book / join waitlist / log in to book, for one session. `on_booked` hears the session's
/// places left after a booking, so the page around it can show them.
#[component]
pub fn BookButton(
    session_id: i64,
    item_id: i64,
    state: BookingState,
    waitlist: bool,
    on_booked: Callback<i64>,
) -> impl IntoView {
    let prefs = use_prefs();
    let a = move || account_strings(prefs.lang());
    let me = use_context::<MeResource>();
    let book = ServerAction::<BookSession>::new();
    Effect::new(move |_| {
        if let Some(Ok(booked)) = book.value().get() {
            on_booked.run(booked.places_left);
        }
    });
    let bookable = state == BookingState::Open || (state == BookingState::Full && waitlist);
    let label = move || if state == BookingState::Full { a().join_waitlist } else { a().book_button };
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                let logged_in = match me { Some(me) => matches!(me.await, Ok(Some(_))), None => false };
                match (bookable, logged_in) {
                    (false, _) => ().into_any(),
                    (true, false) => view! {
                        <a class="button" href=format!("/login?next=/items/{item_id}")>{move || a().login_to_book}</a>
                    }.into_any(),
                    (true, true) => view! {
                        <Show when=move || book.value().with(|v| !matches!(v, Some(Ok(_))))>
                            <button type="button" class="primary" data-testid="book"
                                disabled=move || book.pending().get()
                                on:click=move |_| { book.dispatch(BookSession { session_id, key: new_key() }); }>
                                {label}
                            </button>
                        </Show>
                    }.into_any(),
                }
            })}
        </Suspense>
        {move || book.value().get().map(|outcome| view! { <Outcome outcome=outcome.map(|b| b.booking)/> })}
    }
}

#[component]
fn Outcome(outcome: Result<BookingSummary, AppError>) -> impl IntoView {
    let prefs = use_prefs();
    let a = account_strings(prefs.lang());
    match outcome {
        Ok(b) if b.status == BookingStatus::Waitlisted => view! {
            <p class="booking-outcome" role="status" data-testid="booking-outcome">
                {waitlist_position(prefs.lang(), b.waitlist_position.unwrap_or(1))} " "
                <a href="/me/bookings">{a.nav_my_bookings}</a>
            </p>
        }
        .into_any(),
        Ok(b) => view! {
            <p class="booking-outcome" role="status" data-testid="booking-outcome">
                {a.booked} " " {a.ticket_code} ": " <strong>{b.code.unwrap_or_default()}</strong> " "
                <a href="/me/bookings">{a.view_ticket}</a>
            </p>
        }
        .into_any(),
        Err(e) => view! { <p class="form-error" role="alert" data-testid="booking-outcome">{e.message(prefs.lang())}</p> }
            .into_any(),
    }
}
