//! The real Hugging Face READMEs of `../shared/corpus/hf/` (test data from elsewhere, never
//! copied here): every one imports, and its export keeps every word of the body.
//!
//! The exports are written to `target/corpus-readmes/` for `scripts/check_hf_roundtrip.py`,
//! which reads originals and exports with the Hub's own client (`huggingface_hub`) and
//! compares their metadata key by key. When the corpus is not there, this says so and checks
//! nothing.

use mlops_governance_workbench::core::cards::readme::{card_to_readme, parse_readme};
use std::path::{Path, PathBuf};

fn corpus() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/hf");
    dir.is_dir().then_some(dir)
}

/// The body's words: the text after the front matter, split at white space.
fn words(text: &str) -> Vec<String> {
    text.split_whitespace().map(str::to_owned).collect()
}

#[test]
fn every_corpus_readme_imports_and_its_export_keeps_every_word() {
    let Some(dir) = corpus() else {
        println!("SKIPPED: ../shared/corpus/hf/ is not there; no real README was checked.");
        return;
    };
    let out = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/corpus-readmes");
    std::fs::create_dir_all(&out).unwrap();
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    assert_eq!(files.len(), 16, "the corpus has 16 READMEs");
    for path in files {
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let bytes = std::fs::read(&path).unwrap();
        // As a browser's FileReader.readAsText reads it: UTF-8, bad bytes replaced.
        let text = String::from_utf8_lossy(&bytes);
        let imported = parse_readme(&text).unwrap_or_else(|e| panic!("{name}: {e}"));
        let readme = card_to_readme(&imported.card);
        let mut missing = words(&readme.replace("\r\n", "\n"));
        missing.sort();
        let normalized = text.replace("\r\n", "\n").replace('\r', "\n");
        for word in words(&normalized) {
            assert!(
                missing.binary_search(&word).is_ok(),
                "{name}: the export lost the word {word:?}"
            );
        }
        // Read back: the same card, and the same README again.
        let again = parse_readme(&readme).unwrap_or_else(|e| panic!("{name} again: {e}"));
        assert_eq!(
            card_to_readme(&again.card),
            readme,
            "{name}: export is not stable"
        );
        println!("{name}: {}", imported.summary());
        std::fs::write(out.join(&name), readme).unwrap();
    }
}
