//! Bytes to text: UTF-8 with or without BOM, UTF-16 with BOM, and Windows-1252 (which
//! covers Latin-1) when the bytes are not UTF-8. Binary files are refused.

use std::borrow::Cow;

use encoding_rs::{Encoding, UTF_8, UTF_16BE, UTF_16LE, WINDOWS_1252};

use super::Problem;

/// Decodes a file's bytes to text, guessing the encoding as described in the module doc.
/// UTF-8 without a byte-order mark (most files) is the bytes themselves, not copied.
pub fn decode(bytes: &[u8]) -> Result<Cow<'_, str>, Problem> {
    if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        return Ok(Cow::Owned(decode_with(&bytes[bom_len..], encoding)));
    }
    if let Some(encoding) = sniff_utf16(bytes) {
        return Ok(Cow::Owned(decode_with(bytes, encoding)));
    }
    if looks_binary(bytes) {
        return Err(Problem::Binary);
    }
    // (the vector code of simdutf8 checks UTF-8 at a fraction of the standard library's
    // cost on text with many chars beyond ASCII; an error is all it needs to tell)
    Ok(match simdutf8::basic::from_utf8(bytes) {
        Ok(text) => Cow::Borrowed(text),
        Err(_) if mostly_utf8(bytes) => String::from_utf8_lossy(bytes),
        Err(_) => Cow::Owned(decode_with(bytes, WINDOWS_1252)),
    })
}

/// UTF-8 text with a few broken bytes (a cut-off character, one pasted Latin-1 letter):
/// it has at least as many valid multi-byte characters as bytes that are not UTF-8 (real
/// Windows-1252 text almost never forms a valid UTF-8 sequence), so it is
/// read as UTF-8 with replacement characters rather than as Windows-1252 mojibake.
fn mostly_utf8(bytes: &[u8]) -> bool {
    let (mut multibyte, mut invalid) = (0usize, 0usize);
    for chunk in bytes.utf8_chunks() {
        multibyte += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        invalid += chunk.invalid().len();
    }
    multibyte >= 2 && invalid <= multibyte
}

/// Decodes with a known encoding, replacing malformed sequences.
pub fn decode_with(bytes: &[u8], encoding: &'static Encoding) -> String {
    if encoding == UTF_8 {
        return String::from_utf8_lossy(bytes).into_owned();
    }
    let (text, _) = encoding.decode_without_bom_handling(bytes);
    text.into_owned()
}

/// UTF-16 without a BOM: ASCII-heavy text then has a NUL in every other byte.
fn sniff_utf16(bytes: &[u8]) -> Option<&'static Encoding> {
    let sample = &bytes[..bytes.len().min(4096) & !1];
    // Without a NUL neither half holds any: no need to count them.
    if sample.len() < 8 || memchr::memchr(0, sample).is_none() {
        return None;
    }
    let pairs = sample.len() / 2;
    let even_nuls = sample.iter().step_by(2).filter(|&&b| b == 0).count();
    let odd_nuls = sample
        .iter()
        .skip(1)
        .step_by(2)
        .filter(|&&b| b == 0)
        .count();
    if odd_nuls * 10 >= pairs * 7 && even_nuls * 10 < pairs {
        Some(UTF_16LE)
    } else if even_nuls * 10 >= pairs * 7 && odd_nuls * 10 < pairs {
        Some(UTF_16BE)
    } else {
        None
    }
}

/// A file is binary when its start holds NUL bytes or many control characters that text
/// never has.
fn looks_binary(bytes: &[u8]) -> bool {
    let sample = &bytes[..bytes.len().min(8192)];
    // Most texts hold no control char but line feeds: one test a byte tells, without
    // branches (`|`, not `any`), which the compiler makes vector code of. Only other
    // texts are searched for NULs and have their controls counted.
    let other_controls = sample
        .iter()
        .fold(false, |seen, &b| seen | ((b < 0x20) & (b != b'\n')));
    if !other_controls {
        return false;
    }
    if memchr::memchr(0, sample).is_some() {
        return true;
    }
    // Counted per chunk of 240 bytes in a u8 (which cannot overflow) and without branches
    // (`&`, not `&&`): the compiler then compares many bytes at once. It is the plain
    // count `b < 0x20 && !matches!(b, …)`, at less than half the cost. (240 is a whole
    // number of vectors: a chunk of 255 left fifteen bytes to count one by one.)
    let controls: usize = sample
        .chunks(240)
        .map(|chunk| {
            let n = chunk.iter().fold(0u8, |n, &b| {
                let other = (b != b'\n') & (b != b'\r') & (b != b'\t') & (b != 0x0c);
                n + u8::from((b < 0x20) & other)
            });
            usize::from(n)
        })
        .sum();
    controls * 20 > sample.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn binary_at_one_control_in_twenty_bytes() {
        // 600 bytes over three chunks: 31 controls make a binary file, 30 do not
        for (controls, binary) in [(30, false), (31, true)] {
            let mut bytes = vec![b'a'; 600];
            for k in 0..controls {
                bytes[k * 19] = 0x01;
            }
            bytes[1] = b'\n'; // allowed controls do not count
            assert_eq!(looks_binary(&bytes), binary, "{controls}");
        }
    }

    #[test]
    fn utf8_with_and_without_bom() {
        assert_eq!(decode("Grüße".as_bytes()).unwrap(), "Grüße");
        assert_eq!(decode("\u{feff}Grüße".as_bytes()).unwrap(), "Grüße");
    }

    #[test]
    fn utf16_with_bom() {
        let mut le = vec![0xff, 0xfe];
        le.extend("Kiew und Moskau".encode_utf16().flat_map(u16::to_le_bytes));
        assert_eq!(decode(&le).unwrap(), "Kiew und Moskau");
        let mut be = vec![0xfe, 0xff];
        be.extend("Türkei".encode_utf16().flat_map(u16::to_be_bytes));
        assert_eq!(decode(&be).unwrap(), "Türkei");
    }

    #[test]
    fn utf16_without_bom_is_sniffed() {
        let le: Vec<u8> = "Russland und China"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        assert_eq!(decode(&le).unwrap(), "Russland und China");
    }

    #[test]
    fn windows_1252_when_not_utf8() {
        // "Größe – €" in Windows-1252.
        let bytes = [0x47, 0x72, 0xf6, 0xdf, 0x65, 0x20, 0x96, 0x20, 0x80];
        assert_eq!(decode(&bytes).unwrap(), "Größe – €");
    }

    #[test]
    fn mostly_utf8_with_a_broken_byte_stays_utf8() {
        let mut bytes = "Grüße aus Köln, Düsseldorf und Görlitz "
            .as_bytes()
            .to_vec();
        bytes.push(0xe4); // a lone Latin-1 "ä"
        assert_eq!(
            decode(&bytes).unwrap(),
            "Grüße aus Köln, Düsseldorf und Görlitz \u{fffd}"
        );
    }

    #[test]
    fn binary_is_refused() {
        let bytes = [0x89, b'P', b'N', b'G', 0, 0, 0, 13, 1, 2, 3];
        assert!(matches!(decode(&bytes), Err(Problem::Binary)));
    }
}
