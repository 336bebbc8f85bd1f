//! The demo's heritage registry: a handful of plausible projects practised in Shijingshan,
//! marked demo (names of people are made up), each linked to the demo services that let
//! residents experience it.

use cc_domain::heritage::{CheckedProject, HeritageCategory as C, HeritageLevel as L, HeritagePlace, Inheritor};
use sqlx::AnyConnection;

use crate::heritage::insert_project;
use crate::StoreError;

/// A demo project: name, category, level, year listed, protecting unit, description,
/// inheritors (name, level, year named), places (name, lat, lng), and the titles of the demo
/// services that teach or show it.
type Demo = (&'static str, C, L, i32, &'static str, &'static str, &'static [(&'static str, L, i32)], &'static [(&'static str, f64, f64)], &'static [&'static str]);

const PROJECTS: &[Demo] = &[
    ("京西太平鼓", C::Dance, L::National, 2006, "石景山区文化馆",
     "流传于京西一带的民间鼓舞。舞者手持单面扇形鼓，边击边舞，正月里走街串巷，祈求平安。\n演示数据：介绍为示意。",
     &[("李桂芳", L::Municipal, 2012), ("赵永顺", L::District, 2016)],
     &[("模式口历史文化街区", 39.9396, 116.1662), ("石景山区文化馆", 39.9063, 116.2231)],
     &["京西太平鼓非遗传承课"]),
    ("北京剪纸", C::Art, L::Municipal, 2009, "石景山区非物质文化遗产保护中心",
     "以剪刀和刻刀在纸上剪刻花纹，题材多取吉祥图案与京味生活。\n演示数据：介绍为示意。",
     &[("王秀兰", L::District, 2014)],
     &[("八角街道文化活动中心", 39.9081, 116.2102)],
     &["非遗剪纸体验课", "非遗剪纸作品展"]),
    ("风筝制作技艺（北京扎燕风筝）", C::Craft, L::National, 2006, "石景山区非物质文化遗产保护中心",
     "以竹为骨、以绢为面，扎、糊、绘、放四艺俱全，燕形风筝造型饱满。\n演示数据：介绍为示意。",
     &[("孙立新", L::Municipal, 2013)],
     &[("石景山游乐园西侧广场", 39.9105, 116.2065)],
     &["风筝扎制非遗工作坊"]),
    ("面人（北京面塑）", C::Art, L::Municipal, 2007, "鲁谷社区文化中心",
     "以糯米面调色捏制人物花鸟，小巧传神。\n演示数据：介绍为示意。",
     &[("周德华", L::District, 2015)],
     &[("鲁谷社区文化中心", 39.8925, 116.2335)],
     &["非遗面塑体验"]),
    ("兔儿爷制作技艺", C::Art, L::Municipal, 2014, "古城街道文化站",
     "中秋时节供奉的泥塑玩具，彩绘金盔金甲，寓意吉祥。\n演示数据：介绍为示意。",
     &[("马玉琴", L::District, 2018)],
     &[("古城街道文化站", 39.9102, 116.1897)],
     &["兔儿爷彩绘体验"]),
    ("景泰蓝制作技艺", C::Craft, L::National, 2006, "石景山区非物质文化遗产保护中心",
     "铜胎掐丝、点蓝、烧蓝、磨光、镀金，色彩浓丽。\n演示数据：介绍为示意。",
     &[],
     &[("首钢园工业遗址公园", 39.9168, 116.1652)],
     &["景泰蓝掐丝体验"]),
    ("葫芦烙画", C::Art, L::District, 2015, "苹果园街道文化站",
     "以烧热的烙笔在葫芦上作画，深浅相宜。\n演示数据：介绍为示意。",
     &[("刘长福", L::District, 2019)],
     &[("苹果园街道文化站", 39.9282, 116.1791)],
     &["葫芦烙画非遗课"]),
    ("八大处中秋游园习俗", C::Folklore, L::District, 2012, "八大处公园管理处",
     "中秋前后游园、赏月、登高的民间习俗。\n演示数据：介绍为示意。",
     &[],
     &[("八大处公园", 39.9537, 116.1838)],
     &[]),
    ("永定河传说", C::FolkLiterature, L::District, 2016, "石景山区文化馆",
     "关于永定河治水、渡口与村落由来的民间故事。\n演示数据：介绍为示意。",
     &[("陈宝山", L::District, 2017)],
     &[("永定河畔", 39.9005, 116.1640)],
     &[]),
];

/// Adds the demo projects and links the demo services to them; returns how many projects.
pub(super) async fn seed_heritage(conn: &mut AnyConnection, now: i64) -> Result<usize, StoreError> {
    for &(name, category, level, year_listed, unit, description, people, places, services) in PROJECTS {
        let project = CheckedProject {
            name: name.into(),
            category,
            level,
            year_listed,
            protecting_unit: unit.into(),
            description: description.into(),
            inheritors: people.iter().map(|&(name, level, year)| Inheritor { name: name.into(), level, year_named: Some(year) }).collect(),
            places: places.iter().map(|&(name, lat, lng)| HeritagePlace { name: name.into(), lat, lng }).collect(),
        };
        let id = insert_project(conn, &project, true, now).await?;
        // Demo services are titled "{stem}·{the facility's short name}".
        for stem in services {
            sqlx::query("UPDATE service_items SET heritage_project_id = $1 WHERE title LIKE $2 AND is_demo = 1")
                .bind(id)
                .bind(format!("{stem}·%"))
                .execute(&mut *conn)
                .await?;
        }
    }
    Ok(PROJECTS.len())
}
