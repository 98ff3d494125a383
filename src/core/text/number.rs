//! Numbers as authors type them and as the app spells them.
//!
//! A card keeps every number as the text typed (nothing half-typed is lost); these helpers
//! say whether that text is a finite JSON number, and write counts with thousands separators.

/// True when `text` is a JSON number: `-`? digits (no leading zero) (`.` digits)? (`e` sign? digits)?
fn is_json_number(text: &str) -> bool {
    let bytes = text.as_bytes();
    let mut i = usize::from(bytes.first() == Some(&b'-'));
    let digits = |from: usize| {
        bytes.get(from..).map_or(0, |rest| {
            rest.iter().take_while(|b| b.is_ascii_digit()).count()
        })
    };
    let whole = digits(i);
    if whole == 0 || (whole > 1 && bytes.get(i) == Some(&b'0')) {
        return false;
    }
    i += whole;
    if bytes.get(i) == Some(&b'.') {
        let fraction = digits(i + 1);
        if fraction == 0 {
            return false;
        }
        i += 1 + fraction;
    }
    if matches!(bytes.get(i), Some(b'e' | b'E')) {
        i += 1;
        if matches!(bytes.get(i), Some(b'+' | b'-')) {
            i += 1;
        }
        let exponent = digits(i);
        if exponent == 0 {
            return false;
        }
        i += exponent;
    }
    i == bytes.len()
}

/// The value of a typed number when it is a finite JSON number (`0.75`, `10`, `1e-3`; not
/// `.5`, `NaN` or `1e999`). Allocates nothing: the preview checks every cell on each keystroke.
pub fn finite_number(text: &str) -> Option<f64> {
    let text = text.trim();
    if !is_json_number(text) {
        return None;
    }
    text.parse::<f64>().ok().filter(|v| v.is_finite())
}

/// The value as a JSON number when it is one (`"0.75"` → `0.75`), else `None`.
///
/// serde_json's `arbitrary_precision` keeps a number's text, so `0.7560` and `1e-3` are
/// stored and exported as written; only finite values count (`1e999` does not).
pub fn as_number(text: &str) -> Option<serde_json::Number> {
    finite_number(text)?;
    serde_json::from_str::<serde_json::Number>(text.trim()).ok()
}

/// A count with thousands separators: 50000000 → "50,000,000".
pub fn format_count(count: u64) -> String {
    let digits = count.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}
