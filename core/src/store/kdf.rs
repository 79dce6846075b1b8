//! Passphrase key derivation: Argon2id for new wraps, PBKDF2-SHA256 for
//! the wraps of journals from before, and the caps that keep an altered
//! wrap from stalling an unlock.

use std::num::NonZeroU32;

use ring::pbkdf2;
use zeroize::Zeroizing;

use crate::error::{Error, Result};
use crate::store::crypto::KEY_LEN;

/// PBKDF2-HMAC-SHA256 iterations of the passphrase wraps journals made
/// before Argon2id (still opened, and rewrapped with Argon2id at the next
/// passphrase unlock).
pub const PBKDF2_ITERATIONS: u32 = 600_000;
/// Most PBKDF2 iterations a stored wrap may ask for; more means the file was
/// altered to stall an unlock.
pub const MAX_PBKDF2_ITERATIONS: u32 = 2_400_000;
/// Most Argon2id memory a stored wrap may ask for, in KiB (256 MiB).
pub const MAX_ARGON2_MEMORY_KIB: u32 = 1 << 18;
/// Most Argon2id passes a stored wrap may ask for.
pub const MAX_ARGON2_PASSES: u32 = 1_000;
/// Most Argon2id work (memory in KiB times passes) a stored wrap may ask
/// for: four times [`Kdf::ARGON2ID`]'s, so an altered wrap cannot stall an
/// unlock for more than about four normal ones.
pub const MAX_ARGON2_COST: u64 = 4 * 64 * 1024 * 3;
/// Most Argon2id lanes a stored wrap may ask for.
pub const MAX_ARGON2_LANES: u32 = 8;

/// How a passphrase becomes the key that wraps the data key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kdf {
    /// PBKDF2-HMAC-SHA256 with this many iterations (journals from before
    /// Argon2id).
    Pbkdf2 {
        /// Iterations.
        iterations: u32,
    },
    /// Argon2id (RFC 9106), version 0x13.
    Argon2id {
        /// Memory, in KiB.
        memory_kib: u32,
        /// Passes over the memory.
        passes: u32,
        /// Lanes (parallelism).
        lanes: u32,
    },
}

impl Kdf {
    /// What new passphrase wraps use: Argon2id with 64 MiB, 3 passes and
    /// one lane (RFC 9106's second recommended setting, with one lane as a
    /// phone's unlock runs on one thread). A whole passphrase unlock takes
    /// about 0.17 s on one core of the build machine, where PBKDF2 at
    /// 600,000 takes 0.13 s (`cargo bench -p tandem-core --bench kdf`): so
    /// about 0.5 s on a mid-range phone, two to three times slower. Each
    /// guess also needs 64 MiB, which is what holds a GPU back.
    pub const ARGON2ID: Kdf = Kdf::Argon2id {
        memory_kib: 64 * 1024,
        passes: 3,
        lanes: 1,
    };

    /// A deliberately cheap Argon2id (the 8 KiB minimum) with `passes`
    /// passes: for tests alone, which unlock hundreds of journals.
    pub fn fast_for_tests(passes: u32) -> Kdf {
        Kdf::Argon2id {
            memory_kib: 8,
            passes: passes.clamp(1, MAX_ARGON2_PASSES),
            lanes: 1,
        }
    }

    /// Stable code stored beside the wrap.
    pub fn code(self) -> &'static str {
        match self {
            Kdf::Pbkdf2 { .. } => "pbkdf2-sha256",
            Kdf::Argon2id { .. } => "argon2id",
        }
    }

    /// The parameters as stored: (iterations or passes, memory KiB, lanes).
    pub(crate) fn columns(self) -> (u32, u32, u32) {
        match self {
            Kdf::Pbkdf2 { iterations } => (iterations, 0, 0),
            Kdf::Argon2id {
                memory_kib,
                passes,
                lanes,
            } => (passes, memory_kib, lanes),
        }
    }

    /// The KDF from its stored code and columns; anything unknown or above
    /// the caps (which would stall an unlock) is [`Error::Corrupt`], found
    /// before any key work.
    pub(crate) fn from_columns(code: &str, count: u32, memory_kib: u32, lanes: u32) -> Result<Kdf> {
        let kdf = match code {
            "pbkdf2-sha256" => Kdf::Pbkdf2 { iterations: count },
            "argon2id" => Kdf::Argon2id {
                memory_kib,
                passes: count,
                lanes,
            },
            _ => return Err(Error::Corrupt),
        };
        kdf.check().map_err(|_| Error::Corrupt)?;
        Ok(kdf)
    }

    /// Whether the parameters are within what this build derives.
    pub(crate) fn check(self) -> Result<()> {
        let fits = match self {
            Kdf::Pbkdf2 { iterations } => (1..=MAX_PBKDF2_ITERATIONS).contains(&iterations),
            Kdf::Argon2id {
                memory_kib,
                passes,
                lanes,
            } => {
                (1..=MAX_ARGON2_LANES).contains(&lanes)
                    && (1..=MAX_ARGON2_PASSES).contains(&passes)
                    && (8 * lanes..=MAX_ARGON2_MEMORY_KIB).contains(&memory_kib)
                    && u64::from(memory_kib) * u64::from(passes) <= MAX_ARGON2_COST
            }
        };
        if fits {
            Ok(())
        } else {
            Err(crate::error::invalid(
                crate::error::Field::KdfIterations,
                "is outside what Tandem derives keys with",
            ))
        }
    }

    /// Whether a wrap made with this KDF is rewrapped at the next
    /// passphrase unlock: every PBKDF2 wrap is.
    pub fn is_outdated(self) -> bool {
        matches!(self, Kdf::Pbkdf2 { .. })
    }

    pub(crate) fn derive(self, passphrase: &[u8], salt: &[u8]) -> Result<Zeroizing<[u8; KEY_LEN]>> {
        self.check().map_err(|_| Error::Corrupt)?;
        let mut out = Zeroizing::new([0u8; KEY_LEN]);
        match self {
            Kdf::Pbkdf2 { iterations } => {
                let iterations = NonZeroU32::new(iterations).ok_or(Error::Corrupt)?;
                pbkdf2::derive(
                    pbkdf2::PBKDF2_HMAC_SHA256,
                    iterations,
                    salt,
                    passphrase,
                    out.as_mut(),
                );
            }
            Kdf::Argon2id {
                memory_kib,
                passes,
                lanes,
            } => {
                let params = argon2::Params::new(memory_kib, passes, lanes, Some(KEY_LEN))
                    .map_err(|_| Error::Corrupt)?;
                argon2::Argon2::new(argon2::Algorithm::Argon2id, argon2::Version::V0x13, params)
                    .hash_password_into(passphrase, salt, out.as_mut())
                    .map_err(|_| Error::Corrupt)?;
            }
        }
        Ok(out)
    }
}
