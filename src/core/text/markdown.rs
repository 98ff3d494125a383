//! The one Markdown escaper: user text that renders literally in any Markdown viewer (the
//! Hub's README renderer, GitHub, a report opened in an editor), with no markup, no raw HTML
//! and no list or heading started by what someone typed. Used by the card's README, the
//! assessment report and the approval trail.

/// One line of user text, escaped to render literally: `<` and `&` as entities, inline
/// markup (`` ` * _ [ ] | ~ # $ \ ``) with a backslash anywhere, and what would start a block
/// only at the line start (`- `, `+ `, `> `, `=`, `1. `, `2) `).
fn escape_line(line: &str, out: &mut String) {
    let line = line.trim();
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    let list_number = digits > 0
        && line.get(digits..).is_some_and(|rest| {
            rest.starts_with(['.', ')'])
                && rest
                    .get(1..)
                    .is_none_or(|after| after.is_empty() || after.starts_with(char::is_whitespace))
        });
    for (index, c) in line.char_indices() {
        let block_start = match c {
            '-' | '+' | '>' | '=' => index == 0,
            '.' | ')' => list_number && index == digits,
            _ => false,
        };
        match c {
            '<' => out.push_str("&lt;"),
            '&' => out.push_str("&amp;"),
            '\\' | '`' | '*' | '_' | '[' | ']' | '|' | '~' | '#' | '$' => {
                out.push('\\');
                out.push(c);
            }
            c if block_start => {
                out.push('\\');
                out.push(c);
            }
            c => out.push(c),
        }
    }
}

fn text_lines(text: &str) -> impl Iterator<Item = &str> {
    text.trim().split(['\n', '\r']).map(str::trim)
}

/// User text for a paragraph: its lines kept as hard line breaks.
pub fn escape_block(text: &str) -> String {
    let text = text.replace("\r\n", "\n");
    let mut out = String::with_capacity(text.len() + 16);
    for (index, line) in text_lines(&text).enumerate() {
        if index > 0 {
            out.push_str("\\\n");
        }
        escape_line(line, &mut out);
    }
    out
}

/// User text on one line (a heading, a table cell, a fact): its lines joined by spaces.
pub fn escape_inline(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for line in text_lines(text).filter(|line| !line.is_empty()) {
        if !out.is_empty() {
            out.push(' ');
        }
        escape_line(line, &mut out);
    }
    out
}
