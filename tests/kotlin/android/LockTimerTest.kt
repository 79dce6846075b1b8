// The 60-second rule of docs/shells.md on a monotonic clock in milliseconds.
package app.tandem.android.model

import kotlin.test.assertEquals
import kotlin.test.assertFalse
import kotlin.test.assertTrue
import org.junit.Test

class LockTimerTest {
    @Test
    fun sixtySecondsAwayExactlyDoesNotLockAndOneMillisecondMoreDoes() {
        val timer = LockTimer()
        timer.backgrounded(at = 5_000)
        assertFalse(timer.foregrounded(at = 65_000)) // 60,000 ms: not more than 60 s
        timer.backgrounded(at = 5_000)
        assertTrue(timer.foregrounded(at = 65_001))
    }

    @Test
    fun comingBackWithoutHavingLeftNeverLocks() {
        val timer = LockTimer()
        assertFalse(timer.foregrounded(at = 1_000_000))
        timer.backgrounded(at = 0)
        assertTrue(timer.foregrounded(at = 90_000))
        // The return above used up the time away; a second return is not a second absence.
        assertFalse(timer.foregrounded(at = 500_000))
    }

    @Test
    fun aSecondBackgroundingCountsFromTheFirst() {
        val timer = LockTimer()
        timer.backgrounded(at = 10_000)
        timer.backgrounded(at = 50_000)
        // 61 s after the first, 21 s after the second.
        assertTrue(timer.foregrounded(at = 71_000))
    }

    @Test
    fun theLimitCanBeSetAndDefaultsToSixtySeconds() {
        assertEquals(60_000, LockTimer().limitMillis)
        val timer = LockTimer(limitMillis = 5_000)
        timer.backgrounded(at = 0)
        assertTrue(timer.foregrounded(at = 5_001))
    }
}
