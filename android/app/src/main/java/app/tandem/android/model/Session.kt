// The journal file and its lock state for the whole app. The platform
// layer says where the file lives (Android's no-backup files dir, so the
// system's cloud backup never copies it) and holds the device key.
package app.tandem.android.model

import app.tandem.core.Journal
import app.tandem.core.JournalException
import app.tandem.core.Unlock
import app.tandem.core.UnlockMethod
import app.tandem.core.createJournal
import app.tandem.core.unlockMethodsAt
import java.io.File
import kotlinx.coroutines.CancellationException
import kotlinx.coroutines.CoroutineDispatcher
import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.flow.asStateFlow
import kotlinx.coroutines.withContext

/** Where the app's journal stands. */
sealed interface SessionState {
    /** No journal file yet: the first-run flow comes next. */
    data object NoJournal : SessionState

    /**
     * A journal exists and is locked. [methods] are the ways to offer; [message]
     * is the sentence of the last failed unlock, if any; [keyRefused] says
     * that failure was the journal refusing the key (not a file it could not
     * read), so a device key that fails so is of no more use.
     */
    data class Locked(
        val methods: List<UnlockMethod>,
        val message: String? = null,
        val keyRefused: Boolean = false,
    ) : SessionState

    /** The journal is open; every screen reads and writes through [journal]. */
    data class Unlocked(val journal: Journal) : SessionState
}

/**
 * Creates, opens, unlocks and locks the journal at [path]. Every core call
 * runs on [dispatcher] (the app passes `Dispatchers.IO`). [kdfIterations]
 * is for tests only: the app leaves it null and gets the core's count.
 */
class Session(
    val path: String,
    private val dispatcher: CoroutineDispatcher,
    private val kdfIterations: UInt? = null,
) {
    private val mutable = MutableStateFlow<SessionState>(
        if (File(path).exists()) SessionState.Locked(coldMethods(false)) else SessionState.NoJournal,
    )

    // Kept while locked: the core reads the unlock methods of a locked
    // journal, and unlocking it again needs no second open of the file.
    // Volatile: coroutines resume on whichever thread the dispatcher picks.
    @Volatile
    private var opened: Journal? = null

    /** The current state; screens follow it. */
    val state: StateFlow<SessionState> = mutable.asStateFlow()

    /** The unlocked journal, or null while there is none or it is locked. */
    val journal: Journal?
        get() = (mutable.value as? SessionState.Unlocked)?.journal

    /** Whether a journal file exists at [path]. */
    fun exists(): Boolean = File(path).exists()

    /**
     * Reads the state afresh from the disk, for a cold start. The methods
     * offered are the file's own (read without a key), less the device key
     * when the platform no longer holds one ([deviceKeyHeld]). A file that
     * cannot be read stays Locked with the sentence saying why.
     */
    suspend fun refresh(deviceKeyHeld: Boolean) {
        val open = opened
        mutable.value = withContext(dispatcher) {
            when {
                open != null && !open.isLocked() -> SessionState.Unlocked(open)
                open != null -> SessionState.Locked(open.unlockMethods())
                exists() -> onDisk(deviceKeyHeld)
                else -> SessionState.NoJournal
            }
        }
    }

    /**
     * Creates the journal with an optional [passphrase] and an optional
     * [deviceKey] (at least one of them) and returns the recovery code to show
     * once. The state becomes Unlocked. Throws the core's error when refused.
     */
    suspend fun create(passphrase: String?, deviceKey: ByteArray?): String {
        val made = withContext(dispatcher) { createJournal(path, deviceKey, passphrase, kdfIterations) }
        opened = made.journal
        mutable.value = SessionState.Unlocked(made.journal)
        return made.recoveryCode
    }

    /**
     * Opens (or unlocks again) the journal with [unlock]. Returns true when it
     * is open; otherwise the state stays Locked with the failure's sentence.
     */
    suspend fun unlock(unlock: Unlock): Boolean {
        val before = mutable.value
        if (before is SessionState.Unlocked) return true
        return try {
            val journal = withContext(dispatcher) {
                val open = opened
                if (open != null) {
                    open.unlock(unlock)
                    open
                } else {
                    Journal.open(path, unlock)
                }
            }
            opened = journal
            mutable.value = SessionState.Unlocked(journal)
            true
        } catch (e: CancellationException) {
            throw e
        } catch (e: Exception) {
            val methods = (before as? SessionState.Locked)?.methods ?: coldMethods(false)
            mutable.value = if (exists()) {
                SessionState.Locked(methods, messageFor(e), keyRefused = e is JournalException.WrongKey)
            } else {
                SessionState.NoJournal
            }
            false
        }
    }

    /** Unlocks with the 32-byte key from the platform keystore. */
    suspend fun unlockWithDeviceKey(key: ByteArray): Boolean = unlock(Unlock.DeviceKey(key))

    /** Unlocks with the passphrase as typed. */
    suspend fun unlockWithPassphrase(passphrase: String): Boolean = unlock(Unlock.Passphrase(passphrase))

    /** Unlocks with the recovery code as typed (case, spaces and dashes do not matter). */
    suspend fun unlockWithRecoveryCode(code: String): Boolean = unlock(Unlock.RecoveryCode(code))

    /** Drops the keys from memory; the state becomes Locked with the journal's own methods. */
    suspend fun lock() {
        val open = opened ?: return
        val methods = withContext(dispatcher) {
            open.lock()
            open.unlockMethods()
        }
        mutable.value = SessionState.Locked(methods)
    }

    /** Adds or replaces the device-key wrap (a new keystore key); needs the journal unlocked. */
    suspend fun setDeviceKey(key: ByteArray) {
        val open = journal ?: throw JournalException.Locked()
        withContext(dispatcher) { open.setDeviceKey(key) }
    }

    /** Drops the device-key wrap (biometric unlock turned off); the core refuses when no passphrase is set. */
    suspend fun removeDeviceKey() {
        val open = journal ?: throw JournalException.Locked()
        withContext(dispatcher) { open.removeDeviceKey() }
    }

    /**
     * Closes the file (before a restore onto [path]); the state is read
     * afresh. Holders still keeping the old journal get `Closed` and its
     * sentence: the object itself is freed when nothing refers to it.
     */
    suspend fun close(deviceKeyHeld: Boolean) {
        val open = opened
        opened = null
        if (open != null) withContext(dispatcher) { open.closeFile() }
        refresh(deviceKeyHeld)
    }

    // Runs on the dispatcher: it opens the file.
    private fun onDisk(deviceKeyHeld: Boolean): SessionState =
        try {
            SessionState.Locked(unlockMethodsAt(path).filter { deviceKeyHeld || it != UnlockMethod.DEVICE })
        } catch (e: JournalException) {
            SessionState.Locked(coldMethods(false), messageFor(e))
        }

    // Before the file has been read (the constructor runs on the main
    // thread): what any journal may offer.
    private fun coldMethods(deviceKeyHeld: Boolean): List<UnlockMethod> =
        if (deviceKeyHeld) {
            listOf(UnlockMethod.DEVICE, UnlockMethod.PASSPHRASE, UnlockMethod.RECOVERY)
        } else {
            listOf(UnlockMethod.PASSPHRASE, UnlockMethod.RECOVERY)
        }
}
