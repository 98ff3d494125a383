//! What changed between two cards (usually two versions of one model), field by field: the
//! words of a text, the entries of a list (added, removed, moved), the rows of a table
//! (old → new), fairness groups with their min/max ratio before and after, evaluation results
//! by dataset, task and metric. [`changes_markdown`] writes it as a change log.

mod markdown;
pub mod words;

pub use markdown::changes_markdown;

use crate::core::cards::card::{FairnessGroup, ModelCard, NamedNumber};
use crate::core::cards::fairness::{group_stats, ratio_text};
use crate::core::cards::fields::{Field, SECTIONS};
use crate::core::cards::results::EvalResult;
use words::{Words, word_diff};

/// One row of a table or results, by name: its value before and after (`None`: not there).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowChange {
    pub name: String,
    pub old: Option<String>,
    pub new: Option<String>,
}

/// An entry of a list that is in both cards at another place (positions from 1).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Moved {
    pub entry: String,
    pub from: usize,
    pub to: usize,
}

/// What changed in one field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    /// A text, as runs of kept, removed and added words.
    Text(Vec<Words>),
    List {
        added: Vec<String>,
        removed: Vec<String>,
        moved: Vec<Moved>,
    },
    /// Rows of a table, of the evaluation results, or a one-value field (count, date).
    Rows(Vec<RowChange>),
    /// Fairness groups: each changed group's values, and its min/max ratio before and after.
    Fairness(Vec<GroupChange>),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GroupChange {
    pub group: String,
    pub rows: Vec<RowChange>,
    /// "0.62 (below four-fifths)" or "not enough numbers"; `None`: the group is not there.
    pub ratio_before: Option<String>,
    pub ratio_after: Option<String>,
}

/// The fields that changed, in the editor's order.
pub fn diff_cards(old: &ModelCard, new: &ModelCard) -> Vec<(Field, Change)> {
    SECTIONS
        .iter()
        .flat_map(|s| s.fields.iter().copied())
        .filter_map(|field| field_change(old, new, field).map(|c| (field, c)))
        .collect()
}

fn field_change(old: &ModelCard, new: &ModelCard, field: Field) -> Option<Change> {
    let change = match field {
        Field::Text(key) => {
            let (a, b) = (old.text(key), new.text(key));
            if a.split_whitespace().eq(b.split_whitespace()) {
                return None;
            }
            Change::Text(word_diff(a, b))
        }
        Field::List(key) => list_change(old.list(key), new.list(key))?,
        Field::Table(key) => {
            Change::Rows(row_changes(&named(old.table(key)), &named(new.table(key))))
        }
        Field::Count(key) => one_value(old.count(key), new.count(key)),
        Field::TrainingDate => one_value(old.training_date, new.training_date),
        Field::DateRange => {
            let show = |c: &ModelCard| {
                let r = c.training_data_date_range;
                let end =
                    |d: Option<chrono::NaiveDate>| d.map_or("unknown".into(), |d| d.to_string());
                (r.start.is_some() || r.end.is_some())
                    .then(|| format!("{} to {}", end(r.start), end(r.end)))
            };
            rows_of(show(old), show(new))
        }
        Field::EvaluationFactors => {
            let rows = |c: &ModelCard| {
                c.evaluation_factors
                    .iter()
                    .map(|f| (f.name.clone(), f.values.join(", ")))
                    .collect::<Vec<_>>()
            };
            Change::Rows(row_changes(&rows(old), &rows(new)))
        }
        Field::FairnessMetrics => fairness_change(&old.fairness_metrics, &new.fairness_metrics),
        Field::EvalResults => Change::Rows(row_changes(
            &results(&old.eval_results),
            &results(&new.eval_results),
        )),
    };
    let empty = match &change {
        Change::Rows(rows) => rows.is_empty(),
        Change::Fairness(groups) => groups.is_empty(),
        Change::List { .. } | Change::Text(_) => false,
    };
    (!empty).then_some(change)
}

fn one_value<T: ToString>(old: Option<T>, new: Option<T>) -> Change {
    rows_of(old.map(|v| v.to_string()), new.map(|v| v.to_string()))
}

fn rows_of(old: Option<String>, new: Option<String>) -> Change {
    Change::Rows(if old == new {
        Vec::new()
    } else {
        vec![RowChange {
            name: String::new(),
            old,
            new,
        }]
    })
}

fn named(rows: &[NamedNumber]) -> Vec<(String, String)> {
    rows.iter()
        .map(|r| (r.name.clone(), r.value.clone()))
        .collect()
}

/// Evaluation results keyed by dataset, task and metric.
fn results(results: &[EvalResult]) -> Vec<(String, String)> {
    results
        .iter()
        .map(|r| {
            let task = match r.task_label() {
                "" => String::new(),
                task => format!(", {task}"),
            };
            let slice = match r.slice.trim() {
                "" => String::new(),
                slice => format!(", slice {slice}"),
            };
            (
                format!("{}{task}{slice}: {}", r.dataset.label(), r.metric_label()),
                r.value.as_text().to_owned(),
            )
        })
        .collect()
}

/// Rows matched by name (the first of a repeated name with the first): changed values, then
/// rows only in the new card, then rows only in the old one, each in its card's order.
fn row_changes(old: &[(String, String)], new: &[(String, String)]) -> Vec<RowChange> {
    let mut used = vec![false; old.len()];
    let mut changes = Vec::new();
    let mut added = Vec::new();
    for (name, value) in new {
        let found = old
            .iter()
            .enumerate()
            .position(|(i, (n, _))| n == name && !used.get(i).copied().unwrap_or(true));
        match found {
            Some(i) => {
                if let Some(u) = used.get_mut(i) {
                    *u = true;
                }
                let before = old.get(i).map(|(_, v)| v.clone());
                if before.as_deref() != Some(value.as_str()) {
                    changes.push(RowChange {
                        name: name.clone(),
                        old: before,
                        new: Some(value.clone()),
                    });
                }
            }
            None => added.push(RowChange {
                name: name.clone(),
                old: None,
                new: Some(value.clone()),
            }),
        }
    }
    changes.extend(added);
    changes.extend(
        old.iter()
            .zip(&used)
            .filter(|(_, u)| !**u)
            .map(|((name, value), _)| RowChange {
                name: name.clone(),
                old: Some(value.clone()),
                new: None,
            }),
    );
    changes
}

/// Entries added and removed (as a multiset), and common entries that moved: those outside a
/// longest run of common entries kept in order.
fn list_change(old: &[String], new: &[String]) -> Option<Change> {
    let clean = |l: &[String]| -> Vec<String> {
        l.iter()
            .map(|s| s.trim().to_owned())
            .filter(|s| !s.is_empty())
            .collect()
    };
    let (a, b) = (clean(old), clean(new));
    if a == b {
        return None;
    }
    let mut left: Vec<Option<&String>> = a.iter().map(Some).collect();
    let mut common_new: Vec<(usize, usize)> = Vec::new();
    let mut added = Vec::new();
    for (j, entry) in b.iter().enumerate() {
        match left.iter().position(|e| *e == Some(entry)) {
            Some(i) => {
                if let Some(slot) = left.get_mut(i) {
                    *slot = None;
                }
                common_new.push((i, j));
            }
            None => added.push(entry.clone()),
        }
    }
    let removed = left.into_iter().flatten().cloned().collect();
    let kept = increasing_run(&common_new);
    let moved = common_new
        .iter()
        .enumerate()
        .filter(|(k, _)| !kept.contains(k))
        .filter_map(|(_, (i, j))| {
            Some(Moved {
                entry: a.get(*i)?.clone(),
                from: i + 1,
                to: j + 1,
            })
        })
        .collect();
    Some(Change::List {
        added,
        removed,
        moved,
    })
}

/// Indexes of a longest run of pairs whose old positions increase (patience sorting).
fn increasing_run(pairs: &[(usize, usize)]) -> Vec<usize> {
    let mut tails: Vec<usize> = Vec::new();
    let mut before: Vec<Option<usize>> = vec![None; pairs.len()];
    for (k, (i, _)) in pairs.iter().enumerate() {
        let place = tails.partition_point(|t| pairs.get(*t).is_some_and(|(ti, _)| ti < i));
        if place > 0
            && let Some(b) = before.get_mut(k)
        {
            *b = tails.get(place - 1).copied();
        }
        if place == tails.len() {
            tails.push(k);
        } else if let Some(t) = tails.get_mut(place) {
            *t = k;
        }
    }
    let mut run = Vec::new();
    let mut at = tails.last().copied();
    while let Some(k) = at {
        run.push(k);
        at = before.get(k).copied().flatten();
    }
    run
}

fn ratio(group: &FairnessGroup) -> String {
    match group_stats(group) {
        Some(stats) => match stats.ratio {
            Some(r) if stats.flagged => format!("{} (below four-fifths)", ratio_text(r)),
            Some(r) => ratio_text(r),
            None => "no ratio (a value of zero or below)".to_owned(),
        },
        None => "not enough numbers".to_owned(),
    }
}

fn fairness_change(old: &[FairnessGroup], new: &[FairnessGroup]) -> Change {
    let mut groups = Vec::new();
    let find = |list: &[FairnessGroup], name: &str| list.iter().find(|g| g.group == name).cloned();
    let mut names: Vec<&str> = new.iter().map(|g| g.group.as_str()).collect();
    names.extend(
        old.iter()
            .map(|g| g.group.as_str())
            .filter(|n| !new.iter().any(|g| g.group == *n)),
    );
    for name in names {
        let (before, after) = (find(old, name), find(new, name));
        if before == after {
            continue;
        }
        let rows = row_changes(
            &before
                .as_ref()
                .map(|g| named(&g.subgroups))
                .unwrap_or_default(),
            &after
                .as_ref()
                .map(|g| named(&g.subgroups))
                .unwrap_or_default(),
        );
        groups.push(GroupChange {
            group: name.to_owned(),
            rows,
            ratio_before: before.as_ref().map(ratio),
            ratio_after: after.as_ref().map(ratio),
        });
    }
    Change::Fairness(groups)
}
