//! Every API answer the HTTP tests receive is held to the generated OpenAPI document: its
//! status is one the operation lists, an error's `code` is named (in backticks) in that answer's
//! description, and a JSON body validates against the answer's schema. So the whole suite —
//! the staff access matrix, the hostile inputs, the rushes — checks the document as it goes.

use std::sync::LazyLock;

use serde_json::Value;

static DOCUMENT: LazyLock<Value> =
    LazyLock::new(|| serde_json::from_str(culture_cloud::api::document()).expect("the document is JSON"));

/// The document's operation for a method and a path under `/api/v1` (query left out), with its
/// path template; `None` for what no operation answers (the 404 fallback, 405).
fn operation(method: &str, path: &str) -> Option<(&'static str, &'static Value)> {
    let wanted: Vec<&str> = path.split('/').collect();
    let mut found = None;
    for (template, operations) in DOCUMENT["paths"].as_object()? {
        let parts: Vec<&str> = template.split('/').collect();
        let fits = parts.len() == wanted.len()
            && parts.iter().zip(&wanted).all(|(t, w)| t == w || (t.starts_with('{') && !w.is_empty()));
        let literal = !template.contains('{');
        if fits && (found.is_none() || literal) {
            if let Some(op) = operations.get(method.to_ascii_lowercase()) {
                found = Some((template.as_str(), op));
            }
        }
    }
    found
}

/// Holds one answer to the document; panics, naming the operation, where it strays.
pub fn check(method: &str, url: &str, status: u16, content_type: &str, body: &str) {
    let Some(path) = url.split_once("/api/v1").map(|(_, p)| p.split('?').next().unwrap_or(p)) else {
        return;
    };
    let Some((template, op)) = operation(method, path) else { return };
    let at = format!("{method} {template} ({path})");
    let Some(answer) = op["responses"].get(status.to_string()) else {
        panic!("{at} answered {status}, which the document does not list: {body}");
    };
    let description = answer["description"].as_str().unwrap_or_default();
    if !content_type.starts_with("application/json") {
        return;
    }
    let json: Value = serde_json::from_str(body).unwrap_or_else(|e| panic!("{at}: not JSON ({e}): {body}"));
    if let Some(code) = json.pointer("/error/code").and_then(Value::as_str) {
        assert!(
            description.contains(&format!("`{code}`")),
            "{at} answered {status} `{code}`, which its description does not name: {description}"
        );
    }
    let Some(schema) = answer.pointer("/content/application~1json/schema") else {
        panic!("{at} answered {status} with JSON the document does not describe: {body}");
    };
    let mut root = schema.clone();
    if let Some(object) = root.as_object_mut() {
        object.insert("components".into(), DOCUMENT["components"].clone());
    }
    let validator = jsonschema::draft202012::new(&root).unwrap_or_else(|e| panic!("{at}: bad schema: {e}"));
    if let Err(error) = validator.validate(&json) {
        panic!("{at} answered {status} outside its schema: {error} at {}: {body}", error.instance_path());
    }
}

#[test]
fn operations_are_found_by_their_templates_literal_paths_first() {
    assert_eq!(operation("GET", "/items/42").map(|(t, _)| t), Some("/items/{id}"));
    assert_eq!(operation("GET", "/me/bookings").map(|(t, _)| t), Some("/me/bookings"));
    assert_eq!(operation("POST", "/staff/login/code").map(|(t, _)| t), Some("/staff/login/code"));
    assert_eq!(operation("GET", "/bookings/7/ticket.svg").map(|(t, _)| t), Some("/bookings/{id}/ticket.svg"));
    assert_eq!(operation("GET", "/no/such/route").map(|(t, _)| t), None);
}

#[test]
#[should_panic(expected = "does not name")]
fn an_error_code_the_answer_does_not_name_is_caught() {
    let body = r#"{"error":{"code":"made_up","message":"x"}}"#;
    check("GET", "http://x/api/v1/items?q=1", 400, "application/json", body);
}

#[test]
#[should_panic(expected = "outside its schema")]
fn a_body_outside_its_schema_is_caught() {
    check("GET", "http://x/api/v1/categories", 200, "application/json", r#"{"categories":[{"slug":1}]}"#);
}

#[test]
#[should_panic(expected = "does not list")]
fn a_status_the_operation_does_not_list_is_caught() {
    check("GET", "http://x/api/v1/categories", 418, "application/json", "{}");
}
