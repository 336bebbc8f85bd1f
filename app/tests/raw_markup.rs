//! Keeps the ways user text could become markup closed, by reading the app's own source: Leptos
//! escapes text and attributes everywhere except in `inner_html`, in the children of
//! `<textarea>`, `<script>`, `<style>` and `<noscript>`, and in leptos_meta's `<title>` (which
//! `App` escapes in its one title formatter). Each of those has exactly one home here; a new use
//! elsewhere fails this test and must go through that home instead.

use std::path::{Path, PathBuf};

/// A construct that must appear only in the files named.
struct Rule {
    pattern: &'static str,
    only_in: &'static [&'static str],
    why: &'static str,
}

const RULES: &[Rule] = &[
    Rule { pattern: "inner_html", only_in: &[], why: "never render text as HTML" },
    Rule { pattern: "<textarea", only_in: &["components/text_area.rs"], why: "use components::text_area::TextArea" },
    Rule { pattern: "ld+json", only_in: &["components/json_ld.rs"], why: "use components::json_ld::JsonLd" },
    Rule { pattern: "<script", only_in: &[], why: "load scripts with leptos_meta's <Script src=…/>" },
    Rule { pattern: "<style", only_in: &[], why: "styles live in style/" },
    Rule { pattern: "<noscript", only_in: &[], why: "its children are not escaped" },
    Rule { pattern: "Title formatter", only_in: &["lib.rs"], why: "the one formatter escapes every title" },
];

fn sources(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() {
            sources(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn raw_markup_has_one_home_each() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    sources(&root, &mut files);
    assert!(files.len() > 20, "found the app's sources");
    let mut problems = Vec::new();
    for file in &files {
        let relative = file.strip_prefix(&root).unwrap().to_string_lossy().replace('\\', "/");
        let text = std::fs::read_to_string(file).unwrap();
        // Unit tests feed the homes hostile strings on purpose; only the code before them counts.
        let text = text.split("#[cfg(test)]").next().unwrap_or_default();
        let text = text.split("#[cfg(all(test").next().unwrap_or_default();
        for rule in RULES {
            if rule.only_in.contains(&relative.as_str()) {
                continue;
            }
            for (n, line) in text.lines().enumerate() {
                let code = line.split("//").next().unwrap_or("");
                if code.contains(rule.pattern) {
                    problems.push(format!("{relative}:{}: `{}` — {}", n + 1, rule.pattern, rule.why));
                }
            }
        }
    }
    assert!(problems.is_empty(), "raw markup outside its home:\n{}", problems.join("\n"));
}
