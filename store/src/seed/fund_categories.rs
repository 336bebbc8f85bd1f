//! The fund's fourteen support categories as a fresh district starts with them: the document
//! names theory research and exhibitions among its fourteen; the rest are drafted from the
//! usual work of heritage protection. They are configurable defaults — staff change names,
//! caps and required attachments, or add and retire categories.

/// Code, Chinese and English names, what it supports, the cap per award in yuan, and the
/// attachments an application must carry.
pub(crate) const DEFAULT_CATEGORIES: &[(&str, &str, &str, &str, i64, &[&str])] = &[
    ("research", "非遗理论研究", "Theory research", "非遗项目的历史、技艺与传承规律研究，成果形成报告或论文。", 50_000, &["研究方案", "单位资质证明"]),
    ("exhibition", "展览展示活动", "Exhibitions and demonstrations", "非遗项目的展览、展演与展示活动。", 80_000, &["活动方案", "场地证明"]),
    ("listing", "代表性项目申报", "Applying for a listing", "申报区级以上非遗代表性项目名录的调查与材料准备。", 30_000, &["项目调查报告"]),
    ("apprentices", "传承人带徒传艺", "Inheritors teaching apprentices", "代表性传承人收徒、授艺与传承活动。", 40_000, &["带徒计划", "传承人认定证明"]),
    ("training-base", "传习基地建设", "Training bases", "传习所、传承基地的场地完善与日常运行。", 100_000, &["建设方案", "场地证明"]),
    ("schools", "非遗进校园", "Heritage in schools", "在中小学开设非遗课程与体验活动。", 40_000, &["课程方案", "学校合作证明"]),
    ("communities", "非遗进社区", "Heritage in communities", "在社区文化设施开展非遗体验、讲座与展示。", 30_000, &["活动方案"]),
    ("records", "记录与数字化", "Documentation and digitisation", "以影像、录音、文字等方式记录项目与传承人。", 60_000, &["记录方案"]),
    ("publishing", "出版与宣传", "Publications and publicity", "非遗图书、音像制品与宣传推广。", 50_000, &["出版或宣传方案"]),
    ("products", "生产性保护与文创开发", "Productive protection and creative products", "传统技艺类项目的生产性保护与文创产品开发。", 80_000, &["开发方案", "预算明细"]),
    ("rescue", "濒危项目抢救性保护", "Urgent safeguarding", "濒危项目与高龄传承人的抢救性记录与保护。", 100_000, &["濒危情况说明", "保护方案"]),
    ("festivals", "传统节庆与民俗活动", "Traditional festivals", "传统节日、庙会等民俗活动的组织与恢复。", 60_000, &["活动方案"]),
    ("exchange", "交流与合作", "Exchanges and cooperation", "区内外、国内外非遗交流与合作。", 40_000, &["交流方案"]),
    ("capacity", "保护单位能力建设", "Protecting units' capacity", "保护单位的人员培训、制度与档案建设。", 30_000, &["培训或建设方案"]),
];
