//! The range coder that packs a link's body: about 0.7 kB of wasm where deflate
//! (`miniz_oxide`) cost 13.4 kB brotli, for the same size of link.
//!
//! LZMA's binary range coder, with a byte coded as 8 bits down a binary tree. Each bit's
//! probability mixes two adaptive models: order 0 (the tree node alone) and order 1 (the node
//! after the previous byte), the order-1 one weighted by how often its context was seen.
//! Every probability adapts by 1/(n+2) of the distance to the bit seen, n being how often it
//! was used so far (at most 60): quick to learn from the few kilobytes of one link.

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

pub(super) fn range_encode(bytes: &[u8]) -> Vec<u8> {
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
pub(super) fn range_decode(input: &[u8], length: usize) -> Option<Vec<u8>> {
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
