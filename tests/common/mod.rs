//! Helpers shared by the core's integration tests.
#![allow(dead_code)]

use chrono::NaiveDate;
use chrono::{DateTime, TimeZone, Utc};
use mlops_governance_workbench::core::cards::card::{
    DateRange, Factor, FairnessGroup, ModelCard, NamedNumber,
};
use mlops_governance_workbench::core::cards::results::{DatasetRef, EvalResult, MetricValue};
use mlops_governance_workbench::core::maturity::assessment::Assessment;
use mlops_governance_workbench::core::records::collection::Collection;
use mlops_governance_workbench::core::records::registry::{CollectionInfo, Stored, VisitMut};
use mlops_governance_workbench::core::records::stored::{Damaged, Quarantined};
use mlops_governance_workbench::core::workspace::Workspace;
use mlops_governance_workbench::core::workspace::load::{StoredValues, decode, read_values};

pub fn at(seconds: i64) -> DateTime<Utc> {
    Utc.timestamp_opt(1_767_225_600 + seconds, 0)
        .single()
        .unwrap()
}

pub fn assessment(id: &str, name: &str, seconds: i64) -> Assessment {
    Assessment::new(id.to_owned(), name.to_owned(), at(seconds))
}

/// Text meant to break escaping, parsing and layout.
pub const HOSTILE: &[&str] = &[
    "<script>alert(1)</script>",
    "\"><img src=x onerror=alert(1)>",
    "javascript:alert(1)",
    "line one\nline two\n\n- not a list\n# not a heading",
    "1. not an ordered list",
    "| a | b |",
    "---",
    "emoji 🧪 and right-to-left مرحبا \u{202E}reversed",
    "back\\slash `code` *bold* _em_ [link](http://x) ~~strike~~ &amp;",
];

/// A new-id source for the core's functions that take one: "prefix-1", "prefix-2", ...
pub fn ids(prefix: &str) -> impl FnMut() -> String + '_ {
    let mut next = 0;
    move || {
        next += 1;
        format!("{prefix}-{next}")
    }
}

/// Text meant to break YAML, Markdown, HTML and JSON, for model card round trips.
pub const HOSTILE_CARD_TEXT: &[&str] = &[
    "<script>alert('x')</script>",
    "\"double\" and 'single' quotes",
    "line one\nline two\r\nline three\rline four\n\n\n",
    "right-to-left مرحبا بالعالم \u{202E}reversed\u{202C} and emoji 🧪👩‍🔬🏳️‍🌈",
    "---",
    "...",
    "--- !tag\n...\n---",
    "|",
    "| a | b |\n|---|---|",
    ">",
    "> quoted",
    "#",
    "# heading ### ",
    "key: value",
    "- item",
    "-",
    "{a: 1, b: [2]}",
    "[1, 2, *x]",
    "&anchor value",
    "*alias",
    "!tag value",
    "!!str 3",
    "%YAML 1.2\n---",
    "%TAG ! tag:example.com,2000:",
    "   leading and trailing   ",
    "\ttabs\tinside\t",
    "\u{2028}line separator\u{2029}paragraph separator",
    "controls \u{1}\u{7}\u{8}\u{b}\u{c}\u{1b}[31m \u{7f}\u{85}\u{9f} \u{feff}bom \u{fffe}\u{ffff}",
    "null",
    "~",
    "true",
    "no",
    "0.5",
    "1e3",
    "0x1F",
    "",
    " ",
    "\\",
    "\\n is not a newline, \\u0041 is not A",
    "`code` *bold* _em_ [link](javascript:alert(1)) ![img](x) ~~strike~~ &amp; &lt;",
    "1. not a list",
    "2) not a list",
    "+ plus",
    "* star",
    "===",
    "<!-- comment -->",
    "$$x^2$$",
    "? complex key",
    "a # not a comment",
    "'",
    "\"",
    "@mention www.example.com",
];

/// A card with `s` in every string field, in lists, tables, factors and fairness groups.
pub fn hostile_card(s: &str) -> ModelCard {
    let two = |a: &str| vec![a.to_owned(), format!("{a}{a}")];
    let table = |a: &str| {
        vec![
            NamedNumber::new(a, a),
            NamedNumber::new(&format!("{a}!"), "0.75"),
        ]
    };
    ModelCard {
        model_name: s.to_owned(),
        model_version: s.to_owned(),
        model_type: s.to_owned(),
        model_architecture: s.to_owned(),
        training_date: NaiveDate::from_ymd_opt(2024, 2, 29),
        owner_team: s.to_owned(),
        contact_email: s.to_owned(),
        intended_use: s.to_owned(),
        primary_use_cases: two(s),
        out_of_scope_uses: two(s),
        relevant_factors: two(s),
        evaluation_factors: vec![
            Factor {
                name: s.to_owned(),
                values: two(s),
            },
            Factor {
                name: format!("{s}?"),
                values: Vec::new(),
            },
        ],
        performance_metrics: table(s),
        decision_thresholds: table(s),
        training_data_description: s.to_owned(),
        training_data_size: Some(u64::MAX),
        training_data_date_range: DateRange {
            start: None,
            end: NaiveDate::from_ymd_opt(2023, 12, 31),
        },
        data_preprocessing: two(s),
        evaluation_data_description: s.to_owned(),
        evaluation_data_size: Some(0),
        sensitive_data: two(s),
        fairness_metrics: vec![
            FairnessGroup {
                group: s.to_owned(),
                subgroups: table(s),
            },
            FairnessGroup {
                group: format!("{s}~"),
                subgroups: Vec::new(),
            },
        ],
        potential_biases: two(s),
        known_limitations: two(s),
        failure_modes: two(s),
        regulatory_requirements: two(s),
        data_privacy_measures: two(s),
        license: s.to_owned(),
        tags: two(s),
        unmapped_text: s.to_owned(),
        eval_results: hostile_results(s),
        imported_readme: None,
        imported_mct: None,
        imported_bom: None,
    }
}

/// Two evaluation results with the text in every field, one value a number.
pub fn hostile_results(s: &str) -> Vec<EvalResult> {
    let dataset = DatasetRef {
        name: s.to_owned(),
        kind: s.to_owned(),
        config: s.to_owned(),
        split: s.to_owned(),
        revision: s.to_owned(),
        args: s.to_owned(),
    };
    let mut extra = serde_json::Map::new();
    extra.insert(format!("metric.{s}"), serde_json::json!([s, 1]));
    let first = EvalResult {
        task_type: s.to_owned(),
        task_name: s.to_owned(),
        dataset,
        metric_type: s.to_owned(),
        metric_name: s.to_owned(),
        value: MetricValue::Text(s.to_owned()),
        lower: s.to_owned(),
        upper: s.to_owned(),
        slice: s.to_owned(),
        verified: Some(true),
        source_name: s.to_owned(),
        source_url: s.to_owned(),
        extra,
    };
    let second = EvalResult {
        value: MetricValue::Number("0.5".to_owned()),
        verified: None,
        ..first.clone()
    };
    vec![first, second]
}

/// What the web store ends up with once every collection is decoded: both loading steps of
/// `core::workspace::load`, in the store's order, for every collection of the registry.
#[derive(Debug, Default)]
pub struct LoadOutcome {
    pub workspace: Workspace,
    /// The revision read for each collection, by registry key, in the registry's order.
    pub revisions: Vec<(&'static str, u64)>,
    pub quarantined: Vec<(CollectionInfo, Quarantined)>,
    pub damaged: Vec<Damaged>,
    pub newer_schema: Option<u64>,
    pub migrated_from: Option<u64>,
}

pub fn load(meta_raw: Option<&str>, collections: &[(&'static str, Option<String>)]) -> LoadOutcome {
    struct DecodeEach<'a>(StoredValues, &'a mut LoadOutcome);
    impl VisitMut for DecodeEach<'_> {
        fn visit<T: Stored>(&mut self, collection: &mut Collection<T>) {
            let opened = decode::<T>(self.0.take(T::COLLECTION.key));
            let decoded = opened.decoded;
            self.1.revisions.push((T::COLLECTION.key, decoded.revision));
            self.1
                .quarantined
                .extend(decoded.quarantined.into_iter().map(|q| (T::COLLECTION, q)));
            self.1.damaged.extend(opened.damaged);
            *collection = decoded.collection;
        }
    }
    let mut values = read_values(meta_raw, collections);
    let mut outcome = LoadOutcome {
        damaged: std::mem::take(&mut values.damaged),
        newer_schema: values.newer_schema,
        migrated_from: values.migrated_from,
        ..LoadOutcome::default()
    };
    let mut workspace = Workspace::default();
    workspace.visit_mut(&mut DecodeEach(values, &mut outcome));
    outcome.workspace = workspace;
    outcome
}
