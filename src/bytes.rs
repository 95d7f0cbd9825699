//! Byte-level helpers shared by the loader and the extractors: blocks of sixteen bytes
//! read into bit masks (one bit a byte), which the compiler turns into vector code. Most
//! bytes of a text are plain letters; a block of them is passed over with a few
//! instructions instead of one test a byte.

/// The bytes of one block.
pub const BLOCK: usize = 16;

/// The block of [`BLOCK`] bytes at `at`, when so many are left.
pub fn block_at(bytes: &[u8], at: usize) -> Option<&[u8; BLOCK]> {
    bytes.get(at..at.checked_add(BLOCK)?)?.try_into().ok()
}

/// One bit per byte of `block` for which `f` holds: bit `k` for byte `k`.
///
/// Written so that the compiler makes vector code of it: `f` maps each byte to 0xFF or 0
/// (a vector compare), and [`top_bits`] gathers the top bits (one SSE2 instruction on
/// x86-64, the only `unsafe` here; a multiplication elsewhere). The
/// former `fold` of `f(b) << k` cost about four times the instructions. Write `f` as
/// comparisons joined with `|`: a `matches!` of several bytes, or `||`, may become
/// branches or a table lookup, which no vector code can be made of.
#[inline]
pub fn block_bits(block: &[u8; BLOCK], f: impl Fn(u8) -> bool) -> u32 {
    top_bits(&block.map(|b| 0u8.wrapping_sub(u8::from(f(b)))))
}

/// How many ASCII letters `bytes` opens with, sixteen bytes tested at a time.
pub fn ascii_letters_len(bytes: &[u8]) -> usize {
    let mut i = 0;
    while let Some(block) = block_at(bytes, i) {
        // (`| 0x20` makes an uppercase letter lowercase and leaves a lowercase one)
        let letters = block_bits(block, |b| (b | 0x20).wrapping_sub(b'a') < 26);
        if letters != (1 << BLOCK) - 1 {
            return i + letters.trailing_ones() as usize;
        }
        i += BLOCK;
    }
    let rest = bytes.get(i..).unwrap_or_default();
    i + rest.iter().take_while(|b| b.is_ascii_alphabetic()).count()
}

/// How many chars `text` holds (`text.chars().count()`): its bytes but the UTF-8
/// continuation bytes. Sixteen bytes are tested at once into sixteen byte-sized
/// counters (vector code), which are added up every 255 blocks, before one can overflow.
pub fn char_count(text: &str) -> usize {
    let is_char_start = |b: u8| (b as i8) >= -0x40;
    let mut blocks = text.as_bytes().chunks_exact(BLOCK);
    let mut count = 0;
    loop {
        let mut lanes = [0u8; BLOCK];
        let mut taken = 0;
        for block in blocks.by_ref().take(255) {
            for (lane, &b) in lanes.iter_mut().zip(block) {
                *lane += u8::from(is_char_start(b));
            }
            taken += 1;
        }
        count += lanes.iter().map(|&n| usize::from(n)).sum::<usize>();
        if taken < 255 {
            break;
        }
    }
    count
        + blocks
            .remainder()
            .iter()
            .filter(|&&b| is_char_start(b))
            .count()
}

/// The top bit of each byte of `bytes`: bit `k` for byte `k`. On x86-64 one SSE2
/// instruction (`pmovmskb`), where the portable version below costs a dozen.
#[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
#[inline]
fn top_bits(bytes: &[u8; BLOCK]) -> u32 {
    use std::arch::x86_64::{__m128i, _mm_loadu_si128, _mm_movemask_epi8};
    // SAFETY: the intrinsics need SSE2, which this code is compiled for (the `cfg`
    // above; every x86-64 processor has it), and the unaligned load reads the 16 bytes
    // of `bytes` (BLOCK is 16: `__m128i` is as large).
    unsafe { _mm_movemask_epi8(_mm_loadu_si128(bytes.as_ptr().cast::<__m128i>())) as u32 }
}

/// The top bit of each byte of `bytes`: those of eight bytes are gathered into one byte
/// by a multiplication (each lands on a bit of its own, with no carries).
#[cfg(not(all(target_arch = "x86_64", target_feature = "sse2")))]
#[inline]
fn top_bits(bytes: &[u8; BLOCK]) -> u32 {
    let tops = u128::from_le_bytes(*bytes) & 0x8080_8080_8080_8080_8080_8080_8080_8080;
    let gather = |half: u64| (half.wrapping_mul(0x0002_0408_1020_4081) >> 56) as u32;
    gather(tops as u64) | gather((tops >> 64) as u64) << 8
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ascii_letters_are_counted_across_blocks() {
        let long = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
        for cut in 0..=long.len() {
            for tail in ["", " x", "@", "[", "`", "{", "0", "ä", "\u{c1}"] {
                let text = format!("{}{tail}{long}", &long[..cut]);
                let want = text.bytes().take_while(u8::is_ascii_alphabetic).count();
                assert_eq!(ascii_letters_len(text.as_bytes()), want, "{text}");
            }
        }
    }

    #[test]
    fn chars_are_counted_as_the_standard_library_counts_them() {
        let parts = ["a", "ä", "–", "😀", " ", "Kiew"];
        let mut text = String::new();
        for round in 0..9000 {
            assert_eq!(char_count(&text), text.chars().count(), "{}", text.len());
            text.push_str(parts[round % parts.len()]);
        }
    }

    #[test]
    fn block_bits_has_one_bit_per_byte() {
        let blocks = [
            *b"abcdefgh ijklmno",
            *b" \t\n\x0b\x0c\r \x01\xc3\xa4\xe2\x80\x93  z",
            [0xff; BLOCK],
            [0; BLOCK],
            std::array::from_fn(|k| k as u8 * 17),
        ];
        for block in &blocks {
            for byte in 0..=255u8 {
                let want = (0..BLOCK).fold(0, |bits, k| bits | u32::from(block[k] == byte) << k);
                assert_eq!(block_bits(block, |b| b == byte), want, "{block:?} {byte}");
            }
        }
    }
}
