//! `render_card_html` on its own as a WebAssembly module, for the browser benchmark
//! (scripts/bench.mjs, which builds it): Chromium runs it without the app around it, so its
//! time is the render's alone, where the editor's keystroke figure also holds the memos, the
//! DOM updates and setting the preview's `srcdoc`. Not part of the app. It has no JavaScript
//! glue: the bench stubs the imports the linked crates leave behind (never called) and calls
//! the plain functions below over the module's memory.
//!   cargo build --release --target wasm32-unknown-unknown --example card_wasm

use mlops_governance_workbench::core::cards::card::ModelCard;
use mlops_governance_workbench::core::cards::html::render_card_html;
use mlops_governance_workbench::core::cards::json::parse_card_json;
use std::cell::RefCell;
use std::hint::black_box;

thread_local! {
    static INPUT: RefCell<Vec<u8>> = const { RefCell::new(Vec::new()) };
    static CARD: RefCell<ModelCard> = RefCell::new(ModelCard::default());
}

/// Makes room for `len` bytes of card JSON and returns where to write them.
#[unsafe(no_mangle)]
pub extern "C" fn input(len: usize) -> *mut u8 {
    INPUT.with_borrow_mut(|input| {
        input.clear();
        input.resize(len, 0);
        input.as_mut_ptr()
    })
}

/// Reads the card from the input (the lesson's JSON shape); returns 1 when it was read.
#[unsafe(no_mangle)]
pub extern "C" fn load() -> u32 {
    let card = INPUT.with_borrow(|input| {
        std::str::from_utf8(input)
            .ok()
            .and_then(|text| parse_card_json(text).ok())
    });
    match card {
        Some(card) => {
            CARD.set(card);
            1
        }
        None => 0,
    }
}

/// Renders the card's page `times` times; returns the page's length in bytes.
#[unsafe(no_mangle)]
pub extern "C" fn render(times: u32) -> usize {
    CARD.with_borrow(|card| {
        let mut len = 0;
        for _ in 0..times {
            len = black_box(render_card_html(black_box(card))).len();
        }
        len
    })
}
