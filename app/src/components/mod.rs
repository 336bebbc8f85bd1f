//! Building blocks shared by the pages.

pub mod charts;
pub mod event_stream;
pub mod facet_select;
pub mod facility_card;
pub mod facility_filters;
pub mod filter_form;
pub mod filters;
pub mod head_links;
pub mod icons;
pub mod item_card;
pub mod json_ld;
pub mod layout;
pub mod pagination;
pub mod search_box;
pub mod status;
pub mod text_area;
