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

use crate::core::assessment::{Answer, Assessment};
use crate::core::maturity::CRITERIA;
use chrono::{DateTime, Datelike, NaiveDate, Utc};
use std::collections::BTreeMap;
use std::fmt;

/// The link version this code writes and reads.
pub const LINK_VERSION: u64 = 1;

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

/// Why a link could not be opened. [`LinkError::message`] is the text for the user.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LinkError {
    /// The text holds no `#/shared/` link.
    NotALink,
    /// A link of a later version than [`LINK_VERSION`].
    Newer { version: u64 },
    /// Cut off, changed on the way, or not made by the workbench.
    Damaged,
    /// It would unpack to more than [`MAX_BODY_BYTES`].
    TooLarge,
}

impl LinkError {
    pub fn message(&self) -> String {
        match self {
            LinkError::NotALink => {
                "This is not a link to a shared assessment of this workbench.".to_owned()
            }
            LinkError::Newer { version } => format!(
                "This link was made by a newer version of the workbench (link version {version}); this one reads version {LINK_VERSION}."
            ),
            LinkError::Damaged => "This link is damaged or incomplete (it may have been cut off by the app that carried it).".to_owned(),
            LinkError::TooLarge => "This link holds more than 4 MB of text, more than any assessment needs, so it was not opened.".to_owned(),
        }
    }
}

impl fmt::Display for LinkError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message())
    }
}

/// The payload for one assessment: the part of the fragment after `#/shared/1/`.
pub fn encode(assessment: &Assessment) -> String {
    let body = write_body(assessment);
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

/// The whole fragment for one assessment: `#/shared/1/<payload>`.
pub fn fragment(assessment: &Assessment) -> String {
    format!("{FRAGMENT_PREFIX}{LINK_VERSION}/{}", encode(assessment))
}

/// True when a link (the whole address) is longer than [`LINK_SOFT_LIMIT`].
pub fn is_too_long(link: &str) -> bool {
    link.chars().count() > LINK_SOFT_LIMIT
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
pub fn decode(version: &str, payload: &str) -> Result<Assessment, LinkError> {
    let version: u64 = version.trim().parse().map_err(|_| LinkError::Damaged)?;
    if version > LINK_VERSION {
        return Err(LinkError::Newer { version });
    }
    if version != LINK_VERSION {
        return Err(LinkError::Damaged);
    }
    let payload = payload
        .trim()
        .trim_end_matches(|c: char| sextet(c).is_none());
    let bytes = base64url_decode(payload).ok_or(LinkError::Damaged)?;
    let (&method, rest) = bytes.split_first().ok_or(LinkError::Damaged)?;
    let (crc, rest) = rest.split_first_chunk::<4>().ok_or(LinkError::Damaged)?;
    let body = match method {
        0 => rest.to_vec(),
        1 => {
            let mut reader = Reader::new(rest);
            let length = usize::try_from(reader.varint()?).map_err(|_| LinkError::Damaged)?;
            // The coder cannot unpack one byte into more than about 700: a larger claim is
            // damage, not a large link.
            if length > reader.rest().len().saturating_mul(1024).saturating_add(64) {
                return Err(LinkError::Damaged);
            }
            if length > MAX_BODY_BYTES {
                return Err(LinkError::TooLarge);
            }
            range_decode(reader.rest(), length).ok_or(LinkError::Damaged)?
        }
        _ => return Err(LinkError::Damaged),
    };
    if body.len() > MAX_BODY_BYTES {
        return Err(LinkError::TooLarge);
    }
    if crc32(&body) != u32::from_le_bytes(*crc) {
        return Err(LinkError::Damaged);
    }
    read_body(&body)
}

/// Finds a share link in pasted text (a whole address, or just its fragment) and decodes it.
pub fn decode_link(text: &str) -> Result<Assessment, LinkError> {
    let text = text.trim();
    let (_, after) = text
        .split_once(FRAGMENT_PREFIX)
        .ok_or(LinkError::NotALink)?;
    let after = after.split(char::is_whitespace).next().unwrap_or("");
    let (version, payload) = after.split_once('/').ok_or(LinkError::Damaged)?;
    decode(version, payload)
}

// ---- the body ----

fn write_body(assessment: &Assessment) -> Vec<u8> {
    let mut out = Vec::new();
    let mut implemented = 0u64;
    let mut noted = 0u64;
    for (bit, criterion) in CRITERIA.iter().enumerate() {
        let answer = assessment.answer(criterion.id);
        if answer.implemented {
            implemented |= 1 << bit;
        }
        if !answer.evidence.is_empty() || !answer.link.is_empty() {
            noted |= 1 << bit;
        }
    }
    write_varint(&mut out, implemented);
    write_varint(&mut out, noted);
    write_bytes(&mut out, assessment.id.as_bytes());
    write_bytes(&mut out, assessment.name.as_bytes());
    write_bytes(&mut out, assessment.assessor.as_bytes());
    write_varint(
        &mut out,
        assessment
            .date
            .map_or(0, |d| zigzag(i64::from(d.num_days_from_ce())) + 1),
    );
    let created = assessment.created_at.timestamp_millis();
    write_varint(&mut out, zigzag(created));
    write_varint(
        &mut out,
        zigzag(
            assessment
                .updated_at
                .timestamp_millis()
                .wrapping_sub(created),
        ),
    );
    let mut previous_link: &[u8] = &[];
    for (bit, criterion) in CRITERIA.iter().enumerate() {
        if noted & (1 << bit) == 0 {
            continue;
        }
        let Some(answer) = assessment.answers.get(criterion.id) else {
            continue;
        };
        write_bytes(&mut out, answer.evidence.as_bytes());
        let link = answer.link.as_bytes();
        let shared = link
            .iter()
            .zip(previous_link)
            .take_while(|(a, b)| a == b)
            .count();
        write_varint(&mut out, shared as u64);
        write_bytes(&mut out, link.get(shared..).unwrap_or_default());
        previous_link = link;
    }
    out
}

fn read_body(body: &[u8]) -> Result<Assessment, LinkError> {
    let mut reader = Reader::new(body);
    let implemented = reader.varint()?;
    let noted = reader.varint()?;
    let all = (1u64 << CRITERIA.len()) - 1;
    if implemented & !all != 0 || noted & !all != 0 {
        return Err(LinkError::Damaged);
    }
    let id = reader.string()?;
    let name = reader.string()?;
    let assessor = reader.string()?;
    let date = match reader.varint()? {
        0 => None,
        days => Some(
            i32::try_from(unzigzag(days - 1))
                .ok()
                .and_then(NaiveDate::from_num_days_from_ce_opt)
                .ok_or(LinkError::Damaged)?,
        ),
    };
    let created = unzigzag(reader.varint()?);
    let updated = created.wrapping_add(unzigzag(reader.varint()?));
    let time = |millis| DateTime::<Utc>::from_timestamp_millis(millis).ok_or(LinkError::Damaged);
    let (created_at, updated_at) = (time(created)?, time(updated)?);
    let mut answers = BTreeMap::new();
    let mut previous_link: Vec<u8> = Vec::new();
    for (bit, criterion) in CRITERIA.iter().enumerate() {
        let mut answer = Answer {
            implemented: implemented & (1 << bit) != 0,
            ..Answer::default()
        };
        if noted & (1 << bit) != 0 {
            answer.evidence = reader.string()?;
            let shared = usize::try_from(reader.varint()?).map_err(|_| LinkError::Damaged)?;
            let mut link = previous_link
                .get(..shared)
                .ok_or(LinkError::Damaged)?
                .to_vec();
            link.extend_from_slice(reader.bytes()?);
            answer.link = String::from_utf8(link.clone()).map_err(|_| LinkError::Damaged)?;
            if answer.evidence.is_empty() && answer.link.is_empty() {
                return Err(LinkError::Damaged);
            }
            previous_link = link;
        }
        if answer != Answer::default() {
            answers.insert(criterion.id.to_owned(), answer);
        }
    }
    if !reader.rest().is_empty() {
        return Err(LinkError::Damaged);
    }
    Ok(Assessment {
        id,
        name,
        assessor,
        date,
        answers,
        // Link version 1 does not carry the team structure (added after it was designed).
        team_structure: None,
        created_at,
        updated_at,
    })
}

fn zigzag(value: i64) -> u64 {
    ((value << 1) ^ (value >> 63)) as u64
}

fn unzigzag(value: u64) -> i64 {
    ((value >> 1) as i64) ^ -((value & 1) as i64)
}

fn write_varint(out: &mut Vec<u8>, mut value: u64) {
    loop {
        let low = (value & 0x7f) as u8;
        value >>= 7;
        if value == 0 {
            out.push(low);
            return;
        }
        out.push(low | 0x80);
    }
}

fn write_bytes(out: &mut Vec<u8>, bytes: &[u8]) {
    write_varint(out, bytes.len() as u64);
    out.extend_from_slice(bytes);
}

struct Reader<'a> {
    bytes: &'a [u8],
    position: usize,
}

impl<'a> Reader<'a> {
    fn new(bytes: &'a [u8]) -> Self {
        Reader { bytes, position: 0 }
    }

    fn rest(&self) -> &'a [u8] {
        self.bytes.get(self.position..).unwrap_or_default()
    }

    fn varint(&mut self) -> Result<u64, LinkError> {
        let mut value = 0u64;
        for shift in (0..64).step_by(7) {
            let byte = *self.bytes.get(self.position).ok_or(LinkError::Damaged)?;
            self.position += 1;
            value |= u64::from(byte & 0x7f) << shift;
            if byte & 0x80 == 0 {
                return Ok(value);
            }
        }
        Err(LinkError::Damaged)
    }

    fn bytes(&mut self) -> Result<&'a [u8], LinkError> {
        let length = usize::try_from(self.varint()?).map_err(|_| LinkError::Damaged)?;
        let end = self
            .position
            .checked_add(length)
            .ok_or(LinkError::Damaged)?;
        let bytes = self
            .bytes
            .get(self.position..end)
            .ok_or(LinkError::Damaged)?;
        self.position = end;
        Ok(bytes)
    }

    fn string(&mut self) -> Result<String, LinkError> {
        let bytes = self.bytes()?;
        String::from_utf8(bytes.to_vec()).map_err(|_| LinkError::Damaged)
    }
}

/// CRC-32 (IEEE 802.3, as in zip and PNG), bit by bit: no table in the bundle.
fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = !0u32;
    for &byte in bytes {
        crc ^= u32::from(byte);
        for _ in 0..8 {
            let mask = (crc & 1).wrapping_neg();
            crc = (crc >> 1) ^ (0xEDB8_8320 & mask);
        }
    }
    !crc
}

// ---- base64url without padding (RFC 4648 §5) ----

fn symbol(value: u32) -> char {
    let value = (value & 63) as u8;
    char::from(match value {
        0..=25 => b'A' + value,
        26..=51 => b'a' + (value - 26),
        52..=61 => b'0' + (value - 52),
        62 => b'-',
        _ => b'_',
    })
}

fn sextet(c: char) -> Option<u32> {
    let value = match c {
        'A'..='Z' => u32::from(c) - u32::from('A'),
        'a'..='z' => u32::from(c) - u32::from('a') + 26,
        '0'..='9' => u32::from(c) - u32::from('0') + 52,
        '-' => 62,
        '_' => 63,
        _ => return None,
    };
    Some(value)
}

fn base64url_encode(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let byte = |i: usize| u32::from(chunk.get(i).copied().unwrap_or(0));
        let group = (byte(0) << 16) | (byte(1) << 8) | byte(2);
        for i in 0..=chunk.len() {
            out.push(symbol(group >> (18 - 6 * i)));
        }
    }
    out
}

/// Strict: only the alphabet, no impossible length, no stray bits at the end.
fn base64url_decode(text: &str) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(text.len() / 4 * 3 + 2);
    let (mut buffer, mut bits) = (0u32, 0u32);
    for c in text.chars() {
        buffer = (buffer << 6) | sextet(c)?;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((buffer >> bits) as u8);
            buffer &= (1 << bits) - 1;
        }
    }
    (bits < 6 && buffer == 0).then_some(out)
}

// ---- the range coder ----
//
// LZMA's binary range coder, with a byte coded as 8 bits down a binary tree. Each bit's
// probability mixes two adaptive models: order 0 (the tree node alone) and order 1 (the node
// after the previous byte), the order-1 one weighted by how often its context was seen.
// Every probability adapts by 1/(n+2) of the distance to the bit seen, n being how often it
// was used so far (at most 60): quick to learn from the few kilobytes of one link.

/// Probabilities of a 0 bit are 16-bit fractions, kept away from 0 and 1.
const P_MIN: i32 = 64;
const P_MAX: i32 = 65_535 - 64;
const COUNT_LIMIT: u8 = 60;
const ORDER0_WEIGHT: u32 = 2;

#[derive(Clone, Copy)]
struct Counter {
    probability: u16,
    seen: u8,
}

impl Counter {
    const START: Counter = Counter {
        probability: 1 << 15,
        seen: 0,
    };

    fn update(&mut self, bit: bool) {
        let target: i32 = if bit { 0 } else { 65_535 };
        let p = i32::from(self.probability);
        let step = (target - p) / (i32::from(self.seen) + 2);
        self.probability = (p + step).clamp(P_MIN, P_MAX) as u16;
        if self.seen < COUNT_LIMIT {
            self.seen += 1;
        }
    }
}

struct Model {
    order0: Vec<Counter>,
    order1: Vec<Counter>,
}

impl Model {
    fn new() -> Self {
        Model {
            order0: vec![Counter::START; 256],
            order1: vec![Counter::START; 256 * 256],
        }
    }

    /// The probability that the next bit at tree `node` (1 to 255) after byte `previous` is 0.
    fn predict(&self, previous: u8, node: usize) -> u32 {
        let low = self.order0.get(node).copied().unwrap_or(Counter::START);
        let high = self
            .order1
            .get(usize::from(previous) * 256 + node)
            .copied()
            .unwrap_or(Counter::START);
        let weight = u32::from(high.seen);
        (u32::from(low.probability) * ORDER0_WEIGHT + u32::from(high.probability) * weight)
            / (ORDER0_WEIGHT + weight)
    }

    fn update(&mut self, previous: u8, node: usize, bit: bool) {
        if let Some(counter) = self.order0.get_mut(node) {
            counter.update(bit);
        }
        if let Some(counter) = self.order1.get_mut(usize::from(previous) * 256 + node) {
            counter.update(bit);
        }
    }
}

struct Encoder {
    low: u64,
    range: u32,
    cache: u8,
    pending: u64,
    out: Vec<u8>,
}

impl Encoder {
    fn shift_low(&mut self) {
        if self.low < 0xFF00_0000 || self.low > 0xFFFF_FFFF {
            let carry = (self.low >> 32) as u8;
            let mut byte = self.cache;
            while self.pending > 0 {
                self.out.push(byte.wrapping_add(carry));
                byte = 0xFF;
                self.pending -= 1;
            }
            self.cache = ((self.low >> 24) & 0xFF) as u8;
        }
        self.pending += 1;
        self.low = (self.low & 0x00FF_FFFF) << 8;
    }

    /// Codes `bit` with `probability` (of a 0, out of 65,536).
    fn bit(&mut self, probability: u32, bit: bool) {
        let bound = (self.range >> 16) * probability;
        if bit {
            self.low += u64::from(bound);
            self.range -= bound;
        } else {
            self.range = bound;
        }
        while self.range < 1 << 24 {
            self.range <<= 8;
            self.shift_low();
        }
    }
}

fn range_encode(bytes: &[u8]) -> Vec<u8> {
    let mut model = Model::new();
    let mut encoder = Encoder {
        low: 0,
        range: u32::MAX,
        cache: 0,
        pending: 1,
        out: Vec::with_capacity(bytes.len() / 2 + 8),
    };
    let mut previous = 0u8;
    for &byte in bytes {
        let mut node = 1usize;
        for shift in (0..8).rev() {
            let bit = (byte >> shift) & 1 == 1;
            encoder.bit(model.predict(previous, node), bit);
            model.update(previous, node, bit);
            node = node * 2 + usize::from(bit);
        }
        previous = byte;
    }
    for _ in 0..5 {
        encoder.shift_low();
    }
    // The first byte is always 0 (the code starts below 2^32) and the decoder shifts it out
    // unread, so it is not written: a link changed there would go unnoticed otherwise.
    let mut out = encoder.out;
    if !out.is_empty() {
        out.remove(0);
    }
    out
}

struct Decoder<'a> {
    input: &'a [u8],
    position: usize,
    code: u32,
    range: u32,
}

impl Decoder<'_> {
    /// The next input byte; past the end, zeros (and `position` tells).
    fn next(&mut self) -> u32 {
        let byte = self.input.get(self.position).copied().unwrap_or(0);
        self.position += 1;
        u32::from(byte)
    }

    fn bit(&mut self, probability: u32) -> bool {
        let bound = (self.range >> 16) * probability;
        let bit = if self.code < bound {
            self.range = bound;
            false
        } else {
            self.code -= bound;
            self.range -= bound;
            true
        };
        while self.range < 1 << 24 {
            self.range <<= 8;
            self.code = (self.code << 8) | self.next();
        }
        bit
    }
}

/// Decodes exactly `length` bytes; `None` unless that uses up the input exactly.
fn range_decode(input: &[u8], length: usize) -> Option<Vec<u8>> {
    let mut model = Model::new();
    let mut decoder = Decoder {
        input,
        position: 0,
        code: 0,
        range: u32::MAX,
    };
    for _ in 0..4 {
        decoder.code = (decoder.code << 8) | decoder.next();
    }
    let mut out = Vec::with_capacity(length);
    let mut previous = 0u8;
    for _ in 0..length {
        let mut node = 1usize;
        while node < 256 {
            let bit = decoder.bit(model.predict(previous, node));
            model.update(previous, node, bit);
            node = node * 2 + usize::from(bit);
        }
        previous = (node - 256) as u8;
        out.push(previous);
        if decoder.position > input.len() {
            return None;
        }
    }
    (decoder.position == input.len()).then_some(out)
}
