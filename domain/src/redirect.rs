//! Where a login may send the visitor on to: only a path on this site. Browsers forgive a lot
//! in a URL — they drop tabs and newlines and read `\` as `/` — so `/\t/evil.example/` or
//! `/\evil.example` would leave the site; anything with such characters is refused.

/// `next` if it is a path on this site, else `None`.
pub fn local_path(next: &str) -> Option<&str> {
    let mut chars = next.chars();
    let starts_as_path = chars.next() == Some('/') && !matches!(chars.next(), Some('/' | '\\'));
    let plain = !next.chars().any(|c| c.is_control() || c.is_whitespace() || c == '\\');
    (starts_as_path && plain).then_some(next)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_on_this_site_are_kept() {
        for path in ["/", "/items/12", "/catalog?q=非遗&street=bajiao", "/me/bookings#t"] {
            assert_eq!(local_path(path), Some(path), "{path}");
        }
    }

    #[test]
    fn anything_a_browser_could_read_as_another_site_is_refused() {
        for next in [
            "//evil.example/", "/\t/evil.example/", "/\n/evil.example", "/\\evil.example", "\\\\evil.example",
            "https://evil.example", "javascript:alert(1)", "evil.example", "", " /items/1", "/\u{2028}/x",
        ] {
            assert_eq!(local_path(next), None, "{next:?}");
        }
    }
}
