//! `/heritage`: the intangible-heritage registry — every representative project, filtered by
//! category and level and searched (Chinese or pinyin) with a plain GET form; and
//! `/heritage/{id}`: one project with its inheritors, places, pictures and the services that let
//! residents experience it. Server-rendered: no script needed.

use cc_domain::heritage::{HeritageCategory, HeritageLevel, HeritageProject};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::components::status::{ErrorNotice, Loading};
use crate::heritage_fns::{load_heritage, load_heritage_project};
use crate::i18n::heritage::heritage_strings;
use crate::pages::not_found::NotFound;
use crate::pages::resource_by_route_id;
use crate::prefs::use_prefs;

/// The registry.
#[component]
pub fn HeritagePage() -> impl IntoView {
    let prefs = use_prefs();
    let h = move || heritage_strings(prefs.lang());
    let query = use_query_map();
    let qs = query.with_untracked(|q| cc_domain::query::query_string(q.latest_values()));
    let projects = Resource::new(move || qs.clone(), load_heritage);
    view! {
        <Title text=move || h().title/>
        <section class="heritage">
            <h1>{move || h().title}</h1>
            <p class="intro">{move || h().intro}</p>
            <p>
                <a href="/fund">{move || if prefs.lang() == cc_domain::Locale::Zh { "非遗专项资金" } else { "Heritage fund" }}</a> " · "
                <a href="/org">{move || crate::i18n::org::org_strings(prefs.lang()).heritage_link}</a>
            </p>
            <Filters/>
            <Suspense fallback=Loading>
                {move || Suspend::new(async move {
                    match projects.await {
                        Ok(list) => view! { <ProjectList list/> }.into_any(),
                        Err(error) => view! { <ErrorNotice error/> }.into_any(),
                    }
                })}
            </Suspense>
        </section>
    }
}

/// Category, level and search, as a plain GET form keeping what was asked.
#[component]
fn Filters() -> impl IntoView {
    let prefs = use_prefs();
    let (lang, h) = (prefs.lang(), heritage_strings(prefs.lang()));
    let query = use_query_map();
    let asked = move |key: &str| query.with_untracked(|q| q.get(key)).unwrap_or_default();
    let (category, level, q) = (asked("category"), asked("level"), asked("q"));
    view! {
        <form method="get" class="filters" data-testid="heritage-filters">
            <label class="field"><span>{h.search}</span>
                <input type="search" name="q" value=q maxlength="40" placeholder=h.search_hint/>
            </label>
            <label class="field"><span>{h.category}</span>
                <select name="category">
                    <option value="">{h.any}</option>
                    {HeritageCategory::ALL.into_iter().map(|c| view! {
                        <option value=c.as_str() selected=c.as_str() == category>{c.label(lang)}</option>
                    }).collect_view()}
                </select>
            </label>
            <label class="field"><span>{h.level}</span>
                <select name="level">
                    <option value="">{h.any}</option>
                    {HeritageLevel::ALL.into_iter().map(|l| view! {
                        <option value=l.as_str() selected=l.as_str() == level>{l.label(lang)}</option>
                    }).collect_view()}
                </select>
            </label>
            <button type="submit">{h.filter}</button>
        </form>
    }
}

#[component]
fn ProjectList(list: Vec<HeritageProject>) -> impl IntoView {
    let prefs = use_prefs();
    let (lang, h) = (prefs.lang(), heritage_strings(prefs.lang()));
    if list.is_empty() {
        return view! { <p data-testid="heritage-none">{h.none}</p> }.into_any();
    }
    view! {
        <p class="result-count" role="status">{list.len()} " " {h.found}</p>
        <ul class="heritage-list" data-testid="heritage-list">
            {list.into_iter().map(|p| {
                let people: Vec<String> = p.inheritors.iter().map(|i| i.name.clone()).collect();
                view! {
                    <li class="heritage-card" data-testid="heritage-project" data-level=p.level.as_str()>
                        <h2><a href=format!("/heritage/{}", p.id)>{p.name}</a></h2>
                        <p class="heritage-meta">
                            <span class="heritage-level">{p.level.label(lang)}</span>
                            " · " {p.category.label(lang)} " · " {p.year_listed}
                            {p.demo.then(|| view! { " · " <span class="demo-badge">{h.demo}</span> })}
                        </p>
                        <p>{h.protecting_unit} {crate::i18n::colon(lang)} {p.protecting_unit}</p>
                        {(!people.is_empty()).then(|| view! {
                            <p>{h.inheritors} {crate::i18n::colon(lang)} {people.join("、")}</p>
                        })}
                    </li>
                }
            }).collect_view()}
        </ul>
    }
    .into_any()
}

/// One project; unknown or malformed ids get the localized 404.
#[component]
pub fn HeritageProjectPage() -> impl IntoView {
    let project = resource_by_route_id(load_heritage_project);
    view! {
        <Suspense fallback=Loading>
            {move || Suspend::new(async move { match project.await {
                Ok(Some(project)) => view! { <ProjectView project/> }.into_any(),
                Ok(None) => view! { <NotFound/> }.into_any(),
                Err(error) => view! { <ErrorNotice error/> }.into_any(),
            } })}
        </Suspense>
    }
}

#[component]
fn ProjectView(project: HeritageProject) -> impl IntoView {
    let prefs = use_prefs();
    let (lang, h) = (prefs.lang(), heritage_strings(prefs.lang()));
    let HeritageProject { name, category, level, year_listed, protecting_unit, description, inheritors, places, images, services, demo, .. } =
        project;
    view! {
        <Title text=name.clone()/>
        <article class="heritage-detail">
            <p class="breadcrumb"><a href="/heritage">{h.back}</a></p>
            <h1>{name.clone()}</h1>
            {demo.then(|| view! { <p><span class="demo-badge">{h.demo}</span></p> })}
            <dl class="facts">
                <dt>{h.category}</dt><dd>{category.label(lang)}</dd>
                <dt>{h.level}</dt><dd data-testid="heritage-level">{level.label(lang)}</dd>
                <dt>{h.year_listed}</dt><dd>{year_listed}</dd>
                <dt>{h.protecting_unit}</dt><dd>{protecting_unit}</dd>
            </dl>
            {(!images.is_empty()).then(|| view! {
                <section class="heritage-pictures" aria-label=h.pictures>
                    {images.into_iter().map(|src| view! { <img src=src alt=name.clone() loading="lazy"/> }).collect_view()}
                </section>
            })}
            <p class="description">{description}</p>
            <section aria-labelledby="inheritors-heading">
                <h2 id="inheritors-heading">{h.inheritors}</h2>
                {if inheritors.is_empty() {
                    view! { <p>{h.no_inheritors}</p> }.into_any()
                } else {
                    view! {
                        <ul data-testid="inheritors">
                            {inheritors.into_iter().map(|i| view! {
                                <li>{i.name} " · " {i.level.label(lang)} {i.year_named.map(|y| format!(" · {y}"))}</li>
                            }).collect_view()}
                        </ul>
                    }.into_any()
                }}
            </section>
            {(!places.is_empty()).then(|| view! {
                <section aria-labelledby="places-heading">
                    <h2 id="places-heading">{h.places}</h2>
                    <ul data-testid="heritage-places">
                        {places.into_iter().map(|p| view! {
                            <li>{p.name} " " <a href="/map">{h.on_map}</a></li>
                        }).collect_view()}
                    </ul>
                </section>
            })}
            <section aria-labelledby="services-heading">
                <h2 id="services-heading">{h.services}</h2>
                {if services.is_empty() {
                    view! { <p>{h.no_services}</p> }.into_any()
                } else {
                    view! {
                        <ul data-testid="heritage-services">
                            {services.into_iter().map(|s| view! { <li><a href=format!("/items/{}", s.id)>{s.title}</a></li> }).collect_view()}
                        </ul>
                    }.into_any()
                }}
            </section>
        </article>
    }
}
