//! The lesson's checklists, word for word: the ML workflow stages with their artifacts,
//! approvals and exit criteria (section 4.2), and the development best practices in six
//! sections (section 5.1).

/// One stage of the lesson's `ml_workflow_stages`.
pub struct WorkflowStage {
    /// The lesson's `WorkflowStage` value.
    pub key: &'static str,
    pub title: &'static str,
    pub required_artifacts: &'static [&'static str],
    pub required_approvals: &'static [&'static str],
    pub exit_criteria: &'static [&'static str],
}

/// The lesson's eight stages, in its order.
pub const WORKFLOW_STAGES: [WorkflowStage; 8] = [
    WorkflowStage {
        key: "problem_definition",
        title: "Problem definition",
        required_artifacts: &[
            "Problem statement document",
            "Success metrics defined",
            "Business impact assessment",
        ],
        required_approvals: &["Product Manager", "ML Lead"],
        exit_criteria: &[
            "Clear ML formulation",
            "Success metrics agreed",
            "Resources allocated",
        ],
    },
    WorkflowStage {
        key: "data_exploration",
        title: "Data exploration",
        required_artifacts: &[
            "Data quality report",
            "EDA notebook",
            "Feature feasibility analysis",
        ],
        required_approvals: &["Data Science Lead"],
        exit_criteria: &[
            "Data quality acceptable",
            "Sufficient data volume",
            "Features identified",
        ],
    },
    WorkflowStage {
        key: "baseline_model",
        title: "Baseline model",
        required_artifacts: &[
            "Baseline model notebook",
            "Evaluation metrics",
            "Comparison to heuristics",
        ],
        required_approvals: &["ML Engineer"],
        exit_criteria: &[
            "Baseline beats heuristics",
            "Sufficient improvement potential",
        ],
    },
    WorkflowStage {
        key: "model_development",
        title: "Model development",
        required_artifacts: &[
            "Experiment tracking",
            "Model comparison analysis",
            "Feature importance analysis",
        ],
        required_approvals: &["ML Lead"],
        exit_criteria: &[
            "Model meets performance thresholds",
            "Offline evaluation complete",
        ],
    },
    WorkflowStage {
        key: "evaluation",
        title: "Evaluation",
        required_artifacts: &[
            "Comprehensive evaluation report",
            "Fairness assessment",
            "Error analysis",
        ],
        required_approvals: &["ML Lead", "Product Manager"],
        exit_criteria: &[
            "Performance acceptable",
            "No fairness issues",
            "Error modes understood",
        ],
    },
    WorkflowStage {
        key: "deployment_prep",
        title: "Deployment preparation",
        required_artifacts: &[
            "Model card",
            "Deployment plan",
            "Monitoring plan",
            "Rollback plan",
        ],
        required_approvals: &["MLOps Lead", "Security Review"],
        exit_criteria: &[
            "All documentation complete",
            "Infrastructure ready",
            "Monitoring configured",
        ],
    },
    WorkflowStage {
        key: "deployment",
        title: "Deployment",
        required_artifacts: &["A/B test plan", "Success criteria", "Communication plan"],
        required_approvals: &["ML Lead", "Product Manager"],
        exit_criteria: &[
            "Deployment successful",
            "A/B test running",
            "No critical issues",
        ],
    },
    WorkflowStage {
        key: "monitoring",
        title: "Monitoring",
        required_artifacts: &[
            "Weekly performance reports",
            "Incident logs",
            "Improvement backlog",
        ],
        required_approvals: &["Ongoing"],
        exit_criteria: &[
            "Performance stable",
            "No drift detected",
            "Incidents handled",
        ],
    },
];

/// One section of the lesson's best-practices checklist.
pub struct PracticeSection {
    pub key: &'static str,
    pub title: &'static str,
    pub items: &'static [&'static str],
}

/// The lesson's six sections, in its order.
pub const BEST_PRACTICES: [PracticeSection; 6] = [
    PracticeSection {
        key: "data_management",
        title: "Data Management",
        items: &[
            "Data versioning implemented (DVC, lakeFS)",
            "Data quality validation automated",
            "Training/test split documented and reproducible",
            "Data lineage tracked",
            "PII handling documented and compliant",
        ],
    },
    PracticeSection {
        key: "experimentation",
        title: "Experimentation",
        items: &[
            "All experiments logged (MLflow, W&B)",
            "Reproducible random seeds",
            "Hyperparameters tracked",
            "Environment captured (requirements.txt, Docker)",
            "Git commit hash recorded",
        ],
    },
    PracticeSection {
        key: "code_quality",
        title: "Code Quality",
        items: &[
            "Unit tests for data processing",
            "Unit tests for model code",
            "Integration tests for pipelines",
            "Code reviews required",
            "Linting and formatting enforced",
        ],
    },
    PracticeSection {
        key: "model_development",
        title: "Model Development",
        items: &[
            "Baseline model established",
            "Multiple models compared",
            "Cross-validation performed",
            "Feature importance analyzed",
            "Error analysis completed",
        ],
    },
    PracticeSection {
        key: "deployment",
        title: "Deployment",
        items: &[
            "Model card created",
            "Performance thresholds defined",
            "Monitoring configured",
            "Alerting set up",
            "Rollback plan documented",
        ],
    },
    PracticeSection {
        key: "monitoring",
        title: "Monitoring",
        items: &[
            "Model performance tracked",
            "Data drift detection active",
            "Prediction distribution monitored",
            "Latency/throughput monitored",
            "Business metrics tracked",
        ],
    },
];
