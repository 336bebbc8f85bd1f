//! A resident's messages: the inbox, marking read, and what also comes by SMS. The rules are
//! `cc_services::residents::messages`'; these extract, call and serialise.

use axum::extract::State;
use axum::Json;
use cc_domain::ids::MessageId;
use cc_domain::messages::MessageSettings;
use cc_services::residents::messages::{self, Inbox};
use cc_store::Store;
use http::StatusCode;

use super::error::{ApiError, ErrorBody};
use super::resident::{Body, PathId, Resident};

/// `GET /me/messages`: the newest 100, newest first, with the unread count.
#[utoipa::path(
    get, path = "/me/messages", operation_id = "list_my_messages", tag = "messages",
    summary = "My messages (newest first) and how many are unread",
    security(("cookieAuth" = [])),
    responses(
        (status = 200, description = "The inbox", body = Inbox),
        (status = 401, description = says!(unauthenticated), body = ErrorBody),
    )
)]
pub async fn inbox(State(store): State<Store>, Resident(resident): Resident) -> Result<Json<Inbox>, ApiError> {
    Ok(Json(messages::inbox(&store, resident).await?))
}

/// `POST /me/messages/{id}/read`: 204; marking a read message again is fine.
#[utoipa::path(
    post, path = "/me/messages/{id}/read", operation_id = "mark_message_read", tag = "messages",
    summary = "Mark one of my messages read",
    security(("cookieAuth" = [])),
    params(("id" = i64, Path, description = "The message's id", minimum = 1)),
    responses(
        (status = 204, description = "Read"),
        (status = 401, description = says!(unauthenticated), body = ErrorBody),
        (status = 403, description = says!(cross_site), body = ErrorBody),
        (status = 404, description = "`not_found`: I have no message with this id", body = ErrorBody),
    )
)]
pub async fn mark_read(
    State(store): State<Store>,
    Resident(resident): Resident,
    PathId(message): PathId<MessageId>,
) -> Result<StatusCode, ApiError> {
    messages::mark_read(&store, resident, message).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// `POST /me/messages/read`: 204, every message read.
#[utoipa::path(
    post, path = "/me/messages/read", operation_id = "mark_all_messages_read", tag = "messages",
    summary = "Mark all my messages read",
    security(("cookieAuth" = [])),
    responses(
        (status = 204, description = "All read"),
        (status = 401, description = says!(unauthenticated), body = ErrorBody),
        (status = 403, description = says!(cross_site), body = ErrorBody),
    )
)]
pub async fn mark_all_read(State(store): State<Store>, Resident(resident): Resident) -> Result<StatusCode, ApiError> {
    messages::mark_all_read(&store, resident).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// `GET /me/message-settings`: which kinds also come by SMS, and whether to be reminded.
#[utoipa::path(
    get, path = "/me/message-settings", operation_id = "get_my_message_settings", tag = "messages",
    summary = "What I chose: which messages also come by SMS, and reminders",
    security(("cookieAuth" = [])),
    responses(
        (status = 200, description = "My settings (the defaults until I choose)", body = MessageSettings),
        (status = 401, description = says!(unauthenticated), body = ErrorBody),
    )
)]
pub async fn settings(
    State(store): State<Store>,
    Resident(resident): Resident,
) -> Result<Json<MessageSettings>, ApiError> {
    Ok(Json(messages::settings(&store, resident).await?))
}

/// `PUT /me/message-settings`: 200 with what is now kept.
#[utoipa::path(
    put, path = "/me/message-settings", operation_id = "put_my_message_settings", tag = "messages",
    summary = "Choose which messages also come by SMS, and whether to be reminded",
    security(("cookieAuth" = [])),
    request_body = MessageSettings,
    responses(
        (status = 200, description = "Kept", body = MessageSettings),
        (status = 400, description = says!(bad_request), body = ErrorBody),
        (status = 401, description = says!(unauthenticated), body = ErrorBody),
        (status = 403, description = says!(cross_site), body = ErrorBody),
        (status = 413, description = says!(too_large), body = ErrorBody),
    )
)]
pub async fn save_settings(
    State(store): State<Store>,
    Resident(resident): Resident,
    Body(chosen): Body<MessageSettings>,
) -> Result<Json<MessageSettings>, ApiError> {
    messages::save_settings(&store, resident, &chosen).await?;
    Ok(Json(chosen))
}
