//! A verified unit applies to the heritage fund, through its contact person: starts a draft in
//! a category of a call that is open (or about to open), writes it — a draft keeps whatever is
//! typed — attaches files, submits it before the deadline, or withdraws it. Every application
//! is looked up as the unit's own: another unit's answers as one that does not exist.

use cc_domain::fund::payments::{ReportInput, ReportKind, Stage};
use cc_domain::fund::{self, AppAction, AppStatus, ApplicationInput, Attachment, CallPhase, FundApplication, Mover};
use cc_domain::ids::{AttachmentId, FundApplicationId, FundCallId, FundCategoryId, Id, ResidentId};
use cc_domain::organisation::{OrgStatus, Organisation};
use cc_domain::time::now;
use cc_store::fund_applications::{Attached, AttachmentFile, Move, NewAttachment, Started, Which};
use cc_store::Store;

use crate::ServiceError;

/// The verified unit the resident is the contact of.
async fn verified_unit(store: &Store, resident: ResidentId) -> Result<Organisation, ServiceError> {
    match store.organisation_of(resident).await? {
        Some(unit) if unit.status == OrgStatus::Verified => Ok(unit),
        _ => Err(ServiceError::refused(
            403,
            "unit_not_verified",
            "只有经区文化和旅游局认证的单位才能申报：请先在“单位账号”中登记单位并等待认证。",
            "Only units verified by the district's culture bureau apply: register your unit under Unit account and wait for verification.",
        )),
    }
}

/// The unit's application `id`.
async fn own(store: &Store, resident: ResidentId, id: FundApplicationId) -> Result<(Organisation, FundApplication), ServiceError> {
    let unit = verified_unit(store, resident).await?;
    match store.fund_application(id).await? {
        Some(application) if application.organisation_id == unit.id => Ok((unit, application)),
        _ => Err(ServiceError::NotFound(FundApplicationId::NOUN)),
    }
}

fn not_editable() -> ServiceError {
    ServiceError::refused(
        409,
        "not_editable",
        "申报已提交，不能再修改；如被退回补正，可修改后重新提交。",
        "The application is submitted and no longer changes; if it is returned for completion you can change it and submit it again.",
    )
}

/// The unit's applications, the newest first.
pub async fn applications(store: &Store, resident: ResidentId) -> Result<Vec<FundApplication>, ServiceError> {
    let unit = verified_unit(store, resident).await?;
    Ok(store.fund_applications(Which::OfUnit(unit.id)).await?)
}

/// One of the unit's applications.
pub async fn application(store: &Store, resident: ResidentId, id: FundApplicationId) -> Result<FundApplication, ServiceError> {
    Ok(own(store, resident, id).await?.1)
}

/// Starts a draft in `category` of `call`, holding what was typed so far.
pub async fn start(
    store: &Store,
    resident: ResidentId,
    call: FundCallId,
    category: FundCategoryId,
    input: &ApplicationInput,
) -> Result<FundApplication, ServiceError> {
    let unit = verified_unit(store, resident).await?;
    let call = store.fund_call(call, now()).await?.ok_or(ServiceError::NotFound(FundCallId::NOUN))?;
    if call.phase == CallPhase::Closed {
        return Err(ServiceError::refused(409, "call_closed", "本年度申报已截止。", "This call has closed."));
    }
    let category = store.fund_category(category).await?.filter(|c| !c.retired).ok_or(ServiceError::NotFound(FundCategoryId::NOUN))?;
    let draft = input.check_draft().map_err(ServiceError::Field)?;
    let id = match store.start_fund_application(unit.id, call.id, category.id, &draft, now()).await? {
        Started::Started(id) => id,
        Started::Duplicate(_) => {
            return Err(ServiceError::refused(
                409,
                "duplicate",
                "本单位在这一类别已有申报：请在“单位账号”中继续填写。",
                "Your unit has an application in this category already: carry on with it under Unit account.",
            ))
        }
    };
    application(store, resident, id).await
}

/// Writes what was typed into a draft (or a returned application).
pub async fn save(store: &Store, resident: ResidentId, id: FundApplicationId, input: &ApplicationInput) -> Result<FundApplication, ServiceError> {
    let (unit, _) = own(store, resident, id).await?;
    let draft = input.check_draft().map_err(ServiceError::Field)?;
    if !store.save_fund_application(id, unit.id, &draft, now()).await? {
        return Err(not_editable());
    }
    application(store, resident, id).await
}

/// Submits the application: read whole, its required files attached, before the call's
/// deadline (a returned one may be sent again after it: it was on time).
pub async fn submit(store: &Store, resident: ResidentId, id: FundApplicationId) -> Result<FundApplication, ServiceError> {
    let (unit, current) = own(store, resident, id).await?;
    let to = fund::next(current.status, AppAction::Submit, Mover::Unit).map_err(|_| not_editable())?;
    let call = store.fund_call(current.call_id, now()).await?.ok_or(ServiceError::NotFound(FundCallId::NOUN))?;
    if current.status == AppStatus::Draft && call.phase != CallPhase::Open {
        return Err(ServiceError::refused(
            409,
            "call_not_open",
            "现在不在申报期内：草稿已保存，请在申报期内提交。",
            "Applications are not being taken now: your draft is kept; submit it while the call is open.",
        ));
    }
    let checked = current.input.check_submission(current.cap).map_err(ServiceError::Field)?;
    if !current.missing_attachments().is_empty() {
        return Err(ServiceError::Field(cc_domain::authoring::FieldError::new(
            "attachments",
            "请上传该类别要求的全部附件",
            "attach every file the category requires",
        )));
    }
    let change = Move::Submit { unit: unit.id, requested: checked.requested, cofunding: checked.cofunding };
    if !store.move_fund_application(id, current.status, to, change, now()).await? {
        return Err(not_editable());
    }
    application(store, resident, id).await
}

/// Takes the application back before any decision.
pub async fn withdraw(store: &Store, resident: ResidentId, id: FundApplicationId) -> Result<FundApplication, ServiceError> {
    let (unit, current) = own(store, resident, id).await?;
    let refused = || ServiceError::refused(409, "not_now", "评审已有结果，不能撤回。", "A decision was made: it can no longer be withdrawn.");
    let to = fund::next(current.status, AppAction::Withdraw, Mover::Unit).map_err(|_| refused())?;
    if !store.move_fund_application(id, current.status, to, Move::Withdraw { unit: unit.id }, now()).await? {
        return Err(refused());
    }
    application(store, resident, id).await
}

/// Attaches a file, recognised by its bytes, as the required attachment `label` (or, empty,
/// as another file).
pub async fn attach(
    store: &Store,
    resident: ResidentId,
    id: FundApplicationId,
    label: &str,
    given_name: &str,
    bytes: &[u8],
) -> Result<Attachment, ServiceError> {
    let (unit, current) = own(store, resident, id).await?;
    let label = label.trim();
    if !label.is_empty() && !current.required_attachments.iter().any(|r| r == label) {
        return Err(ServiceError::Field(cc_domain::authoring::FieldError::new("label", "请选择附件对应的材料", "choose which required file this is")));
    }
    let kind = fund::recognise(bytes).map_err(ServiceError::file)?;
    let file_name = fund::file_name(given_name, kind);
    let file = NewAttachment { label, file_name: &file_name, kind, bytes };
    match store.attach_to_fund_application(id, unit.id, file, now()).await? {
        Attached::Attached(attachment) => application(store, resident, id)
            .await?
            .attachments
            .into_iter()
            .find(|a| a.id == attachment)
            .ok_or(ServiceError::NotFound(AttachmentId::NOUN)),
        Attached::Full => Err(ServiceError::refused(409, "too_many", "每份申报最多20个附件。", "An application holds at most 20 files.")),
        Attached::NotEditable => Err(not_editable()),
    }
}

/// Removes a file while the application is a draft or returned.
pub async fn detach(store: &Store, resident: ResidentId, id: FundApplicationId, attachment: AttachmentId) -> Result<(), ServiceError> {
    let (unit, current) = own(store, resident, id).await?;
    if !current.attachments.iter().any(|a| a.id == attachment) {
        return Err(ServiceError::NotFound(AttachmentId::NOUN));
    }
    if !store.detach_from_fund_application(id, unit.id, attachment).await? {
        return Err(not_editable());
    }
    Ok(())
}

/// A file of the unit's application.
pub async fn attachment(store: &Store, resident: ResidentId, id: FundApplicationId, attachment: AttachmentId) -> Result<AttachmentFile, ServiceError> {
    own(store, resident, id).await?;
    store.fund_attachment(id, attachment).await?.ok_or(ServiceError::NotFound(AttachmentId::NOUN))
}

/// The unit sends (or sends again) a report on an application under agreement.
pub async fn report(store: &Store, resident: ResidentId, id: FundApplicationId, input: &ReportInput) -> Result<FundApplication, ServiceError> {
    let body = input.check().map_err(ServiceError::Field)?;
    let (unit, application) = own(store, resident, id).await?;
    let paid_on = input.kind == ReportKind::MidTerm && application.payments.iter().any(|p| p.stage == Stage::MidTerm);
    if paid_on {
        return Err(ServiceError::refused(
            409,
            "report_closed",
            "中期款已按这份报告拨付，报告不能再修改；如有补充，请写入结项报告。",
            "The mid-term payment was released on this report, which no longer changes: add anything new to the final report.",
        ));
    }
    if !store.submit_fund_report(id, unit.id, input.kind, &body, now()).await? {
        return Err(ServiceError::refused(
            409,
            "not_now",
            "只有已签订协议、正在实施的项目可以提交报告。",
            "Reports are sent for applications under agreement only.",
        ));
    }
    Ok(own(store, resident, id).await?.1)
}
