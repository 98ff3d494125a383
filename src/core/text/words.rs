//! Numbers in words for messages: "1 item", "3 items", "1.5 kB".

/// A count with the singular or plural word: `plural(1, "item", "items")` is "1 item".
pub fn plural(count: usize, one: &str, many: &str) -> String {
    format!("{count} {}", if count == 1 { one } else { many })
}

/// A byte count as kilobytes with one decimal, without float formatting: 1536 -> "1.5 kB".
pub fn kilobytes(bytes: usize) -> String {
    let tenths = (bytes * 10 + 512) / 1024;
    format!("{}.{} kB", tenths / 10, tenths % 10)
}
