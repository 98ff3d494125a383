//! Share links: one assessment in the URL fragment, versioned, compressed, checked.

mod common;
use chrono::NaiveDate;
use common::{HOSTILE, HOSTILE_CARD_TEXT, assessment, at};
use mlops_governance_workbench::core::maturity::assessment::Assessment;
use mlops_governance_workbench::core::maturity::criteria::{CRITERIA, LESSON_EXAMPLE};
use mlops_governance_workbench::core::workshop::share_link::{
    FRAGMENT_PREFIX, LINK_SOFT_LIMIT, MAX_BODY_BYTES, ShareLinkError, decode, decode_link, encode,
    fragment, too_long_message,
};

/// An id as the app makes them: hex milliseconds, a dash, 16 hex digits.
const ID: &str = "19b7a3f05c2-3fa85f6457174562";

/// ~200 characters of plausible evidence per criterion, as a team would write it.
const NOTES: [&str; 14] = [
    "Nightly Airflow DAG retrains the churn model from the raw events table; one command (make train) reproduces a run locally. Owner: data platform team, reviewed in the Q3 retro with the product owner.",
    "All runs log parameters, metrics and artifacts to the shared MLflow server; the run id is written into the model card. Two older notebooks still log nothing at all, tracked as DEBT-12 in the register.",
    "Models are registered in the MLflow registry with the stages Staging and Production; promotion needs one reviewer. Old pickles on the shared drive were archived and removed in March after a check.",
    "Grafana dashboard for latency, error rate and prediction volume; PagerDuty alerts the on-call ML engineer when p95 latency exceeds 300 ms for ten minutes or the error rate goes over two percent.",
    "A Great Expectations suite checks schema, null rates and value ranges of the training snapshot before each run; serving data is not validated yet, which is planned for next quarter with the platform team.",
    "A candidate must beat the production model's AUC on the frozen holdout set by at least 0.5 points and pass the fairness gap check before it can be promoted to Staging; the report is kept with the run.",
    "GitHub Actions runs unit tests, data tests and a small training smoke test on every pull request; the Docker image is built, scanned and pushed on each merge to main, taking about twelve minutes.",
    "No feature store yet: features are computed twice, in the Spark batch job and again in the serving service, and have drifted apart twice this year. We evaluated Feast in a spike but did not adopt it.",
    "Argo CD deploys the approved model image to the serving cluster and rollback is one click. One manual step is left: updating the decision threshold config by hand after each release of a model.",
    "Retraining runs weekly on the last ninety days of data without anyone starting it, but only for the churn model; the pricing model is still retrained by hand every few months by whoever has time.",
    "Not in place. The serving layer cannot split traffic yet, so we compare models offline only. Istio traffic splitting is on the platform roadmap for the second half of the year, owner still unclear.",
    "Evidently reports compare weekly input distributions with the training data; a PSI above 0.2 on any of the top ten features opens a ticket for the team. Prediction drift is not monitored at all yet.",
    "No automatic trigger yet: drift tickets are triaged by a person who decides whether to retrain or not. A trigger from the Evidently job to the training DAG is being prototyped by two of the engineers.",
    "Model cards exist for both production models and are reviewed at each release; there is no formal approval board and no audit trail beyond the Git history. Ownership is listed in the service catalog.",
];

fn dated(mut a: Assessment) -> Assessment {
    a.id = ID.to_owned();
    a.assessor = "Alice Example".to_owned();
    a.date = NaiveDate::from_ymd_opt(2026, 3, 14);
    a.updated_at = at(3_600);
    a
}

fn empty() -> Assessment {
    dated(assessment(ID, "Team A", 0))
}

fn lesson_example() -> Assessment {
    let mut a = empty();
    for id in LESSON_EXAMPLE {
        a.set_answer(id, |answer| answer.implemented = true);
    }
    a
}

fn fully_annotated() -> Assessment {
    let mut a = empty();
    for (criterion, note) in CRITERIA.iter().zip(NOTES) {
        a.set_answer(criterion.id, |answer| {
            answer.implemented = true;
            answer.evidence = note.to_owned();
            answer.link = format!(
                "https://wiki.example.org/ml-platform/mlops-maturity/{}",
                criterion.id
            );
        });
    }
    a
}

fn round_trip(a: &Assessment) -> Assessment {
    let payload = encode(a);
    decode("1", &payload).unwrap_or_else(|e| panic!("{e}: {payload}"))
}

#[test]
fn every_kind_of_assessment_comes_back_exactly() {
    for a in [empty(), lesson_example(), fully_annotated()] {
        assert_eq!(round_trip(&a), a);
    }
    // No date, an empty name, times before 1970 and an update before the creation.
    let mut odd = assessment("", "", -90_000_000_000);
    odd.date = None;
    odd.updated_at = at(-100_000_000_000);
    assert_eq!(round_trip(&odd), odd);
}

#[test]
fn non_ascii_and_hostile_text_round_trips_in_every_field() {
    for text in HOSTILE.iter().chain(HOSTILE_CARD_TEXT) {
        let mut a = empty();
        a.id = format!("id {text}");
        a.name = format!("Équipe données 数据团队 {text}");
        a.assessor = format!("Zoë Ørsted-Łukasiewicz {text}");
        for (i, criterion) in CRITERIA.iter().enumerate() {
            a.set_answer(criterion.id, |answer| {
                answer.implemented = i % 3 == 0;
                answer.evidence = if i % 4 == 1 {
                    String::new()
                } else {
                    format!("{i}: {text} — naïve café, ∑ ≠ ∞, مرحبا, 🧪👩‍🔬")
                };
                answer.link = if i % 2 == 0 {
                    format!("https://例え.jp/証拠/{i}?q={text}")
                } else {
                    String::new()
                };
            });
        }
        assert_eq!(round_trip(&a), a, "{text:?}");
        // The payload is only base64url characters, so no tool escapes anything in it.
        assert!(
            encode(&a)
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
        );
    }
}

#[test]
fn many_generated_texts_round_trip() {
    // A small linear congruential generator: deterministic, no dependency.
    let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
    let mut next = move || {
        seed = seed
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (seed >> 33) as u32
    };
    let alphabets: [&[char]; 5] = [
        &['a', 'b', ' ', 'e', 't'],
        &['\u{ff}', '\u{10ffff}', '\u{7f}', '\0'],
        &['x'],
        &['é', '中', '🧪', 'z', '\n', '"', '\\'],
        &['\u{ffff}', '\u{fffe}', '\u{feff}', '\u{800}', '\u{7ff}'],
    ];
    for round in 0..300 {
        let alphabet = alphabets[round % alphabets.len()];
        let mut a = empty();
        for criterion in &CRITERIA {
            if next() % 3 == 0 {
                continue;
            }
            let length = (next() % 400) as usize;
            let text: String = (0..length)
                .map(|_| alphabet[next() as usize % alphabet.len()])
                .collect();
            let link: String = text.chars().take((next() % 60) as usize).collect();
            let implemented = next() % 2 == 0;
            a.set_answer(criterion.id, |answer| {
                answer.implemented = implemented;
                answer.evidence = text;
                answer.link = link;
            });
        }
        assert_eq!(round_trip(&a), a, "round {round}");
    }
}

#[test]
fn link_sizes_for_the_note() {
    let sizes: Vec<(&str, usize)> = [
        ("empty", empty()),
        ("lesson example", lesson_example()),
        ("fully annotated", fully_annotated()),
    ]
    .into_iter()
    .map(|(name, a)| (name, fragment(&a).len()))
    .collect();
    println!("fragment lengths: {sizes:?}");
    let notes_text: usize = fully_annotated()
        .answers
        .values()
        .map(|a| a.evidence.len() + a.link.len())
        .sum();
    println!("fully annotated: {notes_text} bytes of notes and links");
    // The figures in share_link.rs's documentation.
    assert_eq!(
        sizes,
        [
            ("empty", 105),
            ("lesson example", 105),
            ("fully annotated", 2285)
        ]
    );
    assert!(too_long_message(&fragment(&lesson_example())).is_none());
    assert!(too_long_message(&fragment(&fully_annotated())).is_some());
}

#[test]
fn a_hundred_kilobytes_of_notes_make_a_working_but_too_long_link() {
    let mut a = fully_annotated();
    let long: String = NOTES.concat().chars().cycle().take(100_000).collect();
    a.set_answer(CRITERIA[0].id, |answer| answer.evidence = long);
    let link = format!("https://example.org/workbench/{}", fragment(&a));
    println!("100 kB of notes: link of {} characters", link.len());
    assert!(
        link.len() > 50_000 && link.len() < 140_000,
        "{}",
        link.len()
    );
    assert!(too_long_message(&link).is_some());
    let message = too_long_message(&link).unwrap();
    assert!(message.starts_with(&format!("This link is {} characters long.", link.len())));
    assert!(message.contains("send the assessment as a file instead"));
    // Modern browsers open it: decoding it works.
    assert_eq!(decode_link(&link).unwrap(), a);
}

#[test]
fn the_soft_limit_is_two_thousand_characters() {
    assert_eq!(LINK_SOFT_LIMIT, 2_000);
    assert!(too_long_message(&"x".repeat(2_000)).is_none());
    assert!(too_long_message(&"x".repeat(2_001)).is_some());
    assert_eq!(too_long_message(&"x".repeat(2_000)), None);
}

#[test]
fn a_link_is_found_in_a_whole_address_or_a_pasted_message() {
    let a = lesson_example();
    let fragment = fragment(&a);
    assert!(fragment.starts_with(&format!("{FRAGMENT_PREFIX}1/")));
    for text in [
        fragment.clone(),
        format!("https://example.org/workbench/index.html{fragment}"),
        format!("  http://localhost:8080/{fragment}\n"),
        // Chat tools glue punctuation to links.
        format!("https://example.org/{fragment}."),
        format!("(https://example.org/{fragment})"),
        format!("\"https://example.org/{fragment}\""),
        format!("https://example.org/{fragment}== trailing words"),
    ] {
        assert_eq!(decode_link(&text), Ok(a.clone()), "{text}");
    }
}

#[test]
fn a_newer_link_version_is_refused_with_a_plain_message() {
    let payload = encode(&lesson_example());
    let error = decode("3", &payload).unwrap_err();
    assert_eq!(error, ShareLinkError::Newer { version: 3 });
    assert_eq!(
        error.message(),
        "This link was made by a newer version of the workbench (link version 3); this one reads versions 1 and 2."
    );
    assert_eq!(
        decode_link(&format!("https://x.org/#/shared/17/{payload}")),
        Err(ShareLinkError::Newer { version: 17 })
    );
    for version in ["0", "", "one", "-1", "1.0", "99999999999999999999999"] {
        assert_eq!(
            decode(version, &payload),
            Err(ShareLinkError::Damaged),
            "{version}"
        );
    }
}

#[test]
fn not_a_link_is_named_so() {
    for text in ["", "hello", "https://example.org/#/assessments/abc", "{}"] {
        let error = decode_link(text).unwrap_err();
        assert_eq!(error, ShareLinkError::NotALink, "{text}");
        assert_eq!(
            error.message(),
            "This is not a link to a shared assessment of this workbench."
        );
    }
    assert_eq!(decode_link("#/shared/1"), Err(ShareLinkError::Damaged));
}

#[test]
fn every_cut_off_link_is_refused_as_damaged() {
    for a in [empty(), lesson_example(), fully_annotated()] {
        let payload = encode(&a);
        for end in 0..payload.len() {
            let error = decode("1", &payload[..end]).unwrap_err();
            assert_eq!(
                error,
                ShareLinkError::Damaged,
                "cut at {end} of {}",
                payload.len()
            );
        }
        assert_eq!(
            ShareLinkError::Damaged.message(),
            "This link is damaged or incomplete (it may have been cut off by the app that carried it)."
        );
    }
}

#[test]
fn every_changed_character_is_detected() {
    for a in [empty(), lesson_example(), fully_annotated()] {
        let payload = encode(&a);
        // Every position of the short links; every third of the long one (each decode of
        // it unpacks 3 kB in a debug build).
        let step = if payload.len() > 500 { 3 } else { 1 };
        for (i, c) in payload.char_indices().step_by(step) {
            let choices = ['A', 'z', '0', '_'];
            let first = choices[i % 4];
            let replacements = if payload.len() > 500 {
                vec![if first == c {
                    choices[(i + 1) % 4]
                } else {
                    first
                }]
            } else {
                choices.iter().copied().filter(|&r| r != c).collect()
            };
            for replacement in replacements {
                let mut changed = payload.clone();
                changed.replace_range(i..i + 1, &replacement.to_string());
                // The last characters carry the range coder's final bits, some of which the
                // decoder never needs: a change there still gives exactly the same assessment.
                // Any other change is refused: never a different assessment.
                match decode("1", &changed) {
                    Ok(same) => assert_eq!(same, a, "{replacement} at {i}"),
                    Err(error) => {
                        assert_eq!(error, ShareLinkError::Damaged, "{replacement} at {i}")
                    }
                }
            }
        }
        // Characters outside base64url inside the payload.
        let middle = payload.len() / 2;
        for bad in ["%20", "+", "/", " ", "é", "="] {
            let mut changed = payload.clone();
            changed.insert_str(middle, bad);
            assert_eq!(decode("1", &changed), Err(ShareLinkError::Damaged), "{bad}");
        }
        // Two links glued together.
        assert_eq!(
            decode("1", &format!("{payload}{payload}")),
            Err(ShareLinkError::Damaged)
        );
    }
}

#[test]
fn arbitrary_payloads_never_panic_and_crafted_sizes_are_refused() {
    let mut seed: u64 = 7;
    let alphabet: Vec<char> = ('A'..='Z')
        .chain('a'..='z')
        .chain('0'..='9')
        .chain(['-', '_'])
        .collect();
    for _ in 0..3_000 {
        seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
        let length = (seed >> 40) as usize % 80;
        let text: String = (0..length)
            .map(|i| alphabet[((seed >> (i % 50)) as usize + i * 7) % 64])
            .collect();
        assert!(decode("1", &text).is_err());
    }
    // Method 1 (range-coded) claiming a body larger than the limit: refused before unpacking.
    let claim = |length: usize, coded: usize| {
        let mut bytes = vec![1u8, 0, 0, 0, 0];
        let mut length = length as u64;
        while length >= 0x80 {
            bytes.push((length as u8) | 0x80);
            length >>= 7;
        }
        bytes.push(length as u8);
        bytes.extend(std::iter::repeat_n(0, coded));
        decode("1", &base64url(&bytes))
    };
    assert_eq!(
        claim(MAX_BODY_BYTES + 1, 5_000),
        Err(ShareLinkError::TooLarge)
    );
    // More than the coder can unpack from so few bytes: damage, not size.
    assert_eq!(claim(MAX_BODY_BYTES + 1, 16), Err(ShareLinkError::Damaged));
    assert_eq!(claim(100_000, 16), Err(ShareLinkError::Damaged));
    assert!(
        ShareLinkError::TooLarge
            .message()
            .contains("more than 4 MB")
    );
}

/// Test-side base64url (no padding), independent of the code under test.
fn base64url(bytes: &[u8]) -> String {
    const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    let mut out = String::new();
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..=chunk.len() {
            out.push(ALPHABET[(n >> (18 - 6 * i)) as usize & 63] as char);
        }
    }
    out
}

#[test]
fn the_payload_is_standard_base64url() {
    // A stored (method 0) payload can be read back with an independent decoder: the first byte
    // is the method and the next four the CRC; the id follows the two bitsets.
    let a = assessment("x1", "T", 0);
    let payload = encode(&a);
    let bytes = from_base64url(&payload);
    assert_eq!(bytes[0], 0, "a tiny assessment is stored, not range-coded");
    assert_eq!(base64url(&bytes), payload);
    let body = &bytes[5..];
    assert_eq!(
        &body[..6],
        [0, 0, 2, b'x', b'1', 1],
        "bitsets, id, name's length"
    );
    // The fully annotated one is range-coded.
    assert_eq!(from_base64url(&encode(&fully_annotated()))[0], 1);
}

fn from_base64url(text: &str) -> Vec<u8> {
    const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    let mut out = Vec::new();
    let (mut buffer, mut bits) = (0u32, 0);
    for c in text.bytes() {
        buffer = (buffer << 6) | ALPHABET.iter().position(|&a| a == c).unwrap() as u32;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((buffer >> bits) as u8);
            buffer &= (1 << bits) - 1;
        }
    }
    out
}

#[test]
fn answers_outside_the_lesson_and_blank_answers_are_not_carried() {
    let mut a = lesson_example();
    a.answers.insert(
        "future-criterion".to_owned(),
        mlops_governance_workbench::core::maturity::assessment::Answer {
            implemented: true,
            evidence: "from a newer criteria list".to_owned(),
            ..Default::default()
        },
    );
    a.answers.insert(
        CRITERIA[13].id.to_owned(),
        mlops_governance_workbench::core::maturity::assessment::Answer::default(),
    );
    let back = round_trip(&a);
    assert!(!back.answers.contains_key("future-criterion"));
    assert!(!back.answers.contains_key(CRITERIA[13].id));
    assert_eq!(back.result(), a.result());
}
