//! Case-insensitive reading of text kept as written (names): the same results
//! as lower-casing the text first (`str::to_lowercase`, char by char), without
//! storing a lower-case copy per employee. ASCII text, nearly every name,
//! folds byte by byte without allocating. Matching lower-cases as
//! `str::to_lowercase` does (as the filter lower-cases its needles); ordering
//! folds char by char (the two differ only in Greek final sigma).

use std::cmp::Ordering;

/// Whether `hay`, lower-cased, contains `needle` (already lower-cased).
pub fn contains(hay: &str, needle: &str) -> bool {
    let needle = needle.as_bytes();
    if !hay.is_ascii() {
        return memchr::memmem::find(lower(hay).as_bytes(), needle).is_some();
    }
    let hay = hay.as_bytes();
    let Some((&first, rest)) = needle.split_first() else {
        return true;
    };
    let Some(last_start) = hay.len().checked_sub(needle.len()) else {
        return false;
    };
    (0..=last_start).any(|i| {
        hay[i].to_ascii_lowercase() == first
            && hay[i + 1..i + needle.len()]
                .iter()
                .zip(rest)
                .all(|(h, n)| h.to_ascii_lowercase() == *n)
    })
}

/// Whether `text`, lower-cased, equals `lower`.
pub fn eq(text: &str, lower: &str) -> bool {
    if text.is_ascii() {
        text.len() == lower.len()
            && text
                .bytes()
                .zip(lower.bytes())
                .all(|(t, l)| t.to_ascii_lowercase() == l)
    } else {
        self::lower(text) == lower
    }
}

/// The order of the two texts lower-cased.
pub fn cmp(a: &str, b: &str) -> Ordering {
    if a.is_ascii() && b.is_ascii() {
        a.bytes()
            .map(|c| c.to_ascii_lowercase())
            .cmp(b.bytes().map(|c| c.to_ascii_lowercase()))
    } else {
        a.chars()
            .flat_map(char::to_lowercase)
            .cmp(b.chars().flat_map(char::to_lowercase))
    }
}

/// The lower-cased text (`str::to_lowercase`, ASCII without case tables).
pub fn lower(s: &str) -> String {
    if s.is_ascii() {
        s.to_ascii_lowercase()
    } else {
        s.to_lowercase()
    }
}

/// Append the lower-cased bytes of `s` to `out`.
pub fn push_lower(s: &str, out: &mut Vec<u8>) {
    if s.is_ascii() {
        out.extend(s.bytes().map(|b| b.to_ascii_lowercase()));
    } else {
        out.extend_from_slice(lower(s).as_bytes());
    }
}

/// The first `N` bytes of the text folded as [`cmp`] folds it (zero-padded).
pub fn prefix<const N: usize>(s: &str) -> [u8; N] {
    let mut out = [0u8; N];
    let mut at = 0;
    let mut buf = [0u8; 4];
    for c in s.chars().flat_map(char::to_lowercase) {
        for &b in c.encode_utf8(&mut buf).as_bytes() {
            if at == N {
                return out;
            }
            out[at] = b;
            at += 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn ascii_and_beyond() {
        assert!(contains("Kemas Ahmad FAUZI", "ahmad fauzi"));
        assert!(!contains("Kemas Ahmad", "ahmad fauzi"));
        assert!(contains("ÇAĞLAR Öztürk", "çağlar ö"));
        assert!(eq("Dra. SITI", "dra. siti"));
        assert!(!eq("Dra. SITI", "dra. sit"));
        assert_eq!(cmp("ahmad", "AHMAD"), Ordering::Equal);
        assert_eq!(cmp("Zainal", "ahmad"), Ordering::Greater);
        assert_eq!(&prefix::<4>("ÖZ"), b"\xc3\xb6z\0");
        assert_eq!(prefix::<3>("Ab"), *b"ab\0");
    }

    proptest! {
        #[test]
        fn folding_is_lower_casing_first(
            a in "[a-cA-CçÇİıΣσ ]{0,6}",
            b in "[a-cA-CçÇİıΣσ ]{0,3}",
        ) {
            let (la, lb) = (lower(&a), lower(&b));
            prop_assert_eq!(contains(&a, &lb), la.contains(&lb));
            prop_assert_eq!(eq(&a, &lb), la == lb);
            let chars = |s: &str| s.chars().flat_map(char::to_lowercase).collect::<String>();
            let (ca, cb) = (chars(&a), chars(&b));
            prop_assert_eq!(cmp(&a, &b), ca.cmp(&cb));
            let mut pushed = Vec::new();
            push_lower(&a, &mut pushed);
            prop_assert_eq!(pushed, la.as_bytes().to_vec());
            let p = prefix::<5>(&a);
            let n = ca.len().min(5);
            prop_assert_eq!(&p[..n], &ca.as_bytes()[..n]);
        }
    }
}
