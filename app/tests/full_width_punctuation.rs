//! Chinese text uses full-width punctuation throughout (适老化 and plain good typesetting):
//! no ASCII `,` `;` `:` `!` `?` `(` `)` touching a Chinese character in any string the product
//! shows — the phrase tables, errors, the demo's texts and the browser scripts. Data formats
//! (iCalendar, CSV) and the examples of what to type (`39.9125,116.2`) are not Chinese text.

use std::path::{Path, PathBuf};

/// Source folders whose strings residents or staff read.
const FOLDERS: [&str; 7] = ["app/src", "domain/src", "services/src", "server/src", "store/src/seed", "auth/src", "public/js"];
/// Files that write machine formats, where ASCII punctuation is the format.
const FORMATS: [&str; 3] = ["domain/src/calendar/mod.rs", "domain/src/calendar/feed.rs", "services/src/staff/export.rs"];

fn is_chinese(c: char) -> bool {
    matches!(c, '\u{3400}'..='\u{9fff}' | '\u{3000}'..='\u{303f}' | '\u{ff00}'..='\u{ffef}')
}

/// The ASCII punctuation in `line` that touches a Chinese character, if any.
fn half_width_beside_chinese(line: &str) -> Option<char> {
    let chars: Vec<char> = line.chars().collect();
    chars.iter().enumerate().find_map(|(i, &c)| {
        let beside = |j: Option<usize>| j.and_then(|j| chars.get(j)).is_some_and(|&n| is_chinese(n));
        (",;:!?()".contains(c) && (beside(i.checked_sub(1)) || beside(Some(i + 1)))).then_some(c)
    })
}

/// The string literals of a line of Rust (enough for view code: no raw strings there).
fn literals(line: &str) -> Vec<String> {
    let mut found = Vec::new();
    let mut current: Option<String> = None;
    let mut chars = line.chars();
    while let Some(c) = chars.next() {
        match (&mut current, c) {
            (None, '"') => current = Some(String::new()),
            (None, '\'') => {
                // A char literal such as '"' would open a string: step over it.
                let rest: String = chars.clone().take(3).collect();
                if rest.starts_with("\"'") {
                    chars.nth(1);
                }
            }
            (Some(text), '\\') => {
                text.push(c);
                if let Some(next) = chars.next() {
                    text.push(next);
                }
            }
            (Some(text), '"') => {
                found.push(std::mem::take(text));
                current = None;
            }
            (Some(text), c) => text.push(c),
            (None, _) => {}
        }
    }
    found
}

/// A literal that is only a separator (`": "`, `", "`): in a view it glues a phrase to a value
/// with English punctuation whatever the language; the phrase tables (`i18n::colon`) say it.
fn bare_separator(literal: &str) -> bool {
    !literal.trim().is_empty() && literal.chars().all(|c| ",;:".contains(c) || c == ' ')
}

fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs" || e == "js") {
            out.push(path);
        }
    }
}

#[test]
fn the_rule_sees_half_width_punctuation_and_leaves_times_and_codes_alone() {
    assert_eq!(half_width_beside_chinese("没有找到,试试"), Some(','));
    assert_eq!(half_width_beside_chinese("(标准 48 小时)"), Some('('));
    assert_eq!(half_width_beside_chinese("周二 09:00–11:30"), None);
    assert_eq!(half_width_beside_chinese("如 39.9125,116.2"), None);
    assert_eq!(literals(r#"{a.code} ": " <b>"#), vec![": "]);
    assert_eq!(literals(r#""@type": "Event","#), vec!["@type", "Event"]);
    assert!(bare_separator(": ") && !bare_separator(" · ") && !bare_separator(" "));
}

#[test]
fn views_take_their_separators_from_the_phrase_tables() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut paths = Vec::new();
    files(&root.join("src"), &mut paths);
    let mut found = Vec::new();
    for path in paths.iter().filter(|p| !p.starts_with(root.join("src/i18n"))) {
        for (n, line) in std::fs::read_to_string(path).unwrap().lines().enumerate() {
            if line.trim_start().starts_with("//") {
                continue;
            }
            if literals(line).iter().any(|l| bare_separator(l)) {
                found.push(format!("{}:{}: {}", path.display(), n + 1, line.trim()));
            }
        }
    }
    assert!(found.is_empty(), "write i18n::colon (or a phrase) instead:\n{}", found.join("\n"));
}

#[test]
fn chinese_text_uses_full_width_punctuation() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).parent().expect("the workspace");
    let mut found = Vec::new();
    for folder in FOLDERS {
        let mut paths = Vec::new();
        files(&root.join(folder), &mut paths);
        for path in paths {
            let name = path.strip_prefix(root).unwrap().to_string_lossy().replace('\\', "/");
            if FORMATS.contains(&name.as_str()) || name.contains("/tests") || name.ends_with("tests.rs") {
                continue;
            }
            let text = std::fs::read_to_string(&path).unwrap();
            for (n, line) in text.lines().enumerate() {
                let code = line.trim_start();
                // Comments are for us, not for residents.
                if code.starts_with("//") || code.starts_with('*') || code.starts_with("/*") {
                    continue;
                }
                if let Some(c) = half_width_beside_chinese(line) {
                    found.push(format!("{name}:{}: `{c}` in {}", n + 1, line.trim()));
                }
            }
        }
    }
    assert!(found.is_empty(), "half-width punctuation in Chinese text:\n{}", found.join("\n"));
}
