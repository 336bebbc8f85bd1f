//! The Shijingshan demo network: 9 streets (鲁谷社区 counts as a street), their communities and
//! the facilities on all three levels. Coordinates lie inside the district (about 39.88–39.98 N,
//! 116.13–116.26 E); addresses follow the district's real road names.

/// A street of the demo: slug, Chinese and English name, centre (lat, lng), communities.
pub struct DemoStreet {
    pub slug: &'static str,
    pub name: &'static str,
    pub name_en: &'static str,
    pub centre: (f64, f64),
    pub road: &'static str,
    pub communities: &'static [&'static str],
}

pub const STREETS: &[DemoStreet] = &[
    DemoStreet {
        slug: "babaoshan",
        name: "八宝山街道",
        name_en: "Babaoshan",
        centre: (39.9070, 116.2380),
        road: "玉泉路",
        communities: &["玉泉西里社区", "永乐东小区社区", "沁山水社区", "东山社区"],
    },
    DemoStreet {
        slug: "laoshan",
        name: "老山街道",
        name_en: "Laoshan",
        centre: (39.9050, 116.2170),
        road: "老山南路",
        communities: &["老山东里社区", "老山西里社区", "京源路社区", "玉泉北里社区"],
    },
    DemoStreet {
        slug: "bajiao",
        name: "八角街道",
        name_en: "Bajiao",
        centre: (39.9125, 116.2000),
        road: "八角北路",
        communities: &["八角北路社区", "八角南里社区", "杨庄社区", "黄南苑社区"],
    },
    DemoStreet {
        slug: "gucheng",
        name: "古城街道",
        name_en: "Gucheng",
        centre: (39.9160, 116.1850),
        road: "古城大街",
        communities: &["古城南路东社区", "古城北路社区", "水泥厂社区", "老古城社区"],
    },
    DemoStreet {
        slug: "pingguoyuan",
        name: "苹果园街道",
        name_en: "Pingguoyuan",
        centre: (39.9300, 116.1780),
        road: "苹果园路",
        communities: &["苹果园一区社区", "苹果园二区社区", "海特花园社区", "西黄新村社区"],
    },
    DemoStreet {
        slug: "jindingjie",
        name: "金顶街街道",
        name_en: "Jindingjie",
        centre: (39.9370, 116.1600),
        road: "金顶街",
        communities: &["金顶街一社区", "金顶街二社区", "模式口东里社区", "西福村社区"],
    },
    DemoStreet {
        slug: "guangning",
        name: "广宁街道",
        name_en: "Guangning",
        centre: (39.9470, 116.1400),
        road: "高井路",
        communities: &["广宁村社区", "高井路社区", "麻峪社区"],
    },
    DemoStreet {
        slug: "wulituo",
        name: "五里坨街道",
        name_en: "Wulituo",
        centre: (39.9660, 116.1420),
        road: "五里坨路",
        communities: &["隆恩寺社区", "天翠阳光社区", "黑石头社区"],
    },
    DemoStreet {
        slug: "lugu",
        name: "鲁谷社区",
        name_en: "Lugu",
        centre: (39.8960, 116.2250),
        road: "鲁谷路",
        communities: &["五芳园社区", "衙门口社区", "七星园社区", "重聚园社区"],
    },
];

/// A district-level facility of the demo.
pub struct DemoFacility {
    pub name: &'static str,
    pub kind: &'static str,
    pub street: &'static str,
    pub address: &'static str,
    pub position: (f64, f64),
    pub area_m2: f64,
    pub opening_hours: &'static str,
}

pub const DISTRICT_FACILITIES: &[DemoFacility] = &[
    DemoFacility {
        name: "石景山区图书馆",
        kind: "library",
        street: "bajiao",
        address: "石景山区八角北路12号",
        position: (39.9138, 116.2032),
        area_m2: 8600.0,
        opening_hours: "1-7 09:00-18:00",
    },
    DemoFacility {
        name: "石景山区文化馆",
        kind: "cultural_centre",
        street: "gucheng",
        address: "石景山区古城大街36号",
        position: (39.9152, 116.1893),
        area_m2: 6200.0,
        opening_hours: "2-7 09:00-17:00",
    },
    // Open 40 hours a week: short of the district standard, so the demo has a district case.
    DemoFacility {
        name: "石景山区博物馆",
        kind: "museum",
        street: "babaoshan",
        address: "石景山区玉泉路58号",
        position: (39.9078, 116.2421),
        area_m2: 4800.0,
        opening_hours: "3-7 09:00-17:00",
    },
    DemoFacility {
        name: "石景山文化广场",
        kind: "square",
        street: "lugu",
        address: "石景山区鲁谷路88号",
        position: (39.8975, 116.2281),
        area_m2: 12000.0,
        opening_hours: "1-7 06:00-22:00",
    },
];

/// Communities deliberately left without a community room, so coverage is not trivially 100%.
pub const UNCOVERED_COMMUNITIES: &[&str] = &["黑石头社区", "麻峪社区"];
