//! Markdown report escaping and link rules.

mod common;
use common::{HOSTILE, assessment};
use mlops_governance_workbench::core::maturity::report::assessment_markdown;
use mlops_governance_workbench::core::text::link::{LinkError, safe_href, validate_link};
use mlops_governance_workbench::core::text::markdown::escape_block;

#[test]
fn only_http_https_and_mailto_links_are_allowed() {
    for ok in [
        "",
        "https://example.com/x?y=1",
        "http://intranet/wiki",
        "mailto:ml@example.com",
        "HTTPS://EXAMPLE.COM",
    ] {
        assert_eq!(validate_link(ok), Ok(()), "{ok}");
    }
    for (bad, error) in [
        ("javascript:alert(1)", LinkError::Scheme),
        ("data:text/html,<script>", LinkError::Scheme),
        ("  JavaScript:alert(1)", LinkError::Scheme),
        ("example.com", LinkError::Scheme),
        ("https://", LinkError::Malformed),
        ("https://a b", LinkError::Malformed),
        ("https://a\u{0}b", LinkError::Malformed),
    ] {
        assert_eq!(validate_link(bad), Err(error), "{bad}");
    }
    assert_eq!(safe_href(" https://x "), Some("https://x"));
    use mlops_governance_workbench::core::text::link::validate_web_link;
    assert_eq!(validate_web_link("https://x.example.com"), Ok(()));
    assert_eq!(validate_web_link(""), Ok(()));
    assert_eq!(validate_web_link("mailto:a@b.c"), Err(LinkError::NotWeb));
    assert_eq!(
        validate_web_link("javascript:alert(1)"),
        Err(LinkError::NotWeb)
    );
    assert_eq!(validate_web_link("https://a b"), Err(LinkError::Malformed));
    assert_eq!(safe_href("javascript:alert(1)"), None);
    assert_eq!(safe_href(""), None);
}

#[test]
fn escaped_text_has_no_markup_left() {
    assert_eq!(escape_block("<script>"), "&lt;script>");
    assert_eq!(escape_block("1. item"), "1\\. item");
    assert_eq!(escape_block("# title"), "\\# title");
    assert_eq!(escape_block("a\nb"), "a\\\nb");
    assert_eq!(
        escape_block("plain text, v2.1: fine"),
        "plain text, v2.1: fine"
    );
}

#[test]
fn the_report_has_results_criteria_and_recommendations_and_escapes_user_text() {
    for text in HOSTILE {
        let mut a = assessment("x", text, 0);
        a.assessor = text.to_string();
        a.set_answer("model-registry", |answer| {
            answer.implemented = true;
            answer.evidence = text.to_string();
            answer.link = "https://example.com/<a>".into();
        });
        a.set_answer("feature-store", |answer| {
            answer.link = "javascript:alert(1)".into()
        });
        let md = assessment_markdown(&a);
        // Every `<` is escaped except the one autolink we made.
        for (index, _) in md.match_indices('<') {
            let escaped = md[..index].ends_with('\\');
            let our_link = md[index..].starts_with("<https://example.com/%3Ca%3E>");
            assert!(escaped || our_link, "unescaped < at {index} in {md}");
        }
        assert!(!md.contains("javascript:alert(1)>"), "{md}");
        assert!(md.contains("Link: <https://example.com/%3Ca%3E>"), "{md}");
        assert!(md.contains("- [x] Model registry (Registry)"));
        assert!(md.contains("1. Implement experiment tracking (MLflow or Weights & Biases)"));
        assert!(md.contains("| Level 1 (ML Pipeline Automation) | 1 | 4 | 25% |"));
        for line in md.lines().filter(|l| l.starts_with('#')) {
            assert!(
                line.starts_with("# MLOps")
                    || line.starts_with("## ")
                    || line.starts_with("### Level"),
                "{line}"
            );
        }
    }
}

#[test]
fn export_file_names_are_safe() {
    use mlops_governance_workbench::core::text::filename::file_stem;
    assert_eq!(
        file_stem("Fraud Detection (EU) v2.1"),
        "fraud-detection-eu-v2-1"
    );
    assert_eq!(file_stem("../../etc/passwd"), "etc-passwd");
    assert_eq!(file_stem("<script>"), "script");
    assert_eq!(file_stem("🧪"), "untitled");
    assert_eq!(file_stem("Ünïcode Ärger"), "ünïcode-ärger");
    assert_eq!(file_stem(&"a".repeat(100)).len(), 60);
}

#[test]
fn kilobytes_show_one_decimal() {
    use mlops_governance_workbench::core::text::words::{kilobytes, plural};
    assert_eq!(plural(1, "item", "items"), "1 item");
    assert_eq!(plural(0, "item", "items"), "0 items");
    assert_eq!(kilobytes(0), "0.0 kB");
    assert_eq!(kilobytes(1536), "1.5 kB");
    assert_eq!(kilobytes(5 * 1024 * 1024), "5120.0 kB");
}
