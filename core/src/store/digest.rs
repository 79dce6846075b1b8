//! The journal's running digest: which rows it holds, at which revision.
//!
//! The digest is the sum, modulo 2^256, of a keyed hash of every live row's
//! (table, id, revision): an incremental multiset hash (Clarke, Devadas,
//! van Dijk, Gassend and Suh, "Incremental Multiset Hash Functions and
//! their Application to Memory Integrity Checking", 2003). A save adds its
//! new row's hash and takes away the old one's; a delete takes one away;
//! each in the same transaction as the rows. The sum is sealed in `meta`.
//!
//! On open the sum over the rows present must equal the sealed one, so a
//! row put back from another time (an older revision, a deleted entry, a
//! row from an old backup or from another row's place) is found, without
//! storing anything but one sealed value. What it cannot see: the whole
//! file (rows and digest together) rolled back to an older copy of itself.

use ring::aead::{Aad, NONCE_LEN, Nonce};
use ring::hmac;
use rusqlite::{Connection, OptionalExtension, params};

use crate::entries::{KINDS, Table};
use crate::error::{Error, Result};
use crate::store::crypto::{Keys, random_nonce};

/// The `meta` row holding the sealed digest.
const DIGEST: &str = "digest";

/// A sum of row hashes modulo 2^256, as four little-endian 64-bit limbs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) struct Sum([u64; 4]);

impl Sum {
    fn limbs(hash: &[u8; 32]) -> [u64; 4] {
        let mut out = [0u64; 4];
        for (limb, bytes) in out.iter_mut().zip(hash.chunks_exact(8)) {
            let mut b = [0u8; 8];
            b.copy_from_slice(bytes);
            *limb = u64::from_le_bytes(b);
        }
        out
    }

    /// Adds one row's hash.
    pub(crate) fn add(&mut self, hash: &[u8; 32]) {
        let mut carry = false;
        for (a, b) in self.0.iter_mut().zip(Self::limbs(hash)) {
            let (s, c1) = a.overflowing_add(b);
            let (s, c2) = s.overflowing_add(u64::from(carry));
            *a = s;
            carry = c1 || c2;
        }
    }

    /// Takes one row's hash away.
    pub(crate) fn sub(&mut self, hash: &[u8; 32]) {
        let mut borrow = false;
        for (a, b) in self.0.iter_mut().zip(Self::limbs(hash)) {
            let (d, b1) = a.overflowing_sub(b);
            let (d, b2) = d.overflowing_sub(u64::from(borrow));
            *a = d;
            borrow = b1 || b2;
        }
    }

    /// Adds another sum.
    pub(crate) fn add_sum(&mut self, other: &Sum) {
        self.add(&other.to_bytes());
    }

    fn to_bytes(self) -> [u8; 32] {
        let mut out = [0u8; 32];
        for (bytes, limb) in out.chunks_exact_mut(8).zip(self.0) {
            bytes.copy_from_slice(&limb.to_le_bytes());
        }
        out
    }

    fn from_bytes(bytes: &[u8; 32]) -> Sum {
        Sum(Self::limbs(bytes))
    }
}

/// The change a write makes to the digest, applied when it is done.
#[derive(Debug, Default)]
pub(crate) struct Change {
    added: Sum,
    removed: Sum,
}

impl Change {
    /// A row of `table` now lives at `revision`.
    pub(crate) fn added(&mut self, keys: &Keys, table: Table, id: &[u8], revision: u32) {
        self.added.add(&keys.row_hash(table, id, revision));
    }

    /// A row of `table` at `revision` is gone.
    pub(crate) fn removed(&mut self, keys: &Keys, table: Table, id: &[u8], revision: u32) {
        self.removed.add(&keys.row_hash(table, id, revision));
    }

    /// Folds the change into the sealed digest, in the caller's transaction.
    pub(crate) fn apply(self, conn: &Connection, keys: &Keys) -> Result<()> {
        let mut sum = load(conn, keys)?.ok_or(Error::Corrupt)?;
        sum.add_sum(&self.added);
        sum.sub(&self.removed.to_bytes());
        store(conn, keys, &sum)
    }
}

/// The sealed digest, if the file has one yet (journals from before
/// format 2 do not).
pub(crate) fn load(conn: &Connection, keys: &Keys) -> Result<Option<Sum>> {
    let sealed: Option<Vec<u8>> = conn
        .prepare_cached("SELECT value FROM meta WHERE name = ?1")?
        .query_row([DIGEST], |r| r.get(0))
        .optional()?;
    sealed
        .map(|s| keys.open_digest(&s).map(|b| Sum::from_bytes(&b)))
        .transpose()
}

/// Seals and stores `sum` as the digest. An existing row is updated in
/// place (same length, so one page changes and the name index not at all).
pub(crate) fn store(conn: &Connection, keys: &Keys, sum: &Sum) -> Result<()> {
    let sealed = keys.seal_digest(&sum.to_bytes())?;
    let updated = conn
        .prepare_cached("UPDATE meta SET value = ?2 WHERE name = ?1")?
        .execute(params![DIGEST, sealed])?;
    if updated == 0 {
        conn.execute(
            "INSERT INTO meta (name, value) VALUES (?1, ?2)",
            params![DIGEST, sealed],
        )?;
    }
    Ok(())
}

/// The digest of the rows the file holds now, every kind. Reads only ids
/// and revisions, never opens a sealed byte (about 1 ms on ten years here,
/// most of it the keyed hashes).
pub(crate) fn of_rows(conn: &Connection, keys: &Keys) -> Result<Sum> {
    let mut sum = Sum::default();
    for kind in KINDS {
        let mut stmt = conn.prepare_cached(kind.table.sql.revisions)?;
        let mut rows = stmt.query([])?;
        while let Some(row) = rows.next()? {
            let id = row.get_ref(0)?.as_blob().map_err(|_| Error::Corrupt)?;
            let revision: u32 = row.get(1)?;
            sum.add(&keys.row_hash(kind.table, id, revision));
        }
    }
    Ok(sum)
}

/// Length of a sealed digest: nonce, the 32-byte sum and the AEAD tag.
pub const SEALED_DIGEST_LEN: usize = NONCE_LEN + 32 + 16;

impl Keys {
    /// A keyed hash of one live row: its table, id and revision. The
    /// journal's digest is the sum of these over every row.
    pub fn row_hash(&self, table: Table, id: &[u8], revision: u32) -> [u8; 32] {
        let mut ctx = hmac::Context::with_key(&self.digest);
        ctx.update(&[table.code]);
        ctx.update(id);
        ctx.update(&revision.to_be_bytes());
        let mut out = [0u8; 32];
        out.copy_from_slice(ctx.sign().as_ref());
        out
    }

    fn digest_aad(&self) -> Vec<u8> {
        [b"tandem/v2/digest".as_slice(), self.key_id()].concat()
    }

    /// Seals the journal's digest: nonce then ciphertext.
    pub fn seal_digest(&self, sum: &[u8; 32]) -> Result<Vec<u8>> {
        let nonce = random_nonce()?;
        let mut buf = sum.to_vec();
        self.records
            .seal_in_place_append_tag(
                Nonce::assume_unique_for_key(nonce),
                Aad::from(self.digest_aad()),
                &mut buf,
            )
            .map_err(|_| Error::Corrupt)?;
        Ok([nonce.as_slice(), &buf].concat())
    }

    /// Opens a sealed digest; anything altered gives [`Error::Corrupt`].
    pub fn open_digest(&self, sealed: &[u8]) -> Result<[u8; 32]> {
        if sealed.len() != SEALED_DIGEST_LEN {
            return Err(Error::Corrupt);
        }
        let (nonce, ct) = sealed.split_at(NONCE_LEN);
        let nonce = Nonce::try_assume_unique_for_key(nonce).map_err(|_| Error::Corrupt)?;
        let mut buf = ct.to_vec();
        let plain = self
            .records
            .open_in_place(nonce, Aad::from(self.digest_aad()), &mut buf)
            .map_err(|_| Error::Corrupt)?;
        plain.try_into().map_err(|_| Error::Corrupt)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hash(byte: u8) -> [u8; 32] {
        let mut h = [byte; 32];
        h[31] = 0xff;
        h
    }

    #[test]
    fn adding_then_taking_away_returns_the_sum_in_any_order() {
        let mut a = Sum::default();
        a.add(&hash(1));
        a.add(&hash(0xfe));
        let before = a;
        a.add(&hash(0x80));
        a.sub(&hash(1));
        a.add(&hash(1));
        a.sub(&hash(0x80));
        assert_eq!(a, before);
        let mut b = Sum::default();
        b.add(&hash(0xfe));
        b.add(&hash(1));
        assert_eq!(a, b);
    }

    #[test]
    fn the_sum_wraps_modulo_two_to_the_256() {
        // 2^256 - 1 plus 1 is 0; 0 minus 1 is 2^256 - 1.
        let mut s = Sum::default();
        s.add(&[0xff; 32]);
        let mut one = [0u8; 32];
        one[0] = 1;
        s.add(&one);
        assert_eq!(s, Sum::default());
        s.sub(&one);
        assert_eq!(s.to_bytes(), [0xff; 32]);
        // A carry runs across every limb: 0x00..00ff..ff (low limb all ones) + 1.
        let mut t = Sum::from_bytes(&{
            let mut b = [0u8; 32];
            b[..8].copy_from_slice(&[0xff; 8]);
            b
        });
        t.add(&one);
        let mut want = [0u8; 32];
        want[8] = 1;
        assert_eq!(t.to_bytes(), want);
    }
}
