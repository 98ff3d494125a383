//! Security audits of a model card's model (lesson 6.1): the lesson's five checks with its
//! rules and messages, further checks shown apart with their public sources, and the card's
//! dated history of audits. Results are computed from the recorded information, never stored.

use crate::core::cards::card::CardRecord;
use crate::core::lifecycle::security::{
    CheckResult, ModelInfo, SecurityAudit, audit_model, further_checks, history, prefill,
};
use crate::route::Route;
use crate::web::clock::{new_id, now};
use crate::web::fields::{TextAreaField, TextField};
use crate::web::storage::Store;
use leptos::prelude::*;

#[component]
pub fn AuditPage(card_id: String) -> impl IntoView {
    let store = Store::expect();
    let card = store
        .collection::<CardRecord>()
        .with_untracked(|c| c.get(&card_id).cloned());
    let Some(card) = card else {
        return view! {
            <h1>"Model card not found"</h1>
            <p>"This card is not in your workspace. " <a href=Route::Cards.href()>"Back to the model cards"</a></p>
        }
        .into_any();
    };
    // Start from the card's latest audit, or from what the card says about provenance.
    let start = store.collection::<SecurityAudit>().with_untracked(|c| {
        history(&c.items, &card.id)
            .first()
            .map(|a| a.info.clone())
            .unwrap_or_else(|| prefill(&card))
    });
    let info = RwSignal::new(start);
    let saved = RwSignal::new(None::<String>);
    let card_key = StoredValue::new(card.id.clone());
    let record = move |_| {
        let stamp = now();
        let audit = SecurityAudit::new(
            new_id(),
            card_key.get_value(),
            stamp.date_naive(),
            info.get_untracked(),
            stamp,
        );
        let verdict = if audit.result().overall_passed {
            "passed"
        } else {
            "failed"
        };
        store.edit::<SecurityAudit>(|c| c.upsert(audit));
        saved.set(Some(format!(
            "Recorded the audit of {}: {verdict}.",
            stamp.date_naive()
        )));
    };
    let text = move |id: &'static str,
                     label: &'static str,
                     get: fn(&ModelInfo) -> String,
                     set: fn(&mut ModelInfo, String)| {
        view! {
            <TextField id=id.into() label=label.into() max_length=100_000
                value=Signal::derive(move || info.with(get))
                on_input=Callback::new(move |v: String| info.update(|i| set(i, v))) />
        }
    };
    let flag = move |id: &'static str,
                     label: &'static str,
                     get: fn(&ModelInfo) -> bool,
                     set: fn(&mut ModelInfo, bool)| {
        view! {
            <div class="check-field">
                <input type="checkbox" id=id prop:checked=move || info.with(get)
                    on:change=move |ev| { let on = event_target_checked(&ev); info.update(|i| set(i, on)); } />
                <label for=id>{label}</label>
            </div>
        }
    };
    let title = card.title();
    view! {
        <p class="breadcrumb no-print"><a href=Route::Card(card.id.clone()).href()>"Back to the model card"</a></p>
        <h1>"Security audit: " {title}</h1>
        <div class="assessment-layout">
            <form class="panel" on:submit=|ev| ev.prevent_default() aria-label="Model information">
                <fieldset class="plain"><legend>"Provenance"</legend>
                    {text("audit-git-commit", "Git commit", |i| i.git_commit.clone(), |i, v| i.git_commit = v)}
                    {text("audit-data-version", "Training data version", |i| i.training_data_version.clone(), |i, v| i.training_data_version = v)}
                    {text("audit-trainer", "Trainer", |i| i.trainer.clone(), |i, v| i.trainer = v)}
                </fieldset>
                <fieldset class="plain"><legend>"Inputs and access"</legend>
                    <TextAreaField id="audit-input-schema".into() label="Input schema".into() rows=2
                        value=Signal::derive(move || info.with(|i| i.input_schema.clone()))
                        on_input=Callback::new(move |v: String| info.update(|i| i.input_schema = v)) />
                    {flag("audit-input-validation", "Input validation", |i| i.input_validation, |i, v| i.input_validation = v)}
                    {flag("audit-authentication", "Authentication", |i| i.authentication, |i, v| i.authentication = v)}
                    {flag("audit-authorization", "Authorization", |i| i.authorization, |i, v| i.authorization = v)}
                    {flag("audit-model-encrypted", "Model encrypted", |i| i.model_encrypted, |i, v| i.model_encrypted = v)}
                    {flag("audit-data-encrypted", "Data encrypted in transit", |i| i.data_encrypted_in_transit, |i, v| i.data_encrypted_in_transit = v)}
                    <TextAreaField id="audit-vulnerable".into() label="Vulnerable dependencies (from your scanner, one per line)".into() rows=2
                        value=Signal::derive(move || info.with(ModelInfo::vulnerable_dependencies_text))
                        on_input=Callback::new(move |v: String| info.update(|i| i.set_vulnerable_dependencies_text(&v))) />
                </fieldset>
                <fieldset class="plain"><legend>"For the further checks"</legend>
                    {text("audit-model-format", "Model file format", |i| i.model_format.clone(), |i, v| i.model_format = v)}
                    {flag("audit-sbom", "Software bill of materials recorded", |i| i.sbom_recorded, |i, v| i.sbom_recorded = v)}
                    {text("audit-dataset-provenance", "Dataset provenance", |i| i.dataset_provenance.clone(), |i, v| i.dataset_provenance = v)}
                    {text("audit-dataset-licence", "Dataset licence", |i| i.dataset_licence.clone(), |i, v| i.dataset_licence = v)}
                    {flag("audit-rate-limited", "Rate limits on the inference API", |i| i.rate_limited, |i, v| i.rate_limited = v)}
                </fieldset>
                <button type="button" class="button primary" on:click=record>"Record this audit"</button>
                <p role="status">{move || saved.get()}</p>
            </form>
            <section class="panel" aria-labelledby="audit-results">
                <h2 id="audit-results">"Results"</h2>
                {move || {
                    let result = info.with(audit_model);
                    view! {
                        <p class="overall"><strong>{if result.overall_passed { "Security audit passed" } else { "Security audit failed" }}</strong></p>
                        <ResultsTable caption="The lesson's five checks" results=result.checks />
                        <h3>"Further checks"</h3>
                        <p class="hint">"Not part of the lesson's verdict; each names the public checklist it comes from."</p>
                        <ResultsTable caption="Further checks" results=info.with(further_checks) />
                    }
                }}
            </section>
        </div>
        <section class="panel" aria-labelledby="audit-history">
            <h2 id="audit-history">"Audit history"</h2>
            <ul>
                {move || store.collection::<SecurityAudit>().with(|c| history(&c.items, &card_key.get_value()).into_iter().map(|audit| {
                    let result = audit.result();
                    let failed = result.checks.iter().filter(|c| !c.passed).count();
                    let verdict = if result.overall_passed { "passed".to_owned() } else { format!("failed ({failed} of 5 checks)") };
                    view! { <li>{audit.audited_on.to_string()} ": " {verdict}</li> }
                }).collect_view())}
            </ul>
        </section>
    }
    .into_any()
}

#[component]
fn ResultsTable(caption: &'static str, results: Vec<CheckResult>) -> impl IntoView {
    view! {
        <table class="records audit-table">
            <caption class="visually-hidden">{caption}</caption>
            <thead><tr><th scope="col">"Check"</th><th scope="col">"Result"</th><th scope="col">"Details"</th></tr></thead>
            <tbody>
                {results.into_iter().map(|r| view! {
                    <tr>
                        <th scope="row">{r.title}
                            {(!r.sources.is_empty()).then(|| view! {
                                <span class="hint">{r.sources.iter().map(|s| format!(" {}: {}", s.list, s.item)).collect::<String>()}</span>
                            })}
                        </th>
                        <td class:passed=r.passed class:failed=!r.passed>{if r.passed { "Passed" } else { "Failed" }}</td>
                        <td>{r.details}</td>
                    </tr>
                }).collect_view()}
            </tbody>
        </table>
    }
}
