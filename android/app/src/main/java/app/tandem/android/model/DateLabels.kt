// Day and week labels in English, as the core's own charts and summary
// write them (chrono's "%-d %b"): the app's words are English throughout.
package app.tandem.android.model

import java.time.LocalDate
import java.time.format.DateTimeFormatter
import java.util.Locale

/** Formats days and weeks for the screens: "23 Nov", "Mon 23 Nov", "23–29 Nov 2026". */
object DateLabels {
    // Locale.ENGLISH, not Locale.UK: recent CLDR data abbreviates September
    // as "Sept" for en-GB, while the core's charts say "Sep".
    private val dayMonth = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH)
    private val dayMonthYear = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH)
    private val weekdayDayMonth = DateTimeFormatter.ofPattern("EEE d MMM", Locale.ENGLISH)

    /** A day as a chart's week label: "23 Nov". */
    fun day(day: LocalDate): String = dayMonth.format(day)

    /** A day as a history row: "Mon 23 Nov". */
    fun weekday(day: LocalDate): String = weekdayDayMonth.format(day)

    /**
     * A range of days as a history heading: "23–29 Nov 2026" within a month,
     * "30 Nov – 6 Dec 2026" across months, "28 Dec 2026 – 3 Jan 2027" across years.
     */
    fun range(first: LocalDate, last: LocalDate): String = when {
        first.year != last.year -> "${dayMonthYear.format(first)} – ${dayMonthYear.format(last)}"
        first.month != last.month -> "${dayMonth.format(first)} – ${dayMonthYear.format(last)}"
        else -> "${first.dayOfMonth}–${dayMonthYear.format(last)}"
    }
}
