use chrono::{DateTime, FixedOffset};

use super::input::{CourseInput, TrainingSessionInput, WorkerInput};
use super::{hours_by_person, Attended, Hours, Person};
use crate::ids::StaffId;

#[test]
fn hours_are_whole_half_hours_from_half_an_hour_to_forty() {
    assert_eq!(Hours::parse("2.5"), Some(Hours(25)));
    assert_eq!(Hours::parse(" 3 "), Some(Hours(30)));
    assert_eq!(Hours::parse("1.5小时"), Some(Hours(15)));
    assert_eq!(Hours::parse("0.5"), Some(Hours(5)));
    assert_eq!(Hours::parse("40"), Some(Hours(400)));
    for refused in ["0", "0.3", "2.25", "40.5", "-1", "NaN", "inf", "", "两小时"] {
        assert_eq!(Hours::parse(refused), None, "{refused}");
    }
    assert_eq!((Hours(25).show(), Hours(30).show()), ("2.5".to_string(), "3".to_string()));
    assert_eq!(serde_json::to_string(&Hours(25)).unwrap(), "2.5");
    assert_eq!(serde_json::from_str::<Hours>("1.5").unwrap(), Hours(15));
    // A year's total reads back whatever it adds up to; a course's own rule is for courses.
    assert_eq!(serde_json::from_str::<Hours>("42.5").unwrap(), Hours(425));
    assert!(serde_json::from_str::<Hours>("1.25").is_err() && serde_json::from_str::<Hours>("-1").is_err());
}

fn worker(mobile: &str, name: &str, tenths: u32) -> Attended {
    Attended { person: Person::Worker { mobile: mobile.into() }, name: name.into(), unit: "八角社区".into(), mobile: Some("139****0001".into()), hours: Hours(tenths) }
}

#[test]
fn training_hours_add_up_per_person_exactly() {
    let staff = |tenths| Attended { person: Person::Staff(StaffId(7)), name: "王芳".into(), unit: "古城街道".into(), mobile: None, hours: Hours(tenths) };
    // Ten courses of 0.1-free tenths: 2.5 + 1.5 + 3 = 7 exactly, not 6.999….
    let lines = vec![worker("13900000001", "李明", 25), staff(30), worker("13900000001", "李明", 15), worker("13900000002", "赵兰", 30), worker("13900000001", "李明", 30)];
    let sums = hours_by_person(&lines);
    assert_eq!(sums.len(), 3, "one line per person, a worker known by mobile, staff by account");
    assert_eq!((sums[0].name.as_str(), sums[0].courses, sums[0].hours), ("李明", 3, Hours(70)));
    assert_eq!(f64::from(sums[0].hours), 7.0);
    // Equal hours: by name.
    assert_eq!((sums[1].hours, sums[2].hours), (Hours(30), Hours(30)));
    assert!(sums[1].name < sums[2].name);
    assert_eq!(sums.iter().find(|s| s.staff_id == Some(StaffId(7))).map(|s| s.mobile.clone()), Some(None));
    let total: u32 = sums.iter().map(|s| s.hours.0).sum();
    assert_eq!(total, lines.iter().map(|l| l.hours.0).sum::<u32>(), "nothing lost or counted twice");
    assert!(hours_by_person(&[]).is_empty());
}

fn at(text: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(text).unwrap()
}

#[test]
fn a_session_is_in_the_future_at_most_a_day_long_with_places() {
    let now = at("2026-12-01T10:00:00+08:00").timestamp();
    let session = |start: &str, end: &str, capacity| TrainingSessionInput { starts_at: at(start), ends_at: at(end), venue: " 区文化馆三楼 ".into(), capacity };
    let good = session("2026-12-10T09:00:00+08:00", "2026-12-10T11:30:00+08:00", 40).check(now).unwrap();
    assert_eq!(good.venue, "区文化馆三楼");
    let field = |s: TrainingSessionInput| s.check(now).unwrap_err().field;
    assert_eq!(field(session("2026-12-01T09:00:00+08:00", "2026-12-01T11:00:00+08:00", 40)), "starts_at");
    assert_eq!(field(session("2026-12-10T09:00:00+08:00", "2026-12-10T09:00:00+08:00", 40)), "ends_at");
    assert_eq!(field(session("2026-12-10T09:00:00+08:00", "2026-12-10T21:01:00+08:00", 40)), "ends_at");
    assert_eq!(field(session("2026-12-10T09:00:00+08:00", "2026-12-10T11:00:00+08:00", 0)), "capacity");
    assert_eq!(field(session("2026-12-10T09:00:00+08:00", "2026-12-10T11:00:00+08:00", 501)), "capacity");
}

#[test]
fn courses_and_workers_are_refused_by_field() {
    let course = |topic: &str, trainer: &str, hours| CourseInput { topic: topic.into(), trainer: trainer.into(), hours, summary: String::new(), street_id: None };
    assert!(course("示范区创建政策解读", "张老师", 2.5).check().is_ok());
    assert_eq!(course("解", "张老师", 2.5).check().unwrap_err().field, "topic");
    assert_eq!(course("政策解读", "张\u{0}老师", 2.5).check().unwrap_err().field, "trainer");
    assert_eq!(course("政策解读", "张老师", 0.2).check().unwrap_err().field, "hours");
    assert_eq!(course("政策解读", "张老师", f64::NAN).check().unwrap_err().field, "hours");
    let person = |name: &str, mobile: &str| WorkerInput { name: name.into(), unit: "八角社区文化室".into(), mobile: mobile.into(), street_id: Some(0) };
    let ok = person("李明", "+86 139-0000-0001").check().unwrap();
    assert_eq!((ok.mobile.as_str(), ok.street_id), ("13900000001", None));
    assert_eq!(person("李", "13900000001").check().unwrap_err().field, "display_name");
    assert_eq!(person("李明", "1390000000").check().unwrap_err().field, "mobile");
}

#[test]
fn a_person_is_kept_once_per_course_by_account_or_mobile() {
    assert_eq!(Person::Staff(StaffId(3)).key(), "staff:3");
    assert_eq!(Person::Worker { mobile: "13900000001".into() }.key(), "mobile:13900000001");
}
