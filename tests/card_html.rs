//! The model card's HTML page: every section and value, escaping of hostile text in every field,
//! the fairness statistics and the four-fifths flag; the decimal helper.

use mlops_governance_workbench::core::cards::card::{
    Factor, FairnessGroup, ModelCard, NamedNumber,
};
use mlops_governance_workbench::core::cards::fairness::{
    FOUR_FIFTHS, decimal, group_stats, ratio_text,
};
use mlops_governance_workbench::core::cards::fields::{Field, SECTIONS};
use mlops_governance_workbench::core::cards::html::render_card_html;
use mlops_governance_workbench::core::cards::json::lesson_example;

const FLAG: &str = "Below the four-fifths rule (0.8)";

/// HTML-escapes as maud does, for finding expected values in the page.
fn escaped(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

fn count(haystack: &str, needle: &str) -> usize {
    haystack.matches(needle).count()
}

/// The page's tags as written: the text between each `<` and the next `>`. User text can hold
/// neither (both are escaped), so every piece is markup the renderer wrote.
fn tags(html: &str) -> Vec<&str> {
    html.split('<')
        .skip(1)
        .map(|piece| piece.split('>').next().unwrap())
        .collect()
}

/// Asserts the page is safe whatever the card holds: only known elements, no event attribute,
/// no script, every link `mailto:`, and the style sheet is the renderer's own.
fn assert_safe(html: &str) {
    let lower = html.to_lowercase();
    assert!(!lower.contains("<script"), "a script element");
    assert_eq!(count(&lower, "<style"), 1);
    assert_eq!(count(&lower, "</style"), 1);
    const ELEMENTS: &[&str] = &[
        "!doctype", "html", "head", "meta", "title", "style", "body", "h1", "h2", "h3", "p",
        "section", "dl", "dt", "dd", "ul", "li", "table", "thead", "tbody", "tr", "th", "td",
        "span", "a", "strong", "bdi", "svg", "g", "text", "rect", "line",
    ];
    for tag in tags(html) {
        let name = tag
            .trim_start_matches('/')
            .split([' ', '\n'])
            .next()
            .unwrap()
            .to_lowercase();
        assert!(
            ELEMENTS.contains(&name.as_str()),
            "unexpected element <{tag}>"
        );
        // Attribute names: what is left outside double quotes (maud escapes `"` in values).
        let outside: String = tag
            .split('"')
            .step_by(2)
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase();
        for word in outside.split_whitespace().skip(1) {
            assert!(!word.starts_with("on"), "event attribute in <{tag}>");
            assert!(
                !word.starts_with("src") && !word.contains("javascript:"),
                "in <{tag}>"
            );
        }
        if let Some(start) = tag.find("href=\"") {
            let href = &tag[start + 6..];
            assert!(
                href.starts_with("mailto:"),
                "link other than mailto: <{tag}>"
            );
            assert!(!href.to_lowercase().contains("javascript:"), "in <{tag}>");
        }
    }
}

#[test]
fn the_page_is_one_self_contained_document_that_loads_and_runs_nothing() {
    let html = render_card_html(&lesson_example());
    assert!(html.starts_with("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"));
    assert!(html.contains(
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; \
         style-src 'unsafe-inline'; img-src data:\">"
    ));
    assert!(html.contains("<title>Model card: product_recommendation_model v2.1.0</title>"));
    assert!(html.contains("@media print"));
    assert!(html.ends_with("</body></html>"));
    for external in ["http:", "https:", "src=", "url(", "@import", "//"] {
        assert!(!html.contains(external), "{external}");
    }
    assert_safe(&html);
}

#[test]
fn every_section_label_and_value_of_the_lessons_card_appears_in_order() {
    let card = lesson_example();
    let html = render_card_html(&card);
    let mut at = 0;
    for section in SECTIONS.iter().take(9) {
        let heading = format!("<h2>{}</h2>", section.title);
        let found = html[at..].find(&heading).expect(section.title);
        at += found;
        for field in section.fields {
            assert!(html[at..].contains(&format!(
                "<dt data-field=\"{}\">{}</dt>",
                field.key(),
                field.label()
            )));
        }
    }
    assert!(
        !html.contains("<h2>Publishing</h2>"),
        "the lesson has no licence or tags"
    );
    assert!(
        !html.contains("Not provided"),
        "the lesson fills every field"
    );

    let mut values: Vec<String> = Vec::new();
    for field in Field::lesson_fields() {
        match field {
            Field::Text(key) => values.push(card.text(key).clone()),
            Field::List(key) => values.extend(card.list(key).iter().cloned()),
            Field::Table(key) => {
                for row in card.table(key) {
                    values.push(format!("<td>{}</td><td>{}</td>", row.name, row.value));
                }
            }
            _ => {}
        }
    }
    for factor in &card.evaluation_factors {
        values.push(factor.name.clone());
        values.extend(factor.values.iter().cloned());
    }
    for group in &card.fairness_metrics {
        values.push(format!("<h3>{}</h3>", group.group));
        for row in &group.subgroups {
            values.push(format!("<td>{}</td><td>{}</td>", row.name, row.value));
        }
    }
    for value in values {
        let value = if value.starts_with("<") {
            value
        } else {
            escaped(&value)
        };
        assert!(html.contains(&value), "{value}");
    }
    for value in [
        "2024-01-15",
        "2023-01-01 to 2023-12-31",
        "50,000,000",
        "5,000,000",
        "Filter items with &lt;5 interactions",
        "Latency increases with catalog size &gt;1M items",
        "<a href=\"mailto:ml-platform@example.com\">ml-platform@example.com</a>",
        "Lesson fields filled: 27 of 27 (100%)",
    ] {
        assert!(html.contains(value), "{value}");
    }
}

#[test]
fn the_lessons_fairness_numbers_are_right_and_not_flagged() {
    let card = lesson_example();
    let ages = &card.fairness_metrics[0];
    assert_eq!(ages.group, "age_groups");
    let stats = group_stats(ages).unwrap();
    assert_eq!(stats.count, 4);
    assert_eq!(
        (stats.min.entry.name.as_str(), stats.min.value),
        ("50+", 0.168)
    );
    assert_eq!(
        (stats.max.entry.name.as_str(), stats.max.value),
        ("26-35", 0.182)
    );
    assert!((stats.gap - 0.014).abs() < 1e-12);
    let ratio = stats.ratio.unwrap();
    assert!((ratio - 0.168 / 0.182).abs() < 1e-12 && (ratio - 0.923_076_9).abs() < 1e-6);
    assert!(!stats.flagged);

    let geo = group_stats(&card.fairness_metrics[1]).unwrap();
    assert_eq!(
        (geo.min.entry.name.as_str(), geo.max.entry.name.as_str()),
        ("rural", "urban")
    );
    assert!((geo.ratio.unwrap() - 0.17 / 0.185).abs() < 1e-12);
    assert!(!geo.flagged && geo.ratio.unwrap() > FOUR_FIFTHS);

    let html = render_card_html(&card);
    for shown in [
        "<li>Lowest: 0.168 (<bdi>50+</bdi>)</li>",
        "<li>Highest: 0.182 (<bdi>26-35</bdi>)</li>",
        "<li>Gap (highest − lowest): 0.014</li>",
        "<li>Lowest / highest ratio: 0.923</li>",
        "<li>Lowest: 0.17 (<bdi>rural</bdi>)</li>",
        "<li>Highest: 0.185 (<bdi>urban</bdi>)</li>",
        "<li>Gap (highest − lowest): 0.015</li>",
        "<li>Lowest / highest ratio: 0.918</li>",
        "<svg role=\"img\" aria-label=\"Bar chart of age_groups by subgroup\"",
        "<svg role=\"img\" aria-label=\"Bar chart of geographic by subgroup\"",
        "<title>Bar chart of age_groups by subgroup;",
    ] {
        assert!(html.contains(shown), "{shown}");
    }
    assert_eq!(count(&html, "<svg"), 2);
    assert_eq!(count(&html, "<rect"), 7, "one bar per subgroup");
    assert_eq!(count(&html, FLAG), 0);
    // Bars scale to the highest value (200 units): 0.168 / 0.182 × 200 = 184.6.
    assert!(html.contains("<rect x=\"200\" y=\"70\" width=\"185\""));
}

fn group(name: &str, values: &[(&str, &str)]) -> FairnessGroup {
    FairnessGroup {
        group: name.to_owned(),
        subgroups: values.iter().map(|(n, v)| NamedNumber::new(n, v)).collect(),
    }
}

#[test]
fn the_four_fifths_flag_appears_exactly_for_a_group_below_it() {
    let mut card = lesson_example();
    card.fairness_metrics.push(group(
        "income",
        &[
            ("low", "0.12"),
            ("middle", "0.2"),
            ("high", "0.21"),
            ("typo", "0.2.1"),
        ],
    ));
    let html = render_card_html(&card);
    assert_eq!(count(&html, FLAG), 1);
    let flag_at = html.find(FLAG).unwrap();
    assert!(flag_at > html.find("<h3>income</h3>").unwrap());
    assert!(html.contains("<li>Lowest / highest ratio: 0.571</li>"));
    assert!(html.contains("<td>0.2.1 <span class=\"bad\">not a number</span></td>"));
    assert_eq!(
        count(&html, "fill=\"#b3261e\""),
        1,
        "only the low bar is below 0.8 × max"
    );

    // Just under the line reads below it; exactly at it is not flagged.
    card.fairness_metrics = vec![group("g", &[("a", "0.79996"), ("b", "1")])];
    let html = render_card_html(&card);
    assert_eq!(count(&html, FLAG), 1);
    assert!(html.contains("ratio: 0.799<"));
    card.fairness_metrics = vec![group("g", &[("a", "0.8"), ("b", "1")])];
    assert_eq!(count(&render_card_html(&card), FLAG), 0);
}

#[test]
fn groups_without_enough_numbers_say_so_instead_of_a_ratio() {
    let card = ModelCard {
        fairness_metrics: vec![
            group("none", &[("a", ""), ("b", "n/a")]),
            group("one", &[("a", "0.4")]),
            group("signed", &[("a", "-0.2"), ("b", "0.4")]),
            group("zero", &[("a", "0"), ("b", "0")]),
        ],
        ..ModelCard::default()
    };
    let html = render_card_html(&card);
    assert!(html.contains("No subgroup has a number yet."));
    assert!(html.contains("needs two or more values"));
    assert_eq!(count(&html, "not defined for negative values"), 2);
    assert_eq!(count(&html, FLAG), 0);
    assert_eq!(
        count(&html, "<svg"),
        2,
        "charts need a positive highest value"
    );
    assert_safe(&html);
}

#[test]
fn an_empty_card_shows_every_lesson_field_as_not_provided() {
    let html = render_card_html(&ModelCard::default());
    assert_eq!(count(&html, "Not provided"), Field::lesson_fields().count());
    assert!(html.contains("<title>Model card: Untitled card</title>"));
    assert!(html.contains("Lesson fields filled: 0 of 27 (0%)"));
    assert!(!html.contains("Publishing"));
    assert_safe(&html);

    // Blank list entries and rows are drafting leftovers, not content.
    let card = ModelCard {
        primary_use_cases: vec!["  ".into(), String::new()],
        performance_metrics: vec![NamedNumber::new(" ", "")],
        ..ModelCard::default()
    };
    assert_eq!(
        count(&render_card_html(&card), "Not provided"),
        Field::lesson_fields().count()
    );
}

#[test]
fn the_publishing_section_shows_only_what_is_there_and_text_keeps_its_lines() {
    let card = ModelCard {
        license: "apache-2.0".into(),
        intended_use: "line one\nline two\n\n  indented".into(),
        contact_email: "not an address".into(),
        ..ModelCard::default()
    };
    let html = render_card_html(&card);
    assert!(html.contains("<h2>Publishing</h2><dl><dt data-field=\"license\">Licence</dt><dd data-field=\"license\">apache-2.0</dd></dl>"));
    assert!(!html.contains("Tags"));
    assert!(html.contains("line one\nline two\n\n  indented"));
    assert!(html.contains("white-space:pre-wrap") && html.contains("overflow-wrap:anywhere"));
    assert!(
        html.contains("<dd data-field=\"contact_email\">not an address <span class=\"bad\">not an e-mail address</span></dd>")
    );
    assert!(!html.contains("href"));
}

const HOSTILE: &[&str] = &[
    "<script>alert(1)</script>",
    "\"><img src=x onerror=alert(1)>",
    "javascript:alert(1)",
    "</style><script>alert(1)</script>",
    "<svg onload=alert(1)>",
    "' \" '' \"\" `",
    "right-to-left مرحبا \u{202E}desrever\u{202C} עברית",
    "emoji 🧪👩🏽‍🔬🏳️‍🌈",
    "&amp; &lt;b&gt; &#x3C;script&#x3E;",
];

/// Every string field of the card holds `text`; two subgroups per group also hold numbers, so
/// the chart, the statistics and the flag show the hostile names too.
fn filled_with(text: &str) -> ModelCard {
    let mut card = ModelCard::default();
    for section in &SECTIONS {
        for field in section.fields {
            match *field {
                Field::Text(key) => *card.text_mut(key) = text.to_owned(),
                Field::List(key) => *card.list_mut(key) = vec![text.to_owned(), text.to_owned()],
                Field::Table(key) => *card.table_mut(key) = vec![NamedNumber::new(text, text)],
                _ => {}
            }
        }
    }
    card.evaluation_factors = vec![Factor {
        name: text.to_owned(),
        values: vec![text.to_owned()],
    }];
    card.fairness_metrics = vec![FairnessGroup {
        group: text.to_owned(),
        subgroups: vec![
            NamedNumber::new(text, text),
            NamedNumber::new(&format!("{text}1"), "0.9"),
            NamedNumber::new(&format!("{text}2"), "0.3"),
        ],
    }];
    card
}

#[test]
fn hostile_text_in_every_field_is_escaped() {
    // 11 texts (the name twice more: title and heading), 11 lists of two, 2 tables of one row
    // (name and value), a factor and its value, a group name (heading, chart label and title),
    // its three subgroups in the table, the statistics and the chart.
    for text in HOSTILE {
        let html = render_card_html(&filled_with(text));
        assert_safe(&html);
        let expected = escaped(text);
        assert!(
            count(&html, &expected) >= 45,
            "{text}: {}",
            count(&html, &expected)
        );
        let title = format!("{expected} {expected}");
        assert!(html.contains(&format!("<title>Model card: {}</title>", title.trim())));
        assert_eq!(count(&html, FLAG), 1, "0.3 / 0.9 is below four-fifths");
    }
    let html = render_card_html(&filled_with("<script>alert(1)</script>"));
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(
        html.contains(
            "<dd data-field=\"contact_email\">&lt;script&gt;alert(1)&lt;/script&gt; <span class=\"bad\">not an e-mail"
        )
    );
    let html = render_card_html(&filled_with("\"><img src=x onerror=alert(1)>"));
    assert!(html.contains(
        "aria-label=\"Bar chart of &quot;&gt;&lt;img src=x onerror=alert(1)&gt; by subgroup\""
    ));
    assert!(
        render_card_html(&filled_with("</style><script>")).contains("&lt;/style&gt;&lt;script&gt;")
    );
    assert!(
        render_card_html(&filled_with("<svg onload=alert(1)>"))
            .contains("&lt;svg onload=alert(1)&gt;")
    );
    let html = render_card_html(&filled_with("javascript:alert(1)"));
    assert!(!html.contains("href"), "not an e-mail address, so no link");
}

#[test]
fn only_a_plain_address_becomes_a_mailto_link() {
    for email in [
        "\"onmouseover=alert(1)\"@example.com",
        "javascript:alert(1)@example.com",
        "<b>@example.com",
        "a?subject=x&body=y@example.com",
    ] {
        let card = ModelCard {
            contact_email: email.to_owned(),
            ..ModelCard::default()
        };
        let html = render_card_html(&card);
        assert!(!html.contains("href"), "{email} is no link: {html}");
        assert!(html.contains(&escaped(email)), "{html}");
        assert!(!html.contains("<b>"));
    }
    let card = ModelCard {
        contact_email: "ml-platform@example.com".to_owned(),
        ..ModelCard::default()
    };
    assert!(
        render_card_html(&card)
            .contains("<a href=\"mailto:ml-platform@example.com\">ml-platform@example.com</a>")
    );
}

#[test]
fn very_long_text_is_escaped_whole_and_chart_labels_are_shortened() {
    let long = "<script>".repeat(12_500); // 100 kB
    let html = render_card_html(&filled_with(&long));
    assert_safe(&html);
    let expected = escaped(&long);
    assert!(count(&html, &expected) >= 40);
    // The chart's label column holds 15 characters and an ellipsis (two subgroups have numbers).
    let label = format!(
        ">{}…</text>",
        escaped(&long.chars().take(15).collect::<String>())
    );
    assert_eq!(count(&html, &label), 2);
    let unbroken = "x".repeat(100_000);
    let html = render_card_html(&filled_with(&unbroken));
    assert!(html.contains(&format!("<li>{unbroken}</li>")));
}

#[test]
fn decimals_are_short_and_exact_without_float_formatting() {
    assert_eq!(decimal(0.1 + 0.2, 4), "0.3");
    assert_ne!(decimal(0.1 + 0.2, 4), "0.30000000000000004");
    assert_eq!(decimal(0.182 - 0.168, 4), "0.014");
    assert_eq!(decimal(0.185 - 0.17, 4), "0.015");
    assert_eq!(decimal(2.0, 2), "2");
    assert_eq!(decimal(0.0, 3), "0");
    assert_eq!(decimal(-0.00001, 3), "0", "no negative zero");
    assert_eq!(decimal(-1.23456, 2), "-1.23");
    assert_eq!(decimal(0.125, 2), "0.13", "half away from zero");
    assert_eq!(decimal(1_234_567.891, 1), "1234567.9");
    assert_eq!(decimal(2.5, 0), "3");
    assert_eq!(decimal(1e300, 4), "1e+300");
    assert_eq!(decimal(f64::INFINITY, 2), "∞");
    assert_eq!(decimal(f64::NEG_INFINITY, 2), "-∞");
    assert_eq!(decimal(f64::NAN, 2), "NaN");
    for i in 0..1000 {
        let x = f64::from(i) * 0.001 + 0.1 + 0.2;
        let text = decimal(x, 4);
        assert!(text.len() <= 6, "{x}: {text}");
    }
}

#[test]
fn ratios_round_down_so_a_flagged_ratio_never_reads_as_the_threshold() {
    assert_eq!(ratio_text(0.79996), "0.799");
    assert_eq!(ratio_text(0.8), "0.8");
    assert_eq!(ratio_text(0.168 / 0.182), "0.923");
    assert_eq!(ratio_text(0.17 / 0.185), "0.918");
    assert_eq!(ratio_text(1.0), "1");
}

#[test]
fn statistics_skip_what_is_not_a_number_and_define_the_ratio_only_where_it_means_something() {
    let g = group(
        "g",
        &[
            ("a", "0.5"),
            ("b", "x"),
            ("c", ""),
            ("d", "0.3"),
            ("e", "0.3"),
        ],
    );
    let stats = group_stats(&g).unwrap();
    assert_eq!(stats.count, 3);
    assert_eq!(stats.min.entry.name, "d", "the first of equal values");
    assert_eq!(stats.max.entry.name, "a");
    assert!((stats.ratio.unwrap() - 0.6).abs() < 1e-12);
    assert!(stats.flagged);

    assert_eq!(
        group_stats(&group("g", &[("a", "x"), ("b", "1e400")])),
        None
    );
    let ratio_flag_gap = |values: &[(&str, &str)]| {
        let group = group("g", values);
        let stats = group_stats(&group).unwrap();
        (stats.ratio, stats.flagged, stats.gap)
    };
    assert_eq!(ratio_flag_gap(&[("a", "0.5")]), (None, false, 0.0));
    assert_eq!(
        ratio_flag_gap(&[("a", "0"), ("b", "0")]),
        (None, false, 0.0)
    );
    assert_eq!(
        ratio_flag_gap(&[("a", "-1"), ("b", "2")]),
        (None, false, 3.0)
    );
    assert_eq!(ratio_flag_gap(&[("a", "0.8"), ("b", "1")]).0, Some(0.8));
    assert!(
        !ratio_flag_gap(&[("a", "0.8"), ("b", "1")]).1,
        "0.8 is not below 0.8"
    );
}
