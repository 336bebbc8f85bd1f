//! Every parser of outside input answers — a value or an error — and never panics, whatever it
//! is fed: a panic in a request handler would drop the visitor's connection. Strings are drawn
//! from any Unicode, from the characters URLs and dates are made of, and from near-valid shapes.

use cc_domain::account::{NewPassword, PhoneNumber};
use cc_domain::authoring::ItemInput;
use cc_domain::booking::NoShowRule;
use cc_domain::facility::FacilityQuery;
use cc_domain::geo::LatLng;
use cc_domain::image::Image;
use cc_domain::opening::WeeklyHours;
use cc_domain::query::{decode_pairs, percent_decode};
use cc_domain::{CatalogQuery, SearchQuery};
use proptest::prelude::*;

/// Any text, text made of the characters queries are made of, and near-valid values.
fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        "[-+0-9a-z%&=:,. ]{0,40}",
        "-?[0-9]{1,7}-[0-9]{1,3}-[0-9]{1,3}",
        "[0-9]{1,7}(\\.[0-9]{0,12})?, ?-?[0-9]{1,7}(\\.[0-9]{0,12})?",
        "[1-7](-[1-7])? [0-9]{1,2}:[0-9]{1,2}-[0-9]{1,3}:[0-9]{1,2}(,[0-9]{1,2}:[0-9]{2}-[0-9]{1,2}:[0-9]{2})?",
        "1[0-9]{10}",
    ]
}

const KEYS: [&str; 14] = [
    "q", "category", "street", "audience", "from", "to", "free", "sort", "page", "per_page", "level", "near",
    "open_now", "x",
];

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    #[test]
    fn query_parsers_answer(pairs in prop::collection::vec((0..KEYS.len(), text()), 0..6), raw in text()) {
        let pairs: Vec<(&str, &str)> = pairs.iter().map(|(k, v)| (KEYS[*k], v.as_str())).collect();
        if let Ok(q) = CatalogQuery::parse(pairs.iter().copied()) {
            // What parses also round-trips through its URL.
            prop_assert_eq!(CatalogQuery::parse_query_string(&q.to_query_string()), Ok(q.clone()));
            let _ = q.offset();
        }
        let _ = FacilityQuery::parse(pairs.iter().copied());
        let _ = CatalogQuery::parse_query_string(&raw);
        let _ = FacilityQuery::parse_query_string(&raw);
        let _ = decode_pairs(&raw);
        let _ = percent_decode(&raw);
    }

    #[test]
    fn field_parsers_answer(a in text(), b in text()) {
        let _ = SearchQuery::parse(&a);
        let _ = LatLng::parse(&a);
        let _ = WeeklyHours::parse(&a).map(|h| h.hours_per_week());
        let _ = NoShowRule::parse(&a);
        if let Ok(phone) = PhoneNumber::parse(&a) {
            let _ = phone.masked();
            let _ = NewPassword::parse(&b, &phone);
        }
        let _ = NewPassword::parse_for_staff(&b, &a);
        let item = ItemInput {
            title: a.clone(),
            description: b.clone(),
            provider: a.clone(),
            category: b.clone(),
            audience: a.clone(),
            facility_id: 1,
            free: false,
            price_cents: Some(-1),
        };
        let _ = item.parse();
    }

    #[test]
    fn picture_parser_answers(bytes in prop::collection::vec(any::<u8>(), 0..2048), tail in prop::collection::vec(any::<u8>(), 0..512)) {
        let _ = Image::parse(&bytes);
        // Random bytes behind a JPEG or PNG signature reach deeper into the walkers.
        let mut jpeg = vec![0xFF, 0xD8, 0xFF];
        jpeg.extend_from_slice(&tail);
        let _ = Image::parse(&jpeg);
        let mut png = b"\x89PNG\r\n\x1a\n".to_vec();
        png.extend_from_slice(&tail);
        let _ = Image::parse(&png);
    }
}
