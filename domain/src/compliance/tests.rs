use super::*;
use crate::CommunityRef;

fn standards() -> Vec<Standard> {
    vec![
        Standard {
            level: FacilityLevel::Street,
            min_area_m2: 800.0,
            min_weekly_hours: 42.0,
            free_opening_required: true,
            is_default: true,
        },
        Standard {
            level: FacilityLevel::Community,
            min_area_m2: 200.0,
            min_weekly_hours: 35.0,
            free_opening_required: true,
            is_default: true,
        },
    ]
}

fn facility(id: i64, level: FacilityLevel, community: Option<i64>) -> FacilityFacts {
    FacilityFacts {
        id,
        level,
        street_slug: "bajiao".into(),
        community_id: community,
        area_m2: Some(900.0),
        weekly_hours: Some(49.0),
        free_opening: Some(true),
    }
}

#[test]
fn a_facility_meeting_every_requirement_is_compliant() {
    let c = assess(&facility(1, FacilityLevel::Street, None), &standards());
    assert_eq!(c, Compliance { compliant: true, reasons: vec![] });
}

#[test]
fn exactly_the_standard_is_enough() {
    let mut f = facility(1, FacilityLevel::Community, Some(1));
    f.area_m2 = Some(200.0);
    f.weekly_hours = Some(35.0);
    assert!(assess(&f, &standards()).compliant);
}

#[test]
fn every_reason_is_given_with_the_shortfall() {
    let mut f = facility(1, FacilityLevel::Street, None);
    f.area_m2 = Some(620.0);
    f.weekly_hours = Some(36.5);
    f.free_opening = Some(false);
    let c = assess(&f, &standards());
    assert!(!c.compliant);
    assert_eq!(
        c.reasons,
        vec![
            Shortfall::AreaShort { required_m2: 800.0, actual_m2: 620.0, short_by_m2: 180.0 },
            Shortfall::HoursShort { required_hours: 42.0, actual_hours: 36.5, short_by_hours: 5.5 },
            Shortfall::NotFree,
        ]
    );
    assert_eq!(c.reasons[0].describe(Locale::Zh), "建筑面积差 180 平方米（标准 800 平方米）");
    assert_eq!(c.reasons[0].describe(Locale::En), "area short by 180 m² (standard 800 m²)");
}

#[test]
fn missing_data_is_never_compliant() {
    let mut f = facility(1, FacilityLevel::Community, Some(1));
    f.area_m2 = None;
    f.weekly_hours = None;
    f.free_opening = None;
    let c = assess(&f, &standards());
    assert!(!c.compliant);
    assert_eq!(
        c.reasons,
        vec![Shortfall::AreaMissing, Shortfall::HoursMissing, Shortfall::FreeOpeningMissing]
    );
}

#[test]
fn a_level_without_a_standard_cannot_comply() {
    let c = assess(&facility(1, FacilityLevel::District, None), &standards());
    assert_eq!(c.reasons, vec![Shortfall::NoStandard]);
}

#[test]
fn coverage_counts_compliant_centres_and_community_rooms() {
    let street = StreetWithCommunities {
        street: Named { slug: "bajiao".into(), name: "八角街道".into(), name_en: "Bajiao".into() },
        communities: vec![
            CommunityRef { id: 1, name: "杨庄社区".into() },
            CommunityRef { id: 2, name: "黄南苑社区".into() },
            CommunityRef { id: 3, name: "八角北路社区".into() },
        ],
    };
    let mut small_room = facility(12, FacilityLevel::Community, Some(2));
    small_room.area_m2 = Some(120.0);
    let facts = vec![
        facility(10, FacilityLevel::Street, None),
        facility(11, FacilityLevel::Community, Some(1)),
        small_room,
    ];
    let assessed: Vec<_> = facts
        .into_iter()
        .map(|f| {
            let c = assess(&f, &standards());
            (f, c)
        })
        .collect();
    let cov = coverage(&[street], &assessed);
    let s = &cov.streets[0];
    assert_eq!((s.facilities, s.compliant, s.covered), (3, 2, true));
    assert_eq!((s.communities, s.communities_covered), (3, 1));
    assert_eq!(s.uncovered_communities, vec!["黄南苑社区", "八角北路社区"]);
    assert_eq!(cov.totals.community_coverage_rate, Some(1.0 / 3.0));
    assert_eq!(cov.totals.compliance_rate, Some(2.0 / 3.0));
    assert_eq!(cov.totals.street_coverage_rate, Some(1.0));
}

#[test]
fn a_street_without_a_compliant_centre_is_uncovered_and_empty_totals_have_no_rate() {
    let street = StreetWithCommunities {
        street: Named { slug: "bajiao".into(), name: "八角街道".into(), name_en: String::new() },
        communities: vec![],
    };
    let cov = coverage(std::slice::from_ref(&street), &[]);
    assert!(!cov.streets[0].covered);
    assert_eq!(cov.totals.street_coverage_rate, Some(0.0));
    assert_eq!(cov.totals.community_coverage_rate, None);
    assert_eq!(cov.totals.compliance_rate, None);
}
