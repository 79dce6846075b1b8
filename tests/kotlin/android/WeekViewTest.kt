// The week view's charts over two hand-worked journals: journal B of
// core/tests/common/journals.rs (eight Monday weeks with findings of every
// kind, worked out by hand in core/tests/insights.rs) and a short journal
// whose trend line runs off both ends of the axis.
package app.tandem.android.model

import app.tandem.core.CheckIn
import app.tandem.core.Move
import app.tandem.core.PartnerMove
import app.tandem.core.Repair
import app.tandem.core.Skill
import ci
import java.time.LocalDate
import kotlin.test.assertEquals
import kotlin.test.assertNotNull
import kotlin.test.assertNull
import kotlin.test.assertTrue
import kotlinx.coroutines.runBlocking
import org.junit.Test

/** Journal B: 5 Jan – 1 Mar 2026, the cycle easing in the last four weeks. */
fun journalB(): List<CheckIn> {
    val pw = Move.PURSUED to PartnerMove.WITHDREW
    val calm = Move.NEITHER to PartnerMove.NEITHER
    val skill = listOf(Skill.REGULATE)
    fun b(date: String, mood: Int, moves: Pair<Move, PartnerMove>, intensity: Int, repair: Repair?, skills: List<Skill> = listOf()) =
        ci(date, mood, moves.first, moves.second, intensity, repair, skills)
    return listOf(
        // Before: 5 cycle days of 7; repairs R (skill), N, N, N, P (skill).
        b("2026-01-05", 2, pw, 8, Repair.RECONNECTED, skill),
        b("2026-01-08", 2, pw, 7, Repair.NOT_YET),
        b("2026-01-13", 2, pw, 8, Repair.NOT_YET),
        b("2026-01-16", 3, calm, 2, null),
        b("2026-01-20", 2, pw, 7, Repair.NOT_YET),
        b("2026-01-27", 3, calm, 2, null),
        b("2026-01-30", 3, pw, 8, Repair.PARTLY, skill),
        // Recent: 2 cycle days of 7; repairs R (skill), R (skill), P.
        b("2026-02-02", 4, pw, 5, Repair.RECONNECTED, skill),
        b("2026-02-05", 4, pw, 5, Repair.RECONNECTED, skill),
        b("2026-02-10", 3, calm, 1, null),
        b("2026-02-14", 4, calm, 1, null),
        b("2026-02-18", 4, calm, 2, null),
        b("2026-02-24", 3, Move.NEITHER to PartnerMove.BOTH, 2, null),
        b("2026-03-01", 4, Move.BOTH to PartnerMove.NEITHER, 5, Repair.PARTLY),
    )
}

class WeekViewTest : JournalFixture() {
    private suspend fun loaded(checkIns: List<CheckIn>, today: String, weeks: Int): WeekView {
        val journal = temp.journal
        journal.setToday(day(today))
        journal.saveCheckins(checkIns)
        val holder = WeekViewHolder(journal, io, weeks)
        holder.loadToday()
        assertNull(holder.state.value.message)
        assertEquals(day(today), holder.state.value.lastDay)
        return assertNotNull(holder.state.value.view)
    }

    @Test
    fun journalBsChartsHoldTheHandWorkedWeeks() = runBlocking<Unit> {
        val view = loaded(journalB(), "2026-03-01", 8)
        val starts = listOf("2026-01-05", "2026-01-12", "2026-01-19", "2026-01-26", "2026-02-02", "2026-02-09", "2026-02-16", "2026-02-23")
        val labels = listOf("5 Jan", "12 Jan", "19 Jan", "26 Jan", "2 Feb", "9 Feb", "16 Feb", "23 Feb")
        assertEquals(starts.map(::day), view.mood.weeks.map { it.weekStart })
        assertEquals(labels, view.moves.weeks.map { it.label })
        assertEquals(labels, view.cycle.weeks.map { it.label })
        // Moods by week: (2+2)/2, (2+3)/2, 2, (3+3)/2, (4+4)/2, (3+4)/2, 4, (3+4)/2.
        assertEquals(listOf(2.0, 2.5, 2.0, 3.0, 4.0, 3.5, 4.0, 3.5), view.mood.weeks.map { it.mood })
        // Days one pursued while the other withdrew.
        assertEquals(listOf(2, 1, 1, 1, 2, 0, 0, 0), view.cycle.weeks.map { it.days })
        // Least squares through (i, 2 1 1 1 2 0 0 0): mean i 3.5, mean y 7/8; Sxx = 42,
        // Sxy = -10.5, so slope -0.25 and intercept 0.875 + 0.25 * 3.5 = 1.75; at i = 7: 0.
        val trend = assertNotNull(view.cycle.trend)
        assertEquals(1.75, trend.firstValue, 1e-9)
        assertEquals(7, trend.lastIndex)
        assertEquals(0.0, trend.lastValue, 1e-9)
        // The last week: 24 Feb neither / both, 1 Mar both / neither.
        val last = view.moves.weeks.last()
        assertEquals(listOf(0, 0, 1, 1), last.me?.map { it.days })
        assertEquals(listOf(0, 0, 1, 1, 0), last.partner?.map { it.days })
        // The legend names of the core's SVG moves chart.
        assertEquals(listOf("pursued", "withdrew", "both", "neither"), last.me?.map { it.label })
        assertEquals(listOf("pursued", "withdrew", "both", "neither", "couldn't tell"), last.partner?.map { it.label })
        assertEquals(day("2026-02-23"), view.week.weekStart)
        assertEquals(2u, view.week.daysLogged)
        assertEquals(0 to 7, view.moves.yMin to view.moves.yMax)
        assertEquals(1 to 5, view.mood.yMin to view.mood.yMax)
        assertEquals(0 to 7, view.cycle.yMin to view.cycle.yMax)
    }

    @Test
    fun eachChartIsSpokenAsItsDescriptionThenItsOwnKindsOfFinding() = runBlocking<Unit> {
        val view = loaded(journalB(), "2026-03-01", 8)
        // The sentences worked out by hand in core/tests/insights.rs for the same weeks.
        val cycle = "Cycle days fell from 5.0 to 2.0 a week over the last four weeks, against the four before (n = 7 and 7 days logged)."
        val intensity = "The hardest moment of the day fell from 6.0 to 3.0 out of 10 (n = 7 and 7 days rated)."
        val repair = "Reconnecting after a hard moment rose from 20% to 67% (n = 5 and 3 hard days)."
        val mood = "Mood rose from 2.4 to 3.7 out of 5 (n = 7 and 7 days logged)."
        val roles = "Of 14 days logged, you pursued on 8 and your partner on 1: you did more often. You withdrew on 1 and your partner on 8: your partner did more often, as you saw it."
        val skills = "On hard days when you practised a skill you reconnected 75% of the time (n = 4); on hard days without one, 0% (n = 4)."
        val range = "the 8 weeks from 5 January 2026 to the week of 23 February 2026"

        assertEquals("Pursue and withdraw, week by week", view.moves.title)
        assertEquals(
            "For $range, two stacked bars per week: on the left how often you pursued, withdrew, did both or neither; " +
                "on the right the same for your partner as you saw it, with days you couldn't tell. " +
                "Every week has check-ins. $roles",
            view.moves.accessibilityText,
        )
        assertEquals("Mood, week by week", view.mood.title)
        assertEquals(
            "Average mood per week, from 1 (very low) to 5 (very good), for $range. Every week has check-ins. $mood",
            view.mood.accessibilityText,
        )
        assertEquals("Cycle days, week by week", view.cycle.title)
        // The trend in words: a slope of -0.25 over 7 steps falls by 1.75, shown to one place.
        assertEquals(
            "Cycle days per week (days when one of you pursued while the other withdrew), 0 to 7, for $range. " +
                "The trend line falls by about 1.8 cycle days a week over the period. Every week has check-ins. " +
                "$cycle $intensity $repair $skills",
            view.cycle.accessibilityText,
        )
        assertEquals(listOf(cycle, intensity, repair, mood, roles, skills), view.findings.map { it.text })
    }

    @Test
    fun aTrendLineRunningOffTheAxisHasItsEndsClampedToZeroAndSeven() = runBlocking<Unit> {
        // Four Monday weeks to 1 Mar 2026: empty, 9–15 Feb every day a cycle day,
        // 18 Feb a calm day, empty.
        val cycleWeek = (9..15).map { ci("2026-02-%02d".format(it), 3, Move.PURSUED, PartnerMove.WITHDREW) }
        val view = loaded(cycleWeek + ci("2026-02-18", 5, Move.NEITHER, PartnerMove.NEITHER), "2026-03-01", 4)
        assertEquals(listOf(null, 7, 0, null), view.cycle.weeks.map { it.days })
        assertEquals(listOf(null, 3.0, 5.0, null), view.mood.weeks.map { it.mood })
        // Through (1, 7) and (2, 0): slope -7, intercept 14; at i = 3: 14 - 21 = -7.
        assertEquals(TrendEnds(firstValue = 7.0, lastIndex = 3, lastValue = 0.0), view.cycle.trend)
        val moves = view.moves.weeks
        assertNull(moves[0].me)
        assertNull(moves[0].partner)
        assertEquals(
            listOf(Move.PURSUED to 7, Move.WITHDREW to 0, Move.BOTH to 0, Move.NEITHER to 0),
            moves[1].me?.map { it.value to it.days },
        )
        assertEquals(
            listOf(
                PartnerMove.PURSUED to 0, PartnerMove.WITHDREW to 7, PartnerMove.BOTH to 0,
                PartnerMove.NEITHER to 0, PartnerMove.UNKNOWN to 0,
            ),
            moves[1].partner?.map { it.value to it.days },
        )
        assertTrue(view.moves.accessibilityText.contains("2 weeks have no check-ins and are left blank."))
    }

    @Test
    fun underTwoWeeksWithDataThereIsNoTrendLine() = runBlocking<Unit> {
        val view = loaded(listOf(ci("2026-02-25", 3, Move.PURSUED, PartnerMove.WITHDREW)), "2026-03-01", 4)
        assertNull(view.cycle.trend)
        assertEquals(listOf(null, null, null, 1), view.cycle.weeks.map { it.days })
    }

    @Test
    fun theHolderCallsTheCoreOnlyOnTheDispatchersThreadAndReportsALockedJournal() = runBlocking<Unit> {
        temp.journal.setToday(day("2026-03-01"))
        val journal = ThreadRecordingJournal(temp.journal)
        val holder = WeekViewHolder(journal, io)
        assertEquals(12, holder.weeks)
        holder.load(LocalDate.parse("2026-03-01"))
        assertEquals(12, holder.state.value.view?.mood?.weeks?.size)
        // insights, weekSummary
        assertEquals(listOf(io.threadName, io.threadName), journal.threads.toList())

        temp.journal.lock()
        holder.load(day("2026-03-01"))
        assertEquals("The journal is locked. Unlock it to go on.", holder.state.value.message)
    }
}
