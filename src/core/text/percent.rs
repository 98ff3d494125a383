//! Percent-encoding (RFC 3986) for `mailto:` links built from user text.

use std::fmt::Write;

/// RFC 3986 percent-encoding of everything but unreserved characters and `keep`: user text
/// can then never end the subject or add a header such as `&bcc=`.
pub fn percent_encode(text: &str, keep: &[u8]) -> String {
    let mut out = String::with_capacity(text.len() * 3);
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~".contains(&b) || keep.contains(&b) {
            out.push(char::from(b));
        } else {
            let _ = write!(out, "%{b:02X}");
        }
    }
    out
}
