//! `/demands` (群众点单): the district's TOP10 board, every demand filtered by street, community,
//! category and status, the answer each got, and — for a logged-in resident — a form to raise
//! one and a button to add a vote. The forms post straight to server functions: no script.

use cc_domain::demand::{Demand, DemandStatus};
use cc_domain::Locale;
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::components::status::{ErrorNotice, Loading};
use crate::demand_fns::{load_demands, DemandsPage, RaiseDemandForm, VoteDemandForm};
use crate::i18n::demands::{demand_error, demand_strings};
use crate::prefs::use_prefs;

/// The page.
#[component]
pub fn DemandsPage() -> impl IntoView {
    let prefs = use_prefs();
    let d = move || demand_strings(prefs.lang());
    let query = use_query_map();
    let qs = query.with_untracked(|q| cc_domain::query::query_string(q.latest_values()));
    let page = Resource::new(move || qs.clone(), load_demands);
    view! {
        <Title text=move || d().title/>
        <section class="demands">
            <h1>{move || d().title}</h1>
            <p class="intro">{move || d().intro}</p>
            <Suspense fallback=Loading>
                {move || Suspend::new(async move {
                    match page.await {
                        Ok(page) => view! { <Board page/> }.into_any(),
                        Err(error) => view! { <ErrorNotice error/> }.into_any(),
                    }
                })}
            </Suspense>
        </section>
    }
}

#[component]
fn Board(page: DemandsPage) -> impl IntoView {
    let prefs = use_prefs();
    let (lang, d) = (prefs.lang(), demand_strings(prefs.lang()));
    let query = use_query_map();
    let asked = move |key: &str| query.with_untracked(|q| q.get(key)).unwrap_or_default();
    let notice = match (asked("raised").is_empty(), asked("voted").is_empty()) {
        (false, _) => Some(d.raised),
        (_, false) => Some(d.voted),
        _ => None,
    };
    let error = demand_error(lang, &asked("error"));
    let error_at: Option<i64> = asked("demand").parse().ok();
    let voted = page.voted.clone();
    let logged_in = page.logged_in;
    let card = move |demand: Demand| {
        let error = (error_at == Some(demand.id.0)).then_some(error).flatten();
        let voted = voted.contains(&demand.id);
        view! { <DemandCard demand logged_in voted error/> }
    };
    let card_top = card.clone();
    let top = page.top.clone();
    // Each demand is shown once: the list holds those the TOP10 above it does not.
    let demands: Vec<Demand> = page.demands.iter().filter(|d| !top.iter().any(|t| t.id == d.id)).cloned().collect();
    // Without filters the board also shows each street's three most wanted, when the TOP10 does
    // not already hold every demand that takes votes.
    let votable = page.demands.iter().filter(|d| d.status.takes_votes()).count();
    let mut per_street: Vec<(String, Vec<Demand>)> = Vec::new();
    for demand in page.demands.iter().filter(|d| !top.is_empty() && votable > top.len() && d.status.takes_votes()) {
        let street = demand.street.label(lang).to_string();
        match per_street.iter_mut().find(|(name, _)| *name == street) {
            Some((_, list)) if list.len() < 3 => list.push(demand.clone()),
            Some(_) => {}
            None => per_street.push((street, vec![demand.clone()])),
        }
    }
    let card_street = card.clone();
    let (filters, raise) = (page.clone(), page);
    let list_title = if top.is_empty() { d.list } else { d.others };
    let (shown_anything, listed_nothing) = (!top.is_empty(), demands.is_empty());
    view! {
        {notice.map(|text| view! { <p class="notice" role="status" data-testid="demand-notice">{text}</p> })}
        <Raise page=raise error=error.filter(|_| error_at.is_none())/>
        {(!top.is_empty()).then(|| view! {
            <h2>{d.top_district}</h2>
            <ol class="demand-list top" data-testid="demand-top">{top.into_iter().map(card_top).collect_view()}</ol>
        })}
        {(!per_street.is_empty()).then(|| view! {
            <h2>{d.top_street}</h2>
            <div class="demand-streets" data-testid="demand-streets">
                {per_street.into_iter().map(|(street, list)| view! {
                    <section>
                        <h3>{street}</h3>
                        <ol class="demand-list">{list.into_iter().map(card_street.clone()).collect_view()}</ol>
                    </section>
                }).collect_view()}
            </div>
        })}
        <Filters page=filters/>
        {(!(shown_anything && listed_nothing)).then(|| view! {
            <h2>{list_title}</h2>
            {listed_nothing.then(|| view! { <p>{d.none}</p> })}
            <ol class="demand-list" data-testid="demand-list">{demands.into_iter().map(card).collect_view()}</ol>
        })}
    }
}

/// One demand: what, where, how many want it, and what became of it.
#[component]
fn DemandCard(demand: Demand, logged_in: bool, voted: bool, error: Option<&'static str>) -> impl IntoView {
    let prefs = use_prefs();
    let (lang, d) = (prefs.lang(), demand_strings(prefs.lang()));
    let id = demand.id.0;
    view! {
        <li class="demand" id=format!("demand-{id}") data-testid="demand" data-status=demand.status.as_str()>
            <p class="demand-note"><strong>{demand.note}</strong></p>
            <p class="demand-where">
                {format!("#{id} · {} · {} · {}", demand.street.label(lang), demand.community, demand.category.label(lang))}
            </p>
            <p class="demand-state">
                <span class="status">{demand.status.label(lang)}</span>
                " · " <span data-testid="demand-votes">{demand.votes}</span> " " {crate::i18n::demands::votes_word(lang, demand.votes)}
            </p>
            {demand.answer.map(|answer| view! { <p class="demand-answer">{d.answer_label}{answer}</p> })}
            {demand.item_id.map(|item| view! { <p><a href=format!("/items/{item}")>{d.see_item}</a></p> })}
            {error.map(|text| view! { <p class="form-error" role="alert">{text}</p> })}
            {(logged_in && !voted && demand.status.takes_votes()).then(|| view! {
                <form method="post" action=VoteDemandForm::url() class="inline-form">
                    <input type="hidden" name="demand_id" value=id/>
                    <button type="submit" data-testid="vote">{d.vote}</button>
                </form>
            })}
        </li>
    }
}

/// The filters, as a plain GET form.
#[component]
fn Filters(page: DemandsPage) -> impl IntoView {
    let prefs = use_prefs();
    let (lang, d) = (prefs.lang(), demand_strings(prefs.lang()));
    let query = use_query_map();
    let asked = move |key: &str| query.with_untracked(|q| q.get(key)).unwrap_or_default();
    let (street, category, status, sort) = (asked("street"), asked("category"), asked("status"), asked("sort"));
    view! {
        <form method="get" class="filters" data-testid="demand-filters">
            <label class="field"><span>{d.street}</span>
                <select name="street">
                    <option value="">{d.any}</option>
                    {page.streets.iter().map(|s| view! {
                        <option value=s.street.slug.clone() selected=s.street.slug == street>{s.street.label(lang).to_string()}</option>
                    }).collect_view()}
                </select>
            </label>
            <label class="field"><span>{d.category}</span>
                <select name="category">
                    <option value="">{d.any}</option>
                    {page.categories.iter().map(|c| view! {
                        <option value=c.slug.clone() selected=c.slug == category>{c.label(lang).to_string()}</option>
                    }).collect_view()}
                </select>
            </label>
            <label class="field"><span>{d.status}</span>
                <select name="status">
                    <option value="">{d.any}</option>
                    {DemandStatus::ALL.into_iter().map(|s| view! {
                        <option value=s.as_str() selected=s.as_str() == status>{s.label(lang)}</option>
                    }).collect_view()}
                </select>
            </label>
            <label class="field"><span>{d.sort}</span>
                <select name="sort">
                    <option value="votes">{d.by_votes}</option>
                    <option value="recent" selected=sort == "recent">{d.recent}</option>
                </select>
            </label>
            <button type="submit">{d.filter}</button>
        </form>
    }
}

/// The form that raises a demand (logged-in residents), keeping what was typed after a refusal.
#[component]
fn Raise(page: DemandsPage, error: Option<&'static str>) -> impl IntoView {
    let prefs = use_prefs();
    let (lang, d) = (prefs.lang(), demand_strings(prefs.lang()));
    let query = use_query_map();
    let asked = move |key: &str| query.with_untracked(|q| q.get(key)).unwrap_or_default();
    let (community, category, typed) = (asked("community"), asked("category"), asked("typed"));
    // "Raise it anyway" is asked only once similar demands were shown.
    let similar = asked("error") == "similar";
    if !page.logged_in {
        let login = if lang == Locale::Zh { "登录" } else { "Log in" };
        return view! {
            <p id="raise">{d.login_to_raise} " " <a href="/login?next=/demands">{login}</a></p>
        }.into_any();
    }
    // Folded until wanted, so the board comes first; open again after a refusal.
    view! {
        <details class="raise" id="raise" open=error.is_some()>
        <summary data-testid="raise-open">{d.raise_title}</summary>
        {error.map(|text| view! { <p class="form-error" role="alert" data-testid="raise-error">{text}</p> })}
        <form method="post" action=RaiseDemandForm::url() class="demand-form" data-testid="raise-demand">
            <label class="field"><span>{d.community}</span>
                <select name="community_id" required>
                    <option value="">{d.choose}</option>
                    {page.streets.iter().map(|s| view! {
                        <optgroup label=s.street.label(lang).to_string()>
                            {s.communities.iter().map(|c| view! {
                                <option value=c.id selected=c.id.to_string() == community>{c.name.clone()}</option>
                            }).collect_view()}
                        </optgroup>
                    }).collect_view()}
                </select>
            </label>
            <label class="field"><span>{d.category}</span>
                <select name="category" required>
                    <option value="">{d.choose}</option>
                    {page.categories.iter().map(|c| view! {
                        <option value=c.slug.clone() selected=c.slug == category>{c.label(lang).to_string()}</option>
                    }).collect_view()}
                </select>
            </label>
            <label class="field"><span>{d.note}</span>
                <input type="text" name="note" required minlength="2" maxlength="200" value=typed/>
            </label>
            {similar.then(|| view! {
                <label class="field field-check">
                    <input type="checkbox" name="new_anyway" value="on"/><span>{d.new_anyway}</span>
                </label>
            })}
            <button type="submit" class="primary" data-testid="raise">{d.raise}</button>
        </form>
        </details>
    }.into_any()
}
