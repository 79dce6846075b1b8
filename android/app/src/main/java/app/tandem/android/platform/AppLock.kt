// Locks the journal when the whole app has been in the background for more
// than the model's LockTimer limit: a phone left on a table unlocked should
// not show the journal to whoever picks it up.
package app.tandem.android.platform

import android.os.SystemClock
import androidx.lifecycle.DefaultLifecycleObserver
import androidx.lifecycle.LifecycleOwner
import app.tandem.android.model.LockTimer
import app.tandem.android.model.Session
import kotlinx.coroutines.CancellationException
import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.Job
import kotlinx.coroutines.delay
import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.flow.asStateFlow
import kotlinx.coroutines.launch

/**
 * Observes the process lifecycle (ProcessLifecycleOwner): on return to the
 * foreground after more than the limit it locks the [session]. While the
 * app sits in the background it also locks once the limit has passed, so
 * the keys leave memory without waiting for a return. [scope] runs on the
 * main thread; [clock] is monotonic milliseconds.
 */
class AppLock(
    private val session: Session,
    private val scope: CoroutineScope,
    private val timer: LockTimer = LockTimer(),
    private val clock: () -> Long = SystemClock::elapsedRealtime,
) : DefaultLifecycleObserver {
    private val coveringFlow = MutableStateFlow(false)
    private var pendingLock: Job? = null
    private var holds = 0

    /**
     * True from the moment a lock is decided until it is done: the screen
     * covers its content meanwhile, so the journal does not flash on return.
     */
    val covering: StateFlow<Boolean> = coveringFlow.asStateFlow()

    /**
     * Keeps the journal open however long the app is away, until [release]:
     * while the first run shows the recovery code (the user may leave to write
     * it down) and while a restore replaces the file.
     */
    fun hold() {
        holds += 1
    }

    /** Ends one [hold]. */
    fun release() {
        holds = (holds - 1).coerceAtLeast(0)
    }

    override fun onStop(owner: LifecycleOwner) {
        timer.backgrounded(clock())
        pendingLock?.cancel()
        pendingLock = scope.launch {
            // The process may be frozen in the background and this wake up
            // late; the check in onStart covers that case.
            delay(timer.limitMillis + 1)
            if (holds == 0) lockQuietly()
        }
    }

    override fun onStart(owner: LifecycleOwner) {
        pendingLock?.cancel()
        pendingLock = null
        val away = timer.foregrounded(clock())
        if (away && holds == 0) {
            coveringFlow.value = true
            scope.launch {
                try {
                    lockQuietly()
                } finally {
                    coveringFlow.value = false
                }
            }
        }
    }

    private suspend fun lockQuietly() {
        try {
            session.lock()
        } catch (e: CancellationException) {
            throw e
        } catch (_: Exception) {
            // A journal that is closed or already gone has no keys left to drop.
        }
    }
}
