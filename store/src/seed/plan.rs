//! The demo's work plan: eighteen tasks drawn from the themes of 《石景山区创建首都公共文化服务
//! 示范区工作方案》 (the catalogue, the digital platform, facilities up to standard, free opening,
//! social participation, heritage, training, publicity), marked demo. Their dates are counted
//! from the day the demo is loaded, so the mix of done, on-track, at-risk and overdue tasks the
//! demo shows stays the same whenever it is loaded.

use cc_domain::plan::{Measure, Reported};
use chrono::Duration;
use sqlx::AnyConnection;

use crate::StoreError;

struct Task {
    name: &'static str,
    summary: &'static str,
    lead: &'static str,
    cooperating: &'static str,
    /// Days from today.
    deadline: i64,
    reported: Reported,
    note: &'static str,
    /// Title, days from today, done.
    milestones: &'static [(&'static str, i64, bool)],
    /// Live figures shown as public evidence, for the district.
    measures: &'static [Measure],
}

const STREETS: &str = "各街道办事处";

const TASKS: [Task; 18] = [
    Task { name: "编制并公布公共文化服务目录", summary: "以群众需求为导向，将公共文化服务项目编制成公开目录，群众依据目录了解、选择、参与和享受文化服务。", lead: "区文化委", cooperating: STREETS, deadline: -30, reported: Reported::Done, note: "目录已在公共文化云上线，按月更新。", milestones: &[("完成服务项目征集", -150, true), ("目录向社会公布", -40, true)], measures: &[] },
    Task { name: "建设公共文化服务数字化平台和手机APP", summary: "研发建设公共文化服务数字化平台和手机APP，利用新媒体手段提升公共文化服务供给能力。", lead: "区文化委", cooperating: "区科信委\n区财政局", deadline: 120, reported: Reported::OnTrack, note: "预约、点单、评价已上线，正在完善数据看板。", milestones: &[("平台上线试运行", -60, true), ("手机端（PWA）推广", 30, false), ("数据看板验收", 110, false)], measures: &[Measure::AttendanceRate] },
    Task { name: "街道综合文化中心建筑面积达标", summary: "以街道为主体，通过趸租、新建改扩建、共建共享等方式解决街道综合文化中心建筑面积不达标的问题。", lead: "区文化委", cooperating: STREETS, deadline: 210, reported: Reported::OnTrack, note: "各街道已完成摸底调研，三个街道的改扩建方案在审批中。", milestones: &[("完成设施摸底调研", -90, true), ("改扩建方案批复", 45, false), ("全部达标验收", 200, false)], measures: &[Measure::FacilityCompliance] },
    Task { name: "社区综合文化室全覆盖", summary: "每个社区建成达标的综合文化室，完善区—街道—社区三级公共文化设施网络。", lead: STREETS, cooperating: "区文化委\n区住建委", deadline: 180, reported: Reported::AtRisk, note: "部分老旧小区缺少用房，需协调共建共享。", milestones: &[("排查未覆盖社区", -70, true), ("落实用房", -5, false), ("覆盖率达到100%", 170, false)], measures: &[Measure::CommunityCoverage] },
    Task { name: "公共文化设施免费开放", summary: "各级公共文化设施按标准时长免费开放，公示开放时间和服务项目。", lead: "区文化委", cooperating: STREETS, deadline: 90, reported: Reported::OnTrack, note: "", milestones: &[("公示开放时间", -20, true), ("开放时长达标检查", 80, false)], measures: &[Measure::FreeOpeningHours] },
    Task { name: "完善区—街道—社区三级设施网络", summary: "九个街道均建成达标的街道综合文化中心，形成三级公共文化设施网络。", lead: "区文化委", cooperating: STREETS, deadline: 240, reported: Reported::OnTrack, note: "", milestones: &[("网络规划编制", -100, true), ("街道覆盖率达到100%", 230, false)], measures: &[Measure::StreetCoverage] },
    Task { name: "建立群众文化需求征集和反馈机制", summary: "通过\"点单\"征集群众文化需求，限期答复，按需配送公共文化服务。", lead: "区文化委", cooperating: STREETS, deadline: 60, reported: Reported::OnTrack, note: "点单功能上线，答复时限为15个工作日。", milestones: &[("点单功能上线", -45, true), ("建立答复时限制度", 50, false)], measures: &[Measure::DemandsAnswered] },
    Task { name: "开展公共文化服务群众满意度测评", summary: "群众对参加的活动进行评价，定期发布满意度，作为考评依据。", lead: "区文化委", cooperating: "区统计局", deadline: 150, reported: Reported::NotStarted, note: "", milestones: &[("评价功能上线", 20, false), ("发布首期满意度", 140, false)], measures: &[Measure::Satisfaction] },
    Task { name: "推进公共文化服务社会化运营", summary: "探索公共文化设施社会化运营模式，政府购买公共文化服务。", lead: "区文化委", cooperating: "区财政局\n区民政局", deadline: -20, reported: Reported::OnTrack, note: "购买服务目录待财政部门确认。", milestones: &[("制定购买服务目录", -60, true), ("签订首批运营协议", -25, false)], measures: &[] },
    Task { name: "引导社会力量参与公共文化服务", summary: "坚持\"政府主导、社会参与、共建共享\"，与社会单位合作开展群众文化活动。", lead: "区文化委", cooperating: "区民政局\n区体育局", deadline: 270, reported: Reported::OnTrack, note: "", milestones: &[("发布社会力量参与办法", 60, false), ("首批社会力量服务上线", 250, false)], measures: &[] },
    Task { name: "建设全国广场舞培训基地", summary: "将全国广场舞培训基地落户黄庄职业高中，开展全国广场舞系列文化活动。", lead: "区文化委", cooperating: "区教委\n八角街道办事处", deadline: -10, reported: Reported::Done, note: "基地已挂牌，年内开展培训12期。", milestones: &[("基地挂牌", -120, true), ("举办首期培训", -30, true)], measures: &[] },
    Task { name: "非物质文化遗产保护传承", summary: "设立非遗保护传承专项资金，扶持一批示范引导作用明显的非遗项目和保护传承单位。", lead: "区文化委", cooperating: "区财政局", deadline: 200, reported: Reported::OnTrack, note: "本年度专项资金申报已开始。", milestones: &[("发布资金管理办法", -200, true), ("完成年度评审和公示", 90, false)], measures: &[] },
    Task { name: "充实基层文化干部队伍", summary: "招聘社区工作者补充街道社区基层文化干部队伍。", lead: "区人力社保局", cooperating: "区民政局\n各街道办事处", deadline: 100, reported: Reported::AtRisk, note: "招聘计划尚待批准。", milestones: &[("确定招聘计划", -15, false), ("完成招聘", 95, false)], measures: &[] },
    Task { name: "开展示范区创建系列专题培训", summary: "面向全区文化管理干部开展专题培训，提高基层从业人员的职业素养和专业技能。", lead: "区文化委", cooperating: "区委组织部", deadline: 160, reported: Reported::OnTrack, note: "", milestones: &[("制定年度培训计划", -50, true), ("完成全员轮训", 150, false)], measures: &[] },
    Task { name: "建设数字化公共文化设施设备", summary: "与企业合作研发建设数字化公共文化设施设备，建设数字文化社区。", lead: "区科信委", cooperating: "区文化委", deadline: 300, reported: Reported::NotStarted, note: "", milestones: &[("签署合作框架协议", 40, false), ("首批设备进社区", 280, false)], measures: &[] },
    Task { name: "丰富群众文化活动供给", summary: "各级设施常态化开展群众文化活动，每个设施全年活动场次达到标准。", lead: STREETS, cooperating: "区文化委\n区文化馆", deadline: 30, reported: Reported::OnTrack, note: "", milestones: &[("发布年度活动计划", -200, true), ("年度活动场次达标", 25, false)], measures: &[Measure::ActivitiesPerFacility] },
    Task { name: "提高公共文化设施使用效率", summary: "推行预约到场和爽约规则，提高公共文化资源的使用效率。", lead: "区文化委", cooperating: STREETS, deadline: 75, reported: Reported::OnTrack, note: "", milestones: &[("推行实名预约", -80, true), ("到场率达到80%", 70, false)], measures: &[Measure::AttendanceRate] },
    Task { name: "加大创建工作宣传和政策解读", summary: "综合运用电视、报刊、网站等渠道宣传创建工作，对系列政策文件进行宣讲和解读。", lead: "区委宣传部", cooperating: "区文化委\n区融媒体中心", deadline: 330, reported: Reported::OnTrack, note: "", milestones: &[("政策解读上线", 60, false), ("年度创建成果展示", 320, false)], measures: &[] },
];

/// Writes the demo's tasks; returns how many.
pub(super) async fn seed_plan(conn: &mut AnyConnection, now: i64) -> Result<usize, StoreError> {
    let today = cc_domain::time::local(now).date_naive();
    let day = |days: i64| (today + Duration::days(days)).format("%Y-%m-%d").to_string();
    for (number, task) in TASKS.iter().enumerate() {
        let (id,): (i64,) = sqlx::query_as(
            "INSERT INTO plan_tasks (number, name, summary, lead_unit, cooperating_units, deadline, reported, note, demo, updated_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 1, $9) RETURNING id",
        )
        .bind(number as i64 + 1)
        .bind(task.name)
        .bind(task.summary)
        .bind(task.lead)
        .bind(task.cooperating)
        .bind(day(task.deadline))
        .bind(task.reported.as_str())
        .bind(task.note)
        .bind(now)
        .fetch_one(&mut *conn)
        .await?;
        for (title, due, done) in task.milestones {
            sqlx::query("INSERT INTO plan_milestones (task_id, title, due_on, done_at) VALUES ($1, $2, $3, $4)")
                .bind(id)
                .bind(*title)
                .bind(day(*due))
                .bind(done.then_some(now + due * 86_400))
                .execute(&mut *conn)
                .await?;
        }
        for measure in task.measures {
            sqlx::query("INSERT INTO plan_evidence (task_id, kind, title, public, measure, added_at) VALUES ($1, 'indicator', $2, 1, $3, $4)")
                .bind(id)
                .bind(format!("{}（全区）", measure.label(cc_domain::Locale::Zh)))
                .bind(measure.as_str())
                .bind(now)
                .execute(&mut *conn)
                .await?;
        }
    }
    Ok(TASKS.len())
}
