//! The search's relevance, pinned: for each query a resident might type, which titles come
//! back and in which order of tiers (the ranking: title > category > pinyin > description;
//! inside a tier the chosen sort decides, so a tier is a set). Runs on SQLite, or on
//! PostgreSQL with `CC_TEST_BACKEND=postgres`: both must answer the same.
//!
//! Demo titles are a stem and a street ("广场舞教学·八角"); each stem is held in three streets.

use cc_domain::time::now;
use cc_domain::CatalogQuery;
use cc_store::testing::fresh_store;
use cc_store::Store;

/// (query string, how many match in all, the stems in tiers, best tier first)
type Case = (&'static str, u64, &'static [&'static [&'static str]]);

const CASES: &[Case] = &[
    // Chinese: two characters and more, one character, several words.
    ("q=京剧", 9, &[&["京剧名段欣赏", "京剧唱腔培训班"], &["少儿京剧启蒙展演"]]),
    (
        "q=非遗",
        27,
        &[
            &["非遗剪纸体验课", "非遗传承人讲座", "非遗面塑体验"],
            &["非遗剪纸作品展"],
            &["京西太平鼓非遗传承课", "风筝扎制非遗工作坊", "葫芦烙画非遗课"],
            &["景泰蓝掐丝体验", "兔儿爷彩绘体验"],
        ],
    ),
    ("q=剧", 15, &[&["京剧名段欣赏", "少儿京剧启蒙展演", "京剧唱腔培训班", "话剧《老山》公益演出", "评剧折子戏专场"]]),
    ("q=广场舞", 9, &[&["广场舞教学", "广场舞大赛", "广场舞展演"]]),
    ("q=剪纸", 6, &[&["非遗剪纸体验课", "非遗剪纸作品展"]]),
    ("q=非遗 剪纸", 6, &[&["非遗剪纸体验课", "非遗剪纸作品展"]]),
    ("q=广场舞 教学", 3, &[&["广场舞教学"]]),
    ("q=读书", 3, &[&["书香读书沙龙"]]),
    ("q=太平鼓", 6, &[&["京西太平鼓非遗传承课", "京西太平鼓展演"]]),
    ("q=京西", 9, &[&["京西古道摄影展", "京西太平鼓非遗传承课", "京西太平鼓展演"]]),
    ("q=摄影", 6, &[&["摄影技巧讲座"], &["京西古道摄影展"]]),
    (
        "q=阅读",
        18,
        &[&["青少年阅读马拉松", "亲子绘本阅读会", "大字本阅读角"], &["有声书分享会", "书香读书沙龙", "经典诵读会"]],
    ),
    (
        "q=讲座",
        27,
        &[
            &["摄影技巧讲座", "家庭教育讲座"],
            &["非遗传承人讲座"],
            &["智能手机使用课堂", "手语入门课", "合唱基础训练营", "少儿美术启蒙课", "京剧唱腔培训班", "书法入门公益课"],
        ],
    ),
    (
        "q=体验",
        42,
        &[
            &["非遗剪纸体验课", "景泰蓝掐丝体验", "兔儿爷彩绘体验", "非遗面塑体验"],
            &["VR文化遗产体验"],
            &["京西太平鼓非遗传承课", "风筝扎制非遗工作坊", "葫芦烙画非遗课", "非遗传承人讲座"],
            &["数字图书馆使用指导", "线上云展览导览", "3D打印创意课", "编程启蒙工作坊", "老年人防诈骗数字课堂"],
        ],
    ),
    ("q=3D打印", 3, &[&["3D打印创意课"]]),
    ("q=vr", 3, &[&["VR文化遗产体验"]]),
    // Full pinyin, in one piece or in syllables; initials.
    ("q=guangchangwu", 9, &[&["广场舞教学", "广场舞大赛", "广场舞展演"]]),
    ("q=guang chang wu", 9, &[&["广场舞教学", "广场舞大赛", "广场舞展演"]]),
    ("q=jingju", 9, &[&["京剧名段欣赏", "京剧唱腔培训班"], &["少儿京剧启蒙展演"]]),
    (
        "q=feiyi",
        21,
        &[
            &["非遗剪纸体验课", "非遗剪纸作品展", "非遗传承人讲座", "非遗面塑体验"],
            &["京西太平鼓非遗传承课", "风筝扎制非遗工作坊", "葫芦烙画非遗课"],
        ],
    ),
    ("q=taipinggu", 6, &[&["京西太平鼓非遗传承课", "京西太平鼓展演"]]),
    ("q=shufa", 3, &[&["书法入门公益课"]]),
    ("q=sheying", 6, &[&["摄影技巧讲座"], &["京西古道摄影展"]]),
    ("q=xiangshen", 3, &[&["相声曲艺专场"]]),
    ("q=gcw", 9, &[&["广场舞教学", "广场舞大赛", "广场舞展演"]]),
    ("q=gcwjx", 3, &[&["广场舞教学"]]),
    ("q=jj", 10, &[&["京剧名段欣赏", "京剧唱腔培训班"], &["少儿京剧启蒙展演", "邻里文化节"]]),
    (
        "q=fy",
        30,
        &[
            &["非遗剪纸体验课", "非遗剪纸作品展", "非遗传承人讲座", "非遗面塑体验"],
            &["经典老电影放映", "京西太平鼓非遗传承课", "风筝扎制非遗工作坊", "无障碍电影放映", "葫芦烙画非遗课", "少儿动画电影放映"],
        ],
    ),
    // One letter of the pinyin wrong, missing, extra or swapped with its neighbour…
    ("q=guangcangwu", 9, &[&["广场舞教学", "广场舞大赛", "广场舞展演"]]),
    // … and then ranked as the right spelling would be.
    ("q=jingjv", 9, &[&["京剧名段欣赏", "京剧唱腔培训班"], &["少儿京剧启蒙展演"]]),
    ("q=jinju", 9, &[&["京剧名段欣赏", "京剧唱腔培训班"], &["少儿京剧启蒙展演"]]),
    ("q=xiangshegn", 3, &[&["相声曲艺专场"]]),
    ("q=jignjv", 0, &[]),
    ("q=shuufa", 3, &[&["书法入门公益课"]]),
    // English category names.
    (
        "q=heritage",
        24,
        &[&[
            "非遗剪纸体验课", "景泰蓝掐丝体验", "京西太平鼓非遗传承课", "风筝扎制非遗工作坊", "葫芦烙画非遗课",
            "非遗传承人讲座", "兔儿爷彩绘体验", "非遗面塑体验",
        ]],
    ),
    // Punctuation typed around words separates them, as a space would.
    ("q=《京剧》", 9, &[&["京剧名段欣赏", "京剧唱腔培训班"], &["少儿京剧启蒙展演"]]),
    ("q=“广场舞”，教学！", 3, &[&["广场舞教学"]]),
    ("q=话剧《老山》", 3, &[&["话剧《老山》公益演出"]]),
    // Nothing: unknown words, unknown initials, wildcards typed as text.
    ("q=量子力学", 0, &[]),
    ("q=lzlx", 0, &[]),
    ("q=%", 0, &[]),
    ("q=_", 0, &[]),
    // Mixed with filters.
    ("q=非遗&category=exhibition", 3, &[&["非遗剪纸作品展"]]),
    ("q=guangchangwu&audience=elderly", 3, &[&["广场舞教学"]]),
    ("q=jingjv&category=training", 3, &[&["京剧唱腔培训班"]]),
    ("q=京剧&free=true", 6, &[&["京剧名段欣赏"], &["少儿京剧启蒙展演"]]),
    ("q=电影&sort=popular", 18, &[&["青春励志电影", "露天电影之夜", "经典老电影放映", "周末公益电影", "无障碍电影放映", "少儿动画电影放映"]]),
];

/// The stem of a demo title: "广场舞教学·八角" → "广场舞教学".
fn stem(title: &str) -> &str {
    title.split('·').next().unwrap_or(title)
}

/// Checks that `got` (stems, best first) walks through `tiers` in order, each tier whole.
fn in_tiers(got: &[&str], tiers: &[&[&str]]) -> Result<(), String> {
    let mut tier = 0;
    for title in got {
        let at = tiers.iter().position(|t| t.contains(title)).ok_or(format!("{title} is not expected at all"))?;
        if at < tier {
            return Err(format!("{title} (tier {at}) came after tier {tier}"));
        }
        tier = at;
    }
    for want in tiers.iter().flat_map(|t| t.iter()) {
        if !got.contains(want) {
            return Err(format!("{want} is missing"));
        }
    }
    Ok(())
}

async fn results(store: &Store, case: &str) -> (Vec<String>, u64) {
    let pairs: Vec<(&str, &str)> =
        format!("{case}&per_page=50").leak().split('&').filter_map(|p| p.split_once('=')).collect();
    let query = CatalogQuery::parse(pairs.into_iter()).expect("a valid query");
    let page = store.search_items(&query, now()).await.expect("search answers");
    (page.items.iter().map(|i| stem(&i.title).to_string()).collect(), page.total)
}

#[tokio::test]
async fn residents_find_what_they_typed_best_first() {
    assert!(CASES.len() >= 30);
    let store = fresh_store().await.expect("a fresh database");
    store.seed_demo().await.expect("the demo loads");
    let mut wrong = Vec::new();
    for (case, total, tiers) in CASES {
        let (titles, got_total) = results(&store, case).await;
        let got: Vec<&str> = titles.iter().map(String::as_str).collect();
        if got_total != *total {
            wrong.push(format!("{case}: {got_total} results, expected {total}"));
        }
        if let Err(why) = in_tiers(&got, tiers) {
            wrong.push(format!("{case}: {why}; got {got:?}"));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn the_tier_check_fails_on_a_wrong_order() {
    let tiers: &[&[&str]] = &[&["a", "b"], &["c"]];
    assert!(in_tiers(&["b", "a", "c"], tiers).is_ok());
    assert!(in_tiers(&["a", "c", "b"], tiers).is_err());
    assert!(in_tiers(&["a", "b"], tiers).is_err());
    assert!(in_tiers(&["a", "b", "c", "d"], tiers).is_err());
}
