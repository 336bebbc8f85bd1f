//! `/facilities/{id}`: one venue — where, when it is open, what is on there.

use cc_domain::{FacilityProfile, Locale};
use leptos::prelude::*;
use leptos_meta::Title;

use crate::components::json_ld::JsonLd;
use crate::components::status::{ErrorNotice, Loading};
use crate::i18n::feeds::feed_strings;
use crate::i18n::reviews::rating_text;
use crate::i18n::{area, date_time, kind_name, level_name, strings};
use crate::pages::not_found::NotFound;
use crate::pages::resource_by_route_id;
use crate::prefs::use_prefs;
use crate::public_fns::load_facility;

/// The facility page; unknown or malformed ids get the localized 404.
#[component]
pub fn FacilityPage() -> impl IntoView {
    let facility = resource_by_route_id(load_facility);
    view! {
        <Suspense fallback=Loading>
            {move || Suspend::new(async move { match facility.await {
                Ok(Some(profile)) => view! { <FacilityView profile/> }.into_any(),
                Ok(None) => view! { <NotFound message="facility"/> }.into_any(),
                Err(error) => view! { <ErrorNotice error/> }.into_any(),
            } })}
        </Suspense>
    }
}

#[component]
fn FacilityView(profile: FacilityProfile) -> impl IntoView {
    let prefs = use_prefs();
    let t = move || prefs.t();
    let name = profile.summary.name.clone();
    let p = StoredValue::new(profile);
    let text = move |f: fn(&FacilityProfile, Locale) -> String| move || p.with_value(|p| f(p, prefs.lang()));
    let (lat, lng) = p.with_value(|p| (p.summary.position.lat, p.summary.position.lng));
    let geo_href = format!("geo:{lat:.6},{lng:.6}?q={lat:.6},{lng:.6}");
    let osm_href =
        format!("https://www.openstreetmap.org/?mlat={lat:.6}&mlon={lng:.6}#map=17/{lat:.6}/{lng:.6}");
    let upcoming = p.with_value(|p| p.upcoming.clone());
    let has_upcoming = !upcoming.is_empty();
    let json_ld = p.with_value(place_json_ld);
    let facility_feed = crate::components::head_links::webcal(&format!("/api/v1/feeds/facility/{}.ics", p.with_value(|p| p.summary.id)));
    let street_feed = crate::components::head_links::webcal(&format!("/api/v1/feeds/street/{}.ics", p.with_value(|p| p.summary.street.slug.clone())));
    view! {
        <Title text=name.clone()/>
        <JsonLd value=json_ld/>
        <article class="facility-detail">
            <p class="breadcrumb"><a href="/facilities">{move || t().facilities_title}</a></p>
            <h1>{name}</h1>
            {p.with_value(|p| p.rating).map(|rating| view! {
                <p class="rating" data-testid="rating">{move || rating_text(prefs.lang(), &rating)}</p>
            })}
            <p class="facility-open-state" data-testid="open-state">
                {text(|p, l| match p.summary.open_now {
                    Some(true) => strings(l).open_now.to_string(),
                    Some(false) => strings(l).closed_now.to_string(),
                    None => strings(l).hours_unknown.to_string(),
                })}
            </p>
            <dl class="facts">
                <dt>{move || t().facility_level}</dt><dd>{text(|p, l| level_name(l, p.summary.level).to_string())}</dd>
                <dt>{move || t().facility_kind}</dt><dd>{text(|p, l| kind_name(l, &p.summary.kind).to_string())}</dd>
                <dt>{move || t().filter_street}</dt><dd>{text(|p, l| p.summary.street.label(l).to_string())}</dd>
                {p.with_value(|p| p.summary.community.clone()).map(|c| view! {
                    <dt>{move || t().facility_community}</dt><dd>{c}</dd>
                })}
                <dt>{move || t().item_address}</dt>
                <dd>
                    {p.with_value(|p| p.summary.address.clone())}
                    <br/>
                    <a class="maps-link" href=geo_href>{move || t().open_in_maps}</a>
                    " · "
                    <a class="maps-link" href=osm_href rel="noopener" target="_blank">"OpenStreetMap"</a>
                </dd>
                <dt>{move || t().opening_hours}</dt>
                <dd>{text(|p, l| p.opening_hours.as_ref().map_or_else(|| strings(l).not_on_record.to_string(), |h| h.describe(l)))}</dd>
                <dt>{move || t().free_opening}</dt>
                <dd>{text(|p, l| match p.free_opening {
                    Some(true) => strings(l).yes.to_string(),
                    Some(false) => strings(l).no.to_string(),
                    None => strings(l).not_on_record.to_string(),
                })}</dd>
                <dt>{move || t().floor_area}</dt>
                <dd>{text(|p, l| p.area_m2.map_or_else(|| strings(l).not_on_record.to_string(), |a| area(l, a)))}</dd>
            </dl>
            <section aria-labelledby="upcoming-heading">
                <h2 id="upcoming-heading">{move || t().upcoming_here}</h2>
                <p class="feeds">
                    <a href=facility_feed data-testid="facility-feed">{move || feed_strings(prefs.lang()).facility}</a>
                    " · "
                    <a href=street_feed data-testid="street-feed">{move || feed_strings(prefs.lang()).street}</a>
                </p>
                {if has_upcoming {
                    view! {
                        <ul class="upcoming-list" data-testid="upcoming">
                            {upcoming.into_iter().map(|s| {
                                let when = StoredValue::new(s.starts_at);
                                view! {
                                    <li>
                                        <span class="upcoming-when">{move || when.with_value(|w| date_time(prefs.lang(), w))}</span>
                                        " " <a href=format!("/items/{}", s.item_id)>{s.title}</a>
                                    </li>
                                }
                            }).collect_view()}
                        </ul>
                    }.into_any()
                } else {
                    view! { <p>{move || t().nothing_upcoming}</p> }.into_any()
                }}
            </section>
        </article>
    }
}

/// schema.org data for search engines: the venue, with residents' rating once there is one.
fn place_json_ld(profile: &FacilityProfile) -> serde_json::Value {
    let s = &profile.summary;
    let mut place = serde_json::json!({
        "@context": "https://schema.org",
        "@type": "CivicStructure",
        "name": s.name,
        "address": s.address,
        "geo": { "@type": "GeoCoordinates", "latitude": s.position.lat, "longitude": s.position.lng }
    });
    if let Some(r) = profile.rating {
        place["aggregateRating"] = serde_json::json!({
            "@type": "AggregateRating", "ratingValue": r.average, "reviewCount": r.count, "bestRating": 5, "worstRating": 1
        });
    }
    place
}
