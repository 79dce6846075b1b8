//! The unlock methods a journal has (device key, passphrase, recovery
//! code), reading them without a key, and changing them. The data key is
//! rewrapped; no record is touched.

use std::path::Path;

use rusqlite::{Connection, OptionalExtension, Transaction, params};

use crate::error::{Error, Result, invalid};
use crate::store::crypto::{
    DeviceKey, Id, Kdf, Keys, Method, Passphrase, RecoveryCode, Unlock, Wrap,
};
use crate::store::{Journal, digest, open_unfolded, schema};

impl Journal {
    /// The unlock methods this journal has, in a fixed order.
    pub fn unlock_methods(&self) -> Result<Vec<Method>> {
        methods_of(&self.conn)
    }

    /// The unlock methods of the journal file at `path`, read without a
    /// key, so an unlock screen offers only what can open it. Reads and
    /// writes nothing else: a `-wal` left by a crash is not folded in.
    pub fn methods_at(path: impl AsRef<Path>) -> Result<Vec<Method>> {
        let conn = open_unfolded(path.as_ref())?;
        schema::check_version(&conn)?;
        methods_of(&conn)
    }

    /// How the stored passphrase wrap derives its key, if there is one.
    pub fn passphrase_kdf(&self) -> Result<Option<Kdf>> {
        Ok(load_wrap(&self.conn, Method::Passphrase)?.and_then(|w| w.kdf))
    }

    /// After a passphrase unlock: a wrap of an outdated KDF (PBKDF2) is
    /// made again with this journal's, in one transaction. Nothing else
    /// changes; the passphrase stays the same.
    pub(crate) fn renew_passphrase_wrap(&mut self, unlock: &Unlock) -> Result<()> {
        let Unlock::Passphrase(_) = unlock else {
            return Ok(());
        };
        let outdated = load_wrap(&self.conn, Method::Passphrase)?
            .and_then(|w| w.kdf)
            .is_some_and(Kdf::is_outdated);
        if !outdated || self.writable().is_err() {
            return Ok(());
        }
        let wrap = self.keys()?.wrap(unlock, self.kdf)?;
        let tx = self.conn.transaction()?;
        insert_wrap(&tx, &wrap)?;
        tx.commit()?;
        Ok(())
    }

    /// Sets, changes or (with `None`) removes the passphrase. The data key is
    /// rewrapped; no record is touched. Removing it is refused when no device
    /// key could open the journal afterwards.
    pub fn set_passphrase(&mut self, new: Option<Passphrase>) -> Result<()> {
        self.writable()?;
        let keys = self.keys()?;
        match new {
            Some(p) => {
                let wrap = keys.wrap(&Unlock::Passphrase(p), self.kdf)?;
                let tx = self.conn.transaction()?;
                insert_wrap(&tx, &wrap)?;
                tx.commit()?;
            }
            None => {
                if load_wrap(&self.conn, Method::Device)?.is_none() {
                    return Err(invalid(
                        crate::error::Field::Passphrase,
                        "cannot be removed: this journal has no device key to open it",
                    ));
                }
                self.conn
                    .execute("DELETE FROM key_wraps WHERE method = 'passphrase'", [])?;
            }
        }
        Ok(())
    }

    /// Adds or replaces the device-key wrap (a new phone after a restore).
    pub fn set_device_key(&mut self, device_key: DeviceKey) -> Result<()> {
        self.writable()?;
        let wrap = self.keys()?.wrap(&Unlock::Device(device_key), self.kdf)?;
        let tx = self.conn.transaction()?;
        insert_wrap(&tx, &wrap)?;
        tx.commit()?;
        Ok(())
    }

    /// Removes the device-key wrap (biometric unlock turned off, or a
    /// keystore key that was lost). Refused when no passphrase could open
    /// the journal afterwards; removing a wrap that is not there is no error.
    pub fn remove_device_key(&mut self) -> Result<()> {
        self.writable()?;
        self.keys()?;
        if load_wrap(&self.conn, Method::Passphrase)?.is_none() {
            return Err(invalid(
                crate::error::Field::DeviceKey,
                "cannot be removed: this journal has no passphrase to open it",
            ));
        }
        self.conn
            .execute("DELETE FROM key_wraps WHERE method = 'device'", [])?;
        Ok(())
    }
}

impl Journal {
    /// For "someone may know my passphrase": a new random data key, every
    /// record sealed again under it (new tags, new ciphertexts), and every
    /// old wrap dropped (old passphrase, old recovery code, old device
    /// key), all in one transaction. The journal then opens with
    /// `passphrase` and `device_key` (at least one) and the returned new
    /// recovery code only. A copy made before (a backup, an old file)
    /// still opens with what opened it then. A record that does not open
    /// stops it with [`Error::Corrupt`] and nothing changes.
    pub fn rekey(
        &mut self,
        passphrase: Option<Passphrase>,
        device_key: Option<DeviceKey>,
    ) -> Result<RecoveryCode> {
        self.writable()?;
        if passphrase.is_none() && device_key.is_none() {
            return Err(invalid(
                crate::error::Field::Passphrase,
                "is needed when there is no device key",
            ));
        }
        let old = self.keys.as_ref().ok_or(Error::Locked)?;
        let new = Keys::generate()?;
        let (code, recovery) = new.new_recovery_wrap()?;
        let mut wraps = vec![recovery];
        if let Some(d) = device_key {
            wraps.push(new.wrap(&Unlock::Device(d), self.kdf)?);
        }
        if let Some(p) = passphrase {
            wraps.push(new.wrap(&Unlock::Passphrase(p), self.kdf)?);
        }
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        for kind in crate::entries::KINDS {
            (kind.rekey)(&tx, old, &new)?;
        }
        tx.execute("DELETE FROM key_wraps", [])?;
        wraps.iter().try_for_each(|w| insert_wrap(&tx, w))?;
        tx.execute(
            "UPDATE meta SET value = ?1 WHERE name = 'key_id'",
            params![new.key_id().as_slice()],
        )?;
        digest::store(&tx, &new, &digest::of_rows(&tx, &new)?)?;
        tx.commit()?;
        self.keys = Some(new);
        Ok(code)
    }

    /// A new recovery code in place of the old one, which stops opening
    /// the journal; nothing else changes. Shown once, like the first.
    pub fn renew_recovery_code(&mut self) -> Result<RecoveryCode> {
        self.writable()?;
        let (code, wrap) = self.keys()?.new_recovery_wrap()?;
        let tx = self.conn.transaction()?;
        insert_wrap(&tx, &wrap)?;
        tx.commit()?;
        Ok(code)
    }
}

pub(super) fn insert_wrap(tx: &Transaction<'_>, wrap: &Wrap) -> Result<()> {
    let (count, memory_kib, lanes) = wrap.kdf.map_or((0, 0, 0), Kdf::columns);
    let code = wrap.kdf.map_or("none", Kdf::code);
    tx.execute(
        "INSERT OR REPLACE INTO key_wraps
             (method, salt, iterations, nonce, sealed, kdf, memory_kib, lanes)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        params![
            wrap.method.code(),
            wrap.salt,
            count,
            wrap.nonce,
            wrap.sealed,
            code,
            memory_kib,
            lanes
        ],
    )?;
    Ok(())
}

pub(super) fn methods_of(conn: &Connection) -> Result<Vec<Method>> {
    let mut out = Vec::new();
    for m in [Method::Device, Method::Passphrase, Method::Recovery] {
        if load_wrap(conn, m)?.is_some() {
            out.push(m);
        }
    }
    Ok(out)
}

/// A stored wrap, read before any key work. A file from before version 4
/// has no KDF columns: its passphrase wrap is PBKDF2.
pub(super) fn load_wrap(conn: &Connection, method: Method) -> Result<Option<Wrap>> {
    let has_kdf: bool = conn.query_row(
        "SELECT count(*) > 0 FROM pragma_table_info('key_wraps') WHERE name = 'kdf'",
        [],
        |r| r.get(0),
    )?;
    let sql = if has_kdf {
        "SELECT salt, iterations, nonce, sealed, kdf, memory_kib, lanes
         FROM key_wraps WHERE method = ?1"
    } else {
        "SELECT salt, iterations, nonce, sealed, 'pbkdf2-sha256', 0, 0
         FROM key_wraps WHERE method = ?1"
    };
    let row = conn
        .query_row(sql, params![method.code()], |r| {
            Ok((
                (r.get(0)?, r.get(2)?, r.get(3)?),
                (r.get::<_, u32>(1)?, r.get::<_, String>(4)?),
                (r.get::<_, u32>(5)?, r.get::<_, u32>(6)?),
            ))
        })
        .optional()?;
    let Some(((salt, nonce, sealed), (count, code), (memory_kib, lanes))) = row else {
        return Ok(None);
    };
    let kdf = match method {
        Method::Passphrase => Some(Kdf::from_columns(&code, count, memory_kib, lanes)?),
        Method::Device | Method::Recovery if count == 0 => None,
        Method::Device | Method::Recovery => return Err(Error::Corrupt),
    };
    Ok(Some(Wrap {
        method,
        salt,
        kdf,
        nonce,
        sealed,
    }))
}

pub(super) fn unlock_keys(conn: &Connection, unlock: &Unlock) -> Result<Keys> {
    let key_id: Vec<u8> = conn
        .query_row("SELECT value FROM meta WHERE name = 'key_id'", [], |r| {
            r.get(0)
        })
        .optional()?
        .ok_or(Error::Corrupt)?;
    let key_id: Id = key_id.try_into().map_err(|_| Error::Corrupt)?;
    let wrap = match load_wrap(conn, unlock.method())? {
        Some(w) => w,
        None if unlock.method() == Method::Passphrase => {
            return Err(invalid(
                crate::error::Field::Passphrase,
                "is not set for this journal",
            ));
        }
        None => return Err(Error::WrongKey),
    };
    Keys::unwrap(&wrap, unlock, key_id)
}

/// Convenience for the unlock methods from raw input.
impl Unlock {
    /// Unlock with a passphrase typed by the user.
    pub fn passphrase(text: impl Into<String>) -> Result<Self> {
        Ok(Unlock::Passphrase(Passphrase::new(text)?))
    }
    /// Unlock with a recovery code typed by the user (checked before any key work).
    pub fn recovery_code(text: &str) -> Result<Self> {
        Ok(Unlock::Recovery(RecoveryCode::parse(text)?))
    }
    /// Unlock with the device key's raw bytes.
    pub fn device_key(bytes: &[u8]) -> Result<Self> {
        Ok(Unlock::Device(DeviceKey::from_bytes(bytes)?))
    }
}
