//! The changes between two cards as Markdown: a change log for a release note. Every card
//! text is escaped ([`crate::core::text::markdown`]), so nothing in a card becomes markup.

use super::{Change, RowChange, diff_cards};
use crate::core::cards::card::ModelCard;
use crate::core::cards::diff::words::Words;
use crate::core::text::markdown::escape_inline;

fn value(v: &Option<String>) -> String {
    match v {
        Some(v) if !v.trim().is_empty() => format!("“{}”", escape_inline(v)),
        Some(_) => "(empty)".to_owned(),
        None => "(none)".to_owned(),
    }
}

fn row(out: &mut String, r: &RowChange) {
    let name = if r.name.is_empty() {
        String::new()
    } else {
        format!("{}: ", escape_inline(&r.name))
    };
    let line = match (&r.old, &r.new) {
        (None, new) => format!("- added {name}{}\n", value(new)),
        (old, None) => format!("- removed {name}{}\n", value(old)),
        (old, new) => format!("- {name}{} → {}\n", value(old), value(new)),
    };
    out.push_str(&line);
}

/// "Changes from A to B" with one section per changed field; "No changes." when none.
pub fn changes_markdown(old: &ModelCard, new: &ModelCard) -> String {
    let mut out = format!(
        "# Changes from {} to {}\n\n",
        escape_inline(&old.title()),
        escape_inline(&new.title())
    );
    let changes = diff_cards(old, new);
    if changes.is_empty() {
        out.push_str("No changes.\n");
        return out;
    }
    for (field, change) in changes {
        out.push_str("## ");
        out.push_str(field.label());
        out.push_str("\n\n");
        match change {
            Change::Text(runs) => {
                for run in runs {
                    match run {
                        Words::Same(t) => out.push_str(&escape_inline(&t)),
                        Words::Removed(t) => {
                            out.push_str("~~");
                            out.push_str(&escape_inline(&t));
                            out.push_str("~~");
                        }
                        Words::Added(t) => {
                            out.push_str("**");
                            out.push_str(&escape_inline(&t));
                            out.push_str("**");
                        }
                    }
                    out.push(' ');
                }
                out.push('\n');
            }
            Change::List {
                added,
                removed,
                moved,
            } => {
                for a in added {
                    out.push_str(&format!("- added: {}\n", escape_inline(&a)));
                }
                for r in removed {
                    out.push_str(&format!("- removed: {}\n", escape_inline(&r)));
                }
                for m in moved {
                    out.push_str(&format!(
                        "- moved from {} to {}: {}\n",
                        m.from,
                        m.to,
                        escape_inline(&m.entry)
                    ));
                }
            }
            Change::Rows(rows) => rows.iter().for_each(|r| row(&mut out, r)),
            Change::Fairness(groups) => {
                for g in groups {
                    out.push_str(&format!(
                        "- **{}**: min/max ratio {} → {}\n",
                        escape_inline(&g.group),
                        g.ratio_before.as_deref().unwrap_or("(no group)"),
                        g.ratio_after.as_deref().unwrap_or("(no group)")
                    ));
                    for r in &g.rows {
                        out.push_str("  ");
                        row(&mut out, r);
                    }
                }
            }
        }
        out.push('\n');
    }
    while out.ends_with("\n\n") {
        out.pop();
    }
    out
}
