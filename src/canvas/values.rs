//! Typed setting values across the JS boundary: numbers as numbers, flags
//! as booleans, choices as their keys, lists as arrays.

use crate::page::settings::{check, parse, Kind, Value};
use wasm_bindgen::JsValue;

/// `value` as a JS value.
pub fn to_js(value: &Value) -> JsValue {
    match value {
        Value::Number(v) => JsValue::from_f64(*v),
        Value::Count(v) => JsValue::from_f64(*v as f64),
        Value::Flag(b) => JsValue::from_bool(*b),
        Value::Choice(k) => JsValue::from_str(k),
        Value::List(vs) => vs
            .iter()
            .map(|v| JsValue::from_f64(*v))
            .collect::<js_sys::Array>()
            .into(),
        Value::Points(d) => JsValue::from_str(&crate::core::points::encode(d)),
    }
}

/// The JS value `js` as a value of `kind`, checked, or why it is not one.
pub fn from_js(kind: Kind, js: &JsValue) -> Result<Value, String> {
    if let Some(b) = js.as_bool() {
        return check(kind, Value::Flag(b));
    }
    if let Some(v) = js.as_f64() {
        return match kind {
            Kind::Count { .. } => parse(kind, &v.to_string()),
            _ => check(kind, Value::Number(v)),
        };
    }
    if let Some(text) = js.as_string() {
        return parse(kind, &text);
    }
    if js_sys::Array::is_array(js) {
        let list: Vec<f64> = js_sys::Array::from(js)
            .iter()
            .map(|v| v.as_f64().unwrap_or(f64::NAN))
            .collect();
        return check(kind, Value::List(list));
    }
    Err("has a value of the wrong type".into())
}
