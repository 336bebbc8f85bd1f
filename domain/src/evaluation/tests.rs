use super::*;
use crate::time::start_of_day;
use chrono::NaiveDate;

fn reading(part: i64, whole: i64) -> Reading {
    Reading { part, whole }
}

fn indicator(measure: Measure, weight: u32, target: f64, rule: Rule) -> Indicator {
    Indicator { measure, name: "指标".into(), weight, target, rule }
}

#[test]
fn a_value_earns_its_weight_in_proportion_or_at_the_threshold() {
    let coverage = indicator(Measure::CommunityCoverage, 20, 100.0, Rule::Proportional);
    assert_eq!(score(&coverage, reading(13, 15)).map(|s| (s * 100.0).round() / 100.0), Some(17.33));
    assert_eq!(score(&coverage, reading(15, 15)), Some(20.0));
    assert_eq!(score(&coverage, reading(0, 15)), Some(0.0));
    let activities = indicator(Measure::ActivitiesPerFacility, 15, 3.0, Rule::Proportional);
    assert_eq!(score(&activities, reading(90, 10)), Some(15.0), "above the target earns the weight, no more");
    let streets = indicator(Measure::StreetCoverage, 10, 100.0, Rule::Threshold);
    assert_eq!(score(&streets, reading(8, 9)), Some(0.0));
    assert_eq!(score(&streets, reading(9, 9)), Some(10.0));
    // 57 of 100 is 56.99999… in floating point: still 57 %.
    let answered = indicator(Measure::DemandsAnswered, 5, 57.0, Rule::Threshold);
    assert_eq!(score(&answered, reading(57, 100)), Some(5.0));
    assert_eq!(score(&answered, reading(56, 100)), Some(0.0));
}

#[test]
fn the_lines_add_up_to_the_total_people_read() {
    let set = default_set();
    let readings = [reading(13, 15), reading(23, 34), reading(6, 9), reading(7, 45), reading(2457 * 60, 45), reading(1, 3), reading(2, 3), reading(5, 7)];
    let report = Report::score(Period::Quarter(2026, 4), None, "石景山区".into(), &set, &readings, 0);
    let lines: f64 = report.lines.iter().filter_map(|l| l.score).sum();
    assert!((lines - report.score).abs() < 1e-9, "{lines} vs {}", report.score);
    assert!(report.lines.iter().filter_map(|l| l.score).all(|s| ((s * 100.0).round() / 100.0 - s).abs() < 1e-12));
}

#[test]
fn no_data_is_not_scored_and_leaves_its_weight_out() {
    let set = default_set();
    let mut readings: Vec<Reading> = set.iter().map(|_| reading(1, 1)).collect();
    readings[6] = reading(0, 0); // no reviews this quarter
    let report = Report::score(Period::Quarter(2026, 4), None, "石景山区".into(), &set, &readings, 0);
    assert_eq!(report.lines[6].score, None);
    assert_eq!(report.lines[6].value, None);
    assert_eq!(report.scored_weight, 90);
    assert!(report.score < 90.0 + 1e-9);
    let nothing: Vec<Reading> = set.iter().map(|_| reading(0, 0)).collect();
    let empty = Report::score(Period::Year(2026), Some(3), "八角街道".into(), &set, &nothing, 0);
    assert_eq!((empty.score, empty.scored_weight), (0.0, 0), "no data anywhere: nothing scored, not 0 out of 100");
}

#[test]
fn weights_must_add_up_to_a_hundred() {
    assert!(check_set(&default_set()).is_ok());
    let mut short = default_set();
    short[0].weight = 19;
    assert_eq!(check_set(&short).unwrap_err().field, "weight");
    let mut twice = default_set();
    twice[1].measure = Measure::FacilityCompliance;
    assert_eq!(check_set(&twice).unwrap_err().field, "measure");
    let mut silly = default_set();
    silly[0].target = 120.0;
    assert_eq!(check_set(&silly).unwrap_err().field, "target");
    silly[0].target = f64::NAN;
    assert_eq!(check_set(&silly).unwrap_err().field, "target");
    let mut zero = default_set();
    zero[0].weight = 0;
    zero[1].weight = 40;
    assert_eq!(check_set(&zero).unwrap_err().field, "weight");
    assert_eq!(check_set(&[]).unwrap_err().field, "indicators");
}

#[test]
fn periods_are_quarters_or_years_in_beijing() {
    assert_eq!(Period::parse("2026-Q4"), Some(Period::Quarter(2026, 4)));
    assert_eq!(Period::parse("2026"), Some(Period::Year(2026)));
    for bad in ["2026-Q5", "2026-Q0", "26-Q1", "2026Q1", "q4", "", "1999"] {
        assert_eq!(Period::parse(bad), None, "{bad}");
    }
    let day = |y, m, d| start_of_day(NaiveDate::from_ymd_opt(y, m, d).unwrap());
    assert_eq!(Period::Quarter(2026, 4).window().from, day(2026, 10, 1));
    assert_eq!(Period::Quarter(2026, 4).window().to, day(2027, 1, 1));
    assert_eq!(Period::Quarter(2026, 1).window().to, day(2026, 4, 1));
    // 31 March 23:30 in Beijing is still the first quarter, though 15:30 UTC.
    assert_eq!(Period::quarter_of(day(2026, 4, 1) - 1800), Period::Quarter(2026, 1));
    assert!(!Period::Quarter(2026, 1).is_over(day(2026, 4, 1) - 1));
    assert!(Period::Quarter(2026, 1).is_over(day(2026, 4, 1)));
    assert_eq!(Period::Quarter(2026, 2).quarters_to(3), vec![Period::Quarter(2025, 4), Period::Quarter(2026, 1), Period::Quarter(2026, 2)]);
    assert_eq!(Period::Quarter(2026, 4).to_string(), "2026-Q4");
}
