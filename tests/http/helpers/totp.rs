//! An RFC 6238 implementation of the tests' own (HMAC-SHA-1 over the `hmac` and `sha1`
//! crates, RFC 4226 §5.3 truncation), independent of the crate the server uses, checked
//! against RFC 6238 Appendix B; and RFC 4648 base32 decoding of the key the page shows.

use hmac::{Hmac, Mac};

/// The 6-digit code of `secret` for TOTP step `step` (T = unix time / 30).
pub fn code_at_step(secret: &[u8], step: i64) -> String {
    let mut mac = Hmac::<sha1::Sha1>::new_from_slice(secret).expect("any key length");
    mac.update(&step.to_be_bytes());
    let h = mac.finalize().into_bytes();
    let offset = usize::from(h[19] & 0x0f);
    let bin = u32::from_be_bytes([
        h[offset] & 0x7f,
        h[offset + 1],
        h[offset + 2],
        h[offset + 3],
    ]);
    format!("{:06}", bin % 1_000_000)
}

/// The code shown at unix time `t`.
pub fn code_at(secret: &[u8], t: i64) -> String {
    code_at_step(secret, t.div_euclid(30))
}

/// RFC 4648 §6 base32 (upper case, no padding) to bytes.
pub fn base32_decode(s: &str) -> Vec<u8> {
    let (mut out, mut buffer, mut bits) = (Vec::new(), 0u32, 0u32);
    for c in s.bytes().filter(|c| *c != b'=') {
        let v = match c {
            b'A'..=b'Z' => c - b'A',
            b'2'..=b'7' => c - b'2' + 26,
            other => panic!("not base32: {}", other as char),
        };
        buffer = (buffer << 5) | u32::from(v);
        bits += 5;
        if bits >= 8 {
            bits -= 8;
            out.push((buffer >> bits) as u8);
        }
    }
    out
}

#[test]
fn the_tests_totp_matches_rfc_6238_appendix_b() {
    let secret = b"12345678901234567890";
    for (t, eight) in [
        (59, "94287082"),
        (1_111_111_109, "07081804"),
        (1_111_111_111, "14050471"),
        (1_234_567_890, "89005924"),
        (2_000_000_000, "69279037"),
        (20_000_000_000, "65353130"),
    ] {
        assert_eq!(code_at(secret, t), eight[2..], "T={t}");
    }
    assert_eq!(base32_decode("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"), secret);
}
