//! Server functions for residents: registering, logging in and out, booking and cancelling.
//! They call the same `Accounts` and `Store` as the API, so pages and API follow one set of rules.

use cc_domain::booking::BookingSummary;
use chrono::{DateTime, FixedOffset};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::error::AppError;

/// The logged-in resident as the header and their pages show them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Me {
    /// Masked: 138****5678.
    pub phone: String,
    /// While the no-show rule pauses booking: until when.
    pub booking_paused_until: Option<DateTime<FixedOffset>>,
    /// How many of their messages are unread (the header's badge).
    pub unread_messages: i64,
}

#[cfg(feature = "ssr")]
pub(crate) mod context {
    use std::net::SocketAddr;

    use axum::extract::ConnectInfo;
    use cc_auth::{client_address, current_resident, ResidentAuth};
    use leptos::prelude::use_context;
    use tower_sessions::Session;

    use crate::error::AppError;

    pub fn auth() -> Result<ResidentAuth, AppError> {
        use_context::<ResidentAuth>().ok_or_else(|| {
            tracing::error!("no ResidentAuth in the server function's context");
            AppError::Internal
        })
    }

    pub async fn session() -> Result<Session, AppError> {
        leptos_axum::extract::<Session>().await.map_err(|e| {
            tracing::error!(error = %e, "no session layer around server functions");
            AppError::Internal
        })
    }

    /// The logged-in resident, or `LoginRequired`.
    pub async fn resident() -> Result<cc_domain::ids::ResidentId, AppError> {
        let limits = auth()?.limits;
        let id = current_resident(&session().await?, limits).await?.ok_or(AppError::LoginRequired)?;
        Ok(cc_domain::ids::ResidentId(id))
    }

    /// The client's address, as the login throttle counts it.
    pub async fn client() -> String {
        let trust = auth().map(|a| a.trust_forwarded).unwrap_or(false);
        let headers = leptos_axum::extract::<http::HeaderMap>().await.unwrap_or_default();
        let peer = leptos_axum::extract::<ConnectInfo<SocketAddr>>().await.ok().map(|c| c.0);
        client_address(&headers, peer, trust)
    }
}

/// Who is logged in, if anyone.
#[server]
pub async fn who_am_i() -> Result<Option<Me>, AppError> {
    let auth = context::auth()?;
    let Some(id) = cc_auth::current_resident(&context::session().await?, auth.limits).await? else {
        return Ok(None);
    };
    let me = cc_services::residents::who_am_i(auth.accounts.store(), cc_domain::ids::ResidentId(id)).await?;
    Ok(me.map(|me| Me {
        phone: me.phone,
        booking_paused_until: me.booking_paused_until.map(cc_domain::time::local),
        unread_messages: me.unread_messages,
    }))
}

/// Sends a verification code to `phone`.
#[server]
pub async fn request_code(phone: String) -> Result<(), AppError> {
    let client = context::client().await;
    Ok(context::auth()?.accounts.send_code(&phone, &client).await?)
}

/// With the code sent to `phone`: creates an account, or (`forgotten`) sets a new password for
/// the number's account and ends its other login sessions; then logs it in. One function for
/// both forms keeps the residents' script small (it carries one call, not two).
#[server]
pub async fn register_resident(phone: String, code: String, password: String, forgotten: bool) -> Result<(), AppError> {
    let accounts = &context::auth()?.accounts;
    let id = if forgotten {
        accounts.reset_password(&phone, &code, &password, &context::client().await).await?
    } else {
        accounts.register(&phone, &code, &password).await?
    };
    cc_auth::log_in(&context::session().await?, id).await?;
    Ok(())
}

/// Logs a resident in.
#[server]
pub async fn log_in_resident(phone: String, password: String) -> Result<(), AppError> {
    let client = context::client().await;
    let id = context::auth()?.accounts.login(&phone, &password, &client).await?;
    cc_auth::log_in(&context::session().await?, id).await?;
    Ok(())
}

/// Logs out.
#[server]
pub async fn log_out_resident() -> Result<(), AppError> {
    cc_auth::log_out(&context::session().await?).await?;
    Ok(())
}

/// The logged-in resident's bookings, latest session first.
#[server]
pub async fn my_bookings() -> Result<Vec<BookingSummary>, AppError> {
    Ok(cc_services::residents::bookings(context::auth()?.accounts.store(), context::resident().await?).await?)
}

/// A booking just made, as the booking button shows it, and the session's places left right
/// after it (no dates: the page already shows them).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Booked {
    pub status: cc_domain::booking::BookingStatus,
    /// The ticket code, while the booking holds a place.
    pub code: Option<String>,
    /// 1 for the first in line, while waitlisted.
    pub waitlist_position: Option<u32>,
    /// As the server counted them after this booking: the page shows it without a reload.
    pub places_left: i64,
}

/// Books a session; `key` (made fresh per click in the browser) makes a repeated submit harmless.
#[server]
pub async fn book_session(session_id: i64, key: String) -> Result<Booked, AppError> {
    let session = cc_domain::ids::SessionId(session_id);
    let store = context::auth()?.accounts.store().clone();
    let booked = cc_services::residents::book(&store, context::resident().await?, session, Some(&key)).await?;
    Ok(Booked {
        status: booked.booking.status,
        code: booked.booking.code,
        waitlist_position: booked.booking.waitlist_position,
        places_left: booked.places_left,
    })
}

/// Cancels one of the resident's bookings; the place goes to the waitlist.
#[server]
pub async fn cancel_my_booking(booking_id: i64) -> Result<(), AppError> {
    let booking = cc_domain::ids::BookingId(booking_id);
    Ok(cc_services::residents::cancel(context::auth()?.accounts.store(), context::resident().await?, booking).await?)
}

/// Accepts the place held for one of the resident's bookings (a late promotion). The bookings
/// page posts its form straight here: no script needed.
#[server]
pub async fn accept_my_offer(booking_id: i64) -> Result<(), AppError> {
    let booking = cc_domain::ids::BookingId(booking_id);
    let store = context::auth()?.accounts.store().clone();
    match cc_services::residents::accept(&store, context::resident().await?, booking).await {
        Ok(_) => Ok(()),
        // A plain form comes back to the tickets, which say why (a script gets the error).
        Err(error) => {
            let page = format!("/me/bookings?error={}", crate::plain_forms::problem(&error));
            crate::plain_forms::back_with_error(&page, error).await
        }
    }
}
