//! `/fund`'s list of awards (资助公示与结果): a year's awards with their amounts and where each
//! stands, the year's total, the list as a spreadsheet, and — while an award is in public
//! notice — the form a logged-in resident objects with. Server-rendered, with a plain form.

use cc_domain::fund::notice::{Awards, PublicAward};
use cc_domain::fund::AppStatus;
use cc_domain::Locale;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::components::text_area::TextArea;
use crate::fund_fns::ObjectForm;
use leptos::server_fn::ServerFn;
use crate::prefs::use_prefs;

/// The section's words.
struct Words {
    title: &'static str,
    hint: &'static str,
    none: &'static str,
    total: &'static str,
    xlsx: &'static str,
    until: &'static str,
    object: &'static str,
    objection: &'static str,
    send: &'static str,
    login: &'static str,
    objected: &'static str,
    years: &'static str,
}

fn words(locale: Locale) -> Words {
    match locale {
        Locale::Zh => Words {
            title: "资助公示与结果",
            hint: "拟资助项目公示期间，任何人均可实名提出异议，区文化和旅游局逐一答复；公示期满且异议均已答复后正式立项。",
            none: "这一年还没有公示或立项的资助。",
            total: "合计",
            xlsx: "下载名单（XLSX）",
            until: "公示截至",
            object: "对这项资助提出异议",
            objection: "异议内容和理由（10到1000个字，仅工作人员可见）",
            send: "提交异议",
            login: "登录后可提出异议",
            objected: "异议已提交，答复将发送到您的消息中。",
            years: "其他年度",
        },
        Locale::En => Words {
            title: "Awards and public notice",
            hint: "While a proposed award is in public notice anyone may object under their own name; the culture bureau answers each objection. Awards become final after the notice, once every objection is answered.",
            none: "No awards in notice or final for this year yet.",
            total: "Total",
            xlsx: "Download the list (XLSX)",
            until: "In notice until",
            object: "Object to this award",
            objection: "What is wrong and why (10 to 1000 characters; only staff read it)",
            send: "Send the objection",
            login: "Log in to object",
            objected: "Your objection is sent; the answer will come to your messages.",
            years: "Other years",
        },
    }
}

/// What went wrong with an objection, in the resident's words.
fn objection_error(locale: Locale, code: &str) -> &'static str {
    let zh = locale == Locale::Zh;
    match code {
        "objection" if zh => "请写明异议的内容和理由（10到1000个字）。",
        "objection" => "Say what is wrong with the award and why (10 to 1000 characters).",
        "daily_limit" if zh => "一天内最多提出5条异议，请明天再来。",
        "daily_limit" => "At most 5 objections a day: come back tomorrow.",
        "not_in_notice" if zh => "这项资助的公示期已结束，不能再提出异议。",
        "not_in_notice" => "This award's notice is over: objections are closed.",
        _ if zh => "没能提交异议，请稍后再试。",
        _ => "The objection could not be sent: try again later.",
    }
}

/// The year's awards.
#[component]
pub fn AwardList(awards: Awards, logged_in: bool) -> impl IntoView {
    let prefs = use_prefs();
    let (lang, w) = (prefs.lang(), words(prefs.lang()));
    let year = awards.year;
    let spreadsheet = format!("/api/v1/fund/awards.xlsx?year={year}&lang={}", if lang == Locale::Zh { "zh" } else { "en" });
    let others: Vec<i32> = awards.years.iter().copied().filter(|y| *y != year).collect();
    view! {
        <section class="fund-awards" id="awards" aria-labelledby="awards-title">
            <h2 id="awards-title">{w.title} " · " {year}</h2>
            <p class="hint">{w.hint}</p>
            {(!others.is_empty()).then(|| view! {
                <p class="years">{w.years} {crate::i18n::colon(lang)}
                    {others.into_iter().map(|y| view! { " " <a href=format!("/fund?year={y}#awards")>{y}</a> }).collect_view()}
                </p>
            })}
            {if awards.awards.is_empty() {
                view! { <p>{w.none}</p> }.into_any()
            } else {
                view! {
                    <ol class="award-list" data-testid="fund-awards">
                        {awards.awards.into_iter().map(|award| view! { <Award award logged_in/> }).collect_view()}
                    </ol>
                    <p><strong>{w.total} {crate::i18n::colon(lang)} {format!("¥{}", awards.total)}</strong>
                        " · " <a href=spreadsheet download>{w.xlsx}</a></p>
                }.into_any()
            }}
        </section>
    }
}

#[component]
fn Award(award: PublicAward, logged_in: bool) -> impl IntoView {
    let prefs = use_prefs();
    let (lang, w) = (prefs.lang(), words(prefs.lang()));
    let query = use_query_map();
    let asked = move |key: &str| query.with_untracked(|q| q.get(key)).unwrap_or_default();
    let id = award.application_id.0;
    let here = asked("award") == id.to_string();
    let error = here.then(|| asked("error")).filter(|c| !c.is_empty()).map(|code| objection_error(lang, &code));
    let typed = if here { asked("typed") } else { String::new() };
    let objected = asked("objected") == id.to_string();
    let category = if lang == Locale::En && !award.category_name_en.is_empty() { award.category_name_en.clone() } else { award.category_name.clone() };
    let in_notice = award.status == AppStatus::InNotice;
    let until = award.notice_until.map(|t| cc_domain::time::local(t).format("%Y-%m-%d %H:%M").to_string());
    view! {
        <li class="award" id=format!("award-{id}") data-testid="fund-award" data-status=award.status.as_str()>
            <p><strong>{award.project.clone()}</strong></p>
            <p>{award.unit_name.clone()} " · " {category}</p>
            <p><strong class="amount">{format!("¥{}", award.amount)}</strong> " · " <span class="call-phase">{award.status.label(lang)}</span>
                {(in_notice).then(|| until.clone().map(|u| view! { " · " {w.until} " " {u} }))}</p>
            {objected.then(|| view! { <p class="notice" role="status">{w.objected}</p> })}
            {(in_notice && logged_in).then(|| view! {
                <details class="object" open=error.is_some()>
                    <summary>{w.object}</summary>
                    {error.map(|text| view! { <p class="form-error" role="alert" data-testid="objection-error">{text}</p> })}
                    <form method="post" action=ObjectForm::url() class="answer-form" data-testid="object-form">
                        <input type="hidden" name="application_id" value=id/>
                        <input type="hidden" name="year" value=award.year/>
                        <label class="field"><span>{w.objection}</span>
                            <TextArea name="objection" value=typed.clone() maxlength=1000 required=true/>
                        </label>
                        <button type="submit">{w.send}</button>
                    </form>
                </details>
            })}
            {(in_notice && !logged_in).then(|| view! {
                <p><a href=format!("/login?next={}", cc_domain::query::percent_encode(&format!("/fund?year={}", award.year)))>{w.login}</a></p>
            })}
        </li>
    }
}
