//! The demo catalogue's raw material: title stems per category, each with its audience.
//! Every stem becomes several items, one per street it is held in (e.g. 广场舞教学·八角).

/// (category slug, title stem, audience slug, paid: price in fen when not free)
pub type Stem = (&'static str, &'static str, &'static str, Option<i64>);

pub const STEMS: &[Stem] = &[
    ("performance", "京剧名段欣赏", "all", None),
    ("performance", "新年民族音乐会", "all", Some(3000)),
    ("performance", "少儿京剧启蒙展演", "children", None),
    ("performance", "评剧折子戏专场", "elderly", None),
    ("performance", "京西太平鼓展演", "all", None),
    ("performance", "话剧《老山》公益演出", "all", None),
    ("performance", "交响乐进社区", "all", Some(5000)),
    ("performance", "相声曲艺专场", "elderly", None),
    ("exhibition", "京西古道摄影展", "all", None),
    ("exhibition", "模式口历史文化展", "all", None),
    ("exhibition", "非遗剪纸作品展", "all", None),
    ("exhibition", "少儿书画作品展", "children", None),
    ("exhibition", "首钢工业遗产展", "all", None),
    ("exhibition", "冰雪运动主题图片展", "youth", None),
    ("training", "书法入门公益课", "elderly", None),
    ("training", "合唱基础训练营", "elderly", None),
    ("training", "少儿美术启蒙课", "children", None),
    ("training", "智能手机使用课堂", "elderly", None),
    ("training", "摄影技巧讲座", "all", None),
    ("training", "京剧唱腔培训班", "all", Some(2000)),
    ("training", "手语入门课", "disabled", None),
    ("training", "家庭教育讲座", "all", None),
    ("reading", "亲子绘本阅读会", "children", None),
    ("reading", "经典诵读会", "all", None),
    ("reading", "书香读书沙龙", "all", None),
    ("reading", "青少年阅读马拉松", "youth", None),
    ("reading", "大字本阅读角", "elderly", None),
    ("reading", "有声书分享会", "disabled", None),
    ("heritage", "非遗剪纸体验课", "children", None),
    ("heritage", "京西太平鼓非遗传承课", "all", None),
    ("heritage", "非遗面塑体验", "children", None),
    ("heritage", "风筝扎制非遗工作坊", "youth", None),
    ("heritage", "兔儿爷彩绘体验", "children", None),
    ("heritage", "非遗传承人讲座", "all", None),
    ("heritage", "景泰蓝掐丝体验", "youth", Some(4000)),
    ("heritage", "葫芦烙画非遗课", "elderly", None),
    ("community", "广场舞教学", "elderly", None),
    ("community", "广场舞大赛", "all", None),
    ("community", "社区合唱团排练", "elderly", None),
    ("community", "太极拳晨练", "elderly", None),
    ("community", "邻里文化节", "all", None),
    ("community", "助残文体活动", "disabled", None),
    ("community", "广场舞展演", "all", None),
    ("community", "红色歌曲大家唱", "elderly", None),
    ("film", "周末公益电影", "all", None),
    ("film", "少儿动画电影放映", "children", None),
    ("film", "无障碍电影放映", "disabled", None),
    ("film", "经典老电影放映", "elderly", None),
    ("film", "露天电影之夜", "all", None),
    ("film", "青春励志电影", "youth", None),
    ("digital", "VR文化遗产体验", "youth", None),
    ("digital", "数字图书馆使用指导", "elderly", None),
    ("digital", "3D打印创意课", "youth", Some(1500)),
    ("digital", "线上云展览导览", "all", None),
    ("digital", "编程启蒙工作坊", "children", None),
    ("digital", "老年人防诈骗数字课堂", "elderly", None),
];

/// A sentence about what residents do in a category, for the demo descriptions.
pub fn category_blurb(category: &str) -> &'static str {
    match category {
        "performance" => "专业院团与群众文艺骨干同台演出，演出结束后可与演员交流。",
        "exhibition" => "展览配有讲解员，每整点讲解一次，适合全家参观。",
        "training" => "课程由专业老师授课，零基础可参加，所需材料现场提供。",
        "reading" => "活动提供图书与茶水，欢迎带上自己喜欢的书一起分享。",
        "heritage" => "由非物质文化遗产代表性项目传承人现场教学，感受非遗技艺的魅力。",
        "community" => "群众文化群众办，欢迎各年龄段居民参加，活动前有热身指导。",
        "film" => "放映前有影片导赏，场内设无障碍座位。",
        _ => "借助数字技术体验公共文化服务，现场有志愿者指导。",
    }
}

/// Who delivers a category's services in the demo (social providers for some).
pub fn provider_for(category: &str, stem: &str, facility: &str) -> String {
    match category {
        "heritage" => "石景山区非物质文化遗产保护中心".into(),
        "community" if stem.contains("广场舞") => "中艺广场舞联盟".into(),
        "film" => "石景山区公益电影放映队".into(),
        _ => facility.to_string(),
    }
}
