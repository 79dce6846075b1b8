// The reminder's next time across midnight and daylight-saving changes.
// Every expected delay is worked out by hand from the zone's rules:
// Europe/London goes from GMT (+00:00) to BST (+01:00) at 01:00 GMT on
// Sunday 29 March 2026 and back at 01:00 GMT on Sunday 25 October 2026;
// America/New_York goes from EST (-05:00) to EDT (-04:00) at 02:00 local on
// Sunday 8 March 2026.
package app.tandem.android.model

import java.time.Duration
import java.time.LocalDateTime
import java.time.LocalTime
import java.time.ZoneId
import java.time.ZonedDateTime
import kotlin.test.assertEquals
import org.junit.Test

class ReminderScheduleTest {
    private val london = ZoneId.of("Europe/London")
    private val newYork = ZoneId.of("America/New_York")

    private fun at(text: String, zone: ZoneId): ZonedDateTime = ZonedDateTime.of(LocalDateTime.parse(text), zone)

    @Test
    fun laterTheSameDayIsTheHoursLeftOnTheClock() {
        // 19:00 to 20:00 BST on an ordinary June day.
        assertEquals(Duration.ofHours(1), ReminderSchedule.delay(at("2026-06-10T19:00", london), LocalTime.of(20, 0)))
    }

    @Test
    fun aTimeAlreadyPassedOrJustNowIsTomorrowAcrossMidnight() {
        // 23:30 to 07:00 the next morning: 30 minutes to midnight and 7 hours after.
        assertEquals(
            Duration.ofMinutes(7 * 60 + 30),
            ReminderSchedule.delay(at("2026-06-10T23:30", london), LocalTime.of(7, 0)),
        )
        // At 20:00 exactly the reminder has just fired: the next is a day later.
        assertEquals(Duration.ofHours(24), ReminderSchedule.delay(at("2026-06-10T20:00", london), LocalTime.of(20, 0)))
        assertEquals(
            at("2026-06-11T20:00", london),
            ReminderSchedule.next(at("2026-06-10T20:00:00.001", london), LocalTime.of(20, 0)),
        )
    }

    @Test
    fun theNightTheClocksGoForwardIsAnHourShorter() {
        // 21:00 GMT on 28 March is 21:00Z; 20:00 BST on 29 March is 19:00Z:
        // 22 hours, where the clock faces say 23.
        val now = at("2026-03-28T21:00", london)
        assertEquals(Duration.ofHours(22), ReminderSchedule.delay(now, LocalTime.of(20, 0)))
        assertEquals(at("2026-03-29T20:00", london), ReminderSchedule.next(now, LocalTime.of(20, 0)))
    }

    @Test
    fun theNightTheClocksGoBackIsAnHourLonger() {
        // 21:00 BST on 24 October is 20:00Z; 20:00 GMT on 25 October is 20:00Z the next day: 24 hours, not 23.
        assertEquals(Duration.ofHours(24), ReminderSchedule.delay(at("2026-10-24T21:00", london), LocalTime.of(20, 0)))
    }

    @Test
    fun aTimeSkippedByTheSpringGapFiresAnHourLaterOnTheClock() {
        // 01:30 does not exist on 29 March in London; it moves on by the gap to 02:30 BST (01:30Z).
        // Asked at 00:30 GMT (00:30Z): one hour.
        val now = at("2026-03-29T00:30", london)
        assertEquals(Duration.ofHours(1), ReminderSchedule.delay(now, LocalTime.of(1, 30)))
        assertEquals(LocalTime.of(2, 30), ReminderSchedule.next(now, LocalTime.of(1, 30)).toLocalTime())
    }

    @Test
    fun aTimeRepeatedByTheAutumnOverlapFiresAtItsFirstOccurrence() {
        // 01:30 happens twice on 25 October: first at 01:30 BST (00:30Z). Asked at 00:00 BST (23:00Z on the 24th): 90 minutes.
        assertEquals(
            Duration.ofMinutes(90),
            ReminderSchedule.delay(at("2026-10-25T00:00", london), LocalTime.of(1, 30)),
        )
    }

    @Test
    fun theZoneHandedInDecidesNotTheMachines() {
        // 20:00 EST on 7 March is 01:00Z on the 8th; 08:00 EDT on 8 March is 12:00Z: 11 hours.
        assertEquals(Duration.ofHours(11), ReminderSchedule.delay(at("2026-03-07T20:00", newYork), LocalTime.of(8, 0)))
    }

    @Test
    fun theReminderWordsHoldNothingPersonal() {
        assertEquals("Time for your Tandem check-in", ReminderSchedule.TITLE)
        assertEquals("A minute for how today went.", ReminderSchedule.TEXT)
    }
}
