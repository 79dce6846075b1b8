// Locks the journal when the app comes back after a while away: a phone
// left unlocked on a table should not show the journal to whoever picks it up.
package app.tandem.android.model

/**
 * Decides, on return to the foreground, whether the app locks: it does after
 * more than [limitMillis] in the background. Times come from a monotonic
 * clock handed in (Android's `SystemClock.elapsedRealtime()`), so changing
 * the wall clock neither locks nor keeps the journal open.
 */
class LockTimer(val limitMillis: Long = DEFAULT_LIMIT_MILLIS) {
    private var since: Long? = null

    /** The app went to the background at [at] (monotonic milliseconds). */
    fun backgrounded(at: Long) {
        // A second call without a return keeps the first time: the time away counts from leaving.
        if (since == null) since = at
    }

    /** The app came back at [at]; true when it was away for more than the limit. */
    fun foregrounded(at: Long): Boolean {
        val left = since ?: return false
        since = null
        return at - left > limitMillis
    }

    /** Default values. */
    companion object {
        /** Sixty seconds, the limit of docs/shells.md. */
        const val DEFAULT_LIMIT_MILLIS: Long = 60_000
    }
}
