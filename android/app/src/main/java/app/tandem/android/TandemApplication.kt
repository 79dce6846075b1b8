// The process: one journal session, the key vault, the reminder and the
// app lock, made once and shared by every screen.
package app.tandem.android

import android.app.Application
import android.content.Context
import androidx.lifecycle.ProcessLifecycleOwner
import app.tandem.android.model.Session
import app.tandem.android.platform.AppLock
import app.tandem.android.platform.DeviceKeyVault
import app.tandem.android.platform.JournalFiles
import app.tandem.android.platform.Reminders
import app.tandem.android.platform.SharedPrefsReminderPrefs
import app.tandem.android.platform.SummaryPrinter
import app.tandem.core.minPassphraseChars
import java.io.File
import kotlinx.coroutines.CancellationException
import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.SupervisorJob
import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.flow.asStateFlow
import kotlinx.coroutines.launch
import kotlinx.coroutines.withContext

/** Makes the [AppGraph] at process start. */
class TandemApplication : Application() {
    /** The app's long-lived objects. */
    lateinit var graph: AppGraph
        private set

    override fun onCreate() {
        super.onCreate()
        graph = AppGraph(this)
        graph.start()
    }
}

/** The [AppGraph] of the running app, from any of its contexts. */
val Context.appGraph: AppGraph
    get() = (applicationContext as TandemApplication).graph

/**
 * The objects that live as long as the process. The journal file is in
 * the no-backup files dir: the system's backup and device transfer never
 * see it (the manifest's rules exclude the rest as well).
 */
class AppGraph(private val app: Application) {
    /** Main-thread scope for work that outlives a screen (locking, start-up). */
    val scope: CoroutineScope = CoroutineScope(SupervisorJob() + Dispatchers.Main.immediate)

    /** The journal file and its lock state; every core call on Dispatchers.IO. */
    val session: Session = Session(File(app.noBackupFilesDir, JOURNAL_FILE_NAME).path, Dispatchers.IO)

    /** The device key, wrapped by the Keystore. */
    val vault: DeviceKeyVault = DeviceKeyVault(app)

    /** The reminder setting; saving it reschedules the reminder. */
    val reminderPrefs: SharedPrefsReminderPrefs = SharedPrefsReminderPrefs(app)

    /** Locks the journal after a minute in the background. */
    val appLock: AppLock = AppLock(session, scope)

    /** Backup and restore through the file picker. */
    val files: JournalFiles = JournalFiles(app, session, vault, appLock)

    private val passphraseMinFlow = MutableStateFlow<Int?>(null)

    /** The core's fewest passphrase characters, for the hint beside passphrase fields; null until read. */
    val passphraseMinChars: StateFlow<Int?> = passphraseMinFlow.asStateFlow()

    /** Wires the lock to the process lifecycle and tidies up after an earlier run. */
    fun start() {
        Reminders.createChannel(app)
        ProcessLifecycleOwner.get().lifecycle.addObserver(appLock)
        scope.launch {
            // Each step on its own: a failed tidy-up must neither crash the
            // process (this scope has no handler) nor keep the session from
            // reading the journal's unlock methods below.
            val keyHeld = withContext(Dispatchers.IO) {
                // A summary shared earlier and half-finished copies have no reason to stay.
                quietly { SummaryPrinter.clearShared(app) }
                quietly { files.clearLeftovers() }
                quietly { Reminders.schedule(app, reminderPrefs.load()) }
                // The first core call loads the native library: off the main thread too.
                passphraseMinFlow.value = quietly { minPassphraseChars().toInt() }
                quietly { vault.hasKey() } ?: false
            }
            try {
                session.refresh(deviceKeyHeld = keyHeld)
            } catch (e: CancellationException) {
                throw e
            } catch (_: Exception) {
                // The state stays as the constructor read it: Locked, offering passphrase and recovery code.
            }
        }
    }

    private inline fun <T> quietly(step: () -> T): T? =
        try {
            step()
        } catch (e: CancellationException) {
            throw e
        } catch (_: Exception) {
            null
        }

    private companion object {
        const val JOURNAL_FILE_NAME = "journal.tandem"
    }
}
