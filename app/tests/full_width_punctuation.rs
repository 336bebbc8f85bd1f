//! Chinese text uses full-width punctuation throughout (适老化 and plain good typesetting):
//! no ASCII `,` `;` `:` `!` `?` `(` `)` touching a Chinese character in any string the product
//! shows — the phrase tables, errors, the demo's texts and the browser scripts. Data formats
//! (iCalendar, CSV) and the examples of what to type (`39.9125,116.2`) are not Chinese text.

use std::path::{Path, PathBuf};

/// Source folders whose strings residents or staff read.
const FOLDERS: [&str; 7] = ["app/src", "domain/src", "console/src", "server/src", "store/src/seed", "auth/src", "public/js"];
/// Files that write machine formats, where ASCII punctuation is the format.
const FORMATS: [&str; 2] = ["domain/src/calendar.rs", "console/src/export.rs"];

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
