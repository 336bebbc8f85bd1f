//! Structured data for search engines (`<script type="application/ld+json">`). A script's text
//! is never escaped by the HTML renderer, so the JSON is made safe here: with `<`, `>` and `&`
//! as `\u` escapes no text inside it can close the element or open a comment, and U+2028/2029
//! are escaped for old parsers. This is the only place the app writes a script's content.

use leptos::prelude::*;
use leptos_meta::Script;

/// `value` as JSON-LD in the document's head.
#[component]
pub fn JsonLd(value: serde_json::Value) -> impl IntoView {
    view! { <Script type_="application/ld+json">{script_safe_json(&value)}</Script> }
}

/// `value` serialised so that it cannot end or disturb the `<script>` element around it.
pub fn script_safe_json(value: &serde_json::Value) -> String {
    let json = value.to_string();
    let mut out = String::with_capacity(json.len());
    for c in json.chars() {
        match c {
            '<' => out.push_str("\\u003c"),
            '>' => out.push_str("\\u003e"),
            '&' => out.push_str("\\u0026"),
            '\u{2028}' => out.push_str("\\u2028"),
            '\u{2029}' => out.push_str("\\u2029"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_text_can_close_the_script_and_the_json_still_reads_the_same() {
        let hostile = "</script><script>alert(1)</script><!-- & \u{2028}";
        let value = serde_json::json!({ "name": hostile });
        let safe = script_safe_json(&value);
        assert!(!safe.contains('<') && !safe.contains('>') && !safe.contains('&'), "{safe}");
        let back: serde_json::Value = serde_json::from_str(&safe).unwrap();
        assert_eq!(back["name"], hostile);
    }
}
