//! Pictures: `PUT /staff/items/{id}/image` (the picture as the body, for API clients),
//! `POST /staff/items/{id}/image` (a multipart form from the console page, answered with a
//! redirect back to it), and `GET /media/{token}.{ext}` serving them.

use axum::body::{to_bytes, Body};
use axum::extract::{FromRequest, Multipart, Path, Request, State};
use axum::response::{IntoResponse, Redirect, Response};
use axum::Json;
use cc_auth::StaffAuth;
use cc_domain::ids::{Id, ItemId};
use cc_domain::image::{ImageKind, ImageProblem, MAX_IMAGE_BYTES};
use cc_services::staff::Actor;
use cc_services::ServiceError;
use http::{header, StatusCode};
use serde::Serialize;
use utoipa::ToSchema;

use super::error::{ApiError, ErrorBody};
use super::resident::{ClientAddress, PathId};
use super::staff::{Staff, StaffActor};

/// A picture's bytes.
#[derive(ToSchema)]
#[schema(value_type = String, format = Binary)]
#[allow(dead_code)] // read by the document only
pub(super) struct Picture(Vec<u8>);

/// The console's upload form.
#[derive(ToSchema)]
#[allow(dead_code)] // read by the document only; the form is read field by field
pub struct ImageForm {
    #[schema(format = Binary, value_type = String)]
    image: Vec<u8>,
}

/// What the route reads at most: a little more than the largest picture, so that a picture
/// too large is still read far enough to be answered with our own words.
pub const BODY_LIMIT: usize = MAX_IMAGE_BYTES + 1024 * 1024;

pub(super) fn too_large() -> ApiError {
    let problem = ImageProblem::TooLarge;
    ApiError::Service(ServiceError::Refused {
        status: 413,
        code: problem.code(),
        zh: problem.zh().into(),
        en: problem.to_string(),
    })
}

/// An item's new picture.
#[derive(Serialize, ToSchema)]
pub struct ItemImage {
    id: i64,
    /// Where the picture is served (`/media/{token}.jpg|png`, cached for good).
    image: String,
}

/// `PUT /staff/items/{id}/image`: 200 with the picture's path; 413 too large, 422 not a JPEG
/// or PNG or out of size.
#[utoipa::path(
    put, path = "/staff/items/{id}/image", operation_id = "put_item_image", tag = "staff",
    summary = "Set an item's picture: JPEG or PNG recognised by its bytes, at most 5 MB, each side 200–8000 px; metadata (EXIF, text chunks) removed",
    security(("cookieAuth" = [])),
    params(("id" = i64, Path, description = "The item's id", minimum = 1)),
    request_body(content((Picture = "image/jpeg"), (Picture = "image/png"))),
    responses(
        (status = 200, description = "The picture's address", body = ItemImage),
        (status = 401, description = says!(unauthenticated), body = ErrorBody),
        (status = 403, description = concat!(says!(forbidden), "; ", says!(cross_site)), body = ErrorBody),
        (status = 404, description = "`not_found`: no such item", body = ErrorBody),
        (status = 413, description = "`too_large`", body = ErrorBody),
        (status = 422, description = "`unsupported_type`, `damaged`, `bad_dimensions` or `empty`", body = ErrorBody),
    )
)]
pub async fn put_image(
    State(auth): State<StaffAuth>,
    PathId(item): PathId<ItemId>,
    StaffActor(actor): StaffActor,
    body: Body,
) -> Result<impl IntoResponse, ApiError> {
    let bytes = to_bytes(body, BODY_LIMIT).await.map_err(|_| too_large())?;
    let path = cc_services::staff::set_item_image(auth.store(), &actor, item, &bytes).await?;
    Ok(Json(ItemImage { id: item.0, image: path }))
}

/// `POST /staff/items/{id}/image` from the console's form (field `image`): back to the item's
/// page, with `?image=saved` or `?image_error=<code>` for it to explain.
#[utoipa::path(
    post, path = "/staff/items/{id}/image", operation_id = "post_item_image_form", tag = "staff",
    summary = "The console page's upload form (multipart, field `image`): the same checks, answered with a redirect to `/staff/items/{id}?image=saved` or `?image_error=<code>`",
    security(("cookieAuth" = [])),
    params(("id" = i64, Path, description = "The item's id", minimum = 1)),
    request_body(content = ImageForm, content_type = "multipart/form-data"),
    responses(
        (status = 303, description = "Back to the item's console page with the outcome (or to the login page)"),
        (status = 403, description = says!(cross_site), body = ErrorBody),
    )
)]
pub async fn post_image_form(
    State(auth): State<StaffAuth>,
    ClientAddress(client): ClientAddress,
    Path(id): Path<String>,
    staff: Result<Staff, ApiError>,
    request: Request,
) -> Response {
    let Some(item) = ItemId::parse(&id) else {
        return Redirect::to("/staff").into_response();
    };
    let back = |query: &str| Redirect::to(&format!("/staff/items/{item}?{query}")).into_response();
    let Ok(staff) = staff else {
        return Redirect::to("/staff/login").into_response();
    };
    let actor = Actor { member: staff.0, client };
    let Ok(mut form) = Multipart::from_request(request, &()).await else {
        return back("image_error=empty");
    };
    let mut bytes = None;
    loop {
        match form.next_field().await {
            Ok(Some(field)) if field.name() == Some("image") => match field.bytes().await {
                Ok(data) => bytes = Some(data),
                Err(_) => return back("image_error=too_large"),
            },
            Ok(Some(_)) => continue,
            Ok(None) => break,
            Err(_) => return back("image_error=too_large"),
        }
    }
    match cc_services::staff::set_item_image(auth.store(), &actor, item, &bytes.unwrap_or_default()).await {
        Ok(_) => back("image=saved"),
        Err(ServiceError::Refused { code, .. }) => back(&format!("image_error={code}")),
        Err(ServiceError::Forbidden) => back("image_error=forbidden"),
        Err(ServiceError::NotFound(_)) => Redirect::to("/staff").into_response(),
        Err(e) => {
            tracing::error!(error = %e, "failed to store a picture");
            back("image_error=internal")
        }
    }
}

/// `GET /media/{token}.{ext}`: a stored picture, cached for good (a new picture gets a new token).
pub async fn serve(State(auth): State<StaffAuth>, Path(file): Path<String>) -> Response {
    let Some((token, extension)) = file.split_once('.') else {
        return StatusCode::NOT_FOUND.into_response();
    };
    match auth.store().image_by_token(token).await {
        Ok(Some(image))
            if ImageKind::from_content_type(&image.content_type).map(ImageKind::extension)
                == Some(extension) =>
        {
            (
                [
                    (header::CONTENT_TYPE, image.content_type),
                    (header::CACHE_CONTROL, "public, max-age=31536000, immutable".into()),
                    (header::CONTENT_SECURITY_POLICY, "default-src 'none'; sandbox".into()),
                ],
                image.bytes,
            )
                .into_response()
        }
        Ok(_) => StatusCode::NOT_FOUND.into_response(),
        Err(e) => {
            tracing::error!(error = %e, "failed to read a picture");
            StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
    }
}
