use chrono::NaiveDate;

use super::input::{day, link, CommentInput, EvidenceInput, CheckedEvidence};
use super::*;
use crate::ids::{PlanMilestoneId, StaffId};
use crate::time::start_of_day;

fn date(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
}

fn milestone(due: &str, done: bool) -> Milestone {
    Milestone { id: PlanMilestoneId(1), title: "节点".into(), due_on: date(due), done_at: done.then_some(1), readings: vec![] }
}

#[test]
fn a_task_is_overdue_from_midnight_in_beijing_after_its_deadline() {
    let deadline = date("2026-12-31");
    // 2026-12-31 23:59:59 in Beijing is 15:59:59 UTC: still due today.
    let last_second = start_of_day(date("2027-01-01")) - 1;
    assert_eq!(status(Reported::OnTrack, deadline, &[], last_second), TaskStatus::OnTrack);
    // 16:00 UTC on the 31st is already the 1st in Beijing, though still the 31st in UTC.
    let midnight = start_of_day(date("2027-01-01"));
    assert_eq!(chrono::DateTime::from_timestamp(midnight, 0).unwrap().date_naive(), date("2026-12-31"));
    assert_eq!(status(Reported::OnTrack, deadline, &[], midnight), TaskStatus::Overdue);
    assert_eq!(status(Reported::NotStarted, deadline, &[], midnight + 86_400 * 40), TaskStatus::Overdue);
}

#[test]
fn done_is_never_overdue_and_overdue_is_never_typed() {
    let late = start_of_day(date("2030-01-01"));
    assert_eq!(status(Reported::Done, date("2026-01-01"), &[], late), TaskStatus::Done);
    // Owners choose from four values; none of them is "overdue".
    assert!(Reported::ALL.iter().all(|r| r.as_str() != "overdue"));
    assert_eq!(Reported::parse("overdue"), None);
}

#[test]
fn a_milestone_past_its_day_puts_an_open_task_at_risk() {
    let deadline = date("2027-06-30");
    let now = start_of_day(date("2027-03-02"));
    assert_eq!(status(Reported::OnTrack, deadline, &[milestone("2027-03-01", false)], now), TaskStatus::AtRisk);
    assert_eq!(status(Reported::OnTrack, deadline, &[milestone("2027-03-01", true)], now), TaskStatus::OnTrack);
    assert_eq!(status(Reported::OnTrack, deadline, &[milestone("2027-03-02", false)], now), TaskStatus::OnTrack);
    assert_eq!(status(Reported::AtRisk, deadline, &[], now), TaskStatus::AtRisk);
    assert_eq!(status(Reported::NotStarted, deadline, &[], now), TaskStatus::NotStarted);
    assert!(TaskStatus::AtRisk.needs_attention() && TaskStatus::Overdue.needs_attention());
    assert!(!TaskStatus::Done.needs_attention() && !TaskStatus::OnTrack.needs_attention());
}

#[test]
fn progress_is_the_share_of_milestones_done() {
    let three = [milestone("2027-01-01", true), milestone("2027-02-01", false), milestone("2027-03-01", false)];
    assert_eq!(progress(Reported::OnTrack, &three), 33);
    assert_eq!(progress(Reported::OnTrack, &[]), 0);
    assert_eq!(progress(Reported::Done, &[]), 100);
    assert_eq!(progress(Reported::OnTrack, &[milestone("2027-01-01", true)]), 100);
}

#[test]
fn a_task_is_done_only_with_every_milestone_done() {
    let patch = TaskPatch { status: Some(Reported::Done), ..TaskPatch::default() };
    assert_eq!(patch.check(&[milestone("2027-01-01", false)]).unwrap_err().field, "status");
    assert_eq!(patch.check(&[milestone("2027-01-01", true)]).unwrap().status, Some(Reported::Done));
}

#[test]
fn a_patch_checks_every_field_it_holds() {
    let bad = |patch: TaskPatch| patch.check(&[]).unwrap_err().field;
    assert_eq!(bad(TaskPatch { name: Some("x".into()), ..TaskPatch::default() }), "name");
    assert_eq!(bad(TaskPatch { deadline: Some("2026-13-01".into()), ..TaskPatch::default() }), "deadline");
    assert_eq!(bad(TaskPatch { lead_unit: Some("区\u{7}文旅局".into()), ..TaskPatch::default() }), "lead_unit");
    assert_eq!(bad(TaskPatch { cooperating_units: Some(vec!["各街道".into(); 13]), ..TaskPatch::default() }), "cooperating_units");
    assert_eq!(bad(TaskPatch { note: Some("很".repeat(501)), ..TaskPatch::default() }), "note");
    let fine = TaskPatch { owners: Some(vec![StaffId(3), StaffId(1), StaffId(3)]), deadline: Some(" 2027-06-30 ".into()), ..TaskPatch::default() };
    let checked = fine.check(&[]).unwrap();
    assert_eq!(checked.owners, Some(vec![StaffId(1), StaffId(3)]));
    assert_eq!(checked.deadline, Some(date("2027-06-30")));
    assert!(fine.touches_plan());
    assert!(!TaskPatch { status: Some(Reported::AtRisk), note: Some("缺场地".into()), ..TaskPatch::default() }.touches_plan());
    assert!(day("1999-12-31", "deadline").is_err());
}

#[test]
fn only_whole_web_addresses_are_links() {
    assert!(link("https://www.bjsjs.gov.cn/whj/2026/plan.html?x=1#a").is_ok());
    assert!(link("HTTP://example.org").is_ok());
    for bad in ["javascript:alert(1)", "https://", "http:///x", "ftp://x.org", "https://a b.org", "https://x.org/\"onmouseover=", "//x.org", "data:text/html,<b>", "https://.x"] {
        assert!(link(bad).is_err(), "{bad}");
    }
}

#[test]
fn evidence_is_a_link_or_a_measure_never_both() {
    let input = |url: Option<&str>, measure| EvidenceInput { title: "覆盖率".into(), url: url.map(Into::into), measure, street_id: Some(2), public: true };
    assert!(matches!(input(Some("https://x.org"), None).check(), Ok(CheckedEvidence::Link { .. })));
    assert!(matches!(input(None, Some(Measure::CommunityCoverage)).check(), Ok(CheckedEvidence::Indicator { street_id: Some(2), .. })));
    assert_eq!(input(Some("https://x.org"), Some(Measure::Satisfaction)).check().unwrap_err().field, "url");
    assert_eq!(input(Some("  "), None).check().unwrap_err().field, "url");
}

#[test]
fn no_data_is_no_data_never_zero_or_a_hundred_percent() {
    let none = Reading { part: 0, whole: 0 };
    for measure in Measure::ALL {
        assert_eq!(none.value(measure), None, "{measure:?}");
        assert_eq!(none.show(measure, Locale::Zh), "无数据");
    }
    assert_eq!(Reading { part: 13, whole: 15 }.show(Measure::CommunityCoverage, Locale::En), "86.7%");
    assert_eq!(Reading { part: 0, whole: 15 }.value(Measure::CommunityCoverage), Some(0.0));
    assert_eq!(Reading { part: 37, whole: 10 }.value(Measure::ActivitiesPerFacility), Some(3.7));
    // 42 hours a week at each of two facilities, kept in minutes.
    assert_eq!(Reading { part: 2 * 42 * 60, whole: 2 }.value(Measure::FreeOpeningHours), Some(42.0));
    assert_eq!(Reading { part: 2 * 42 * 60, whole: 2 }.basis(Measure::FreeOpeningHours), "84.0 h / 2");
    assert_eq!(Reading { part: -1, whole: 2 }.value(Measure::Satisfaction), None);
}

#[test]
fn measures_round_trip_their_names() {
    for measure in Measure::ALL {
        assert_eq!(Measure::parse(measure.as_str()), Some(measure));
        assert_eq!(serde_json::to_string(&measure).unwrap(), format!("\"{}\"", measure.as_str()));
    }
}

#[test]
fn comments_are_five_to_five_hundred_characters() {
    assert!(CommentInput { comment: "太短".into() }.check().is_err());
    assert_eq!(CommentInput { comment: "  希望社区文化室周末也开放  ".into() }.check().unwrap(), "希望社区文化室周末也开放");
    assert!(CommentInput { comment: "长".repeat(501) }.check().is_err());
}
