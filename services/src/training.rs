//! Training as people outside the console see it: a grassroots worker's ticket (its address is
//! the signed token, handed to them by the organiser) and a certificate (its address is its
//! number, which anyone shown it can check).

use cc_domain::ids::EnrolmentId;
use cc_domain::ticket::TicketSigner;
use cc_domain::training::{Certificate, EnrolmentStatus, MyEnrolment};
use cc_store::Store;

use crate::ServiceError;

/// The enrolment a signed training token names, with the token while it holds a place.
pub async fn ticket(store: &Store, signer: &TicketSigner, token: &str) -> Result<MyEnrolment, ServiceError> {
    let claim = signer.verify_training(token).ok_or(ServiceError::NotFound("ticket"))?;
    let mut enrolment = store.training_ticket(EnrolmentId(claim.booking_id), &claim.code).await?.ok_or(ServiceError::NotFound("ticket"))?;
    if enrolment.status == EnrolmentStatus::Enrolled {
        enrolment.ticket = Some(signer.training_token(enrolment.id.0, &enrolment.code));
    }
    Ok(enrolment)
}

/// The certificate numbered `number` (a 12-letter code, any case).
pub async fn certificate(store: &Store, number: &str) -> Result<Certificate, ServiceError> {
    let number = cc_domain::booking::typed_ticket_code(number).ok_or(ServiceError::NotFound("certificate"))?;
    store.training_certificate(&number).await?.ok_or(ServiceError::NotFound("certificate"))
}
