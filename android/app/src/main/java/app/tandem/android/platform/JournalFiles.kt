// Backup and restore through the storage access framework. The core reads
// and writes paths, and a picked document is a content URI, so each file
// passes through a temporary copy in the no-backup files dir: the backup is
// written there by the core and copied out; a chosen backup is copied in
// and restored from there. Both copies are deleted as soon as they are used.
package app.tandem.android.platform

import android.content.Context
import android.net.Uri
import app.tandem.android.model.Session
import app.tandem.android.model.messageFor
import app.tandem.core.Journal
import app.tandem.core.JournalException
import app.tandem.core.Unlock
import app.tandem.core.checkBackup
import app.tandem.core.restoreJournal
import java.io.File
import java.io.IOException
import kotlinx.coroutines.CancellationException
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.flow.MutableSharedFlow
import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.SharedFlow
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.flow.asSharedFlow
import kotlinx.coroutines.flow.asStateFlow
import kotlinx.coroutines.withContext

/**
 * Backup and restore of the journal behind [session]. While a restore
 * swaps the file, [replacing] is true: the navigation stays where it is and
 * [appLock] holds the journal open, so the user is not sent to the lock
 * screen halfway.
 */
class JournalFiles(
    context: Context,
    private val session: Session,
    private val vault: DeviceKeyVault,
    private val appLock: AppLock,
) {
    private val appContext = context.applicationContext
    private val workDir: File = appContext.noBackupFilesDir
    private val outgoing = File(workDir, "backup-out.tmp")
    private val incoming = File(workDir, "backup-in.tmp")
    /** A restore check's copy, as builds before the core's own check made it; cleared at launch. */
    private val staging = File(workDir, "restore-check.tandem")

    /** The folder the core makes (and removes) its copy in when checking a backup; removed after each check. */
    private val scratch = File(workDir, "restore-check")
    private val replacingFlow = MutableStateFlow(false)
    private val restoredFlow = MutableSharedFlow<Unit>(extraBufferCapacity = 1)

    /** True while a restore closes, replaces and reopens the journal. */
    val replacing: StateFlow<Boolean> = replacingFlow.asStateFlow()

    /** Emits once each time a restore has opened the restored journal. */
    val restored: SharedFlow<Unit> = restoredFlow.asSharedFlow()

    /** Has the core write an encrypted backup of [journal] to the outgoing copy, to be saved by [saveBackup]. */
    suspend fun prepareBackup(journal: Journal) = withContext(Dispatchers.IO) {
        outgoing.delete()
        try {
            journal.backup(outgoing.path)
        } catch (e: Exception) {
            outgoing.delete()
            throw e
        }
    }

    /** Copies the prepared backup to the document the user created, then deletes the copy. */
    suspend fun saveBackup(target: Uri) = withContext(Dispatchers.IO) {
        try {
            val out = appContext.contentResolver.openOutputStream(target, "wt")
                ?: throw IOException("no output stream")
            out.use { stream -> outgoing.inputStream().use { it.copyTo(stream) } }
        } finally {
            outgoing.delete()
        }
    }

    /** The user closed the picker: the prepared backup is not needed. */
    suspend fun discardBackup() = withContext(Dispatchers.IO) {
        outgoing.delete()
        Unit
    }

    /** Copies the backup the user picked into the incoming copy, for [restoreFresh] or [restoreReplacing]. */
    suspend fun readBackup(source: Uri) = withContext(Dispatchers.IO) {
        incoming.delete()
        val input = appContext.contentResolver.openInputStream(source) ?: throw IOException("no input stream")
        input.use { stream -> incoming.outputStream().use { stream.copyTo(it) } }
    }

    /** The restore was abandoned: the incoming copy goes. */
    suspend fun discardIncoming() = withContext(Dispatchers.IO) {
        incoming.delete()
        Unit
    }

    /**
     * First run on a new phone: restores the picked backup as this phone's
     * journal (there is none yet) and opens it with [unlock], the backup's
     * passphrase or recovery code.
     */
    suspend fun restoreFresh(unlock: Unlock) = swapping {
        withContext(Dispatchers.IO) {
            val restored = restoreJournal(incoming.path, session.path, unlock, null, false)
            restored.closeFile()
            restored.close()
        }
        reopen(unlock)
    }

    /**
     * Replaces this phone's journal with the picked backup. The core first
     * checks the backup in a scratch folder ([checkBackup]: it opens with
     * [unlock] and is whole), so a mistyped passphrase leaves the open
     * journal as it was; only then is the journal closed, replaced and
     * opened again.
     */
    suspend fun restoreReplacing(unlock: Unlock) = swapping {
        withContext(Dispatchers.IO) {
            // The core refuses a scratch path that is not a folder.
            if (!scratch.isDirectory && !scratch.mkdirs()) throw IOException("no scratch folder")
            try {
                checkBackup(incoming.path, scratch.path, unlock)
            } finally {
                // The core removes its copy; the folder goes too, as on iOS.
                scratch.deleteRecursively()
            }
        }
        session.close(deviceKeyHeld = false)
        withContext(Dispatchers.IO) {
            val restored = restoreJournal(incoming.path, session.path, unlock, null, true)
            restored.closeFile()
            restored.close()
        }
        reopen(unlock)
    }

    /** Deletes copies left by a run that was stopped halfway. Call off the main thread. */
    fun clearLeftovers() {
        outgoing.delete()
        incoming.delete()
        deleteDatabase(staging)
        scratch.deleteRecursively()
    }

    // The core's restore hands back an open journal, but the Session opens
    // its own: close the returned one and open the file through the Session.
    // The restored journal has no wrap for this phone's device key, so the
    // stored key is forgotten; Settings can add a new one.
    private suspend fun reopen(unlock: Unlock) {
        withContext(Dispatchers.IO) { vault.forget() }
        session.close(deviceKeyHeld = false)
        if (!session.unlock(unlock)) {
            throw JournalException.WrongKey()
        }
    }

    // On failure the incoming copy stays, so the user can type the
    // passphrase again without picking the file again.
    private suspend fun <T> swapping(block: suspend () -> T): T {
        appLock.hold()
        replacingFlow.value = true
        try {
            val result = block()
            withContext(Dispatchers.IO) { incoming.delete() }
            restoredFlow.tryEmit(Unit)
            return result
        } finally {
            replacingFlow.value = false
            appLock.release()
        }
    }

    private fun deleteDatabase(file: File) {
        for (suffix in listOf("", "-wal", "-shm", "-journal")) {
            File(file.path + suffix).delete()
        }
    }
}

/**
 * The sentence for a failed backup or restore: the core's own for its
 * errors; a picker's stream that fails reads as the core's file error.
 */
fun fileMessageFor(error: Throwable): String = when (error) {
    is CancellationException -> throw error
    is IOException, is SecurityException -> messageFor(JournalException.Io("file copy"))
    else -> messageFor(error)
}
