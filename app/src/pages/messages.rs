//! `/me/messages`: what happened to the resident's bookings (a waitlist place that became
//! theirs, reminders…), newest first, and how they want to be told (which kinds also come by
//! SMS, reminders on or off). Both forms post straight to their server functions: no script.

use cc_domain::messages::{Message, MessageKind, MessageSettings};
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_meta::Title;

use crate::components::status::{ErrorNotice, Loading};
use crate::error::AppError;
use crate::i18n::account::account_page_strings;
use crate::i18n::date_time;
use crate::i18n::messages::message_strings;
use crate::message_fns::{my_messages, sms_field, SaveMessageSettings};
use crate::prefs::use_prefs;

/// The page.
#[component]
pub fn MessagesPage() -> impl IntoView {
    let prefs = use_prefs();
    let m = move || message_strings(prefs.lang());
    let inbox = Resource::new(|| (), |_| my_messages());
    view! {
        <Title text=move || m().title/>
        <section class="messages">
            <h1>{move || m().title}</h1>
            <Transition fallback=Loading>
                {move || Suspend::new(async move {
                    match inbox.await {
                        Ok(page) => view! {
                            <Inbox messages=page.messages/>
                            <Settings settings=page.settings/>
                        }.into_any(),
                        Err(AppError::LoginRequired) => view! {
                            <p>
                                {m().login_required} " "
                                <a href="/login?next=/me/messages">{account_page_strings(prefs.lang()).nav_login}</a>
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
fn Inbox(messages: Vec<Message>) -> impl IntoView {
    let prefs = use_prefs();
    let m = message_strings(prefs.lang());
    if messages.is_empty() {
        return view! { <p data-testid="no-messages">{m.none}</p> }.into_any();
    }
    view! {
        <ul class="message-list" data-testid="messages">
            {messages.into_iter().map(|message| {
                let (headline, sentence) = message.words(prefs.lang());
                let sent = date_time(prefs.lang(), &cc_domain::time::local(message.created_at));
                view! {
                    <li class="message" class:unread=!message.read data-kind=message.kind.as_str() data-testid="message">
                        <h2>
                            {(!message.read).then(|| view! { <span class="badge">{m.unread}</span> " " })}
                            {headline}
                        </h2>
                        <p>{sentence}</p>
                        <p class="hint">
                            <time datetime=cc_domain::time::local(message.created_at).to_rfc3339()>{sent}</time>
                            {message.booking_id.map(|_| view! { " · " <a href="/me/bookings">{m.see_ticket}</a> })}
                        </p>
                    </li>
                }
            }).collect_view()}
        </ul>
    }
    .into_any()
}

#[component]
fn Settings(settings: MessageSettings) -> impl IntoView {
    let prefs = use_prefs();
    let m = message_strings(prefs.lang());
    view! {
        <h2>{m.settings_title}</h2>
        <form method="post" action=SaveMessageSettings::url() class="message-settings" data-testid="message-settings">
            <p class="hint">{m.settings_hint}</p>
            <fieldset>
                <legend>{m.by_sms}</legend>
                {MessageKind::ALL.into_iter().map(|kind| view! {
                    <label class="check">
                        <input type="checkbox" name=sms_field(kind) value="on" checked=settings.sms.contains(&kind)/>
                        " " {kind.label(prefs.lang())}
                    </label>
                }).collect_view()}
            </fieldset>
            <label class="check">
                <input type="checkbox" name="reminders" value="on" checked=settings.reminders/>
                " " {m.reminders}
            </label>
            <p><button type="submit" class="primary">{m.save}</button></p>
        </form>
    }
}
