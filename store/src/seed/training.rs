//! The demo's training of cultural staff: three courses drawn from the plan's 系列专题培训 (the
//! policy, organising activities, the platform itself), marked demo, each with a session held
//! weeks ago — grassroots workers let in, certificates issued — and one to come with places
//! left. Dates are counted from the day the demo is loaded.

use chrono::{Duration, NaiveTime};
use sqlx::AnyConnection;

use crate::bookings::new_ticket_code;
use crate::StoreError;

struct Course {
    topic: &'static str,
    trainer: &'static str,
    tenths: i64,
    summary: &'static str,
    /// The organising street's name; none for the district.
    street: Option<&'static str>,
    /// (days from today, start hour, hours long, venue, places, people let in).
    sessions: &'static [(i64, u32, i64, &'static str, i64, usize)],
}

const COURSES: [Course; 3] = [
    Course { topic: "示范区创建政策解读", trainer: "张宏（区文化委）", tenths: 30, summary: "解读示范区创建标准和工作方案，明确各街道、社区的任务和考评办法。", street: None, sessions: &[(-20, 9, 3, "区文化馆多功能厅", 60, 9), (12, 9, 3, "区文化馆多功能厅", 60, 0)] },
    Course { topic: "基层群众文化活动策划与组织", trainer: "李静（区文化馆）", tenths: 25, summary: "从需求征集到活动评价：如何策划、组织和总结一场群众文化活动。", street: None, sessions: &[(-45, 14, 3, "区文化馆三楼培训室", 40, 7), (6, 14, 3, "区文化馆三楼培训室", 40, 0)] },
    Course { topic: "公共文化云平台操作实务", trainer: "王磊（区文化委信息科）", tenths: 15, summary: "发布服务、管理场次、扫码签到和查看数据看板。", street: Some("八角街道"), sessions: &[(-10, 9, 2, "八角街道文化中心", 25, 5), (3, 9, 2, "八角街道文化中心", 25, 0)] },
];

/// Grassroots cultural workers: name, unit, and the street the unit is in.
const WORKERS: [(&str, &str, &str); 12] = [
    ("刘淑芬", "八角北路社区文化室", "八角街道"),
    ("陈建国", "古城南路社区文化室", "古城街道"),
    ("赵丽华", "鲁谷社区文化中心", "鲁谷社区"),
    ("孙志强", "老山东里社区文化室", "老山街道"),
    ("周秀英", "苹果园社区文化室", "苹果园街道"),
    ("吴文杰", "金顶街社区文化室", "金顶街街道"),
    ("郑海燕", "广宁村社区文化室", "广宁街道"),
    ("王春梅", "五里坨社区文化室", "五里坨街道"),
    ("冯立新", "八宝山社区文化室", "八宝山街道"),
    ("何晓红", "杨庄社区文化室", "苹果园街道"),
    ("马玉兰", "石槽社区文化室", "五里坨街道"),
    ("高德明", "模式口社区文化室", "金顶街街道"),
];

/// Writes the demo's courses; returns how many.
pub(super) async fn seed_training(conn: &mut AnyConnection, now: i64) -> Result<usize, StoreError> {
    let streets: Vec<(i64, String)> = sqlx::query_as("SELECT id, name FROM streets WHERE is_demo = 1 ORDER BY id").fetch_all(&mut *conn).await?;
    let today = cc_domain::time::local(now).date_naive();
    let at = |days: i64, hour: u32| {
        let day = today + Duration::days(days);
        day.and_time(NaiveTime::from_hms_opt(hour, 0, 0).unwrap_or_default())
            .and_local_timezone(cc_domain::time::district_zone())
            .single()
            .map_or(now, |t| t.timestamp())
    };
    for course in &COURSES {
        let street = course.street.and_then(|name| streets.iter().find(|(_, n)| n == name)).map(|(id, _)| *id);
        let (course_id,): (i64,) = sqlx::query_as(
            "INSERT INTO training_courses (topic, trainer, hours_tenths, summary, street_id, demo, created_at) VALUES ($1, $2, $3, $4, $5, 1, $6) RETURNING id",
        )
        .bind(course.topic)
        .bind(course.trainer)
        .bind(course.tenths)
        .bind(course.summary)
        .bind(street)
        .bind(now)
        .fetch_one(&mut *conn)
        .await?;
        for &(days, hour, long, venue, places, let_in) in course.sessions {
            let starts = at(days, hour);
            let (session,): (i64,) = sqlx::query_as(
                "INSERT INTO training_sessions (course_id, starts_at, ends_at, venue, capacity, remaining) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
            )
            .bind(course_id)
            .bind(starts)
            .bind(starts + long * 3600)
            .bind(venue)
            .bind(places)
            .bind(places - let_in as i64)
            .fetch_one(&mut *conn)
            .await?;
            for (n, (name, unit, home)) in WORKERS.iter().take(let_in).enumerate() {
                let mobile = format!("139000100{:02}", n + 1);
                let worker_street = streets.iter().find(|(_, s)| s == home).map(|(id, _)| *id);
                sqlx::query(
                    "INSERT INTO training_enrolments (session_id, course_id, person, name, unit, mobile, street_id, code, status, \
                     enrolled_at, checked_in_at, certificate) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'attended', $9, $10, $11)",
                )
                .bind(session)
                .bind(course_id)
                .bind(format!("mobile:{mobile}"))
                .bind(*name)
                .bind(*unit)
                .bind(&mobile)
                .bind(worker_street)
                .bind(new_ticket_code())
                .bind(starts - 7 * 86_400)
                .bind(starts + 600 + n as i64 * 60)
                .bind(new_ticket_code())
                .execute(&mut *conn)
                .await?;
            }
        }
    }
    Ok(COURSES.len())
}
