//! The one CSV rule of the app: every CSV it writes goes through [`write_csv`], so no cell a
//! person typed can run as a spreadsheet formula, and every CSV it reads back goes through
//! [`restore_cell`], so a round trip gives the text exactly as typed.

/// True when a spreadsheet would run the cell as a formula: text starting with `=`, `+`, `-`,
/// `@`, a tab or a carriage return, also after leading spaces (OWASP: CSV injection).
fn runs_as_formula(cell: &str) -> bool {
    let starts_formula = |c: char| matches!(c, '=' | '+' | '-' | '@' | '\t' | '\r');
    cell.starts_with(starts_formula) || cell.trim_start_matches(' ').starts_with(starts_formula)
}

/// A cell a spreadsheet shows as the text itself: a formula-like cell gets a leading `'`.
/// A cell that already starts with `'` before formula-like text gets one more, so that
/// [`restore_cell`] can tell the two apart.
pub fn safe_cell(cell: &str) -> String {
    let quoted = cell
        .strip_prefix('\'')
        .is_some_and(|rest| runs_as_formula(rest) || rest.starts_with('\''));
    if runs_as_formula(cell) || quoted {
        format!("'{cell}")
    } else {
        cell.to_owned()
    }
}

/// The text a cell written by [`safe_cell`] stood for: its leading `'` removed again when
/// `safe_cell` added it.
pub fn restore_cell(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if runs_as_formula(rest) || rest.starts_with('\'') => rest,
        _ => cell,
    }
}

/// RFC 4180 text (csv crate: commas, quotes and line breaks quoted), every cell made safe.
pub fn write_csv<R, C>(header: &[&str], rows: impl IntoIterator<Item = R>) -> String
where
    R: IntoIterator<Item = C>,
    C: AsRef<str>,
{
    let mut writer = csv::Writer::from_writer(Vec::new());
    let _ = writer.write_record(header);
    for row in rows {
        let cells: Vec<String> = row.into_iter().map(|c| safe_cell(c.as_ref())).collect();
        let _ = writer.write_record(&cells);
    }
    writer
        .into_inner()
        .ok()
        .and_then(|bytes| String::from_utf8(bytes).ok())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_cells_are_quoted_and_come_back_exactly() {
        for text in [
            "=1+1", "+1", "-2", "@SUM(A1)", "\tx", "\rx", "  =x", "'=x", "''", "'",
        ] {
            let safe = safe_cell(text);
            assert!(!runs_as_formula(&safe), "{safe:?}");
            assert_eq!(restore_cell(&safe), text, "{safe:?}");
        }
        for text in ["plain", "2024-01-15", "0", "it's", "'quoted'", ""] {
            assert_eq!(safe_cell(text), text);
            assert_eq!(restore_cell(text), text);
        }
    }
}
