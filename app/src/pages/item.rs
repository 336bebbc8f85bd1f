//! `/items/{id}`: one service with its venue and sessions, and schema.org `Event` data for
//! search engines.

use cc_domain::{ItemDetail, Locale};
use leptos::prelude::*;
use leptos_meta::Title;

use crate::components::layout::MeResource;
use crate::components::json_ld::JsonLd;
use crate::components::status::{ErrorNotice, Loading};
use crate::i18n::{date_time, opens_at, price, strings};
use crate::account_fns::my_bookings;
use crate::i18n::account::booking_held;
use crate::islands::booking::{SessionBooking, SessionCard};
use crate::pages::not_found::NotFound;
use crate::pages::resource_by_route_id;
use crate::prefs::use_prefs;
use crate::public_fns::{load_item, load_item_reviews};
use crate::i18n::reviews::{rating_text, review_strings, stars_text};

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
            {item.with_value(|i| i.rating).map(|rating| view! {
                <p class="rating" data-testid="rating"><a href="#reviews">{move || rating_text(prefs.lang(), &rating)}</a></p>
            })}
            <dl class="facts">
                <dt>{move || t().item_category}</dt><dd>{text(|i, l| i.category.label(l).to_string())}</dd>
                <dt>{move || t().item_audience}</dt><dd>{text(|i, l| i.audience.label(l).to_string())}</dd>
                <dt>{move || t().item_price}</dt>
                <dd>{text(|i, l| match (i.free, i.price_cents) {
                    (false, Some(cents)) => price(cents),
                    _ => strings(l).free.to_string(),
                })}</dd>
                <dt>{move || t().item_provider}</dt><dd>{item.with_value(|i| i.provider.clone())}</dd>
                {item.with_value(|i| i.heritage.clone()).map(|project| view! {
                    <dt>{move || crate::i18n::heritage::heritage_strings(prefs.lang()).project_of_item}</dt>
                    <dd><a href=format!("/heritage/{}", project.id) data-testid="item-heritage">{project.name}</a></dd>
                })}
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
                    let now = cc_domain::time::now();
                    let locale = prefs.lang();
                    let cards: Vec<SessionCard> = sessions.iter().map(|s| SessionCard {
                        id: s.id,
                        item_id,
                        when: date_time(locale, &s.starts_at),
                        remaining: s.remaining,
                        capacity: s.capacity,
                        state: s.booking_state(now),
                        opens: (s.booking_state(now) == cc_domain::BookingState::NotYetOpen)
                            .then(|| opens_at(locale, &s.booking_opens_at)),
                        waitlist: s.waitlist,
                        mine: None,
                    }).collect();
                    view! {
                        <Suspense fallback=|| ()>
                            {move || {
                                let mut cards = cards.clone();
                                Suspend::new(async move {
                                    let logged_in = match use_context::<MeResource>() {
                                        Some(me) => matches!(me.await, Ok(Some(_))),
                                        None => false,
                                    };
                                    // Sessions this resident already holds lead to the ticket.
                                    if logged_in {
                                        let held = my_bookings().await.unwrap_or_default();
                                        for card in &mut cards {
                                            card.mine = held.iter()
                                                .find(|b| b.session_id.0 == card.id && b.status.is_active())
                                                .map(|b| booking_held(locale, b));
                                        }
                                    }
                                    view! {
                                        <ul class="session-cards" data-testid="sessions">
                                            {cards.into_iter().map(|card| view! {
                                                <li class="session-card" data-testid="session">
                                                    <SessionBooking card logged_in/>
                                                </li>
                                            }).collect_view()}
                                        </ul>
                                    }
                                })
                            }}
                        </Suspense>
                    }.into_any()
                } else {
                    view! { <p>{move || t().item_no_sessions}</p> }.into_any()
                }}
            </section>
            <ItemReviews item_id/>
        </article>
    }
}

/// The newest reviews of the item, as text.
#[component]
fn ItemReviews(item_id: i64) -> impl IntoView {
    let prefs = use_prefs();
    let r = move || review_strings(prefs.lang());
    let reviews = Resource::new(move || item_id, load_item_reviews);
    view! {
        <section id="reviews" class="reviews" aria-labelledby="reviews-heading">
            <h2 id="reviews-heading">{move || r().heading}</h2>
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    let list = reviews.await.map(|page| page.reviews).unwrap_or_default();
                    if list.is_empty() {
                        return view! { <p>{move || r().none}</p> }.into_any();
                    }
                    view! {
                        <ul class="review-list" data-testid="reviews">
                            {list.into_iter().map(|review| view! {
                                <li class="review" data-testid="review">
                                    <p class="review-head">
                                        <span class="stars" aria-label=format!("{}/5", review.stars)>{stars_text(review.stars)}</span>
                                        " " <span class="author">{review.author}</span>
                                        " " <time>{move || date_time(prefs.lang(), &cc_domain::time::local(review.created_at))}</time>
                                    </p>
                                    {review.comment.map(|comment| view! { <p class="review-comment">{comment}</p> })}
                                </li>
                            }).collect_view()}
                        </ul>
                    }.into_any()
                })}
            </Suspense>
        </section>
    }
}

/// schema.org `Event`s, one per upcoming session.
fn event_json_ld(item: &ItemDetail) -> Option<serde_json::Value> {
    if item.sessions.is_empty() {
        return None;
    }
    let rating = item.rating.map(|r| {
        serde_json::json!({
            "@type": "AggregateRating",
            "ratingValue": r.average,
            "reviewCount": r.count,
            "bestRating": 5,
            "worstRating": 1
        })
    });
    let events: Vec<serde_json::Value> = item
        .sessions
        .iter()
        .take(10)
        .map(|s| {
            let mut event = serde_json::json!({
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
            });
            if let Some(rating) = &rating {
                event["aggregateRating"] = rating.clone();
            }
            event
        })
        .collect();
    Some(serde_json::Value::Array(events))
}
