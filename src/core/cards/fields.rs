//! The card's fields as the editor, the checks and the page name them: a key per field
//! shape (text, list, table, count), their labels and help, and the sections they sit in.

/// Single-line and multi-line text fields.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TextKey {
    ModelName,
    ModelVersion,
    ModelType,
    ModelArchitecture,
    OwnerTeam,
    ContactEmail,
    IntendedUse,
    TrainingDataDescription,
    EvaluationDataDescription,
    License,
    UnmappedText,
}

/// Lists of text (add, remove, reorder).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ListKey {
    PrimaryUseCases,
    OutOfScopeUses,
    RelevantFactors,
    DataPreprocessing,
    SensitiveData,
    PotentialBiases,
    KnownLimitations,
    FailureModes,
    RegulatoryRequirements,
    DataPrivacyMeasures,
    Tags,
}

/// Name → number tables.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TableKey {
    PerformanceMetrics,
    DecisionThresholds,
}

/// Non-negative counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CountKey {
    TrainingDataSize,
    EvaluationDataSize,
}

/// Every field of the card, for completeness, validation messages, the editor and the renderer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Field {
    Text(TextKey),
    List(ListKey),
    Table(TableKey),
    Count(CountKey),
    TrainingDate,
    DateRange,
    EvaluationFactors,
    FairnessMetrics,
    /// The Hub's evaluation results (task, dataset, metric), beyond the lesson's fields.
    EvalResults,
}

/// The model types the lesson names; anything else is "other" with free text.
pub const MODEL_TYPES: [&str; 3] = ["classification", "regression", "ranking"];

/// A section of the card: its heading and fields, in the order of the lesson's dataclass.
pub struct Section {
    pub title: &'static str,
    pub fields: &'static [Field],
}

/// The lesson's sections, then what a Hugging Face card adds.
pub const SECTIONS: [Section; 11] = [
    Section {
        title: "Model details",
        fields: &[
            Field::Text(TextKey::ModelName),
            Field::Text(TextKey::ModelVersion),
            Field::Text(TextKey::ModelType),
            Field::Text(TextKey::ModelArchitecture),
            Field::TrainingDate,
            Field::Text(TextKey::OwnerTeam),
            Field::Text(TextKey::ContactEmail),
        ],
    },
    Section {
        title: "Intended use",
        fields: &[
            Field::Text(TextKey::IntendedUse),
            Field::List(ListKey::PrimaryUseCases),
            Field::List(ListKey::OutOfScopeUses),
        ],
    },
    Section {
        title: "Factors",
        fields: &[
            Field::List(ListKey::RelevantFactors),
            Field::EvaluationFactors,
        ],
    },
    Section {
        title: "Metrics",
        fields: &[
            Field::Table(TableKey::PerformanceMetrics),
            Field::Table(TableKey::DecisionThresholds),
        ],
    },
    Section {
        title: "Training data",
        fields: &[
            Field::Text(TextKey::TrainingDataDescription),
            Field::Count(CountKey::TrainingDataSize),
            Field::DateRange,
            Field::List(ListKey::DataPreprocessing),
        ],
    },
    Section {
        title: "Evaluation data",
        fields: &[
            Field::Text(TextKey::EvaluationDataDescription),
            Field::Count(CountKey::EvaluationDataSize),
        ],
    },
    Section {
        title: "Ethical considerations",
        fields: &[
            Field::List(ListKey::SensitiveData),
            Field::FairnessMetrics,
            Field::List(ListKey::PotentialBiases),
        ],
    },
    Section {
        title: "Limitations",
        fields: &[
            Field::List(ListKey::KnownLimitations),
            Field::List(ListKey::FailureModes),
        ],
    },
    Section {
        title: "Compliance",
        fields: &[
            Field::List(ListKey::RegulatoryRequirements),
            Field::List(ListKey::DataPrivacyMeasures),
        ],
    },
    Section {
        title: "Evaluation results",
        fields: &[Field::EvalResults],
    },
    Section {
        title: "Publishing",
        fields: &[
            Field::Text(TextKey::License),
            Field::List(ListKey::Tags),
            Field::Text(TextKey::UnmappedText),
        ],
    },
];

impl Field {
    /// The lesson's 27 fields, which the completeness meter counts.
    pub fn lesson_fields() -> impl Iterator<Item = Field> {
        SECTIONS
            .iter()
            .take(9)
            .flat_map(|section| section.fields.iter().copied())
    }

    /// The lesson's field name: the JSON key and the base of the editor's element ids.
    pub fn key(self) -> &'static str {
        match self {
            Field::Text(key) => match key {
                TextKey::ModelName => "model_name",
                TextKey::ModelVersion => "model_version",
                TextKey::ModelType => "model_type",
                TextKey::ModelArchitecture => "model_architecture",
                TextKey::OwnerTeam => "owner_team",
                TextKey::ContactEmail => "contact_email",
                TextKey::IntendedUse => "intended_use",
                TextKey::TrainingDataDescription => "training_data_description",
                TextKey::EvaluationDataDescription => "evaluation_data_description",
                TextKey::License => "license",
                TextKey::UnmappedText => "unmapped_text",
            },
            Field::List(key) => match key {
                ListKey::PrimaryUseCases => "primary_use_cases",
                ListKey::OutOfScopeUses => "out_of_scope_uses",
                ListKey::RelevantFactors => "relevant_factors",
                ListKey::DataPreprocessing => "data_preprocessing",
                ListKey::SensitiveData => "sensitive_data",
                ListKey::PotentialBiases => "potential_biases",
                ListKey::KnownLimitations => "known_limitations",
                ListKey::FailureModes => "failure_modes",
                ListKey::RegulatoryRequirements => "regulatory_requirements",
                ListKey::DataPrivacyMeasures => "data_privacy_measures",
                ListKey::Tags => "tags",
            },
            Field::Table(TableKey::PerformanceMetrics) => "performance_metrics",
            Field::Table(TableKey::DecisionThresholds) => "decision_thresholds",
            Field::Count(CountKey::TrainingDataSize) => "training_data_size",
            Field::Count(CountKey::EvaluationDataSize) => "evaluation_data_size",
            Field::TrainingDate => "training_date",
            Field::DateRange => "training_data_date_range",
            Field::EvaluationFactors => "evaluation_factors",
            Field::FairnessMetrics => "fairness_metrics",
            Field::EvalResults => "eval_results",
        }
    }

    /// The label a person reads, in the editor, the preview and messages.
    pub fn label(self) -> &'static str {
        match self {
            Field::Text(key) => match key {
                TextKey::ModelName => "Model name",
                TextKey::ModelVersion => "Version",
                TextKey::ModelType => "Model type",
                TextKey::ModelArchitecture => "Architecture",
                TextKey::OwnerTeam => "Owner team",
                TextKey::ContactEmail => "Contact e-mail",
                TextKey::IntendedUse => "Intended use",
                TextKey::TrainingDataDescription => "Training data description",
                TextKey::EvaluationDataDescription => "Evaluation data description",
                TextKey::License => "Licence",
                TextKey::UnmappedText => "More information",
            },
            Field::List(key) => match key {
                ListKey::PrimaryUseCases => "Primary use cases",
                ListKey::OutOfScopeUses => "Out-of-scope uses",
                ListKey::RelevantFactors => "Relevant factors",
                ListKey::DataPreprocessing => "Data preprocessing",
                ListKey::SensitiveData => "Sensitive data",
                ListKey::PotentialBiases => "Potential biases",
                ListKey::KnownLimitations => "Known limitations",
                ListKey::FailureModes => "Failure modes",
                ListKey::RegulatoryRequirements => "Regulatory requirements",
                ListKey::DataPrivacyMeasures => "Data privacy measures",
                ListKey::Tags => "Tags",
            },
            Field::Table(TableKey::PerformanceMetrics) => "Performance metrics",
            Field::Table(TableKey::DecisionThresholds) => "Decision thresholds",
            Field::Count(CountKey::TrainingDataSize) => "Training data size",
            Field::Count(CountKey::EvaluationDataSize) => "Evaluation data size",
            Field::TrainingDate => "Training date",
            Field::DateRange => "Training data date range",
            Field::EvaluationFactors => "Evaluation factors",
            Field::FairnessMetrics => "Fairness metrics",
            Field::EvalResults => "Evaluation results",
        }
    }

    /// The id of the field's first input in the editor, so "missing" links can jump to it.
    pub fn element_id(self) -> String {
        format!("card-{}", self.key())
    }
}
