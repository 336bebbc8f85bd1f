//! Anyone logged in objects to an award while it is in public notice (公示): real-name, as
//! notices ask, and at most a few a day, counted before anything is written.

use cc_domain::fund::notice::{Objection, ObjectionInput, OBJECTIONS_PER_DAY, PUBLIC};
use cc_domain::ids::{FundApplicationId, FundObjectionId, Id, ResidentId};
use cc_domain::time::now;
use cc_store::Store;

use crate::ServiceError;

/// Lodges the resident's objection to the award for application `id`.
pub async fn lodge(store: &Store, resident: ResidentId, id: FundApplicationId, input: &ObjectionInput) -> Result<Objection, ServiceError> {
    let text = input.check().map_err(ServiceError::Field)?;
    let at = now();
    // Counted first, in one statement: a burst cannot slip between reading and adding.
    if store.count_attempt(&format!("objection:{}", resident.0), 24 * 60 * 60, at).await? > OBJECTIONS_PER_DAY {
        return Err(ServiceError::refused(
            429,
            "daily_limit",
            format!("一天内最多提出{OBJECTIONS_PER_DAY}条异议，请明天再来。"),
            format!("At most {OBJECTIONS_PER_DAY} objections a day: come back tomorrow."),
        ));
    }
    let Some(lodged) = store.lodge_fund_objection(id, resident, &text, at).await? else {
        // An award once on the public list says its notice is over; anything else is not public.
        return Err(match store.fund_application(id).await? {
            Some(application) if PUBLIC.contains(&application.status) => ServiceError::refused(
                409,
                "not_in_notice",
                "这个项目不在公示期内，不能再提出异议。",
                "This award is not in public notice: objections are closed.",
            ),
            _ => ServiceError::NotFound(FundApplicationId::NOUN),
        });
    };
    store.fund_objection(lodged).await?.ok_or(ServiceError::NotFound(FundObjectionId::NOUN))
}
