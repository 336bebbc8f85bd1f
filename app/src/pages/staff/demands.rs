//! `/staff/demands`: staff in scope (district admins; street admins in their street) answer
//! residents' demands — planned, delivered with the service's number, or declined with a
//! reason — or merge one into another. Server-rendered, with plain forms: no script needed.

use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use super::StaffError;
use crate::components::status::Loading;
use crate::demand_fns::{demands_to_answer, AnswerDemandForm, MergeDemandForm};
use crate::i18n::demands::{demand_error, demand_strings};
use crate::i18n::staff::staff_strings;
use crate::prefs::use_prefs;
use cc_domain::demand::DemandStatus;

/// The page.
#[component]
pub fn StaffDemandsPage() -> impl IntoView {
    let prefs = use_prefs();
    let d = move || demand_strings(prefs.lang());
    let query = use_query_map();
    let asked = move |key: &str| query.with_untracked(|q| q.get(key));
    let at: Option<i64> = asked("demand").and_then(|id| id.parse().ok());
    let error = asked("error").map(|code| match code.as_str() {
        "note" => prefs.lang().pick("答复为一行，不超过200个字；暂不采纳时必须写明原因。", "One line of at most 200 characters; required to decline."),
        code => demand_error(prefs.lang(), code).unwrap_or(code_unknown(prefs.lang())),
    });
    let answered: Option<i64> = asked("answered").and_then(|id| id.parse().ok());
    let demands = Resource::new(|| (), |_| demands_to_answer());
    view! {
        <Title text=move || d().staff_title/>
        <section class="staff">
            <p><a href="/staff">{move || staff_strings(prefs.lang()).back}</a></p>
            <h1>{move || d().staff_title}</h1>
            <p class="hint">{move || d().staff_hint}</p>
            <Suspense fallback=Loading>
                {move || Suspend::new(async move {
                    let lang = prefs.lang();
                    let d = demand_strings(lang);
                    match demands.await {
                        Ok(list) => view! {
                            <ol class="demand-list" data-testid="staff-demands">
                                {list.into_iter().map(|demand| {
                                    let id = demand.id.0;
                                    let open = demand.status.takes_votes();
                                    view! {
                                        <li class="demand" id=format!("demand-{id}") data-testid="staff-demand" data-status=demand.status.as_str()>
                                            <p class="demand-note"><strong>{demand.note}</strong></p>
                                            <p class="demand-where">{format!("#{id} · {} · {} · {}", demand.street.label(lang), demand.community, demand.category.label(lang))}</p>
                                            <p class="demand-state"><span class="status">{demand.status.label(lang)}</span> " · " {demand.votes} " " {crate::i18n::demands::votes_word(lang, demand.votes)}</p>
                                            {demand.answer.map(|answer| view! { <p class="demand-answer">{d.answer_label}{answer}</p> })}
                                            {(answered == Some(id)).then(|| view! { <p class="notice" role="status">{d.answered}</p> })}
                                            {(at == Some(id)).then_some(error).flatten().map(|text| view! { <p class="form-error" role="alert">{text}</p> })}
                                            {open.then(|| view! {
                                                <form method="post" action=AnswerDemandForm::url() class="answer-form" data-testid="answer-demand">
                                                    <input type="hidden" name="demand_id" value=id/>
                                                    <label class="field"><span>{d.answer}</span>
                                                        <select name="status">
                                                            {[DemandStatus::Planned, DemandStatus::Delivered, DemandStatus::Declined].into_iter().map(|s| view! {
                                                                <option value=s.as_str()>{s.label(lang)}</option>
                                                            }).collect_view()}
                                                        </select>
                                                    </label>
                                                    <label class="field"><span>{d.answer_note}</span>
                                                        <input type="text" name="note" maxlength="200"/></label>
                                                    <label class="field"><span>{d.item_id}</span>
                                                        <input type="text" name="item_id" inputmode="numeric" maxlength="12"/></label>
                                                    <button type="submit" class="primary" data-testid="send-answer">{d.answer}</button>
                                                </form>
                                                <form method="post" action=MergeDemandForm::url() class="inline-form">
                                                    <input type="hidden" name="demand_id" value=id/>
                                                    <label>{d.merge_into} " " <input type="text" name="into" inputmode="numeric" maxlength="12" size="6"/></label>
                                                    " " <button type="submit">{d.merge}</button>
                                                </form>
                                            })}
                                        </li>
                                    }
                                }).collect_view()}
                            </ol>
                        }.into_any(),
                        Err(error) => view! { <StaffError error/> }.into_any(),
                    }
                })}
            </Suspense>
        </section>
    }
}

fn code_unknown(locale: cc_domain::Locale) -> &'static str {
    locale.pick("没有完成，请检查后再试。", "Not done: check and try again.")
}
