//! A checklist of one project or team, following one of the lesson's lists
//! (`checklists::lesson`): its groups and items, progress, and the current stage.
//!
//! A checklist record stores only which items are ticked (and a link per artifact), by item
//! id: `"<group>/<part>/<index>"`, e.g. `"evaluation/artifact/1"` for "Fairness assessment".
//! Ids of items this build does not know are kept, so a newer list never loses ticks.

use crate::core::checklists::lesson::{BEST_PRACTICES, WORKFLOW_STAGES};
use crate::core::records::merge::Mergeable;
use crate::core::text::dates;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

/// Which of the lesson's lists a checklist follows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ChecklistKind {
    /// The eight workflow stages, per project.
    Workflow,
    /// The six best-practice sections, per team or project.
    BestPractices,
}

/// What an item of a group is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    Artifact,
    Approval,
    ExitCriterion,
    Practice,
}

impl Part {
    fn key(self) -> &'static str {
        match self {
            Part::Artifact => "artifact",
            Part::Approval => "approval",
            Part::ExitCriterion => "exit",
            Part::Practice => "item",
        }
    }

    /// The heading of this part's items within a stage.
    pub fn title(self) -> &'static str {
        match self {
            Part::Artifact => "Required artifacts",
            Part::Approval => "Required approvals",
            Part::ExitCriterion => "Exit criteria",
            Part::Practice => "Practices",
        }
    }
}

/// One item to tick.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    pub id: String,
    pub text: &'static str,
    pub part: Part,
}

/// A stage or a section, with its items in the lesson's order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Group {
    pub key: &'static str,
    pub title: &'static str,
    pub items: Vec<Item>,
}

fn items(group: &'static str, part: Part, texts: &'static [&'static str]) -> Vec<Item> {
    texts
        .iter()
        .enumerate()
        .map(|(index, text)| Item {
            id: format!("{group}/{}/{index}", part.key()),
            text,
            part,
        })
        .collect()
}

/// The stages or sections of a kind of checklist, with their items.
pub fn groups(kind: ChecklistKind) -> Vec<Group> {
    match kind {
        ChecklistKind::Workflow => WORKFLOW_STAGES
            .iter()
            .map(|stage| {
                let mut all = items(stage.key, Part::Artifact, stage.required_artifacts);
                all.extend(items(stage.key, Part::Approval, stage.required_approvals));
                all.extend(items(stage.key, Part::ExitCriterion, stage.exit_criteria));
                Group {
                    key: stage.key,
                    title: stage.title,
                    items: all,
                }
            })
            .collect(),
        ChecklistKind::BestPractices => BEST_PRACTICES
            .iter()
            .map(|section| Group {
                key: section.key,
                title: section.title,
                items: items(section.key, Part::Practice, section.items),
            })
            .collect(),
    }
}

/// Items done of items in all.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Progress {
    pub done: usize,
    pub total: usize,
}

impl Progress {
    pub fn is_complete(&self) -> bool {
        self.done == self.total
    }

    /// Whole percent, rounded down so nothing unfinished shows 100%.
    pub fn percent(&self) -> usize {
        (self.done * 100).checked_div(self.total).unwrap_or(0)
    }
}

/// A checklist of one project or team.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Checklist {
    pub id: String,
    pub kind: ChecklistKind,
    /// The project or team it is for.
    pub name: String,
    /// Ticked item ids.
    #[serde(default)]
    pub checked: BTreeSet<String>,
    /// A link per item (the workflow's artifacts), by item id.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub links: BTreeMap<String, String>,
    #[serde(deserialize_with = "dates::timestamp")]
    pub created_at: DateTime<Utc>,
    #[serde(deserialize_with = "dates::timestamp")]
    pub updated_at: DateTime<Utc>,
}

crate::core::records::collection::record!(Checklist);

impl Checklist {
    pub fn new(id: String, kind: ChecklistKind, name: String, now: DateTime<Utc>) -> Self {
        Checklist {
            id,
            kind,
            name,
            checked: BTreeSet::new(),
            links: BTreeMap::new(),
            created_at: now,
            updated_at: now,
        }
    }

    pub fn is_checked(&self, item: &str) -> bool {
        self.checked.contains(item)
    }

    pub fn set_checked(&mut self, item: &str, on: bool) {
        if on {
            self.checked.insert(item.to_owned());
        } else {
            self.checked.remove(item);
        }
    }

    pub fn link(&self, item: &str) -> &str {
        self.links.get(item).map_or("", String::as_str)
    }

    /// Sets or (when blank) removes an item's link.
    pub fn set_link(&mut self, item: &str, link: String) {
        if link.trim().is_empty() {
            self.links.remove(item);
        } else {
            self.links.insert(item.to_owned(), link);
        }
    }

    pub fn progress(&self, group: &Group) -> Progress {
        Progress {
            done: group
                .items
                .iter()
                .filter(|i| self.is_checked(&i.id))
                .count(),
            total: group.items.len(),
        }
    }

    /// Progress over every group of the checklist.
    pub fn overall(&self) -> Progress {
        groups(self.kind).iter().map(|g| self.progress(g)).fold(
            Progress { done: 0, total: 0 },
            |a, b| Progress {
                done: a.done + b.done,
                total: a.total + b.total,
            },
        )
    }

    /// The workflow's current stage: the first one not complete (`None` when all are).
    pub fn current_stage(&self) -> Option<usize> {
        groups(self.kind)
            .iter()
            .position(|g| !self.progress(g).is_complete())
    }
}

impl Mergeable for Checklist {
    fn imported_copy(&self, id: String, now: DateTime<Utc>) -> Self {
        Checklist {
            id,
            name: format!("{} (imported)", self.name),
            updated_at: now,
            ..self.clone()
        }
    }
}

crate::core::records::registry::stored!(Checklist, "checklists", "checklist", "checklists");
