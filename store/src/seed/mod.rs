//! Loading data: the Shijingshan demo (`seed demo`) and synthetic catalogues for benchmarks
//! (`seed synthetic --items N`). Both are deterministic; demo rows are marked `is_demo`.

mod fund;
pub(crate) mod fund_categories;
mod heritage;
mod items;
mod network;
mod plan;
mod training;
mod rush;

use cc_domain::time::{now, start_of_day};
use cc_domain::FacilityLevel;
use sqlx::AnyConnection;

use crate::items::{insert_item, insert_session};
use crate::network::{insert_community, insert_facility, insert_street};
use crate::{NewFacility, NewItem, NewSession, Store, StoreError};
use items::{category_blurb, provider_for, STEMS};
use network::{DISTRICT_FACILITIES, STREETS, UNCOVERED_COMMUNITIES};

/// What a seeding run did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct SeedReport {
    pub streets: usize,
    pub communities: usize,
    pub facilities: usize,
    pub items: usize,
    pub sessions: usize,
    /// Projects of the heritage registry.
    pub heritage_projects: usize,
    /// Calls of the heritage fund.
    pub fund_calls: usize,
    /// Tasks of the work plan.
    pub plan_tasks: usize,
    /// Courses of the staff's training.
    pub training_courses: usize,
    /// True when the demo was already loaded and nothing was written.
    pub already_present: bool,
}

/// SplitMix64: a tiny deterministic generator, so the same seed gives the same data everywhere.
struct Mix(u64);

impl Mix {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

impl Store {
    /// Loads the Shijingshan demo in one transaction; does nothing when it is already there.
    pub async fn seed_demo(&self) -> Result<SeedReport, StoreError> {
        let mut tx = self.begin().await?;
        let (present,): (i64,) =
            sqlx::query_as("SELECT COUNT(*) FROM streets WHERE is_demo = 1").fetch_one(&mut *tx).await?;
        if present > 0 {
            return Ok(SeedReport { already_present: true, ..Default::default() });
        }
        let mut report = SeedReport::default();
        let facilities = seed_network(&mut tx, &mut report).await?;
        seed_catalogue(&mut tx, &facilities, &mut report).await?;
        report.heritage_projects = heritage::seed_heritage(&mut tx, now()).await?;
        report.fund_calls = fund::seed_fund_calls(&mut tx, now()).await?;
        report.plan_tasks = plan::seed_plan(&mut tx, now()).await?;
        report.training_courses = training::seed_training(&mut tx, now()).await?;
        tx.commit().await?;
        self.announce_street(cc_domain::live::LiveKind::ItemChanged, None);
        Ok(report)
    }

    /// Adds `count` synthetic published items (1–3 sessions each) for benchmarks, on top of the
    /// demo network (loaded first when missing). The same `count` always gives the same items.
    pub async fn seed_synthetic(&self, count: usize) -> Result<SeedReport, StoreError> {
        let demo = self.seed_demo().await?;
        let facility_ids: Vec<(i64,)> =
            sqlx::query_as("SELECT id FROM facilities ORDER BY id").fetch_all(&self.pool).await?;
        // The report counts the demo network too when this run loaded it.
        let mut report = SeedReport { already_present: false, ..demo };
        let mut rng = Mix(0x5EED);
        let first_day = today_start();
        const TOPICS: &[&str] = &[
            "京剧",
            "广场舞",
            "非遗",
            "书法",
            "合唱",
            "剪纸",
            "阅读",
            "摄影",
            "电影",
            "太极",
            "民乐",
            "绘本",
        ];
        const FORMS: &[&str] = &["体验课", "讲座", "展演", "工作坊", "沙龙", "培训班", "专场", "分享会"];
        for chunk in (0..count).collect::<Vec<_>>().chunks(500) {
            let mut tx = self.begin().await?;
            for &k in chunk {
                let (category, _, audience, _) = STEMS[rng.below(STEMS.len() as u64) as usize];
                let topic = TOPICS[rng.below(TOPICS.len() as u64) as usize];
                let form = FORMS[rng.below(FORMS.len() as u64) as usize];
                let title = format!("{topic}{form} 第{}期", k + 1);
                let facility_id = facility_ids[rng.below(facility_ids.len() as u64) as usize].0;
                let description = format!("{title}。{}", category_blurb(category));
                let item_id = insert_item(
                    &mut tx,
                    &NewItem {
                        title: &title,
                        description: &description,
                        provider: "合成数据",
                        category_slug: category,
                        audience_slug: audience,
                        facility_id,
                        free: rng.below(10) > 0,
                        price_cents: None,
                        published: true,
                        popularity: rng.below(1000) as i64,
                        created_at: now(),
                        is_demo: true,
                    },
                )
                .await?;
                report.items += 1;
                report.sessions += seed_sessions(&mut tx, &mut rng, item_id, first_day, 3).await?;
            }
            tx.commit().await?;
        }
        self.announce_street(cc_domain::live::LiveKind::ItemChanged, None);
        Ok(report)
    }
}

/// Streets, communities and facilities; returns the facility ids per street (same order as
/// [`STREETS`]), the district ones first in every list so stems spread over all levels.
async fn seed_network(
    conn: &mut AnyConnection,
    report: &mut SeedReport,
) -> Result<Vec<Vec<(i64, String)>>, StoreError> {
    let mut rng = Mix(0xC0FFEE);
    let mut per_street = vec![Vec::new(); STREETS.len()];
    for (i, s) in STREETS.iter().enumerate() {
        let street_id = insert_street(conn, s.slug, s.name, s.name_en, i as i64 + 1, true).await?;
        report.streets += 1;
        for c in s.communities {
            insert_community(conn, street_id, c, true).await?;
            report.communities += 1;
        }
    }
    for d in DISTRICT_FACILITIES {
        let id = insert_facility(
            conn,
            &NewFacility {
                name: d.name,
                level: FacilityLevel::District,
                kind: d.kind,
                street_slug: d.street,
                community: None,
                address: d.address,
                lat: d.position.0,
                lng: d.position.1,
                area_m2: Some(d.area_m2),
                opening_hours: Some(d.opening_hours),
                free_opening: Some(true),
                is_demo: true,
            },
        )
        .await?;
        let idx = STREETS.iter().position(|s| s.slug == d.street).expect("district facility street exists");
        per_street[idx].push((id, d.name.to_string()));
        report.facilities += 1;
    }
    for (i, s) in STREETS.iter().enumerate() {
        let centre_name = format!("{}综合文化中心", s.name);
        let address = format!("石景山区{}{}号", s.road, 10 + rng.below(180));
        // Two street centres are short of the 800 m² standard, so compliance is not trivially met.
        let area = if i % 4 == 3 { 620.0 } else { 900.0 + rng.below(900) as f64 };
        let id = insert_facility(
            conn,
            &NewFacility {
                name: &centre_name,
                level: FacilityLevel::Street,
                kind: "street_centre",
                street_slug: s.slug,
                community: None,
                address: &address,
                lat: s.centre.0,
                lng: s.centre.1,
                area_m2: Some(area),
                // One centre opens 35 hours a week, short of the 42 required.
                opening_hours: Some(if i == 5 { "2-6 09:00-16:00" } else { "1-7 08:30-20:30" }),
                free_opening: Some(true),
                is_demo: true,
            },
        )
        .await?;
        per_street[i].push((id, centre_name));
        report.facilities += 1;
        for (j, community) in s.communities.iter().enumerate() {
            if UNCOVERED_COMMUNITIES.contains(community) {
                continue;
            }
            let room = format!("{}综合文化室", community.trim_end_matches("社区"));
            let address = format!("石景山区{}{}号院{}号楼", s.road, 20 + rng.below(160), 1 + j);
            let lat = s.centre.0 + (rng.below(120) as f64 - 60.0) / 10_000.0;
            let lng = s.centre.1 + (rng.below(120) as f64 - 60.0) / 10_000.0;
            // Some rooms are small, open too few hours, charge, or have no area or hours on
            // record: the demo must show every kind of non-compliance.
            let n = report.facilities;
            let area = if n.is_multiple_of(19) {
                None
            } else if n.is_multiple_of(8) {
                Some(120.0)
            } else {
                Some(200.0 + rng.below(150) as f64)
            };
            let hours = if n.is_multiple_of(23) {
                None
            } else if n.is_multiple_of(11) {
                Some("2-6 09:00-11:30,14:00-17:00")
            } else {
                Some("2-7 09:00-11:30,14:00-20:00")
            };
            let id = insert_facility(
                conn,
                &NewFacility {
                    name: &room,
                    level: FacilityLevel::Community,
                    kind: "community_room",
                    street_slug: s.slug,
                    community: Some(community),
                    address: &address,
                    lat,
                    lng,
                    area_m2: area,
                    opening_hours: hours,
                    free_opening: Some(!n.is_multiple_of(29)),
                    is_demo: true,
                },
            )
            .await?;
            per_street[i].push((id, room));
            report.facilities += 1;
        }
    }
    Ok(per_street)
}

/// Three items per stem, each in a different street, with sessions over the next 60 days.
async fn seed_catalogue(
    conn: &mut AnyConnection,
    facilities: &[Vec<(i64, String)>],
    report: &mut SeedReport,
) -> Result<(), StoreError> {
    let mut rng = Mix(0xCAFE);
    let first_day = today_start();
    for (stem_index, (category, stem, audience, price)) in STEMS.iter().enumerate() {
        for variant in 0..3 {
            let street_index = (stem_index * 3 + variant) % STREETS.len();
            let street = &STREETS[street_index];
            let choices = &facilities[street_index];
            let (facility_id, facility_name) = &choices[(stem_index + variant) % choices.len()];
            let short = street.name.trim_end_matches("街道").trim_end_matches("社区");
            let title = format!("{stem}·{short}");
            let provider = provider_for(category, stem, facility_name);
            let description =
                format!("{title}在{facility_name}举行，由{provider}组织。{}", category_blurb(category));
            let item_id = insert_item(
                conn,
                &NewItem {
                    title: &title,
                    description: &description,
                    provider: &provider,
                    category_slug: category,
                    audience_slug: audience,
                    facility_id: *facility_id,
                    free: price.is_none(),
                    price_cents: *price,
                    published: true,
                    popularity: rng.below(2000) as i64,
                    created_at: now(),
                    is_demo: true,
                },
            )
            .await?;
            report.items += 1;
            report.sessions += seed_sessions(conn, &mut rng, item_id, first_day, 4).await?;
        }
    }
    Ok(())
}

/// Midnight today in the district, as UTC seconds: sessions are laid out from there.
fn today_start() -> i64 {
    start_of_day(cc_domain::time::local(now()).date_naive())
}

/// 1..=`max` sessions within the next 60 days: two hours long, booking open from 7 days before
/// until one hour before the start.
async fn seed_sessions(
    conn: &mut AnyConnection,
    rng: &mut Mix,
    item_id: i64,
    first_day: i64,
    max: u64,
) -> Result<usize, StoreError> {
    const DAY: i64 = 86_400;
    const HOURS: [i64; 4] = [9, 10, 14, 19];
    const CAPACITIES: [i64; 7] = [20, 30, 50, 80, 120, 200, 300];
    let count = 1 + rng.below(max) as usize;
    for _ in 0..count {
        let day = 1 + rng.below(60) as i64;
        let starts_at = first_day + day * DAY + HOURS[rng.below(4) as usize] * 3600;
        insert_session(
            conn,
            &NewSession {
                item_id,
                starts_at,
                ends_at: starts_at + 2 * 3600,
                capacity: CAPACITIES[rng.below(CAPACITIES.len() as u64) as usize],
                booking_opens_at: starts_at - 7 * DAY,
                booking_closes_at: starts_at - 3600,
                waitlist: true,
            },
        )
        .await?;
    }
    Ok(count)
}
