//! Byte-level helpers shared by the loader and the extractors: the FNV hasher for fixed
//! word lists, and blocks of sixteen bytes read into bit masks (one bit a byte), which
//! the compiler turns into vector code. Most bytes of a text are plain letters; a block
//! of them is passed over with a few instructions instead of one test a byte.

use std::hash::Hasher;

/// FNV-1a: the word lists are hashed for every token, and SipHash's protection against
/// crafted keys buys nothing for fixed lists.
#[derive(Default, Clone, Copy)]
pub struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut hash = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for &b in bytes {
            hash = (hash ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = hash;
    }
}

/// The bytes of one block.
pub const BLOCK: usize = 16;

/// The block of [`BLOCK`] bytes at `at`, when so many are left.
pub fn block_at(bytes: &[u8], at: usize) -> Option<&[u8; BLOCK]> {
    bytes.get(at..at.checked_add(BLOCK)?)?.try_into().ok()
}

/// One bit per byte of `block` for which `f` holds: bit `k` for byte `k`.
#[inline]
pub fn block_bits(block: &[u8; BLOCK], f: impl Fn(u8) -> bool) -> u32 {
    (block.iter().enumerate()).fold(0, |bits, (k, &b)| bits | u32::from(f(b)) << k)
}
