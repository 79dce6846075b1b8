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
import java.io.File
import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.SupervisorJob
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

    /** Wires the lock to the process lifecycle and tidies up after an earlier run. */
    fun start() {
        Reminders.createChannel(app)
        ProcessLifecycleOwner.get().lifecycle.addObserver(appLock)
        scope.launch {
            val keyHeld = withContext(Dispatchers.IO) {
                // A summary shared earlier and half-finished copies have no reason to stay.
                SummaryPrinter.clearShared(app)
                files.clearLeftovers()
                Reminders.schedule(app, reminderPrefs.load())
                runCatching { vault.hasKey() }.getOrDefault(false)
            }
            session.refresh(deviceKeyHeld = keyHeld)
        }
    }

    private companion object {
        const val JOURNAL_FILE_NAME = "journal.tandem"
    }
}
