//! `/`: search first, then categories and what is coming up.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::components::icons::TermIcon;
use crate::components::item_card::ItemCard;
use crate::components::search_box::SearchBox;
use crate::components::status::{ErrorNotice, Loading};
use crate::prefs::use_prefs;
use crate::public_fns::load_home;

/// The home page.
#[component]
pub fn HomePage() -> impl IntoView {
    let prefs = use_prefs();
    let t = move || prefs.t();
    let data = Resource::new(|| (), |_| load_home());
    view! {
        <Title text=""/>
        <section class="hero">
            <h1>{move || t().site_name}</h1>
            <p class="tagline">{move || t().tagline}</p>
            <SearchBox initial=""/>
        </section>
        <Suspense fallback=Loading>
            {move || Suspend::new(async move { match data.await {
                Err(error) => view! { <ErrorNotice error/> }.into_any(),
                Ok(home) => view! {
                    <section class="home-categories" aria-labelledby="home-categories">
                        <h2 id="home-categories">{move || t().home_categories}</h2>
                        <ul class="category-grid">
                            {home.categories.into_iter().map(|c| {
                                let href = format!("/catalog?category={}", c.named.slug);
                                let icon = c.icon;
                                let c = StoredValue::new(c.named);
                                view! {
                                    <li><a class="category-tile" href=href>
                                        <TermIcon icon/>
                                        <span>{move || c.with_value(|c| c.label(prefs.lang()).to_string())}</span>
                                    </a></li>
                                }
                            }).collect_view()}
                        </ul>
                    </section>
                    <section class="home-upcoming" aria-labelledby="home-upcoming">
                        <h2 id="home-upcoming">{move || t().home_upcoming}</h2>
                        <ul class="item-list item-list-compact">
                            {home.upcoming.into_iter().map(|item| view! { <ItemCard item/> }).collect_view()}
                        </ul>
                        <p><a class="see-all" href="/catalog">{move || t().home_see_all}</a></p>
                    </section>
                }.into_any(),
            } })}
        </Suspense>
    }
}
