//! The model card as one self-contained HTML page (lesson section 2.1, `to_html`).
//!
//! The lesson's `to_html` writes six of its 27 fields into an f-string and escapes nothing, so a
//! `<script>` in any field runs in every reviewer's browser. This page renders every field in
//! the editor's section order with the editor's labels ([`SECTIONS`], [`Field::label`]), shows
//! empty fields as "Not provided" so gaps are visible, and adds the fairness statistics the
//! lesson leaves to the reader ([`crate::core::fairness`]).
//!
//! Safety by construction: all markup comes from maud's `html!`, which escapes every
//! interpolated value. Only two things skip the escaper: this file's constant style sheet, and
//! user text holding none of the characters the escaper replaces (see `Plain`). The page
//! has no script, no event attribute and no external request, and its Content-Security-Policy
//! forbids all three, so even a copy edited by someone else and opened later runs nothing.
//! The contact e-mail is a link only when it is an address, and then always `mailto:`.

use crate::core::cards::card::{Factor, FairnessGroup, ModelCard, NamedNumber};
use crate::core::cards::checks::{completeness, is_email};
use crate::core::cards::fairness::{self, FOUR_FIFTHS, GroupStats};
use crate::core::cards::fields::{Field, SECTIONS, TextKey};
use crate::core::cards::origin::{FrontMatter, ReadmeOrigin};
use crate::core::cards::readme::sections::other_sections;
use crate::core::cards::results::{EvalResult, group_by_dataset};
use crate::core::text::number::finite_number;
use crate::core::text::number::format_count;
use chrono::NaiveDate;
use maud::{DOCTYPE, Markup, PreEscaped, Render, html};

/// Nothing may load or run: styles only inline, images only as data URLs.
const CSP: &str = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

/// The page's only style sheet (constant, never user text). Print: black on white, no page
/// break inside a table, a chart or a section's heading and its first lines. On screen,
/// sections out of view are neither laid out nor painted (`content-visibility`): the live
/// preview of a full card relays out only what is shown after each keystroke.
///
/// The live preview is a `srcdoc` frame, which inherits the app's CSP: `public/index.html`
/// allows exactly this sheet by its SHA-256 hash. After changing it, update the hash there
/// (the card browser test fails with the new hash until then).
pub const CSS: &str = "body{font:15px/1.5 system-ui,sans-serif;color:#1b1f24;background:#fff;\
max-width:52rem;margin:0 auto;padding:1.5rem;overflow-wrap:anywhere}\
h1{font-size:1.6rem;margin:0}h2{font-size:1.2rem;margin:2rem 0 .5rem;\
border-bottom:2px solid #2f6fb0}h3{font-size:1rem;margin:1rem 0 .3rem}\
dt{font-weight:600;margin-top:.8rem}dd{margin:.2rem 0 0}\
dd,li,td,h1,h3{white-space:pre-wrap}ul{margin:.2rem 0;padding-left:1.3rem}\
table{border-collapse:collapse;margin:.3rem 0}\
th,td{border:1px solid #c8ced6;padding:.25rem .6rem;text-align:left;vertical-align:top}\
th{background:#eef2f6}.none,.meta{color:#5a6570}.none{font-style:italic}\
.bad{color:#a4000f;font-weight:600}\
.flag{border-left:4px solid #a4000f;background:#fdecee;padding:.3rem .6rem}\
svg{display:block;max-width:100%;height:auto;margin:.5rem 0}\
pre{white-space:pre-wrap;background:#f6f8fa;padding:.5rem;font-size:13px}\
figure{margin:.5rem 0}img{max-width:100%;height:auto}\
::highlight(changed){background-color:#fff3b0;color:#1b1f24}\
@media screen{section{content-visibility:auto;contain-intrinsic-size:auto 30rem}}\
@media print{body{color:#000;background:#fff;max-width:none;padding:0;font-size:11pt}\
section,table,tr,svg,.flag{break-inside:avoid}h2,h3,dt{break-after:avoid}\
h2{border-color:#000}th,.flag{background:#fff}.flag{border-color:#000}\
a,.none,.meta,.bad{color:#000}}";

/// The whole page: `<!DOCTYPE html>` to `</html>`, every section in the editor's order.
pub fn render_card_html(card: &ModelCard) -> String {
    let title = card.title();
    let filled = completeness(card);
    html! {
        (DOCTYPE)
        html lang="en" {
            head {
                meta charset="utf-8";
                meta http-equiv="Content-Security-Policy" content=(CSP);
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { "Model card: " (title) }
                style { (PreEscaped(CSS)) }
            }
            body {
                h1 { "Model card: " (title) }
                p.meta {
                    "Lesson fields filled: " (filled.filled) " of " (filled.total)
                    " (" (filled.percent()) "%)"
                }
                @for section in &SECTIONS {
                    @if section.fields.iter().any(|f| shown(card, *f)) {
                        section {
                            h2 { (section.title) }
                            dl {
                                @for field in section.fields.iter().filter(|f| shown(card, **f)) {
                                    dt data-field=(field.key()) { (field.label()) }
                                    dd data-field=(field.key()) { (value(card, *field)) }
                                }
                            }
                        }
                    }
                }
                @if let Some(origin) = &card.imported_readme { (imported(origin)) }
                @if let Some(serde_json::Value::Object(mct)) = &card.imported_mct { (mct_graphics(mct)) }
            }
        }
    }
    .into_string()
}

/// The lesson's fields always show (empty ones as "Not provided"); the Hugging Face extras
/// (licence, tags, other README text) only when present.
fn shown(card: &ModelCard, field: Field) -> bool {
    Field::lesson_fields().any(|f| f == field) || card.is_filled(field)
}

fn none() -> Markup {
    html! { span.none { "Not provided" } }
}

/// User text, trimmed (inner line breaks kept), or "Not provided" when blank. Renders straight
/// into the page's buffer, escaped, with no allocation of its own.
struct Text<'a>(&'a str);

impl Render for Text<'_> {
    fn render_to(&self, out: &mut String) {
        match self.0.trim() {
            "" => none().render_to(out),
            text => Plain(text).render_to(out),
        }
    }
}

/// User text as it is, escaped by maud. maud's escaper copies byte by byte, most of a full
/// card's render time; text holding none of the four characters it escapes (`&<>"`), the usual
/// case, is identical escaped, so it is copied whole instead.
struct Plain<'a>(&'a str);

impl Render for Plain<'_> {
    fn render_to(&self, out: &mut String) {
        if self
            .0
            .bytes()
            .any(|b| matches!(b, b'&' | b'<' | b'>' | b'"'))
        {
            self.0.render_to(out);
        } else {
            PreEscaped(self.0).render_to(out);
        }
    }
}

/// A table cell's number as typed, marked when it is not a finite number.
struct Number<'a>(&'a str);

impl Render for Number<'_> {
    fn render_to(&self, out: &mut String) {
        match self.0.trim() {
            "" => none().render_to(out),
            value => {
                Plain(value).render_to(out);
                // The validation's rule (`cards::checks::number_problem`), without its message.
                if finite_number(value).is_none() {
                    html! { " " span.bad { "not a number" } }.render_to(out);
                }
            }
        }
    }
}

fn value(card: &ModelCard, field: Field) -> Markup {
    match field {
        Field::Text(TextKey::ContactEmail) => {
            let email = card.contact_email.trim();
            html! {
                @if is_email(email) {
                    a href={ "mailto:" (email) } { (email) }
                } @else {
                    (Text(email))
                    @if !email.is_empty() { " " span.bad { "not an e-mail address" } }
                }
            }
        }
        Field::Text(key) => html! { (Text(card.text(key))) },
        Field::List(key) => list(card.list(key)),
        Field::Table(key) => table(card.table(key), "Name"),
        Field::Count(key) => match card.count(key) {
            Some(count) => html! { (format_count(count)) },
            None => none(),
        },
        Field::TrainingDate => match card.training_date {
            Some(day) => html! { (day.to_string()) },
            None => none(),
        },
        Field::DateRange => {
            let range = card.training_data_date_range;
            match (range.start, range.end) {
                (None, None) => none(),
                (start, end) => html! {
                    (date(start)) " to " (date(end))
                    @if start.zip(end).is_some_and(|(s, e)| s > e) {
                        " " span.bad { "the start is after the end" }
                    }
                },
            }
        }
        Field::EvaluationFactors => factors(&card.evaluation_factors),
        Field::FairnessMetrics => fairness_groups(&card.fairness_metrics),
        Field::EvalResults => eval_results(&card.eval_results),
    }
}

/// One table per dataset: task, metric and value (a number or a text), and whether the Hub
/// verified it.
fn eval_results(results: &[EvalResult]) -> Markup {
    if results.is_empty() {
        return none();
    }
    html! {
        @for (dataset, members) in group_by_dataset(results) {
            h3 { (Plain(&dataset.label())) }
            table {
                thead { tr {
                    th scope="col" { "Task" } th scope="col" { "Metric" }
                    th scope="col" { "Value" } th scope="col" { "Verified" }
                } }
                tbody {
                    @for r in members.iter().filter_map(|i| results.get(*i)) {
                        tr {
                            td { (Plain(r.task_label())) }
                            td { (Plain(r.metric_label())) }
                            td { (Plain(r.value.as_text())) }
                            td { (match r.verified { Some(true) => "yes", Some(false) => "no", None => "" }) }
                        }
                    }
                }
            }
        }
    }
}

/// The graphics of an imported Model Card Toolkit card, as images (`data:` URLs, which the
/// page's CSP allows); a graphic that is not an image is named and said to be kept.
fn mct_graphics(mct: &serde_json::Map<String, serde_json::Value>) -> Markup {
    let graphics = crate::core::cards::mct::graphics(mct);
    html! {
        @if !graphics.is_empty() {
            section {
                h2 { "Graphics" }
                @for g in &graphics {
                    figure {
                        @if let Some(url) = &g.data_url {
                            img src=(url) alt=(g.name);
                        } @else {
                            p.none { "Not an image (kept in the Model Card Toolkit file as it was)." }
                        }
                        figcaption { (Plain(&g.name)) }
                    }
                }
            }
        }
    }
}

/// What an imported README held beyond the fields, as written and inert: its other metadata
/// and the sections no field fills.
fn imported(origin: &ReadmeOrigin) -> Markup {
    let metadata = origin.other_metadata();
    let sections = other_sections(&origin.sections);
    html! {
        @if let FrontMatter::Invalid { text, error } = &origin.front_matter {
            section {
                h2 { "Front matter (not valid YAML)" }
                p.bad { (Plain(error)) }
                pre { (Plain(text)) }
            }
        }
        @if !metadata.is_empty() {
            section {
                h2 { "Other metadata" }
                pre { (Plain(&metadata)) }
            }
        }
        @if !sections.is_empty() {
            section {
                h2 { "Other README sections" }
                @for s in sections {
                    h3 { (Plain(s.title().map_or("Text before the first heading", |t| t.1))) }
                    pre { (Plain(s.text.trim_matches('\n'))) }
                }
            }
        }
    }
}

/// One end of the training data's date range.
fn date(date: Option<NaiveDate>) -> Markup {
    match date {
        Some(date) => html! { (date.to_string()) },
        None => html! { span.none { "unknown" } },
    }
}

/// A list of texts; blank entries (drafting leftovers) are left out.
fn list(items: &[String]) -> Markup {
    let mut items = items
        .iter()
        .map(|s| s.trim())
        .filter(|s| !s.is_empty())
        .peekable();
    if items.peek().is_none() {
        return none();
    }
    html! { ul { @for item in items { li { (Plain(item)) } } } }
}

/// A name → number table; rows with neither a name nor a value are left out.
fn table(rows: &[NamedNumber], name_header: &str) -> Markup {
    let mut rows = rows
        .iter()
        .filter(|r| !(r.name.trim().is_empty() && r.value.trim().is_empty()))
        .peekable();
    if rows.peek().is_none() {
        return none();
    }
    html! {
        table {
            thead { tr { th scope="col" { (name_header) } th scope="col" { "Value" } } }
            tbody { @for row in rows { tr { td { (Text(&row.name)) } td { (Number(&row.value)) } } } }
        }
    }
}

fn factors(factors: &[Factor]) -> Markup {
    let mut rows = factors
        .iter()
        .filter(|f| !f.name.trim().is_empty() || f.values.iter().any(|v| !v.trim().is_empty()))
        .peekable();
    if rows.peek().is_none() {
        return none();
    }
    html! {
        table {
            thead { tr { th scope="col" { "Factor" } th scope="col" { "Values" } } }
            tbody { @for f in rows { tr { td { (Text(&f.name)) } td { (list(&f.values)) } } } }
        }
    }
}

fn fairness_groups(groups: &[FairnessGroup]) -> Markup {
    let mut groups = groups
        .iter()
        .filter(|g| !g.group.trim().is_empty() || !g.subgroups.is_empty())
        .peekable();
    if groups.peek().is_none() {
        return none();
    }
    html! {
        @for group in groups {
            h3 { (Text(&group.group)) }
            (table(&group.subgroups, "Subgroup"))
            @match fairness::group_stats(group) {
                Some(stats) => (group_stats(group, &stats)),
                None => p.none { "No subgroup has a number yet." },
            }
        }
    }
}

/// Lowest, highest, gap, ratio, the four-fifths flag, and the bar chart.
fn group_stats(group: &FairnessGroup, stats: &GroupStats) -> Markup {
    html! {
        ul {
            li { "Lowest: " (stats.min.entry.value.trim()) " (" bdi { (Text(&stats.min.entry.name)) } ")" }
            li { "Highest: " (stats.max.entry.value.trim()) " (" bdi { (Text(&stats.max.entry.name)) } ")" }
            li { "Gap (highest − lowest): " (fairness::decimal(stats.gap, 4)) }
            li {
                "Lowest / highest ratio: "
                @match stats.ratio {
                    Some(ratio) => (fairness::ratio_text(ratio)),
                    None if stats.count < 2 => span.none { "needs two or more values" },
                    None => span.none { "not defined for negative values or a highest value of 0" },
                }
            }
        }
        @if stats.flagged {
            p.flag {
                strong { "Below the four-fifths rule (0.8)" }
                ": the lowest subgroup's value is under 80% of the highest. Review this gap before release."
            }
        }
        @if stats.max.value > 0.0 { (chart(group, stats.max.value)) }
    }
}

/// Layout of the bar chart, in SVG user units: a label column, then bars up to `BAR` long.
const ROW: usize = 22;
const BAR: f64 = 200.0;
/// Where the dashed four-fifths line sits: 200 + 0.8 × 200.
const THRESHOLD_X: usize = 360;

/// A horizontal bar per subgroup with a number, scaled to the highest value; a dashed line
/// marks four-fifths of the highest, and bars below it are red. Names longer than the label
/// column are shortened here; each bar's tooltip and the table above carry the full text.
fn chart(group: &FairnessGroup, max: f64) -> Markup {
    let bars: Vec<(&NamedNumber, f64)> = group
        .subgroups
        .iter()
        .filter_map(|e| fairness::subgroup_value(e).map(|v| (e, v)))
        .collect();
    let height = bars.len() * ROW + 4;
    let name = group.group.trim();
    html! {
        svg role="img" aria-label={ "Bar chart of " (name) " by subgroup" }
            viewBox={ "0 0 480 " (height) } width="480" height=(height) font-size="12" {
            title { "Bar chart of " (name) " by subgroup; the dashed line is four-fifths of the highest value" }
            @for (row, (entry, value)) in bars.iter().enumerate() {
                @let y = row * ROW;
                // Rounded to whole units; negative values get no bar.
                @let width = (value.max(0.0) / max * BAR + 0.5) as usize;
                g {
                    title { (entry.name.trim()) ": " (entry.value.trim()) }
                    text x="196" y=(y + 15) text-anchor="end" { (Short(&entry.name)) }
                    rect x="200" y=(y + 4) width=(width) height="14"
                        fill=(if *value < FOUR_FIFTHS * max { "#b3261e" } else { "#2f6fb0" }) {}
                    text x=(204 + width) y=(y + 15) { (entry.value.trim()) }
                }
            }
            line x1=(THRESHOLD_X) x2=(THRESHOLD_X) y1="0" y2=(height) stroke="#000" stroke-dasharray="4 3" {}
        }
    }
}

/// A subgroup name cut to 16 characters for the chart's label column (wide enough for 16
/// of the widest letters).
struct Short<'a>(&'a str);

impl Render for Short<'_> {
    fn render_to(&self, out: &mut String) {
        let name = self.0.trim();
        match name.char_indices().nth(15) {
            Some((cut, _)) if name.chars().nth(16).is_some() => {
                name.get(..cut).unwrap_or(name).render_to(out);
                "…".render_to(out);
            }
            _ => name.render_to(out),
        }
    }
}
