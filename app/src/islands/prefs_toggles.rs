//! The switches of how pages look: elder mode (长辈版) and the text size. Both are remembered
//! in cookies, which the server reads to render every page, and change the page at once (the
//! classes of `<html>`, which every size in the style sheet follows). The language is a plain
//! link (`?lang=`), rendered on the server.

use leptos::prelude::*;

use super::browser;
use crate::i18n::islands::island_strings;
use crate::prefs::{use_prefs, Prefs};

/// The window event that tells the page's other switches (the header's and 我的's are separate
/// islands, each with its own state) to read the cookies again.
const CHANGED: &str = "cc-prefs-changed";

/// Puts the preferences on `<html>` at once, and tells the other switches.
fn apply(prefs: Prefs) {
    browser::set_class("html", "elder", prefs.elder.get_untracked());
    for step in crate::prefs::TEXT_SIZES {
        browser::set_class("html", &format!("text-{step}"), prefs.text.get_untracked() == step);
    }
    browser::announce(CHANGED);
}

/// 长辈版 on or off.
#[island]
pub fn ElderToggle() -> impl IntoView {
    let prefs = use_prefs();
    browser::on_announced(CHANGED, move || prefs.reread());
    let t = move || island_strings(prefs.lang());
    view! {
        <button type="button" class="pref-toggle" data-testid="elder-toggle"
            aria-pressed=move || prefs.elder.get().to_string()
            on:click=move |_| {
                prefs.toggle_elder();
                apply(prefs);
            }>
            // One name, its state in aria-pressed: a label that changed with the state would
            // tell a screen reader "标准版, pressed" while elder mode is on.
            {move || t().elder_mode}
        </button>
    }
}

/// The text size, in three steps: 标准 · 大 · 特大.
#[island]
pub fn TextSize() -> impl IntoView {
    let prefs = use_prefs();
    browser::on_announced(CHANGED, move || prefs.reread());
    let t = move || island_strings(prefs.lang());
    let names = move |step: u8| match step {
        1 => t().text_standard,
        2 => t().text_large,
        _ => t().text_largest,
    };
    view! {
        <div class="text-size" role="group" aria-label=move || t().text_size>
            {crate::prefs::TEXT_SIZES.into_iter().map(|step| view! {
                <button type="button" class=format!("text-step text-step-{step}") data-testid=format!("text-size-{step}")
                    aria-pressed=move || (prefs.text.get() == step).to_string()
                    on:click=move |_| {
                        prefs.set_text(step);
                        apply(prefs);
                    }>
                    {move || names(step)}
                </button>
            }).collect_view()}
        </div>
    }
}
