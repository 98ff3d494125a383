//! One assessment in a link: `…#/shared/1/<payload>`. The fragment (after `#`) is never sent
//! to a server, so the receiver opens the link in the static page alone.
//!
//! The payload (version 1) is base64url without padding of these bytes:
//!
//! ```text
//! method (1 byte: 0 stored, 1 range-coded)
//! CRC-32 of the body (4 bytes, little-endian)
//! method 0: the body | method 1: the body's length (varint), then the range-coded body
//! ```
//!
//! and the body is, with varints (LEB128) and strings as a varint byte length plus UTF-8:
//!
//! ```text
//! implemented criteria  varint bitset, bit i = maturity::CRITERIA[i] (lesson order)
//! criteria with notes   varint bitset, same order
//! id, team name, assessor   strings
//! date                  varint: 0 = none, else zigzag(days from 0001-01-01) + 1
//! created_at            varint: zigzag(milliseconds since 1970)
//! updated_at            varint: zigzag(milliseconds after created_at)
//! per criterion with notes, in order: evidence (string); link as the length of the
//!     prefix it shares with the previous link (varint, in bytes) and the rest (string)
//! ```
//!
//! Version 2 carries an ML Test Score assessment in the same layout over the paper's 28 tests
//! (`maturity::test_score::TESTS`), with two additions: after the done bitset, the bitset of
//! tests that are automated (a subset of the done ones), and after `updated_at` the target
//! (varint: 0 = none, else half points + 1). Assessments of the lesson's maturity model are
//! still written as version 1, so their links are as short as before.
//!
//! The bitsets follow the lesson's 14 criteria of version 1: a later criteria list must use a
//! new link version, and this one refuses links of a version it does not know, so an old
//! link is never misread. The CRC detects links that were cut off or changed on the way.
//! Answers to criteria outside the lesson's list are not carried, nor blank answers.
//!
//! Compression: the body is range-coded when that makes it shorter: LZMA's binary range
//! coder with an adaptive order-0/order-1 bit model (below). On the fully annotated example
//! it packs 3,213 bytes into 1,699, as small as deflate (`miniz_oxide` at its best level:
//! 1,697), for about 0.7 kB of wasm (brotli) instead of 13.4 kB for `miniz_oxide`'s encoder
//! and decoder (8.4 kB + 5.3 kB, measured in a small cdylib at opt-level z, wasm-opt -Oz).
//!
//! Measured lengths of the whole fragment (`#/shared/1/…`; the page's address comes on top):
//!
//! | assessment | characters |
//! |---|---|
//! | empty (id, team, assessor, date, times) | 105 |
//! | the lesson's example (5 criteria ticked, no notes) | 105 |
//! | 14 criteria, each with ~200 characters of evidence and a ~75-character link | 2,285 |
//! | the same with 100,000 characters of evidence on one criterion | ~59,100 |
//!
//! (`tests/share_link.rs` checks these figures.) A fully annotated assessment is therefore
//! just over [`LINK_SOFT_LIMIT`]: the UI offers the file instead. Links of any length decode.

mod base64url;
mod crc32;
mod payload;
mod range_coder;
mod varint;

use crate::core::maturity::assessment::Assessment;
use base64url::{base64url_decode, base64url_encode, sextet};
use crc32::crc32;
use payload::{Layout, read_body, write_body};
use range_coder::{range_decode, range_encode};
use std::fmt;
use varint::{Reader, write_varint};

/// The newest link version this code writes and reads (1 for the maturity model, 2 for the
/// ML Test Score).
pub const LINK_VERSION: u64 = 2;

/// What every share link's fragment starts with, before the version.
pub const FRAGMENT_PREFIX: &str = "#/shared/";

/// Links up to this many characters are carried intact by every browser, chat tool and
/// e-mail program we know of. Current browsers open much longer links (megabytes), but
/// 2,000 is the long-standing safe length (Internet Explorer stopped at 2,083 characters, the
/// sitemaps protocol allows 2,048), and some chat tools, e-mail programs and link previews
/// still cut or refuse longer ones. Over it, the UI should offer the file instead.
pub const LINK_SOFT_LIMIT: usize = 2_000;

/// The most text a link may unpack to (4 MiB). Far beyond any real assessment; it stops a
/// crafted link from making the page allocate gigabytes.
pub const MAX_BODY_BYTES: usize = 4 * 1024 * 1024;

/// Why a link could not be opened. [`ShareLinkError::message`] is the text for the user.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ShareLinkError {
    /// The text holds no `#/shared/` link.
    NotALink,
    /// A link of a later version than [`LINK_VERSION`].
    Newer { version: u64 },
    /// Cut off, changed on the way, or not made by the workbench.
    Damaged,
    /// It would unpack to more than [`MAX_BODY_BYTES`].
    TooLarge,
}

impl ShareLinkError {
    pub fn message(&self) -> String {
        match self {
            ShareLinkError::NotALink => {
                "This is not a link to a shared assessment of this workbench.".to_owned()
            }
            ShareLinkError::Newer { version } => format!(
                "This link was made by a newer version of the workbench (link version {version}); this one reads versions 1 and {LINK_VERSION}."
            ),
            ShareLinkError::Damaged => "This link is damaged or incomplete (it may have been cut off by the app that carried it).".to_owned(),
            ShareLinkError::TooLarge => "This link holds more than 4 MB of text, more than any assessment needs, so it was not opened.".to_owned(),
        }
    }
}

impl fmt::Display for ShareLinkError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message())
    }
}

/// The payload for one assessment: the part of the fragment after `#/shared/1/` (or `2/`).
pub fn encode(assessment: &Assessment) -> String {
    let body = write_body(assessment, Layout::of(assessment.instrument));
    let crc = crc32(&body);
    let packed = range_encode(&body);
    let mut bytes = Vec::with_capacity(body.len() + 8);
    let mut length = Vec::new();
    write_varint(&mut length, body.len() as u64);
    if length.len() + packed.len() < body.len() {
        bytes.push(1);
        bytes.extend_from_slice(&crc.to_le_bytes());
        bytes.extend_from_slice(&length);
        bytes.extend_from_slice(&packed);
    } else {
        bytes.push(0);
        bytes.extend_from_slice(&crc.to_le_bytes());
        bytes.extend_from_slice(&body);
    }
    base64url_encode(&bytes)
}

/// The whole fragment for one assessment: `#/shared/1/<payload>` (`2/` for the ML Test Score).
pub fn fragment(assessment: &Assessment) -> String {
    let version = Layout::of(assessment.instrument).version();
    format!("{FRAGMENT_PREFIX}{version}/{}", encode(assessment))
}

/// The warning to show with a link that is too long, or `None` when it is not.
pub fn too_long_message(link: &str) -> Option<String> {
    let length = link.chars().count();
    (length > LINK_SOFT_LIMIT).then(|| {
        format!(
            "This link is {length} characters long. Some chat tools and e-mail programs cut off or refuse links over {LINK_SOFT_LIMIT} characters (long notes make long links), so send the assessment as a file instead."
        )
    })
}

/// Reads the version segment and payload of a `#/shared/<version>/<payload>` route.
///
/// The assessment comes back with the id, dates and times it had when the link was made (so
/// saving it twice, or saving it next to the same assessment imported from a file, is
/// recognised by the import's merge). Characters a chat tool may have glued to the end of the
/// link (`.`, `)`, quotes, `=` padding) are ignored; the CRC decides whether what is left is
/// intact.
pub fn decode(version: &str, payload: &str) -> Result<Assessment, ShareLinkError> {
    let version: u64 = version
        .trim()
        .parse()
        .map_err(|_| ShareLinkError::Damaged)?;
    let layout = match version {
        1 => Layout::V1,
        2 => Layout::V2,
        newer if newer > LINK_VERSION => return Err(ShareLinkError::Newer { version }),
        _ => return Err(ShareLinkError::Damaged),
    };
    let payload = payload
        .trim()
        .trim_end_matches(|c: char| sextet(c).is_none());
    let bytes = base64url_decode(payload).ok_or(ShareLinkError::Damaged)?;
    let (&method, rest) = bytes.split_first().ok_or(ShareLinkError::Damaged)?;
    let (crc, rest) = rest
        .split_first_chunk::<4>()
        .ok_or(ShareLinkError::Damaged)?;
    let body = match method {
        0 => rest.to_vec(),
        1 => {
            let mut reader = Reader::new(rest);
            let length = usize::try_from(reader.varint()?).map_err(|_| ShareLinkError::Damaged)?;
            // The coder cannot unpack one byte into more than about 700: a larger claim is
            // damage, not a large link.
            if length > reader.rest().len().saturating_mul(1024).saturating_add(64) {
                return Err(ShareLinkError::Damaged);
            }
            if length > MAX_BODY_BYTES {
                return Err(ShareLinkError::TooLarge);
            }
            range_decode(reader.rest(), length).ok_or(ShareLinkError::Damaged)?
        }
        _ => return Err(ShareLinkError::Damaged),
    };
    if body.len() > MAX_BODY_BYTES {
        return Err(ShareLinkError::TooLarge);
    }
    if crc32(&body) != u32::from_le_bytes(*crc) {
        return Err(ShareLinkError::Damaged);
    }
    read_body(&body, layout)
}

/// Finds a share link in pasted text (a whole address, or just its fragment) and decodes it.
pub fn decode_link(text: &str) -> Result<Assessment, ShareLinkError> {
    let text = text.trim();
    let (_, after) = text
        .split_once(FRAGMENT_PREFIX)
        .ok_or(ShareLinkError::NotALink)?;
    let after = after.split(char::is_whitespace).next().unwrap_or("");
    let (version, payload) = after.split_once('/').ok_or(ShareLinkError::Damaged)?;
    decode(version, payload)
}
