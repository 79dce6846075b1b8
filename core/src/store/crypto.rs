//! Keys and ciphers: the random data key, its wraps under each unlock
//! method, the per-purpose sub-keys, record sealing and the recovery code.
//!
//! Every secret byte we hold lives in a `Zeroizing` buffer and is wiped on
//! drop. ring's expanded AES and HMAC key schedules are opaque to us and are
//! not wiped by ring; they are dropped with the [`Keys`] that own them.

use ring::aead::{AES_256_GCM, Aad, LessSafeKey, NONCE_LEN, Nonce, UnboundKey};
use ring::rand::{SecureRandom, SystemRandom};
use ring::{hkdf, hmac};
use zeroize::Zeroizing;

use crate::entries::Table;
use crate::error::{Error, Result};
pub use crate::store::kdf::{Kdf, PBKDF2_ITERATIONS};
pub use crate::store::secrets::{DeviceKey, Passphrase, RecoveryCode};

/// Length of the data key and of every derived key, in bytes.
pub const KEY_LEN: usize = 32;
/// Length of record ids and key ids, in bytes.
pub const ID_LEN: usize = 16;
/// [`ID_LEN`] as the four big-endian bytes bound into a record's seal.
const ID_LEN_BE: [u8; 4] = 16u32.to_be_bytes();
const _: () = assert!(ID_LEN == 16);
/// Shortest passphrase accepted, in characters.
pub const MIN_PASSPHRASE_CHARS: usize = 6;
/// Version of the sealed-record format this build writes, bound into every
/// record: 2 seals the row's keyed tag too, and holds a compact binary
/// envelope. Format 1 (JSON, tag not sealed) is still read, and rewritten
/// as format 2 on the first unlock.
pub const RECORD_FORMAT: u32 = 2;
/// The first format, still read.
pub const RECORD_FORMAT_1: u32 = 1;

const SALT_LEN: usize = 16;

/// A random 16-byte id (records, data keys).
pub type Id = [u8; ID_LEN];

/// Fills a fresh random id.
pub fn random_id() -> Result<Id> {
    let mut id = [0u8; ID_LEN];
    fill_random(&mut id)?;
    Ok(id)
}

pub(crate) fn fill_random(buf: &mut [u8]) -> Result<()> {
    SystemRandom::new()
        .fill(buf)
        .map_err(|_| Error::Io(std::io::Error::other("the system random generator failed")))
}

/// How a wrap of the data key is unlocked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Method {
    /// The key held in the platform keystore.
    Device,
    /// The user's passphrase through Argon2id (PBKDF2 in older journals).
    Passphrase,
    /// The recovery code.
    Recovery,
}

impl Method {
    /// Stable code stored beside the wrap.
    pub fn code(self) -> &'static str {
        match self {
            Method::Device => "device",
            Method::Passphrase => "passphrase",
            Method::Recovery => "recovery",
        }
    }
}

/// What unlocks a journal.
pub enum Unlock {
    /// The device key from the platform keystore.
    Device(DeviceKey),
    /// The passphrase.
    Passphrase(Passphrase),
    /// The recovery code.
    Recovery(RecoveryCode),
}

impl Unlock {
    /// The method this unlock uses.
    pub fn method(&self) -> Method {
        match self {
            Unlock::Device(_) => Method::Device,
            Unlock::Passphrase(_) => Method::Passphrase,
            Unlock::Recovery(_) => Method::Recovery,
        }
    }
}

/// The data key wrapped under one unlock method, as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Wrap {
    /// The unlock method.
    pub method: Method,
    /// Random salt for the key derivation.
    pub salt: Vec<u8>,
    /// How a passphrase wrap's key is derived; `None` for the others.
    pub kdf: Option<Kdf>,
    /// AES-GCM nonce.
    pub nonce: Vec<u8>,
    /// The sealed data key.
    pub sealed: Vec<u8>,
}

/// A wrap's associated data: method, key id, salt and every KDF parameter,
/// so a lowered one does not open. PBKDF2 and keyless wraps keep the
/// first layout (the count, 0 for keyless); Argon2id wraps have their own.
fn wrap_aad(method: Method, key_id: &Id, salt: &[u8], kdf: Option<Kdf>) -> Vec<u8> {
    let argon = matches!(kdf, Some(Kdf::Argon2id { .. }));
    let mut aad = if argon {
        b"tandem/v2/wrap/".to_vec()
    } else {
        b"tandem/v1/wrap/".to_vec()
    };
    aad.extend_from_slice(method.code().as_bytes());
    aad.push(0);
    aad.extend_from_slice(key_id);
    aad.extend_from_slice(salt);
    let (count, memory, lanes) = kdf.map_or((0, 0, 0), Kdf::columns);
    aad.extend_from_slice(&count.to_be_bytes());
    if argon {
        aad.extend_from_slice(&memory.to_be_bytes());
        aad.extend_from_slice(&lanes.to_be_bytes());
    }
    aad
}

fn hkdf_key(salt: &[u8], ikm: &[u8], info: &[u8]) -> Zeroizing<[u8; KEY_LEN]> {
    let mut out = Zeroizing::new([0u8; KEY_LEN]);
    let prk = hkdf::Salt::new(hkdf::HKDF_SHA256, salt).extract(ikm);
    // Expanding 32 bytes from SHA-256 cannot exceed HKDF's length limit.
    if let Ok(okm) = prk.expand(&[info], hkdf::HKDF_SHA256) {
        let _ = okm.fill(out.as_mut());
    }
    out
}

fn wrapping_key(
    unlock: &Unlock,
    salt: &[u8],
    kdf: Option<Kdf>,
) -> Result<Zeroizing<[u8; KEY_LEN]>> {
    match unlock {
        Unlock::Device(k) => Ok(hkdf_key(salt, k.0.as_ref(), b"tandem/v1/kek/device")),
        Unlock::Recovery(k) => Ok(hkdf_key(salt, k.0.as_ref(), b"tandem/v1/kek/recovery")),
        Unlock::Passphrase(p) => kdf.ok_or(Error::Corrupt)?.derive(p.bytes(), salt),
    }
}

fn aead_key(bytes: &[u8; KEY_LEN]) -> LessSafeKey {
    // AES-256 takes any 32-byte key, so this cannot fail.
    match UnboundKey::new(&AES_256_GCM, bytes) {
        Ok(k) => LessSafeKey::new(k),
        Err(_) => unreachable!("AES-256-GCM accepts every 32-byte key"),
    }
}

pub(super) fn random_nonce() -> Result<[u8; NONCE_LEN]> {
    let mut n = [0u8; NONCE_LEN];
    fill_random(&mut n)?;
    Ok(n)
}

/// A record's place in the store, all of it bound into the seal.
#[derive(Debug, Clone, Copy)]
pub struct RecordPlace<'a> {
    /// Which table.
    pub table: Table,
    /// The record's random id.
    pub id: &'a [u8],
    /// The data key's id.
    pub key_id: &'a [u8],
    /// The record's revision.
    pub revision: u32,
    /// The record format version.
    pub format: u32,
    /// The row's keyed tag of its author and natural key: sealed from
    /// format 2 on, so a row moved under another tag no longer opens.
    pub tag: &'a [u8],
}

impl RecordPlace<'_> {
    /// The associated data, built on the stack: every record read makes one.
    fn aad(&self) -> Result<([u8; AAD_LEN], usize)> {
        let sealed_tag: &[u8] = match self.format {
            RECORD_FORMAT_1 => &[],
            RECORD_FORMAT if self.tag.len() == ID_LEN => self.tag,
            _ => return Err(Error::Corrupt),
        };
        if self.id.len() != ID_LEN || self.key_id.len() != ID_LEN {
            return Err(Error::Corrupt);
        }
        let label: &[u8] = if self.format == RECORD_FORMAT_1 {
            b"tandem/v1/rec"
        } else {
            b"tandem/v2/rec"
        };
        let mut aad = [0u8; AAD_LEN];
        let mut at = 0;
        for part in [
            label,
            &self.format.to_be_bytes(),
            &[self.table.code],
            &ID_LEN_BE,
            self.id,
            &ID_LEN_BE,
            self.key_id,
            &self.revision.to_be_bytes(),
            sealed_tag,
        ] {
            aad[at..at + part.len()].copy_from_slice(part);
            at += part.len();
        }
        Ok((aad, at))
    }
}

/// Longest associated data of a record: label, format, table, the two
/// length-prefixed ids, the revision and (format 2) the tag.
const AAD_LEN: usize = 13 + 4 + 1 + 4 + ID_LEN + 4 + ID_LEN + 4 + ID_LEN;

/// An unlocked data key and the sub-keys derived from it.
pub struct Keys {
    dek: Zeroizing<[u8; KEY_LEN]>,
    key_id: Id,
    /// Seals records (and the digest, in `digest`).
    pub(super) records: LessSafeKey,
    tags: hmac::Key,
    /// Makes the keyed row hashes of the digest (`digest`).
    pub(super) digest: hmac::Key,
}

impl Keys {
    /// A fresh random data key with a fresh id.
    pub fn generate() -> Result<Self> {
        let mut dek = Zeroizing::new([0u8; KEY_LEN]);
        fill_random(dek.as_mut())?;
        Ok(Self::from_dek(dek, random_id()?))
    }

    fn from_dek(dek: Zeroizing<[u8; KEY_LEN]>, key_id: Id) -> Self {
        let rec = hkdf_key(&key_id, dek.as_ref(), b"tandem/v1/records");
        let tag = hkdf_key(&key_id, dek.as_ref(), b"tandem/v1/tags");
        let digest = hkdf_key(&key_id, dek.as_ref(), b"tandem/v2/digest");
        Keys {
            records: aead_key(&rec),
            tags: hmac::Key::new(hmac::HMAC_SHA256, tag.as_ref()),
            digest: hmac::Key::new(hmac::HMAC_SHA256, digest.as_ref()),
            dek,
            key_id,
        }
    }

    /// The data key's id.
    pub fn key_id(&self) -> &Id {
        &self.key_id
    }

    /// Wraps the data key under `unlock`; passphrase wraps use `kdf`.
    pub fn wrap(&self, unlock: &Unlock, kdf: Kdf) -> Result<Wrap> {
        let method = unlock.method();
        let kdf = (method == Method::Passphrase).then_some(kdf);
        let mut salt = vec![0u8; SALT_LEN];
        fill_random(&mut salt)?;
        let kek = aead_key(&*wrapping_key(unlock, &salt, kdf)?);
        let nonce = random_nonce()?;
        // Room for the tag from the start: growing would free a copy of the
        // key unwiped.
        let mut sealed = Vec::with_capacity(KEY_LEN + AES_256_GCM.tag_len());
        sealed.extend_from_slice(self.dek.as_ref());
        let aad = wrap_aad(method, &self.key_id, &salt, kdf);
        kek.seal_in_place_append_tag(
            Nonce::assume_unique_for_key(nonce),
            Aad::from(aad),
            &mut sealed,
        )
        .map_err(|_| Error::Corrupt)?;
        Ok(Wrap {
            method,
            salt,
            kdf,
            nonce: nonce.to_vec(),
            sealed,
        })
    }

    /// Opens a wrap; a key that does not fit gives [`Error::WrongKey`].
    pub fn unwrap(wrap: &Wrap, unlock: &Unlock, key_id: Id) -> Result<Self> {
        if wrap.method != unlock.method() {
            return Err(Error::WrongKey);
        }
        let kek = aead_key(&*wrapping_key(unlock, &wrap.salt, wrap.kdf)?);
        let nonce = Nonce::try_assume_unique_for_key(&wrap.nonce).map_err(|_| Error::Corrupt)?;
        let mut buf = Zeroizing::new(wrap.sealed.clone());
        let aad = wrap_aad(wrap.method, &key_id, &wrap.salt, wrap.kdf);
        let plain = kek
            .open_in_place(nonce, Aad::from(aad), &mut buf)
            .map_err(|_| Error::WrongKey)?;
        let dek: [u8; KEY_LEN] = (&*plain).try_into().map_err(|_| Error::Corrupt)?;
        Ok(Self::from_dek(Zeroizing::new(dek), key_id))
    }

    /// A fresh recovery code and the wrap it opens.
    pub fn new_recovery_wrap(&self) -> Result<(RecoveryCode, Wrap)> {
        let code = Unlock::Recovery(RecoveryCode::generate()?);
        let wrap = self.wrap(&code, Kdf::ARGON2ID)?;
        match code {
            Unlock::Recovery(c) => Ok((c, wrap)),
            _ => unreachable!("built as a recovery unlock just above"),
        }
    }

    /// Seals a record's plaintext for its place; returns nonce and ciphertext.
    pub fn seal(
        &self,
        place: &RecordPlace<'_>,
        plaintext: &[u8],
    ) -> Result<([u8; NONCE_LEN], Vec<u8>)> {
        if place.format != RECORD_FORMAT {
            return Err(Error::Corrupt);
        }
        let (aad, aad_len) = place.aad()?;
        let nonce = random_nonce()?;
        let mut buf = Vec::with_capacity(plaintext.len() + AES_256_GCM.tag_len());
        buf.extend_from_slice(plaintext);
        self.records
            .seal_in_place_append_tag(
                Nonce::assume_unique_for_key(nonce),
                Aad::from(&aad[..aad_len]),
                &mut buf,
            )
            .map_err(|_| Error::Corrupt)?;
        Ok((nonce, buf))
    }

    /// Opens a sealed record; any mismatch of place, nonce or bytes gives
    /// [`Error::Corrupt`].
    #[cfg(test)]
    pub fn open(
        &self,
        place: &RecordPlace<'_>,
        nonce: &[u8],
        ciphertext: &[u8],
    ) -> Result<Zeroizing<Vec<u8>>> {
        let mut buf = Zeroizing::new(Vec::new());
        let len = self.open_into(place, nonce, ciphertext, &mut buf)?.len();
        buf.truncate(len);
        Ok(buf)
    }

    /// Opens a sealed record into `buf`, which a caller reading many records
    /// reuses: one wiped buffer instead of one per record. Returns the
    /// plaintext, borrowed from `buf`.
    pub fn open_into<'b>(
        &self,
        place: &RecordPlace<'_>,
        nonce: &[u8],
        ciphertext: &[u8],
        buf: &'b mut Zeroizing<Vec<u8>>,
    ) -> Result<&'b [u8]> {
        if place.key_id != self.key_id {
            return Err(Error::Corrupt);
        }
        let nonce = Nonce::try_assume_unique_for_key(nonce).map_err(|_| Error::Corrupt)?;
        let (aad, aad_len) = place.aad()?;
        if buf.capacity() < ciphertext.len() {
            // Growing in place would free the old bytes unwiped; the old
            // buffer is wiped as it is dropped here instead.
            *buf = Zeroizing::new(Vec::with_capacity(ciphertext.len().next_power_of_two()));
        }
        buf.clear();
        buf.extend_from_slice(ciphertext);
        let plain = self
            .records
            .open_in_place(nonce, Aad::from(&aad[..aad_len]), &mut buf[..])
            .map_err(|_| Error::Corrupt)?;
        Ok(plain)
    }

    /// A keyed tag of a record's natural key (its author and its day, week or
    /// name: [`crate::entries::natural_key`]), so the store can find and keep
    /// unique an author's entry for a day without storing either.
    pub fn tag(&self, table: Table, natural_key: &[u8]) -> Vec<u8> {
        let mut ctx = hmac::Context::with_key(&self.tags);
        ctx.update(&[table.code]);
        ctx.update(natural_key);
        ctx.sign().as_ref()[..ID_LEN].to_vec()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entries::Entry;

    const CHECKINS: Table = crate::CheckIn::TABLE;
    const REFLECTIONS: Table = crate::Reflection::TABLE;

    #[test]
    fn a_wrap_opens_only_with_its_own_key() {
        let keys = Keys::generate().unwrap();
        let pass = Unlock::Passphrase(Passphrase::new("correct horse").unwrap());
        let wrap = keys.wrap(&pass, Kdf::fast_for_tests(2)).unwrap();
        assert_eq!(wrap.kdf, Some(Kdf::fast_for_tests(2)));
        let back = Keys::unwrap(&wrap, &pass, *keys.key_id()).unwrap();
        assert_eq!(back.dek.as_ref(), keys.dek.as_ref());
        let wrong = Unlock::Passphrase(Passphrase::new("correct horsf").unwrap());
        assert!(matches!(
            Keys::unwrap(&wrap, &wrong, *keys.key_id()),
            Err(Error::WrongKey)
        ));
        // Lowering any stored parameter is caught by the wrap's AAD.
        for weaker in [
            Kdf::fast_for_tests(1),
            Kdf::Argon2id {
                memory_kib: 16,
                passes: 2,
                lanes: 1,
            },
            Kdf::Pbkdf2 { iterations: 2 },
        ] {
            let mut weakened = wrap.clone();
            weakened.kdf = Some(weaker);
            assert!(Keys::unwrap(&weakened, &pass, *keys.key_id()).is_err());
        }
        // A PBKDF2 wrap opens too, and only with its own count.
        let old = keys.wrap(&pass, Kdf::Pbkdf2 { iterations: 1000 }).unwrap();
        assert!(Keys::unwrap(&old, &pass, *keys.key_id()).is_ok());
        let mut lowered = old.clone();
        lowered.kdf = Some(Kdf::Pbkdf2 { iterations: 999 });
        assert!(Keys::unwrap(&lowered, &pass, *keys.key_id()).is_err());
    }

    #[test]
    fn a_record_opens_only_in_the_place_it_was_sealed_for() {
        let keys = Keys::generate().unwrap();
        let kid = *keys.key_id();
        let place = RecordPlace {
            table: CHECKINS,
            id: &[7u8; 16],
            key_id: &kid,
            revision: 3,
            format: RECORD_FORMAT,
            tag: &[9u8; 16],
        };
        let (nonce, ct) = keys.seal(&place, b"hello").unwrap();
        assert_eq!(&keys.open(&place, &nonce, &ct).unwrap()[..], b"hello");
        let moved = [
            RecordPlace {
                table: REFLECTIONS,
                ..place
            },
            RecordPlace {
                id: &[8u8; 16],
                ..place
            },
            RecordPlace {
                revision: 4,
                ..place
            },
            RecordPlace {
                tag: &[10u8; 16],
                ..place
            },
            RecordPlace {
                format: RECORD_FORMAT_1,
                ..place
            },
        ];
        for p in moved {
            assert!(matches!(keys.open(&p, &nonce, &ct), Err(Error::Corrupt)));
        }
    }
}
