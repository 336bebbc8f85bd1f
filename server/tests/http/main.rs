//! HTTP tests: the real application, bound to port 0 on a fresh database loaded with the demo.
//! Run on PostgreSQL with `CC_TEST_BACKEND=postgres`.

mod api_accounts;
mod api_bookings;
mod api_dashboard;
mod api_errors;
mod api_facilities;
mod api_items;
mod api_paging;
mod api_password_reset;
mod api_reference;
mod api_rush;
mod api_staff;
mod api_staff_editing;
mod api_staff_facilities;
mod api_staff_items;
mod api_staff_sessions;
mod app_shell;
mod assets;
#[path = "../common/mod.rs"]
mod common;
mod demands;
mod evaluation;
mod fund;
mod fund_applications;
mod fund_money;
mod fund_notice;
mod fund_pages;
mod fund_review;
mod heritage;
mod conformance;
mod helpers;
mod hostile_text;
mod idor;
mod messages;
mod offers;
mod organisations;
mod plan;
mod plan_pages;
mod reviews;
mod page_cache;
mod pages;
mod pages_accounts;
mod pages_facilities;
mod pages_staff;
mod security;
mod staff_matrix;
