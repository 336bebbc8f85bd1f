//! The staff console under `/staff`: log in, the services and sessions in the staff member's
//! scope with their workflow actions, and door check-in. Each page is a server-rendered frame
//! (title, scripts, route parameters) around one island, compiled into the browser only with
//! the `staff` feature — the staff bundle — so residents never download the console.

pub mod accounts;
pub mod audit;
pub mod compliance;
pub mod dashboard;
pub mod demands;
pub mod organisations;
pub mod door;
pub mod evaluation;
pub mod facilities;
pub mod assignments;
pub mod fund;
mod fund_money;
mod fund_review;
pub mod home;
pub mod login;
pub mod plan;
pub mod training;
mod training_course;
pub mod training_door;
pub mod reviews;
pub mod second_factor;
pub mod service;
pub mod vocabulary;

use leptos::prelude::*;

use crate::error::AppError;
use crate::i18n::staff::staff_strings;
use crate::prefs::use_prefs;

/// Shown instead of a console page when no staff member is logged in.
#[component]
fn StaffLoginNeeded() -> impl IntoView {
    let prefs = use_prefs();
    view! {
        <p class="notice" data-testid="staff-login-needed">
            {move || staff_strings(prefs.lang()).login_needed} " "
            <a href="/staff/login">{move || staff_strings(prefs.lang()).log_in}</a>
        </p>
    }
}

/// A console error: a login link when that is the problem, else the message.
#[component]
fn StaffError(error: AppError) -> impl IntoView {
    if error.needs_login() {
        view! { <StaffLoginNeeded/> }.into_any()
    } else {
        view! { <crate::components::status::ErrorNotice error/> }.into_any()
    }
}
