//! The header's language and elder-mode switches. Both are remembered in cookies, which the
//! server reads to render every page; elder mode also changes the page at once.

use leptos::prelude::*;

use super::browser;
use crate::i18n::islands::island_strings;
use crate::prefs::use_prefs;

/// 中文/English and 长辈版 (elder mode), as toggle buttons.
#[island]
pub fn PrefToggles() -> impl IntoView {
    let prefs = use_prefs();
    let t = move || island_strings(prefs.lang());
    view! {
        <div class="prefs">
            <button type="button" class="pref-toggle" data-testid="lang-toggle"
                aria-label=move || t().switch_language
                on:click=move |_| {
                    prefs.toggle_locale();
                    browser::reload();
                }>
                {move || t().other_language}
            </button>
            <button type="button" class="pref-toggle" data-testid="elder-toggle"
                aria-pressed=move || prefs.elder.get().to_string()
                on:click=move |_| {
                    prefs.toggle_elder();
                    browser::set_class(".app", "elder", prefs.elder.get_untracked());
                }>
                {move || if prefs.elder.get() { t().standard_mode } else { t().elder_mode }}
            </button>
        </div>
    }
}
