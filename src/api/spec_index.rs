//! The served spec, indexed by path template, for the checks the framework does not make:
//! the methods a path has (the `Allow` header of a 405, RFC 9110 §15.5.6) and a strict check
//! of JSON request bodies against their schema. poem-openapi reads a JSON `false` or `12` into
//! a `String` field and `null` into any `Option`, while the spec (and every generated SDK)
//! says "string" and not `nullable`; [`check_json_body`] refuses such bodies with the field
//! named, so what is accepted is exactly what the spec documents.
//! Must not import a store or the service layer.

use std::collections::BTreeSet;
use std::sync::OnceLock;

use poem::http::Method;
use serde_json::Value;

use super::FieldError;

/// Nested schemas deeper than this are not checked (the framework still parses them).
const MAX_DEPTH: usize = 8;

struct Operation {
    method: String,
    /// The `application/json` request body schema, if the operation takes one.
    json_body: Option<Value>,
}

struct PathEntry {
    segments: Vec<String>,
    operations: Vec<Operation>,
}

struct SpecIndex {
    paths: Vec<PathEntry>,
    schemas: Value,
}

fn index() -> &'static SpecIndex {
    static INDEX: OnceLock<SpecIndex> = OnceLock::new();
    INDEX.get_or_init(|| {
        let spec: Value = serde_json::from_str(&super::service().spec()).unwrap_or_default();
        let paths = spec["paths"].as_object().cloned().unwrap_or_default();
        let paths = paths
            .into_iter()
            .map(|(template, ops)| PathEntry {
                segments: template.split('/').map(str::to_owned).collect(),
                operations: ops
                    .as_object()
                    .into_iter()
                    .flatten()
                    .map(|(method, op)| Operation {
                        method: method.to_uppercase(),
                        json_body: json_body_schema(op),
                    })
                    .collect(),
            })
            .collect();
        SpecIndex {
            paths,
            schemas: spec["components"]["schemas"].clone(),
        }
    })
}

fn json_body_schema(op: &Value) -> Option<Value> {
    let content = op["requestBody"]["content"].as_object()?;
    content
        .iter()
        .find(|(media, _)| media.starts_with("application/json"))
        .map(|(_, m)| m["schema"].clone())
}

fn find_path(path: &str) -> Option<&'static PathEntry> {
    let wanted: Vec<&str> = path.split('/').collect();
    index().paths.iter().find(|p| {
        p.segments.len() == wanted.len()
            && p.segments
                .iter()
                .zip(&wanted)
                .all(|(s, w)| s == w || (s.starts_with('{') && !w.is_empty()))
    })
}

/// The methods the spec declares for `path` (HEAD wherever GET is), `None` for unknown paths.
pub fn allowed_methods(path: &str) -> Option<String> {
    let entry = find_path(path)?;
    let mut methods: BTreeSet<String> = entry.operations.iter().map(|o| o.method.clone()).collect();
    if methods.contains(Method::GET.as_str()) {
        methods.insert(Method::HEAD.to_string());
    }
    Some(methods.into_iter().collect::<Vec<_>>().join(", "))
}

/// Whether the operation at `method path` takes a JSON body (so the body is worth reading).
pub fn takes_json_body(method: &Method, path: &str) -> bool {
    json_schema_for(method, path).is_some()
}

fn json_schema_for(method: &Method, path: &str) -> Option<&'static Value> {
    let entry = find_path(path)?;
    entry
        .operations
        .iter()
        .find(|o| o.method == method.as_str())?
        .json_body
        .as_ref()
}

/// The fields of `body` that do not have the type the operation's schema declares (or are
/// required and missing); empty when the body conforms or the operation has no JSON body.
pub fn check_json_body(method: &Method, path: &str, body: &Value) -> Vec<FieldError> {
    let mut errors = vec![];
    if let Some(schema) = json_schema_for(method, path) {
        check(schema, body, "", 0, &mut errors);
    }
    errors
}

fn resolve(schema: &Value) -> &Value {
    match schema["$ref"].as_str() {
        Some(r) => {
            let name = r.rsplit('/').next().unwrap_or_default();
            index().schemas.get(name).unwrap_or(&Value::Null)
        }
        None => schema,
    }
}

fn field_name(at: &str) -> String {
    if at.is_empty() {
        "body".to_owned()
    } else {
        at.to_owned()
    }
}

fn check(schema: &Value, value: &Value, at: &str, depth: usize, errors: &mut Vec<FieldError>) {
    let schema = resolve(schema);
    if depth > MAX_DEPTH {
        return;
    }
    if let Some(all) = schema["allOf"].as_array() {
        for s in all {
            check(s, value, at, depth + 1, errors);
        }
        return;
    }
    let Some(ty) = schema["type"].as_str() else {
        return;
    };
    if value.is_null() {
        if schema["nullable"].as_bool() != Some(true) {
            errors.push(error(at, "must not be null"));
        }
        return;
    }
    let ok = match ty {
        "string" => value.is_string(),
        "integer" => value.is_i64() || value.is_u64(),
        "number" => value.is_number(),
        "boolean" => value.is_boolean(),
        "array" => value.is_array(),
        "object" => value.is_object(),
        _ => true,
    };
    if !ok {
        errors.push(error(at, &format!("must be of type {ty}")));
        return;
    }
    match value {
        Value::Object(map) => check_object(schema, map, at, depth, errors),
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                check(
                    &schema["items"],
                    item,
                    &format!("{at}[{i}]"),
                    depth + 1,
                    errors,
                );
            }
        }
        _ => {}
    }
}

fn check_object(
    schema: &Value,
    map: &serde_json::Map<String, Value>,
    at: &str,
    depth: usize,
    errors: &mut Vec<FieldError>,
) {
    let join = |name: &str| {
        if at.is_empty() {
            name.to_owned()
        } else {
            format!("{at}.{name}")
        }
    };
    for required in schema["required"].as_array().into_iter().flatten() {
        if let Some(name) = required.as_str() {
            if !map.contains_key(name) {
                errors.push(error(&join(name), "is required"));
            }
        }
    }
    let properties = schema["properties"].as_object();
    for (name, value) in map {
        if let Some(prop) = properties.and_then(|p| p.get(name)) {
            check(prop, value, &join(name), depth + 1, errors);
        }
    }
}

fn error(at: &str, message: &str) -> FieldError {
    FieldError {
        field: field_name(at),
        message: message.to_owned(),
    }
}
