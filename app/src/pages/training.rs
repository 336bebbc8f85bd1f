//! A training ticket and a certificate as anyone with their address reads them: a grassroots
//! worker without an account opens the ticket link the organiser handed them and shows its QR
//! code at the door; a certificate's number is its address, so whoever is shown it can check it.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

use crate::components::status::{ErrorNotice, Loading};
use crate::i18n::training::training_strings;
use crate::prefs::use_prefs;
use crate::training_fns::{load_certificate, load_training_ticket};

/// When a session is held, as people read it: "12月10日 周四 09:00–11:30".
pub(crate) fn held(lang: cc_domain::Locale, session: &cc_domain::training::Sitting) -> String {
    let (start, end) = (cc_domain::time::local(session.starts_at), cc_domain::time::local(session.ends_at));
    format!("{}–{}", crate::i18n::date_time(lang, &start), end.format("%H:%M"))
}

/// `/training/tickets/{token}`.
#[component]
pub fn TrainingTicketPage() -> impl IntoView {
    let prefs = use_prefs();
    let t = move || training_strings(prefs.lang());
    let token = use_params_map().with_untracked(|p| p.get("token").unwrap_or_default());
    let ticket = Resource::new(move || token.clone(), load_training_ticket);
    view! {
        <Title text=move || t().ticket_title/>
        <section class="training-ticket-page">
            <h1>{move || t().ticket_title}</h1>
            <Suspense fallback=Loading>
                {move || Suspend::new(async move {
                    let lang = prefs.lang();
                    let t = training_strings(lang);
                    match ticket.await {
                        Ok(m) => view! {
                            <h2>{m.topic.clone()}</h2>
                            <p><strong data-testid="ticket-name">{m.name.clone()}</strong></p>
                            <p>{held(lang, &m.session)} " · " {m.session.venue.clone()}</p>
                            {match m.ticket.clone() {
                                Some(token) => view! {
                                    <p class="hint">{t.ticket_hint}</p>
                                    <img src=format!("/api/v1/training/tickets/{token}/qr.svg") width="280" height="280" alt=t.ticket_title data-testid="training-qr"/>
                                    <p>{t.code}{crate::i18n::colon(lang)}<strong class="ticket-code">{m.code.clone()}</strong></p>
                                }.into_any(),
                                None => view! { <p class="notice" data-testid="ticket-used">{t.ticket_used} " " {m.status.label(lang)}</p> }.into_any(),
                            }}
                            {m.certificate.clone().map(|n| view! { <p><a href=format!("/training/certificates/{n}")>{t.certificate}</a></p> })}
                        }.into_any(),
                        Err(error) if error.status() == 404 => view! { <crate::pages::not_found::NotFound/> }.into_any(),
                        Err(error) => view! { <ErrorNotice error/> }.into_any(),
                    }
                })}
            </Suspense>
        </section>
    }
}

/// `/training/certificates/{number}`.
#[component]
pub fn CertificatePage() -> impl IntoView {
    let prefs = use_prefs();
    let t = move || training_strings(prefs.lang());
    let number = use_params_map().with_untracked(|p| p.get("number").unwrap_or_default());
    let certificate = Resource::new(move || number.clone(), load_certificate);
    view! {
        <Title text=move || t().certificate_title/>
        <section class="certificate" data-keep>
            <Suspense fallback=Loading>
                {move || Suspend::new(async move {
                    let lang = prefs.lang();
                    let t = training_strings(lang);
                    match certificate.await {
                        Ok(c) => view! {
                            <h1>{t.certificate_title}</h1>
                            <p class="certificate-name"><strong data-testid="certificate-name">{c.name.clone()}</strong> "（" {c.unit.clone()} "）"</p>
                            <p>{t.certificate_text}</p>
                            <dl class="task-facts">
                                <dt>{t.topic}</dt><dd data-testid="certificate-topic">{c.topic.clone()}</dd>
                                <dt>{t.trainer}</dt><dd>{c.trainer.clone()}</dd>
                                <dt>{t.hours}</dt><dd data-testid="certificate-hours">{c.hours.show()}</dd>
                                <dt>{t.held_on}</dt><dd>{cc_domain::time::local(c.held_at).format("%Y-%m-%d").to_string()}</dd>
                                <dt>{t.organiser}</dt><dd>{c.organiser.clone().unwrap_or_else(|| t.district.to_string())}</dd>
                                <dt>{t.number}</dt><dd><code>{c.number.clone()}</code></dd>
                            </dl>
                        }.into_any(),
                        Err(error) if error.status() == 404 => view! { <crate::pages::not_found::NotFound/> }.into_any(),
                        Err(error) => view! { <ErrorNotice error/> }.into_any(),
                    }
                })}
            </Suspense>
        </section>
    }
}
