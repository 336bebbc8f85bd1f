//! `/staff/facilities`: the facility records in the staff member's scope (area, weekly hours,
//! free opening, position) with their compliance, and the standards for district admins.

use leptos::prelude::*;
use leptos_meta::{Script, Stylesheet, Title};

use super::StaffError;
use crate::components::status::Loading;
use crate::facility_fns::{
    load_facility_records, FacilityRecordLine, FacilityRecords, SaveFacilityRecord, SaveStandard,
};
use crate::i18n::level_name;
use crate::i18n::staff::staff_strings;
use crate::prefs::use_prefs;

/// The records page.
#[component]
pub fn FacilityRecordsPage() -> impl IntoView {
    let prefs = use_prefs();
    let s = move || staff_strings(prefs.lang());
    let assets = crate::assets::use_assets();
    view! {
        <Title text=move || s().facility_records/>
        <Stylesheet href=assets.versioned("/vendor/leaflet/leaflet.css")/>
        <Script src=assets.versioned("/js/pick.js") defer="true"/>
        <FacilityRecords/>
    }
}

/// The page's island: everything on it that runs in the browser.
#[cfg_attr(feature = "staff", island)]
#[cfg_attr(not(feature = "staff"), component)]
pub fn FacilityRecords() -> impl IntoView {
    let prefs = use_prefs();
    let s = move || staff_strings(prefs.lang());
    let save = ServerAction::<SaveFacilityRecord>::new();
    let standard = ServerAction::<SaveStandard>::new();
    let records =
        Resource::new(move || (save.version().get(), standard.version().get()), |_| load_facility_records());
    view! {
        <section class="staff">
            <p><a href="/staff">{move || s().back}</a></p>
            <h1>{move || s().facility_records}</h1>
            <p class="hint">{move || s().hours_hint}</p>
            {move || save.value().get().and_then(Result::err).map(|e| view! {
                <p class="form-error" role="alert" data-testid="record-error">{e.message(prefs.lang())}</p>
            })}
            {move || standard.value().get().and_then(Result::err).map(|e| view! {
                <p class="form-error" role="alert">{e.message(prefs.lang())}</p>
            })}
            <Transition fallback=Loading>
                {move || Suspend::new(async move {
                    match records.await {
                        Ok(data) => view! { <Records data save standard/> }.into_any(),
                        Err(error) => view! { <StaffError error/> }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}

#[component]
fn Records(
    data: FacilityRecords,
    save: ServerAction<SaveFacilityRecord>,
    standard: ServerAction<SaveStandard>,
) -> impl IntoView {
    let prefs = use_prefs();
    let s = move || staff_strings(prefs.lang());
    let FacilityRecords { facilities, standards, may_edit_standards, tiles } = data;
    view! {
        <div class="table-scroll">
        <table class="sessions records" data-testid="facility-records"
            data-tile-url=tiles.tile_url data-attribution=tiles.attribution>
            <tbody>{facilities.into_iter().map(|f| view! { <RecordRow f save/> }).collect_view()}</tbody>
        </table>
        </div>
        {may_edit_standards.then(|| view! {
            <h2>{move || s().standards}</h2>
            <div class="table-scroll">
            <table class="sessions" data-testid="standards">
                <tbody>
                    {standards.into_iter().map(|st| view! {
                        <tr><td colspan="2">
                            <ActionForm action=standard attr:class="inline-form">
                                <strong>{move || level_name(prefs.lang(), st.level)}</strong>
                                <input type="hidden" name="level" value=st.level.as_str()/>
                                <label>"m² ≥ "<input type="number" step="any" name="min_area_m2" value=st.min_area_m2.to_string()/></label>
                                <label>"h ≥ "<input type="number" step="any" name="min_weekly_hours" value=st.min_weekly_hours.to_string()/></label>
                                <label><input type="checkbox" name="free_opening_required" value="on" checked=st.free_opening_required/>{move || s().free}</label>
                                <button type="submit">{move || s().save}</button>
                            </ActionForm>
                        </td></tr>
                    }).collect_view()}
                </tbody>
            </table>
            </div>
        })}
    }
}

#[component]
fn RecordRow(f: FacilityRecordLine, save: ServerAction<SaveFacilityRecord>) -> impl IntoView {
    let prefs = use_prefs();
    let s = move || staff_strings(prefs.lang());
    let mark = if f.compliant { "✓" } else { "✗" };
    view! {
        <tr data-testid="facility-record" data-compliant=f.compliant.to_string()>
            <td><a href=format!("/facilities/{}", f.id)>{f.name.clone()}</a> " " <span class="mark">{mark}</span></td>
            <td>
                <ActionForm action=save attr:class="inline-form record-form">
                    <input type="hidden" name="facility_id" value=f.id.to_string()/>
                    <label>"m²"<input type="number" step="any" name="area_m2" value=f.area_m2.map(|a| a.to_string()).unwrap_or_default()/></label>
                    <label>{move || s().hours}<input type="text" name="opening_hours" value=f.opening_hours.clone()/></label>
                    <label><input type="checkbox" name="free_opening" value="on" checked=f.free_opening/>{move || s().free}</label>
                    <label>{move || s().position}<input type="text" name="position" value=f.position.clone()/></label>
                    // `public/js/pick.js` opens a small map under the form: a click or a dragged
                    // marker writes "lat,lng" into the position field.
                    <button type="button" data-pick-map data-testid=format!("pick-{}", f.id)>{move || s().pick_on_map}</button>
                    <button type="submit">{move || s().save}</button>
                </ActionForm>
            </td>
        </tr>
    }
}
