//! File names for exports, made from user text.

/// A safe file name stem: lower-case letters and digits joined by single dashes, at most 60
/// characters, "untitled" when nothing is left. No dots, slashes or control characters.
pub fn file_stem(text: &str) -> String {
    let lowered: String = text
        .chars()
        .map(|c| {
            if c.is_alphanumeric() {
                c.to_lowercase().next().unwrap_or(c)
            } else {
                '-'
            }
        })
        .collect();
    let stem: String = lowered
        .split('-')
        .filter(|part| !part.is_empty())
        .collect::<Vec<_>>()
        .join("-")
        .chars()
        .take(60)
        .collect();
    let stem = stem.trim_end_matches('-').to_owned();
    if stem.is_empty() {
        "untitled".to_owned()
    } else {
        stem
    }
}
