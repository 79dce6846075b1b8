// The history list over a real journal: the core's weeks, newest first,
// with headings and rows labelled as worked out by hand for these days
// (23 November 2026 is a Monday).
package app.tandem.android.model

import app.tandem.core.Move
import app.tandem.core.PartnerMove
import app.tandem.core.Reflection
import app.tandem.core.Settings
import app.tandem.core.WeekStart
import app.tandem.core.Who
import ci
import java.time.LocalDate
import kotlin.test.assertEquals
import kotlin.test.assertNull
import kotlinx.coroutines.runBlocking
import org.junit.Before
import org.junit.Test

class HistoryTest : JournalFixture() {
    @Before
    fun fill() {
        val journal = temp.journal
        journal.setToday(day("2027-01-01"))
        journal.saveCheckins(
            listOf(
                ci("2026-11-23", 2, Move.PURSUED, PartnerMove.WITHDREW),
                ci("2026-11-25", 4, Move.NEITHER, PartnerMove.NEITHER),
                ci("2026-12-01", 3, Move.WITHDREW, PartnerMove.PURSUED),
                ci("2026-12-29", 5, Move.BOTH, PartnerMove.UNKNOWN),
                ci("2027-01-01", 3, Move.PURSUED, PartnerMove.BOTH),
            ),
        )
        journal.saveReflection(Reflection(weekStart = day("2026-11-25"), raisesConcerns = Who.ME))
    }

    private fun rows(section: HistorySection) = section.rows.map { Triple(it.dayLabel, it.moveLabel, it.mood) }

    /** The sections a holder loads from the journal, from [from] to [to] (every week when null). */
    private suspend fun loaded(from: LocalDate? = null, to: LocalDate? = null): List<HistorySection> =
        HistoryHolder(temp.journal, io).also { it.load(from, to) }.state.value.sections

    @Test
    fun dayAndWeekLabelsReadAsWorkedOutByHand() {
        assertEquals("23 Nov", DateLabels.day(day("2026-11-23")))
        assertEquals("1 Jan", DateLabels.day(day("2027-01-01")))
        // English month abbreviations as the core's charts write them, not en-GB's "Sept".
        assertEquals("7 Sep", DateLabels.day(day("2026-09-07")))
        assertEquals("Mon 23 Nov", DateLabels.weekday(day("2026-11-23")))
        assertEquals("Fri 1 Jan", DateLabels.weekday(day("2027-01-01")))
        assertEquals("23–29 Nov 2026", DateLabels.range(day("2026-11-23"), day("2026-11-29")))
        assertEquals("30 Nov – 6 Dec 2026", DateLabels.range(day("2026-11-30"), day("2026-12-06")))
        assertEquals("28 Dec 2026 – 3 Jan 2027", DateLabels.range(day("2026-12-28"), day("2027-01-03")))
    }

    @Test
    fun mondayWeeksAreListedNewestFirstWithRowsByDayAndTheWeeksReflection() = runBlocking<Unit> {
        val sections = loaded()
        assertEquals(
            listOf("28 Dec 2026 – 3 Jan 2027", "30 Nov – 6 Dec 2026", "23–29 Nov 2026"),
            sections.map { it.title },
        )
        assertEquals(
            listOf(
                Triple("Tue 29 Dec", "Both, at different moments", 5),
                Triple("Fri 1 Jan", "I pursued: reached out, pressed to talk it through", 3),
            ),
            rows(sections[0]),
        )
        assertEquals(
            listOf(Triple("Tue 1 Dec", "I withdrew: pulled back, went quiet, needed space", 3)),
            rows(sections[1]),
        )
        assertEquals(
            listOf(
                Triple("Mon 23 Nov", "I pursued: reached out, pressed to talk it through", 2),
                Triple("Wed 25 Nov", "Neither: no chasing, no retreating", 4),
            ),
            rows(sections[2]),
        )
        assertEquals(listOf(day("2026-11-23"), day("2026-11-25")), sections[2].rows.map { it.date })
        assertEquals(Who.ME, sections[2].reflection?.raisesConcerns)
        assertEquals(day("2026-11-23"), sections[2].reflection?.weekStart)
        assertNull(sections[0].reflection)
        assertEquals(day("2026-12-28") to day("2027-01-03"), sections[0].firstDay to sections[0].lastDay)
    }

    @Test
    fun sundayWeeksRegroupTheSameDays() = runBlocking<Unit> {
        temp.journal.setSettings(Settings(WeekStart.SUNDAY))
        val sections = loaded()
        // Sunday 27 Dec – Saturday 2 Jan, Sunday 29 Nov – Saturday 5 Dec, Sunday 22 – Saturday 28 Nov.
        assertEquals(
            listOf("27 Dec 2026 – 2 Jan 2027", "29 Nov – 5 Dec 2026", "22–28 Nov 2026"),
            sections.map { it.title },
        )
        assertEquals(listOf(2, 1, 2), sections.map { it.rows.size })
        // The reflection is kept under its Monday, 23 Nov, which falls in the Sunday week of 22 Nov.
        assertEquals(Who.ME, sections[2].reflection?.raisesConcerns)
    }

    @Test
    fun aRangeIsWidenedToWholeWeeks() = runBlocking<Unit> {
        // 2 Dec is in the week of 30 Nov (which holds 1 Dec); 30 Dec in the week to 3 Jan (which holds 1 Jan).
        val sections = loaded(from = day("2026-12-02"), to = day("2026-12-30"))
        assertEquals(listOf("28 Dec 2026 – 3 Jan 2027", "30 Nov – 6 Dec 2026"), sections.map { it.title })
        assertEquals(listOf(2, 1), sections.map { it.rows.size })
    }

    @Test
    fun theHolderCallsTheCoreOnlyOnTheDispatchersThreadAndReportsALockedJournal() = runBlocking<Unit> {
        val journal = ThreadRecordingJournal(temp.journal)
        val holder = HistoryHolder(journal, io)
        holder.load()
        assertEquals(listOf(io.threadName), journal.threads.toList())
        temp.journal.lock()
        holder.load()
        assertEquals("The journal is locked. Unlock it to go on.", holder.state.value.message)
        assertEquals(3, holder.state.value.sections.size) // what was shown stays
    }
}
