//! The README's Markdown body: the Hub template's sections, every user text escaped so it
//! renders literally.

use super::*;

/// The body being written; `empty` is true while the open section has no content yet.
struct Md {
    out: String,
    empty: bool,
}

impl Md {
    fn close(&mut self) {
        if self.empty {
            self.out.push_str(NEEDED);
            self.out.push_str("\n\n");
            self.empty = false;
        }
    }

    /// A heading with sections under it (never "needed" itself).
    fn parent(&mut self, heading: &str) {
        self.close();
        self.out.push_str(heading);
        self.out.push_str("\n\n");
    }

    /// A heading whose content follows; shows the template's placeholder if none does.
    fn open(&mut self, heading: &str) {
        self.parent(heading);
        self.empty = true;
    }

    fn text(&mut self, text: &str) {
        if !text.trim().is_empty() {
            self.out.push_str(&escape_block(text));
            self.out.push_str("\n\n");
            self.empty = false;
        }
    }

    fn label(&mut self, label: &str) {
        self.out.push_str("**");
        self.out.push_str(label);
        self.out.push_str("**\n\n");
    }

    fn list(&mut self, label: Option<&str>, items: &[String]) {
        let mut items = items.iter().filter(|i| !i.trim().is_empty()).peekable();
        if items.peek().is_none() {
            return;
        }
        if let Some(label) = label {
            self.label(label);
        }
        for item in items {
            self.out.push_str("- ");
            self.out.push_str(&escape_block(item).replace('\n', "\n  "));
            self.out.push('\n');
        }
        self.out.push('\n');
        self.empty = false;
    }

    /// `- **Label:** value` lines; a blank value shows the placeholder.
    fn facts(&mut self, facts: &[(&str, String)]) {
        for (label, value) in facts {
            let value = escape_inline(value);
            let value = if value.is_empty() { NEEDED } else { &value };
            self.out.push_str("- **");
            self.out.push_str(label);
            self.out.push_str(":** ");
            self.out.push_str(value);
            self.out.push('\n');
        }
        self.out.push('\n');
        self.empty = false;
    }

    fn table<'a>(&mut self, head: [&str; 2], rows: impl Iterator<Item = (&'a str, &'a str)>) {
        let [name, value] = head;
        self.out.push_str("| ");
        self.out.push_str(name);
        self.out.push_str(" | ");
        self.out.push_str(value);
        self.out.push_str(" |\n|---|---|\n");
        for (name, value) in rows {
            self.out.push_str("| ");
            self.out.push_str(&escape_inline(name));
            self.out.push_str(" | ");
            self.out.push_str(&escape_inline(value));
            self.out.push_str(" |\n");
        }
        self.out.push('\n');
        self.empty = false;
    }

    fn number_table(&mut self, label: Option<&str>, head: [&str; 2], rows: &[NamedNumber]) {
        if rows.is_empty() {
            return;
        }
        if let Some(label) = label {
            self.label(label);
        }
        self.table(
            head,
            rows.iter().map(|r| (r.name.as_str(), r.value.as_str())),
        );
    }
}

pub(super) fn write_body(card: &ModelCard, out: &mut String) {
    let mut md = Md {
        out: std::mem::take(out),
        empty: false,
    };
    md.parent(&format!(
        "# Model Card for {}",
        escape_inline(display_name(card))
    ));
    md.parent("## Model Details");
    md.open("### Model Description");
    let date = |d: Option<chrono::NaiveDate>| d.map(|d| d.to_string()).unwrap_or_default();
    md.facts(&[
        ("Developed by", card.owner_team.clone()),
        ("Model type", card.model_type.clone()),
        ("Model version", card.model_version.clone()),
        ("Training date", date(card.training_date)),
        ("License", card.license.clone()),
        ("Tags", card.tags.join(", ")),
    ]);

    md.parent("## Uses");
    md.open("### Direct Use");
    md.text(&card.intended_use);
    md.list(Some("Primary use cases"), &card.primary_use_cases);
    md.open("### Out-of-Scope Use");
    md.list(None, &card.out_of_scope_uses);

    md.parent("## Bias, Risks, and Limitations");
    for (heading, key) in [
        ("### Sensitive Data", ListKey::SensitiveData),
        ("### Potential Biases", ListKey::PotentialBiases),
        ("### Known Limitations", ListKey::KnownLimitations),
        ("### Failure Modes", ListKey::FailureModes),
    ] {
        md.open(heading);
        md.list(None, card.list(key));
    }

    md.parent("## Compliance");
    md.open("### Regulatory Requirements");
    md.list(None, &card.regulatory_requirements);
    md.open("### Data Privacy Measures");
    md.list(None, &card.data_privacy_measures);

    md.parent("## Training Details");
    md.open("### Training Data");
    md.text(&card.training_data_description);
    let range = card.training_data_date_range;
    let mut facts = Vec::new();
    if let Some(size) = card.training_data_size {
        facts.push(("Size", format_count(size)));
    }
    if range.start.is_some() || range.end.is_some() {
        let end = |d: Option<chrono::NaiveDate>| d.map_or("unknown".to_owned(), |d| d.to_string());
        facts.push((
            "Date range",
            format!("{} to {}", end(range.start), end(range.end)),
        ));
    }
    if !facts.is_empty() {
        md.facts(&facts);
    }
    md.parent("### Training Procedure");
    md.open("#### Preprocessing");
    md.list(None, &card.data_preprocessing);

    md.parent("## Evaluation");
    md.parent("### Testing Data, Factors & Metrics");
    md.open("#### Testing Data");
    md.text(&card.evaluation_data_description);
    if let Some(size) = card.evaluation_data_size {
        md.facts(&[("Size", format_count(size))]);
    }
    md.open("#### Factors");
    md.list(Some("Relevant factors"), &card.relevant_factors);
    if !card.evaluation_factors.is_empty() {
        let values: Vec<String> = card
            .evaluation_factors
            .iter()
            .map(|f| f.values.join(", "))
            .collect();
        md.label("Evaluation factors");
        md.table(
            ["Factor", "Values"],
            card.evaluation_factors
                .iter()
                .zip(&values)
                .map(|(f, v)| (f.name.as_str(), v.as_str())),
        );
    }
    md.open("#### Metrics");
    let names: Vec<String> = card
        .performance_metrics
        .iter()
        .map(|m| m.name.clone())
        .collect();
    md.list(Some("Performance metrics"), &names);
    md.number_table(
        Some("Decision thresholds"),
        ["Threshold", "Value"],
        &card.decision_thresholds,
    );
    md.open("### Results");
    md.number_table(None, ["Metric", "Value"], &card.performance_metrics);
    if !card.eval_results.is_empty() {
        md.label("Evaluation results");
        write_results(&mut md, &card.eval_results);
    }
    md.open("#### Fairness Metrics");
    for group in &card.fairness_metrics {
        let name = escape_inline(&group.group);
        md.label(if name.is_empty() {
            "(unnamed group)"
        } else {
            &name
        });
        md.empty = true;
        md.number_table(None, ["Subgroup", "Value"], &group.subgroups);
        md.close();
    }

    md.parent("## Technical Specifications");
    md.open("### Model Architecture and Objective");
    md.text(&card.model_architecture);

    md.open("## More Information");
    md.text(&card.unmapped_text);

    md.open("## Model Card Contact");
    md.text(&card.contact_email);
    md.close();
    while md.out.ends_with("\n\n") {
        md.out.pop();
    }
    *out = md.out;
}

/// One field's value as Markdown, every user text escaped; empty when the field is.
pub(super) fn field_markdown(card: &ModelCard, field: Field) -> String {
    let mut md = Md {
        out: String::new(),
        empty: false,
    };
    let date = |d: Option<chrono::NaiveDate>| d.map_or("unknown".to_owned(), |d| d.to_string());
    match field {
        Field::Text(key) => md.text(card.text(key)),
        Field::List(key) => md.list(None, card.list(key)),
        Field::Table(key) => md.number_table(None, ["Name", "Value"], card.table(key)),
        Field::Count(key) => {
            if let Some(count) = card.count(key) {
                md.text(&format_count(count));
            }
        }
        Field::TrainingDate => {
            if card.training_date.is_some() {
                md.text(&date(card.training_date));
            }
        }
        Field::DateRange => {
            let range = card.training_data_date_range;
            if range.start.is_some() || range.end.is_some() {
                md.text(&format!("{} to {}", date(range.start), date(range.end)));
            }
        }
        Field::EvaluationFactors => {
            let values: Vec<String> = card
                .evaluation_factors
                .iter()
                .map(|f| f.values.join(", "))
                .collect();
            if !values.is_empty() {
                md.table(
                    ["Factor", "Values"],
                    card.evaluation_factors
                        .iter()
                        .zip(&values)
                        .map(|(f, v)| (f.name.as_str(), v.as_str())),
                );
            }
        }
        Field::FairnessMetrics => {
            for group in &card.fairness_metrics {
                let name = escape_inline(&group.group);
                md.label(if name.is_empty() {
                    "(unnamed group)"
                } else {
                    &name
                });
                md.number_table(None, ["Subgroup", "Value"], &group.subgroups);
            }
        }
        Field::EvalResults => write_results(&mut md, &card.eval_results),
    }
    md.out
}

/// The evaluation results as one table per dataset.
fn write_results(md: &mut Md, results: &[crate::core::cards::results::EvalResult]) {
    for (dataset, members) in crate::core::cards::results::group_by_dataset(results) {
        md.label(&escape_inline(&dataset.label()));
        let rows: Vec<(String, &str)> = members
            .iter()
            .filter_map(|i| results.get(*i))
            .map(|r| match r.task_label() {
                "" => (r.metric_label().to_owned(), r.value.as_text()),
                task => (format!("{} ({task})", r.metric_label()), r.value.as_text()),
            })
            .collect();
        md.table(
            ["Metric", "Value"],
            rows.iter().map(|(name, value)| (name.as_str(), *value)),
        );
    }
}
