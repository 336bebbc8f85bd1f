//! `/staff/vocabulary`: district admins keep the categories and audiences residents see — names
//! in both languages, the order, the icon; a new term; an unused one deleted. Server-rendered,
//! with plain forms: no script needed.

use cc_domain::vocabulary::{Icon, KeptTerm, Vocabulary};
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use super::StaffError;
use crate::components::icons::TermIcon;
use crate::components::status::Loading;
use crate::i18n::vocabulary::{vocabulary_error, vocabulary_strings};
use crate::prefs::use_prefs;
use crate::vocabulary_fns::{load_vocabularies, AddTermForm, ChangeTermForm, DeleteTermForm, MoveTermForm};

/// What the address says about form `form`: the refusal's code, if it was refused.
fn refusal(form: &str) -> Option<String> {
    let query = use_query_map();
    let here = query.with_untracked(|q| q.get("form")).as_deref() == Some(form);
    query.with_untracked(|q| q.get("error")).filter(|code| here && !code.is_empty())
}

/// What a refused form had in `field`, brought back in the address.
fn typed(field: &str) -> Option<String> {
    use_query_map().with_untracked(|q| q.get(field))
}

/// The page.
#[component]
pub fn StaffVocabularyPage() -> impl IntoView {
    let prefs = use_prefs();
    let v = move || vocabulary_strings(prefs.lang());
    let desk = Resource::new(|| (), |_| load_vocabularies());
    let saved = use_query_map().with_untracked(|q| q.get("done")).is_some();
    view! {
        <Title text=move || v().title/>
        <section class="staff vocabulary">
            <p><a href="/staff">{move || crate::i18n::staff::staff_strings(prefs.lang()).back}</a></p>
            <h1>{move || v().title}</h1>
            <p class="hint">{move || v().hint}</p>
            {saved.then(|| view! { <p class="notice" role="status">{move || v().saved}</p> })}
            <Suspense fallback=Loading>
                {move || Suspend::new(async move {
                    match desk.await {
                        Ok(desk) => view! {
                            <Terms list=Vocabulary::Categories terms=desk.categories/>
                            <Terms list=Vocabulary::Audiences terms=desk.audiences/>
                        }.into_any(),
                        Err(error) => view! { <StaffError error/> }.into_any(),
                    }
                })}
            </Suspense>
        </section>
    }
}

/// A refusal worded, where the form that was refused stands.
#[component]
fn Refusal(form: String) -> impl IntoView {
    let lang = use_prefs().lang();
    refusal(&form).map(|code| view! { <p class="form-error" role="alert" data-testid="term-error">{vocabulary_error(lang, &code)}</p> })
}

#[component]
fn Terms(list: Vocabulary, terms: Vec<KeptTerm>) -> impl IntoView {
    let lang = use_prefs().lang();
    let last = terms.len().saturating_sub(1);
    view! {
        <section class="term-section" id=list.as_str() data-testid=format!("terms-{}", list.as_str())>
            <h2>{list.label(lang)}</h2>
            <Refusal form=list.as_str().to_string()/>
            <ol class="term-list">
                {terms.into_iter().enumerate().map(|(at, term)| view! { <Line list term first={at == 0} last={at == last}/> }).collect_view()}
            </ol>
            <NewTerm list/>
        </section>
    }
}

/// Hidden fields naming the term a form acts on.
#[component]
fn Which(list: Vocabulary, slug: String) -> impl IntoView {
    view! {
        <input type="hidden" name="vocabulary" value=list.as_str()/>
        <input type="hidden" name="slug" value=slug/>
    }
}

#[component]
fn Line(list: Vocabulary, term: KeptTerm, first: bool, last: bool) -> impl IntoView {
    let lang = use_prefs().lang();
    let v = vocabulary_strings(lang);
    let named = term.term.named.clone();
    let slug = named.slug.clone();
    let form = format!("{}-{slug}", list.as_str());
    // A refused change comes back open, with what was typed; other refusals (a delete, a
    // move) leave it closed with the term's own names.
    let refused = refusal(&form).is_some_and(|code| matches!(code.as_str(), "name" | "name_en" | "icon"));
    let name = typed("name").filter(|_| refused).unwrap_or_else(|| named.name.clone());
    let name_en = typed("name_en").filter(|_| refused).unwrap_or_else(|| named.name_en.clone());
    let icon = typed("icon").filter(|_| refused).and_then(|i| Icon::parse(&i)).unwrap_or(term.term.icon);
    let arrow = move |up: bool| {
        let slug = slug.clone();
        view! {
            <form method="post" action=MoveTermForm::url() class="inline-form">
                <Which list slug/>
                <input type="hidden" name="direction" value=if up { "up" } else { "down" }/>
                <button type="submit" data-testid=if up { "term-up" } else { "term-down" }>{if up { v.up } else { v.down }}</button>
            </form>
        }
    };
    view! {
        <li class="term" id=form.clone() data-testid="term" data-slug=named.slug.clone()>
            <p class="term-head">
                <TermIcon icon=term.term.icon/>
                <strong data-testid="term-name">{named.name.clone()}</strong>
                {(!named.name_en.is_empty()).then(|| view! { " · " <span lang="en">{named.name_en.clone()}</span> })}
                " · " <code>{named.slug.clone()}</code>
            </p>
            <p class="hint">{v.used}{crate::i18n::colon(lang)}{term.items} " " {v.services}
                {(list == Vocabulary::Categories).then(|| view! { " · " {term.demands} " " {v.requests} })}</p>
            <Refusal form=form.clone()/>
            <div class="term-actions">
                {(!first).then(|| arrow(true))}
                {(!last).then(|| arrow(false))}
                {(!term.in_use()).then(|| view! {
                    <form method="post" action=DeleteTermForm::url() class="inline-form">
                        <Which list slug=named.slug.clone()/>
                        <button type="submit" class="danger" data-testid="term-delete">{v.delete}</button>
                    </form>
                })}
            </div>
            <details open=refused>
                <summary>{v.edit}</summary>
                <form method="post" action=ChangeTermForm::url() class="term-form" data-testid="term-change">
                    <Which list slug=named.slug.clone()/>
                    <label class="field"><span>{v.name}</span><input type="text" name="name" required minlength="2" maxlength="12" value=name/></label>
                    <label class="field"><span>{v.name_en}</span><input type="text" name="name_en" maxlength="40" value=name_en lang="en"/></label>
                    <IconPicker chosen=icon/>
                    <button type="submit" class="primary">{v.save}</button>
                </form>
            </details>
        </li>
    }
}

/// The icons to choose from, each drawn beside its name.
#[component]
fn IconPicker(chosen: Icon) -> impl IntoView {
    let lang = use_prefs().lang();
    view! {
        <fieldset class="icon-picker">
            <legend>{vocabulary_strings(lang).icon}</legend>
            {Icon::ALL.iter().map(|icon| view! {
                <label class="icon-choice">
                    <input type="radio" name="icon" value=icon.as_str() checked={*icon == chosen}/>
                    <TermIcon icon=*icon/>
                    <span>{icon.label(lang)}</span>
                </label>
            }).collect_view()}
        </fieldset>
    }
}

#[component]
fn NewTerm(list: Vocabulary) -> impl IntoView {
    let lang = use_prefs().lang();
    let v = vocabulary_strings(lang);
    let form = format!("new-{}", list.as_str());
    let back = refusal(&form).is_some();
    let keep = move |field: &str| if back { typed(field).unwrap_or_default() } else { String::new() };
    let icon = if back { typed("icon").and_then(|i| Icon::parse(&i)) } else { None };
    view! {
        <form method="post" action=AddTermForm::url() class="term-form" id=form.clone() data-testid=form.clone()>
            <h3>{v.add} " · " {list.label(lang)}</h3>
            <Refusal form=form.clone()/>
            <input type="hidden" name="vocabulary" value=list.as_str()/>
            <label class="field"><span>{v.slug}</span>
                <input type="text" name="slug" required minlength="2" maxlength="30" pattern="[a-z][a-z0-9\\-]{1,29}" value=keep("slug") lang="en" autocapitalize="none" spellcheck="false"/>
                <small class="hint">{v.slug_hint}</small>
            </label>
            <label class="field"><span>{v.name}</span><input type="text" name="name" required minlength="2" maxlength="12" value=keep("name")/></label>
            <label class="field"><span>{v.name_en}</span><input type="text" name="name_en" maxlength="40" value=keep("name_en") lang="en"/></label>
            <IconPicker chosen=icon.unwrap_or(Icon::Star)/>
            <button type="submit" class="primary">{v.add}</button>
        </form>
    }
}
