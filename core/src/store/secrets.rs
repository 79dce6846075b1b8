//! The secrets a person or a phone holds: the device key kept in the
//! platform keystore, the passphrase, and the recovery code shown once at
//! creation (Crockford base32 with a checksum). Each lives in wiped memory.

use ring::digest;
use zeroize::Zeroizing;

use crate::error::{Field, Result, invalid};
use crate::store::crypto::{KEY_LEN, MIN_PASSPHRASE_CHARS, fill_random};

/// The key a shell keeps in the platform keystore (Android Keystore, iOS
/// Keychain): 32 random bytes.
pub struct DeviceKey(pub(crate) Zeroizing<[u8; KEY_LEN]>);

impl DeviceKey {
    /// Takes exactly 32 bytes.
    pub fn from_bytes(bytes: &[u8]) -> Result<Self> {
        let arr: [u8; KEY_LEN] = bytes
            .try_into()
            .map_err(|_| invalid(crate::error::Field::DeviceKey, "must be exactly 32 bytes"))?;
        Ok(DeviceKey(Zeroizing::new(arr)))
    }

    /// A fresh random device key, for shells creating a journal.
    pub fn generate() -> Result<Self> {
        let mut k = Zeroizing::new([0u8; KEY_LEN]);
        fill_random(k.as_mut())?;
        Ok(DeviceKey(k))
    }

    /// The raw bytes, for handing to the platform keystore.
    pub fn as_bytes(&self) -> &[u8; KEY_LEN] {
        &self.0
    }
}

/// A passphrase, held in wiped memory.
pub struct Passphrase(Zeroizing<String>);

impl Passphrase {
    /// Accepts a passphrase of at least [`MIN_PASSPHRASE_CHARS`] characters.
    pub fn new(text: impl Into<String>) -> Result<Self> {
        let text = Zeroizing::new(text.into());
        if text.chars().count() < MIN_PASSPHRASE_CHARS {
            return Err(invalid(
                crate::error::Field::Passphrase,
                format!("must be at least {MIN_PASSPHRASE_CHARS} characters"),
            ));
        }
        Ok(Passphrase(text))
    }

    pub(crate) fn bytes(&self) -> &[u8] {
        self.0.as_bytes()
    }
}

/// The 256-bit recovery code shown once at creation: 56 characters of
/// Crockford base32 in groups of four, the last five carrying a checksum.
pub struct RecoveryCode(pub(crate) Zeroizing<[u8; KEY_LEN]>);

const CROCKFORD: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";
const CHECK_LEN: usize = 3;
const CODE_CHARS: usize = (KEY_LEN + CHECK_LEN) * 8 / 5;

impl RecoveryCode {
    pub(crate) fn generate() -> Result<Self> {
        let mut k = Zeroizing::new([0u8; KEY_LEN]);
        fill_random(k.as_mut())?;
        Ok(RecoveryCode(k))
    }

    fn checksum(key: &[u8; KEY_LEN]) -> [u8; CHECK_LEN] {
        let d = digest::digest(
            &digest::SHA256,
            &[b"tandem recovery code v1".as_slice(), key].concat(),
        );
        let mut c = [0u8; CHECK_LEN];
        c.copy_from_slice(&d.as_ref()[..CHECK_LEN]);
        c
    }

    /// Parses a typed code. Case, spaces and dashes do not matter, and the
    /// look-alikes O/I/L read as 0/1/1. A code whose checksum does not match
    /// is refused here, before any key work.
    pub fn parse(text: &str) -> Result<Self> {
        let field = Field::RecoveryCode;
        let mut bits: u64 = 0;
        let mut nbits = 0;
        let mut bytes = Zeroizing::new(Vec::with_capacity(KEY_LEN + CHECK_LEN));
        let mut count = 0;
        for ch in text.chars() {
            if ch == '-' || ch.is_whitespace() {
                continue;
            }
            let up = match ch.to_ascii_uppercase() {
                'O' => '0',
                'I' | 'L' => '1',
                c => c,
            };
            let value = CROCKFORD
                .iter()
                .position(|&c| char::from(c) == up)
                .ok_or_else(|| invalid(field, "holds a character that is not in recovery codes"))?;
            count += 1;
            if count > CODE_CHARS {
                break;
            }
            bits = (bits << 5) | value as u64;
            nbits += 5;
            if nbits >= 8 {
                nbits -= 8;
                // Masked to the low eight bits: exact.
                bytes.push(u8::try_from((bits >> nbits) & 0xff).unwrap_or(0));
                bits &= (1 << nbits) - 1;
            }
        }
        if count != CODE_CHARS {
            return Err(invalid(
                field,
                format!("must be {CODE_CHARS} letters and digits"),
            ));
        }
        let mut key = Zeroizing::new([0u8; KEY_LEN]);
        key.copy_from_slice(&bytes[..KEY_LEN]);
        if Self::checksum(&key) != bytes[KEY_LEN..] {
            return Err(invalid(
                field,
                "does not match its checksum: check for a typo",
            ));
        }
        Ok(RecoveryCode(key))
    }

    /// The code as people write it down: 14 groups of four characters.
    pub fn display(&self) -> Zeroizing<String> {
        let mut all = Zeroizing::new(Vec::with_capacity(KEY_LEN + CHECK_LEN));
        all.extend_from_slice(self.0.as_ref());
        all.extend_from_slice(&Self::checksum(&self.0));
        let mut out = Zeroizing::new(String::with_capacity(CODE_CHARS + CODE_CHARS / 4));
        let (mut bits, mut nbits, mut written) = (0u64, 0, 0);
        for &b in all.iter() {
            bits = (bits << 8) | u64::from(b);
            nbits += 8;
            while nbits >= 5 {
                nbits -= 5;
                if written > 0 && written % 4 == 0 {
                    out.push('-');
                }
                out.push(char::from(CROCKFORD[((bits >> nbits) & 31) as usize]));
                written += 1;
            }
            bits &= (1 << nbits) - 1;
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::Error;

    #[test]
    fn recovery_code_reads_back_in_any_case_and_grouping() {
        let code = RecoveryCode::generate().unwrap();
        let shown = code.display();
        assert_eq!(shown.len(), 56 + 13);
        assert_eq!(shown.split('-').count(), 14);
        let loose = shown.replace('-', " ").to_lowercase();
        let back = RecoveryCode::parse(&loose).unwrap();
        assert_eq!(back.0.as_ref(), code.0.as_ref());
    }

    #[test]
    fn every_single_character_typo_in_a_recovery_code_is_caught_by_the_checksum() {
        let code = RecoveryCode::generate().unwrap();
        let shown: Vec<char> = code.display().chars().collect();
        for i in 0..shown.len() {
            if shown[i] == '-' {
                continue;
            }
            let mut typo = shown.clone();
            // Swap for a character that is not a look-alike of the original.
            typo[i] = if shown[i] == 'Z' { 'Y' } else { 'Z' };
            let s: String = typo.into_iter().collect();
            match RecoveryCode::parse(&s) {
                Err(Error::InvalidInput { field, reason }) => {
                    assert_eq!(field, crate::error::Field::RecoveryCode);
                    assert!(reason.contains("checksum"), "{reason}");
                }
                Err(other) => panic!("unexpected {other:?}"),
                Ok(_) => panic!("typo at {i} accepted"),
            }
        }
    }

    #[test]
    fn recovery_code_of_the_wrong_length_or_alphabet_is_refused() {
        assert!(matches!(
            RecoveryCode::parse("ABCD-EFGH"),
            Err(Error::InvalidInput {
                field: crate::error::Field::RecoveryCode,
                ..
            })
        ));
        assert!(matches!(
            RecoveryCode::parse(&"U".repeat(56)),
            Err(Error::InvalidInput {
                field: crate::error::Field::RecoveryCode,
                ..
            })
        ));
    }

    #[test]
    fn crockford_encoding_matches_a_hand_worked_value() {
        // Key of 32 zero bytes: checksum bytes are the first three of
        // SHA-256("tandem recovery code v1" || 0x00 * 32), computed below by
        // an independent route (ring's digest on the concatenation), then the
        // 280 bits are encoded five at a time: 51 leading zero digits (255
        // zero bits) followed by the checksum's 24 bits split as 1+5+5+5+5+5
        // ... i.e. the last five characters encode checksum bits shifted.
        let zero = RecoveryCode(Zeroizing::new([0u8; KEY_LEN]));
        let shown = zero.display().replace('-', "");
        let check = RecoveryCode::checksum(&[0u8; KEY_LEN]);
        let n = (u32::from(check[0]) << 16) | (u32::from(check[1]) << 8) | u32::from(check[2]);
        // 256 key bits = 51 full digits + 1 bit; that bit (0) joins the top 4 checksum bits.
        assert!(shown[..51].bytes().all(|b| b == b'0'));
        let mut expect = String::new();
        let v = u64::from(n); // 25 bits in all with the leading key bit 0
        for k in (0..5).rev() {
            expect.push(char::from(CROCKFORD[((v >> (k * 5)) & 31) as usize]));
        }
        assert_eq!(&shown[51..], expect);
    }

    #[test]
    fn short_passphrases_are_refused() {
        assert!(matches!(
            Passphrase::new("abc"),
            Err(Error::InvalidInput {
                field: crate::error::Field::Passphrase,
                ..
            })
        ));
    }
}
