//! The files of an application: each required one with what answers it, downloads, and — while
//! the unit may still change it — a plain upload form (multipart, to the API's form door) and a
//! remove button per file.

use cc_domain::fund::FundApplication;
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_router::hooks::use_query_map;

use crate::apply_fns::RemoveAttachmentForm;
use crate::i18n::apply::{apply_error, apply_strings};
use crate::prefs::use_prefs;

/// The files section.
#[component]
pub fn Files(application: FundApplication) -> impl IntoView {
    let prefs = use_prefs();
    let (lang, a) = (prefs.lang(), apply_strings(prefs.lang()));
    let query = use_query_map();
    let asked = move |key: &str| query.with_untracked(|q| q.get(key));
    let error = asked("file_error").map(|code| apply_error(lang, &code));
    let attached = asked("attached").is_some();
    let id = application.id.0;
    let editable = application.status.editable_by_unit();
    let missing: Vec<String> = application.missing_attachments().into_iter().map(str::to_string).collect();
    let labels = application.required_attachments.clone();
    view! {
        <h2 id="files">{a.files}</h2>
        <p class="hint">{a.files_hint}</p>
        {attached.then(|| view! { <p class="notice" role="status" data-testid="file-attached">{a.attached}</p> })}
        {error.map(|text| view! { <p class="form-error" role="alert" data-testid="file-error">{text}</p> })}
        {(!missing.is_empty()).then(|| view! {
            <p class="hint" data-testid="files-missing">{a.missing} {crate::i18n::colon(lang)} {missing.join("、")}</p>
        })}
        <ul class="files" data-testid="files">
            {application.attachments.into_iter().map(|file| {
                let label = if file.label.is_empty() { a.other_file.to_string() } else { file.label.clone() };
                let href = format!("/api/v1/org/applications/{id}/attachments/{}", file.id);
                let size = format!("{:.1} KB", file.size as f64 / 1024.0);
                view! {
                    <li data-testid="file">
                        <span class="label">{label}</span> " · "
                        <a href=href download>{file.file_name}</a> " · " {size}
                        {editable.then(|| view! {
                            <form method="post" action=RemoveAttachmentForm::url() class="inline">
                                <input type="hidden" name="id" value=id/>
                                <input type="hidden" name="attachment_id" value=file.id.0/>
                                <button type="submit" class="link">{a.remove}</button>
                            </form>
                        })}
                    </li>
                }
            }).collect_view()}
        </ul>
        {editable.then(|| view! {
            <form method="post" enctype="multipart/form-data" action=format!("/api/v1/org/applications/{id}/attachments/form")
                class="account-form upload" data-testid="upload-form">
                <label class="field"><span>{a.which_file}</span>
                    <select name="label">
                        {labels.into_iter().map(|l| { let text = l.clone(); view! { <option value=l>{text}</option> } }).collect_view()}
                        <option value="">{a.other_file}</option>
                    </select>
                </label>
                <label class="field"><span>{a.file}</span>
                    <input type="file" name="file" required accept=".pdf,.jpg,.jpeg,.png,.docx"/>
                </label>
                <button type="submit" data-testid="upload-file">{a.upload}</button>
            </form>
        })}
    }
}
