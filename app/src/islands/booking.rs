//! The booking islands: a session's card on an item page (places left, state, and the
//! 预约/候补 button, which follow a booking at once), and the cancel button of a ticket.

use cc_domain::booking::BookingStatus;
use cc_domain::BookingState;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use super::browser;
use crate::account_fns::{book_session, cancel_my_booking, BookSession, Booked};
use crate::error::AppError;
use crate::i18n::account::{account_strings, waitlist_position};
use crate::i18n::islands::{island_strings, places_left};
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

/// A session as its card on an item page shows it: worded on the server, so the browser
/// needs no dates or time zones.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SessionCard {
    pub id: i64,
    pub item_id: i64,
    /// "12月1日 周二 19:00".
    pub when: String,
    pub remaining: i64,
    pub capacity: i64,
    /// At the server's clock when the page was rendered.
    pub state: BookingState,
    /// "12月1日 周二 10:00 开放预约", while not yet open.
    pub opens: Option<String>,
    pub waitlist: bool,
    /// The resident's own booking of this session, in words ("已预约 · 票码：…"): the card
    /// then leads to the ticket instead of offering to book again.
    pub mine: Option<String>,
}

/// One session of an item: when, places left, its state and what the resident can do; the
/// places and state follow a booking made here at once.
#[island]
pub fn SessionBooking(card: SessionCard, logged_in: bool) -> impl IntoView {
    let prefs = use_prefs();
    let a = move || account_strings(prefs.lang());
    let (session_id, item_id, initial) = (card.id, card.item_id, card.state);
    let places = RwSignal::new(card.remaining);
    // Action rather than ServerAction: the latter also reads no-JS form errors from the URL,
    // which costs the residents' bundle a base64 decoder.
    let book = Action::new(|args: &BookSession| book_session(args.session_id, args.key.clone()));
    Effect::new(move |_| {
        if let Some(Ok(booked)) = book.value().get() {
            places.set(booked.places_left);
        }
    });
    let state = move || match initial {
        BookingState::Open | BookingState::Full if places.get() <= 0 => BookingState::Full,
        other => other,
    };
    let opens = card.opens.clone().unwrap_or_default();
    let status = move || {
        let t = island_strings(prefs.lang());
        match state() {
            BookingState::NotYetOpen => opens.clone(),
            BookingState::Open => t.booking_open.to_string(),
            BookingState::Full => t.booking_full.to_string(),
            BookingState::Closed => t.booking_closed.to_string(),
        }
    };
    let bookable = initial == BookingState::Open || (initial == BookingState::Full && card.waitlist);
    let label = move || if initial == BookingState::Full { a().join_waitlist } else { a().book_button };
    let capacity = card.capacity;
    view! {
        <p class="session-when">{card.when.clone()}</p>
        <p class="session-places">
            <span data-testid="places-left">{move || places_left(prefs.lang(), places.get(), capacity)}</span>
            " · " <span data-testid="session-status">{status}</span>
        </p>
        {match (card.mine.clone(), bookable, logged_in) {
            (Some(mine), _, _) => view! {
                <p class="booking-outcome" data-testid="booking-mine">
                    {mine} " " <a href=format!("/me/bookings#session-{session_id}")>{move || a().view_ticket}</a>
                </p>
            }.into_any(),
            (None, false, _) => ().into_any(),
            (None, true, false) => view! {
                <a class="button primary" href=format!("/login?next=/items/{item_id}")>{move || a().login_to_book}</a>
            }.into_any(),
            (None, true, true) => view! {
                <Show when=move || book.value().with(|v| !matches!(v, Some(Ok(_))))>
                    <button type="button" class="primary" data-testid="book"
                        disabled=move || book.pending().get()
                        on:click=move |_| { book.dispatch(BookSession { session_id, key: new_key() }); }>
                        {label}
                    </button>
                </Show>
            }.into_any(),
        }}
        {move || book.value().get().map(|outcome| view! { <Outcome outcome session_id/> })}
    }
}

/// What became of a booking, in words.
#[component]
fn Outcome(outcome: Result<Booked, AppError>, session_id: i64) -> impl IntoView {
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
                {a.booked} " " {a.ticket_code} {crate::i18n::colon(prefs.lang())} <strong>{b.code.unwrap_or_default()}</strong> " "
                <a href=format!("/me/bookings#session-{session_id}")>{a.view_ticket}</a>
            </p>
        }
        .into_any(),
        Err(e) => view! { <p class="form-error" role="alert" data-testid="booking-outcome">{failure(&e, prefs.lang())}</p> }
            .into_any(),
    }
}

/// A failure in words; a request that never left an offline phone says so.
pub fn failure(error: &AppError, locale: cc_domain::Locale) -> String {
    if matches!(error, AppError::Transport(_)) && browser::offline() {
        account_strings(locale).offline_action.to_string()
    } else {
        error.text(locale)
    }
}

/// A ticket's cancel button, asking once more before it cancels; the page is loaded again
/// afterwards (the waitlist may have moved, and the ticket becomes history).
#[island]
pub fn CancelBooking(booking_id: i64) -> impl IntoView {
    let prefs = use_prefs();
    let a = move || account_strings(prefs.lang());
    let confirming = RwSignal::new(false);
    let cancel = Action::new(|id: &i64| cancel_my_booking(*id));
    Effect::new(move |_| {
        if let Some(Ok(())) = cancel.value().get() {
            browser::reload();
        }
    });
    view! {
        <Show when=move || confirming.get() fallback=move || view! {
            <button type="button" data-testid="cancel" on:click=move |_| confirming.set(true)>
                {move || a().cancel_booking}
            </button>
        }>
            <button type="button" class="danger" data-testid="confirm-cancel"
                disabled=move || cancel.pending().get()
                on:click=move |_| { cancel.dispatch(booking_id); }>
                {move || a().confirm_cancel}
            </button>
            <button type="button" class="secondary" data-testid="keep-booking" on:click=move |_| confirming.set(false)>
                {move || a().keep_booking}
            </button>
        </Show>
        {move || cancel.value().get().and_then(Result::err).map(|e| view! {
            <p class="form-error" role="alert">{failure(&e, prefs.lang())}</p>
        })}
    }
}
