//! `/fund`: the heritage fund (非遗保护传承专项资金) — the calls (open ones first, with their
//! budget and dates), and the rules: what each support category funds, its cap per award and
//! the attachments it requires — and each year's awards, in public notice or final
//! (`fund_awards`). Server-rendered: no script needed.

use cc_domain::fund::{CallPhase, FundCall, FundCategory};
use cc_domain::Locale;
use leptos::prelude::*;
use leptos_meta::Title;

use crate::components::status::{ErrorNotice, Loading};
use crate::fund_fns::load_fund;
use crate::pages::fund_awards::AwardList;
use leptos_router::hooks::use_query_map;
use crate::prefs::use_prefs;

/// The page's words.
fn words(locale: Locale) -> [&'static str; 12] {
    match locale {
        Locale::Zh => ["非遗专项资金", "石景山区非物质文化遗产保护传承专项资金，支持非遗理论研究、展览展示等14类保护传承工作。经认证的保护单位、传承人工作室和社会组织可以在申报期内申报。",
            "申报通知", "支持类别（申报规则）", "资金总额", "申报时间", "公示期", "天", "每项资助上限", "必备附件", "元", "单位账号：登记、认证与网上申报"],
        Locale::En => ["Heritage fund", "Shijingshan's fund for protecting and passing on intangible heritage supports fourteen kinds of work, from theory research to exhibitions. Verified protecting units, inheritors' studios and social organisations apply while a call is open.",
            "Calls", "Support categories (the rules)", "Budget", "Applications", "Public notice", "days", "Cap per award", "Required attachments", "yuan", "Unit account: register, get verified and apply online"],
    }
}

fn phase(phase: CallPhase, locale: Locale) -> &'static str {
    match (phase, locale) {
        (CallPhase::Upcoming, Locale::Zh) => "即将开始",
        (CallPhase::Open, Locale::Zh) => "申报中",
        (CallPhase::Closed, Locale::Zh) => "已截止",
        (CallPhase::Upcoming, Locale::En) => "Opens soon",
        (CallPhase::Open, Locale::En) => "Open",
        (CallPhase::Closed, Locale::En) => "Closed",
    }
}

/// The page.
#[component]
pub fn FundPage() -> impl IntoView {
    let prefs = use_prefs();
    let w = move || words(prefs.lang());
    let query = use_query_map();
    let year = move || query.with(|q| q.get("year")).and_then(|y| y.parse::<i32>().ok()).filter(|y| (2000..=2100).contains(y));
    let page = Resource::new(year, load_fund);
    view! {
        <Title text=move || w()[0]/>
        <section class="fund">
            <h1>{move || w()[0]}</h1>
            <p class="intro">{move || w()[1]}</p>
            <p><a href="/org">{move || w()[11]}</a></p>
            <Suspense fallback=Loading>
                {move || Suspend::new(async move {
                    match page.await {
                        Ok(page) => view! {
                            <h2>{w()[2]}</h2>
                            <ul class="fund-calls" data-testid="fund-calls">
                                {page.calls.into_iter().map(|call| view! { <Call call/> }).collect_view()}
                            </ul>
                            <AwardList awards=page.awards logged_in=page.logged_in/>
                            <h2>{w()[3]}</h2>
                            <ol class="fund-categories" data-testid="fund-categories">
                                {page.categories.into_iter().filter(|c| !c.retired).map(|category| view! { <Category category/> }).collect_view()}
                            </ol>
                        }.into_any(),
                        Err(error) => view! { <ErrorNotice error/> }.into_any(),
                    }
                })}
            </Suspense>
        </section>
    }
}

#[component]
fn Call(call: FundCall) -> impl IntoView {
    let prefs = use_prefs();
    let (lang, w) = (prefs.lang(), words(prefs.lang()));
    let colon = crate::i18n::colon(lang);
    view! {
        <li class="fund-call" data-testid="fund-call" data-phase=format!("{:?}", call.phase).to_lowercase()>
            <h3>{call.title}</h3>
            <p><strong class="call-phase">{phase(call.phase, lang)}</strong></p>
            <p>{w[4]} {colon} {call.budget.to_string()} " " {w[10]}</p>
            <p>{w[5]} {colon} {call.opens_on.to_string()} " – " {call.closes_on.to_string()}</p>
            <p>{w[6]} {colon} {call.notice_days} " " {w[7]}</p>
        </li>
    }
}

#[component]
fn Category(category: FundCategory) -> impl IntoView {
    let prefs = use_prefs();
    let (lang, w) = (prefs.lang(), words(prefs.lang()));
    let colon = crate::i18n::colon(lang);
    let name = if lang == Locale::En && !category.name_en.is_empty() { category.name_en.clone() } else { category.name.clone() };
    view! {
        <li class="fund-category" data-testid="fund-category" data-code=category.code.clone()>
            <h3>{name}</h3>
            <p>{category.description}</p>
            <p>{w[8]} {colon} {category.cap.to_string()} " " {w[10]}</p>
            {(!category.attachments.is_empty()).then(|| view! {
                <p>{w[9]} {colon} {category.attachments.join("、")}</p>
            })}
        </li>
    }
}
