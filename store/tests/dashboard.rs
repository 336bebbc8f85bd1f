//! The dashboard's counts against a real database: today's and this week's bookings,
//! cancellations and check-ins, the busiest items, per street — and a street sees only itself.

use cc_store::testing::fresh_store;
use cc_store::BookingAttempt;

#[tokio::test]
async fn todays_bookings_cancellations_and_check_ins_count_for_their_street_only() {
    let store = fresh_store().await.unwrap();
    store.seed_demo().await.unwrap();
    let session = store.seed_open_session("看板测试讲座", 10, true).await.unwrap();
    let street = store.session_place(session).await.unwrap().unwrap().street_id;
    let before = store.dashboard(None, cc_domain::time::now()).await.unwrap();
    let residents = store.create_residents_in_bulk(13_700_000_001, 3, "$argon2id$unused").await.unwrap();
    let mut codes = Vec::new();
    for resident in &residents {
        let BookingAttempt::Booked { booking, .. } = store.book(*resident, session, None).await.unwrap()
        else {
            panic!("booked")
        };
        codes.push(booking);
    }
    store.cancel_booking(residents[2], codes[2].id).await.unwrap();
    let staff = cc_store::testing::district_admin(&store, "door").await.unwrap();
    store.check_in(session, &codes[0].code, None, staff).await.unwrap();

    let now = cc_domain::time::now();
    let district = store.dashboard(None, now).await.unwrap();
    assert_eq!(district.street, None);
    assert_eq!(district.today.bookings - before.today.bookings, 2, "two places held (one already used)");
    assert_eq!(district.today.cancellations - before.today.cancellations, 1);
    assert_eq!(district.today.check_ins - before.today.check_ins, 1);
    assert!(district.week.bookings >= district.today.bookings);
    assert_eq!(district.top_items[0].label, "看板测试讲座");
    assert_eq!(district.top_items[0].count, 2);
    assert!(district.by_category.iter().map(|c| c.count).sum::<u64>() >= 2);
    assert!(district.compliance_rate.is_some());

    let own = store.dashboard(Some(street), now).await.unwrap();
    assert!(own.street.is_some());
    assert_eq!(own.by_street.len(), 1, "a street sees only itself: {:?}", own.by_street);
    assert_eq!(own.top_items[0].count, 2);
    let other = if street == 1 { 2 } else { 1 };
    let elsewhere = store.dashboard(Some(other), now).await.unwrap();
    assert!(elsewhere.top_items.iter().all(|c| c.label != "看板测试讲座"), "{:?}", elsewhere.top_items);
}
