//! The words that changed between two texts, for marking them.
//!
//! A longest common subsequence of words, after the common beginning and end are taken off.
//! The table is bounded: when the changed middle of both texts is too long for it (a 100 kB
//! paste against another), the whole middle is one removal and one addition, which is still
//! exact, only coarser.

/// A run of words: kept, removed (only in the old text) or added (only in the new one).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Words {
    Same(String),
    Removed(String),
    Added(String),
}

/// Cells of the comparison table allowed (about 4 MB of `u32`).
const MAX_CELLS: usize = 1_000_000;

/// Words joined by single spaces.
fn join(words: &[&str]) -> String {
    words.join(" ")
}

/// The old text against the new one, as runs of words (white space is not compared).
pub fn word_diff(old: &str, new: &str) -> Vec<Words> {
    let a: Vec<&str> = old.split_whitespace().collect();
    let b: Vec<&str> = new.split_whitespace().collect();
    let prefix = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    let suffix = a
        .iter()
        .rev()
        .zip(b.iter().rev())
        .take(a.len().min(b.len()) - prefix)
        .take_while(|(x, y)| x == y)
        .count();
    let (a_mid, b_mid) = (
        a.get(prefix..a.len() - suffix).unwrap_or_default(),
        b.get(prefix..b.len() - suffix).unwrap_or_default(),
    );
    let mut runs: Vec<Words> = Vec::new();
    let push = |run: Words, runs: &mut Vec<Words>| {
        let text = match &run {
            Words::Same(t) | Words::Removed(t) | Words::Added(t) => t,
        };
        if text.is_empty() {
            return;
        }
        match (runs.last_mut(), run) {
            (Some(Words::Same(t)), Words::Same(more))
            | (Some(Words::Removed(t)), Words::Removed(more))
            | (Some(Words::Added(t)), Words::Added(more)) => {
                t.push(' ');
                t.push_str(&more);
            }
            (_, run) => runs.push(run),
        }
    };
    push(
        Words::Same(join(a.get(..prefix).unwrap_or_default())),
        &mut runs,
    );
    if a_mid.len().saturating_mul(b_mid.len()) > MAX_CELLS {
        push(Words::Removed(join(a_mid)), &mut runs);
        push(Words::Added(join(b_mid)), &mut runs);
    } else {
        for step in lcs(a_mid, b_mid) {
            push(step, &mut runs);
        }
    }
    push(
        Words::Same(join(a.get(a.len() - suffix..).unwrap_or_default())),
        &mut runs,
    );
    runs
}

/// The steps from `a` to `b` by a longest common subsequence (one word per step).
fn lcs(a: &[&str], b: &[&str]) -> Vec<Words> {
    let width = b.len() + 1;
    let mut table = vec![0u32; (a.len() + 1) * width];
    let at = |i: usize, j: usize| i * width + j;
    for i in (0..a.len()).rev() {
        for j in (0..b.len()).rev() {
            let value = if a.get(i) == b.get(j) {
                table.get(at(i + 1, j + 1)).copied().unwrap_or(0) + 1
            } else {
                let down = table.get(at(i + 1, j)).copied().unwrap_or(0);
                let right = table.get(at(i, j + 1)).copied().unwrap_or(0);
                down.max(right)
            };
            if let Some(cell) = table.get_mut(at(i, j)) {
                *cell = value;
            }
        }
    }
    let (mut i, mut j) = (0, 0);
    let mut steps = Vec::new();
    let word = |w: Option<&&str>| w.map_or(String::new(), |w| (*w).to_owned());
    while i < a.len() || j < b.len() {
        let cell = |i: usize, j: usize| table.get(at(i, j)).copied().unwrap_or(0);
        if i < a.len() && j < b.len() && a.get(i) == b.get(j) {
            steps.push(Words::Same(word(a.get(i))));
            i += 1;
            j += 1;
        } else if i < a.len() && (j == b.len() || cell(i + 1, j) >= cell(i, j + 1)) {
            steps.push(Words::Removed(word(a.get(i))));
            i += 1;
        } else {
            steps.push(Words::Added(word(b.get(j))));
            j += 1;
        }
    }
    steps
}
