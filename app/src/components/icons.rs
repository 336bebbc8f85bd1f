//! The platform's own drawings for categories and audiences (`cc_domain::vocabulary::Icon`):
//! line icons on a 24-unit grid, drawn in the text's colour. Staff choose one by name; nothing
//! they type is ever drawn.

use cc_domain::vocabulary::Icon;
use leptos::prelude::*;

/// The outline of `icon`, as one SVG path.
pub fn outline(icon: Icon) -> &'static str {
    match icon {
        Icon::Stage => "M3 4h18M4 4v16M20 4v16M4 4c2 4 4 6 7 6M20 4c-2 4-4 6-7 6M3 20h18M8 16h8",
        Icon::Frame => "M4 4h16v16H4zM7 16l3-4 3 3 2-2 2 3M10.5 9a1.5 1.5 0 1 1-3 0 1.5 1.5 0 0 1 3 0z",
        Icon::Lecture => "M12 7a2 2 0 1 0 0-4 2 2 0 0 0 0 4zM8 13c0-2 2-4 4-4s4 2 4 4M6 13h12l-2 8H8z",
        Icon::Book => "M3 5c3-1 6-1 9 1v14c-3-2-6-2-9-1zM21 5c-3-1-6-1-9 1v14c3-2 6-2 9-1z",
        Icon::PaperCut => {
            "M14 12a2 2 0 1 1-4 0 2 2 0 0 1 4 0zM12 3c2 2 2 5 0 7-2-2-2-5 0-7zM12 21c2-2 2-5 0-7-2 2-2 5 0 7zM3 12c2-2 5-2 7 0-2 2-5 2-7 0zM21 12c-2-2-5-2-7 0 2 2 5 2 7 0z"
        }
        Icon::People => {
            "M12 8a2.5 2.5 0 1 0 0-5 2.5 2.5 0 0 0 0 5zM6 10a2 2 0 1 0 0-4 2 2 0 0 0 0 4zM18 10a2 2 0 1 0 0-4 2 2 0 0 0 0 4zM7 20v-4a5 5 0 0 1 10 0v4M2 19v-2a4 4 0 0 1 4-4M22 19v-2a4 4 0 0 0-4-4"
        }
        Icon::Film => "M4 4h16v16H4zM8 4v16M16 4v16M4 8h4M4 12h4M4 16h4M16 8h4M16 12h4M16 16h4",
        Icon::Screen => "M3 5h18v11H3zM9 20h6M12 16v4",
        Icon::Music => "M9 18V6l10-2v12M9 18a2.5 2.5 0 1 1-5 0 2.5 2.5 0 0 1 5 0zM19 16a2.5 2.5 0 1 1-5 0 2.5 2.5 0 0 1 5 0z",
        Icon::Fan => "M12 20 3.5 10a12 12 0 0 1 17 0zM12 20 8.5 6.5M12 20l3.5-13.5M12 20V6",
        Icon::Brush => "M18 3l3 3-9 9-3-3zM9 12c-3 0-5 2-5 5 0 1-1 2-2 2 2 2 7 2 9-1 1-1.5 1-3 1-3",
        Icon::Ball => "M12 3a9 9 0 1 0 0 18 9 9 0 0 0 0-18zM3 12h18M12 3c3 3 3 15 0 18M12 3c-3 3-3 15 0 18",
        Icon::Everyone => {
            "M12 3a9 9 0 1 0 0 18 9 9 0 0 0 0-18zM12 10a2 2 0 1 0 0-4 2 2 0 0 0 0 4zM8 17a4 4 0 0 1 8 0"
        }
        Icon::Child => "M12 9a2.5 2.5 0 1 0 0-5 2.5 2.5 0 0 0 0 5zM8 13l4-2 4 2M12 11v5M9 21l3-5 3 5",
        Icon::Youth => "M12 6a2.5 2.5 0 1 0 0-5 2.5 2.5 0 0 0 0 5zM12 8v7M7 12l5-4 5 4M9 22l3-7 3 7",
        Icon::Elder => "M10 6a2 2 0 1 0 0-4 2 2 0 0 0 0 4zM10 8l-2 6 3 2v6M8 14l-2 8M10 9l4 3M16 12v10M16 12c0-1.5 2-1.5 2 0",
        Icon::Access => "M11 5a1.5 1.5 0 1 0 0-3 1.5 1.5 0 0 0 0 3zM11 7v7h6l2 5M11 10h5M8 10.5a6 6 0 1 0 8 8",
        Icon::Family => {
            "M7 7a2 2 0 1 0 0-4 2 2 0 0 0 0 4zM17 7a2 2 0 1 0 0-4 2 2 0 0 0 0 4zM12 12a1.5 1.5 0 1 0 0-3 1.5 1.5 0 0 0 0 3zM4 21v-8a3 3 0 0 1 6 0v8M14 21v-8a3 3 0 0 1 6 0v8M10 21v-4a2 2 0 0 1 4 0v4"
        }
        Icon::Star => "M12 3l2.7 5.6 6.1.8-4.5 4.2 1.1 6.1L12 16.8l-5.4 2.9 1.1-6.1-4.5-4.2 6.1-.8z",
    }
}

/// `icon` drawn beside a label (hidden from screen readers: the label says it).
#[component]
pub fn TermIcon(icon: Icon) -> impl IntoView {
    view! {
        <svg class="term-icon" viewBox="0 0 24 24" width="28" height="28" aria-hidden="true" focusable="false" data-icon=icon.as_str()>
            <path d=outline(icon)/>
        </svg>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_icon_has_its_own_drawing() {
        let mut drawings: Vec<&str> = Icon::ALL.iter().map(|i| outline(*i)).collect();
        drawings.sort();
        drawings.dedup();
        assert_eq!(drawings.len(), Icon::ALL.len());
        // Only path commands and numbers: nothing that could close the attribute.
        assert!(drawings.iter().all(|d| d.chars().all(|c| "MmLlHhVvCcSsAaZz0123456789.- ".contains(c))));
    }
}
