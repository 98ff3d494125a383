//! LEB128 varints and length-prefixed byte strings, and a reader that refuses anything cut
//! short as damage.

use super::ShareLinkError;

pub(super) fn write_varint(out: &mut Vec<u8>, mut value: u64) {
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

pub(super) fn write_bytes(out: &mut Vec<u8>, bytes: &[u8]) {
    write_varint(out, bytes.len() as u64);
    out.extend_from_slice(bytes);
}

pub(super) struct Reader<'a> {
    bytes: &'a [u8],
    position: usize,
}

impl<'a> Reader<'a> {
    pub(super) fn new(bytes: &'a [u8]) -> Self {
        Reader { bytes, position: 0 }
    }

    pub(super) fn rest(&self) -> &'a [u8] {
        self.bytes.get(self.position..).unwrap_or_default()
    }

    pub(super) fn varint(&mut self) -> Result<u64, ShareLinkError> {
        let mut value = 0u64;
        for shift in (0..64).step_by(7) {
            let byte = *self
                .bytes
                .get(self.position)
                .ok_or(ShareLinkError::Damaged)?;
            self.position += 1;
            value |= u64::from(byte & 0x7f) << shift;
            if byte & 0x80 == 0 {
                return Ok(value);
            }
        }
        Err(ShareLinkError::Damaged)
    }

    pub(super) fn bytes(&mut self) -> Result<&'a [u8], ShareLinkError> {
        let length = usize::try_from(self.varint()?).map_err(|_| ShareLinkError::Damaged)?;
        let end = self
            .position
            .checked_add(length)
            .ok_or(ShareLinkError::Damaged)?;
        let bytes = self
            .bytes
            .get(self.position..end)
            .ok_or(ShareLinkError::Damaged)?;
        self.position = end;
        Ok(bytes)
    }

    pub(super) fn string(&mut self) -> Result<String, ShareLinkError> {
        let bytes = self.bytes()?;
        String::from_utf8(bytes.to_vec()).map_err(|_| ShareLinkError::Damaged)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn varints_and_strings_read_back_and_cut_input_is_damage() {
        let mut out = Vec::new();
        for value in [0, 1, 127, 128, 300, u64::MAX] {
            write_varint(&mut out, value);
        }
        write_bytes(&mut out, "é!".as_bytes());
        assert_eq!(out.get(..4), Some(&[0, 1, 127, 0x80][..]));
        let mut reader = Reader::new(&out);
        for value in [0, 1, 127, 128, 300, u64::MAX] {
            assert_eq!(reader.varint(), Ok(value));
        }
        assert_eq!(reader.string(), Ok("é!".to_owned()));
        assert_eq!(reader.varint(), Err(ShareLinkError::Damaged));
        assert_eq!(Reader::new(&[0x80]).varint(), Err(ShareLinkError::Damaged));
        assert_eq!(
            Reader::new(&[5, b'a']).bytes(),
            Err(ShareLinkError::Damaged)
        );
    }
}
