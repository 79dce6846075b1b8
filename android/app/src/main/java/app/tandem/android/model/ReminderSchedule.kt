// When the daily reminder fires next. Computed in the zone handed in, from
// local dates and times, so a day of 23 or 25 hours still gets its reminder
// at the same time on the clock.
package app.tandem.android.model

import java.time.Duration
import java.time.LocalTime
import java.time.ZonedDateTime

/** The daily reminder's timing and its fixed words (nothing personal: it shows on a locked screen). */
object ReminderSchedule {
    /** The notification's title. */
    const val TITLE = "Time for your Tandem check-in"

    /** The notification's text. */
    const val TEXT = "A minute for how today went."

    /**
     * The next moment after [now] when the local clock of [now]'s zone shows
     * [at]: later today if that is still ahead, else tomorrow. A time skipped
     * by a spring-forward gap moves later by the gap's length; a time repeated
     * by an autumn overlap fires at its first occurrence.
     */
    fun next(now: ZonedDateTime, at: LocalTime): ZonedDateTime {
        val today = ZonedDateTime.of(now.toLocalDate(), at, now.zone)
        if (today.isAfter(now)) return today
        return ZonedDateTime.of(now.toLocalDate().plusDays(1), at, now.zone)
    }

    /** The time from [now] to the next reminder at [at] (see [next]). */
    fun delay(now: ZonedDateTime, at: LocalTime): Duration = Duration.between(now, next(now, at))
}
