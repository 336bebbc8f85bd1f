//! The only `<textarea>` of the app. Leptos does not escape a textarea's children when it
//! renders on the server (it treats them as raw text, like a script's), so text containing
//! `</textarea><script>` would end the element and run. Here the server writes the text
//! escaped — the browser decodes it back into the field's value — and the browser, which never
//! re-renders the children it hydrates, sets the value as a property.

use leptos::prelude::*;

/// A multi-line field named `name` holding `value`, whatever characters it contains.
#[component]
pub fn TextArea(
    name: &'static str,
    #[prop(into)] value: String,
    #[prop(default = 4)] rows: u32,
    #[prop(default = 5000)] maxlength: u32,
    #[prop(optional)] required: bool,
) -> impl IntoView {
    field(name, value, rows, maxlength, required)
}

/// On the server: the text escaped as the element's content, so the page works before (and
/// without) the WASM. The browser's hydration visits no children here (it has none in its
/// view), so the different child list is never compared.
#[cfg(not(feature = "hydrate"))]
fn field(name: &'static str, value: String, rows: u32, maxlength: u32, required: bool) -> impl IntoView {
    // The parser drops one newline right after <textarea>: keep a leading one the text has.
    let leading_newline = if value.starts_with('\n') { "\n" } else { "" };
    let content = format!("{leading_newline}{}", html_escape::encode_text(&value));
    view! { <textarea name=name rows=rows maxlength=maxlength required=required>{content}</textarea> }
}

/// In the browser: the value as a property, which is never parsed as markup.
#[cfg(feature = "hydrate")]
fn field(name: &'static str, value: String, rows: u32, maxlength: u32, required: bool) -> impl IntoView {
    view! { <textarea name=name rows=rows maxlength=maxlength required=required prop:value=value></textarea> }
}

#[cfg(all(test, feature = "ssr"))]
mod tests {
    use super::*;

    fn render(value: &str) -> String {
        let value = value.to_string();
        let owner = Owner::new();
        owner.with(|| view! { <TextArea name="description" value/> }.to_html())
    }

    #[test]
    fn markup_in_the_text_stays_text() {
        let html = render("</textarea><script>alert(1)</script>&amp;");
        assert!(html.contains("&lt;/textarea&gt;&lt;script&gt;alert(1)&lt;/script&gt;&amp;amp;"), "{html}");
        assert_eq!(html.matches("</textarea>").count(), 1, "{html}");
        assert!(!html.contains("<script"), "{html}");
    }

    #[test]
    fn a_leading_newline_survives_the_parser() {
        assert!(render("\nsecond line").contains(">\n\nsecond line</textarea>"));
    }
}
