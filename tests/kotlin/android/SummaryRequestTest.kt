// The share-summary request: defaults from the core, switches, the core's
// refusals, and the document it makes.
package app.tandem.android.model

import app.tandem.core.DateRange
import app.tandem.core.JournalException
import app.tandem.core.Move
import app.tandem.core.PartnerMove
import app.tandem.core.Section
import app.tandem.core.summarySections
import ci
import kotlin.test.assertEquals
import kotlin.test.assertFailsWith
import kotlin.test.assertFalse
import kotlin.test.assertNotNull
import kotlin.test.assertNull
import kotlin.test.assertTrue
import kotlinx.coroutines.runBlocking
import org.junit.Before
import org.junit.Test

class SummaryRequestTest : JournalFixture() {
    @Before
    fun fill() {
        temp.journal.setToday(day("2026-11-25"))
        temp.journal.saveCheckin(ci("2026-11-24", 3, Move.PURSUED, PartnerMove.WITHDREW).copy(note = "a walk by the river"))
    }

    private suspend fun loaded(): SummaryHolder = SummaryHolder(temp.journal, io).also { it.load() }

    @Test
    fun theSectionsComeInDocumentOrderWithThePrivateOnesOff() {
        assertEquals(
            listOf(
                Triple(Section.OVERVIEW, "Overview", true),
                Triple(Section.PATTERNS, "The pattern week by week", true),
                Triple(Section.FEELINGS, "Feelings and behaviours", true),
                Triple(Section.SKILLS, "Skills and repair", true),
                Triple(Section.REFLECTIONS, "Weekly reflections", true),
                Triple(Section.REFLECTION_NOTES, "Reflections in their own words", false),
                Triple(Section.NOTES, "Daily notes", false),
                Triple(Section.CLOSENESS, "Closeness", false),
            ),
            summarySections().map { Triple(it.value, it.title, it.defaultOn) },
        )
    }

    @Test
    fun theRequestStartsOverTwelveWeeksToTodayWithTheDefaultSectionsOn() = runBlocking<Unit> {
        val request = assertNotNull(loaded().state.value.request)
        // Wednesday 25 Nov 2026 is in the week of Monday 23 Nov; eleven weeks
        // (77 days) before that Monday is Monday 7 Sep.
        assertEquals(DateRange(day("2026-09-07"), day("2026-11-25")), request.range)
        assertEquals(
            listOf(Section.OVERVIEW, Section.PATTERNS, Section.FEELINGS, Section.SKILLS, Section.REFLECTIONS),
            request.sections,
        )
        assertTrue(request.canProduce)
    }

    @Test
    fun togglingASectionChangesOnlyThatSwitch() {
        val request = SummaryRequest.initial(DateRange(day("2026-11-01"), day("2026-11-25")), summarySections())
        val withNotes = request.toggle(Section.NOTES).toggle(Section.OVERVIEW)
        assertEquals(
            listOf(Section.PATTERNS, Section.FEELINGS, Section.SKILLS, Section.REFLECTIONS, Section.NOTES),
            withNotes.sections,
        )
        assertEquals(request, withNotes.toggle(Section.NOTES).toggle(Section.OVERVIEW))
    }

    @Test
    fun theDocumentHoldsTheRangeAndOnlyTheSectionsSwitchedOn() = runBlocking<Unit> {
        val holder = loaded()
        val html = assertNotNull(holder.produce())
        assertEquals(html, holder.state.value.html)
        assertTrue(html.startsWith("<!DOCTYPE html>"))
        assertTrue(html.contains("<title>Tandem summary, 7 September 2026 to 25 November 2026</title>"))
        assertTrue(html.contains("<h2>Overview</h2>"))
        assertFalse(html.contains("<h2>Daily notes</h2>"))
        assertFalse(html.contains("a walk by the river"))

        holder.edit { it.toggle(Section.NOTES) }
        assertNull(holder.state.value.html) // the old document no longer matches the request
        val withNotes = assertNotNull(holder.produce())
        assertTrue(withNotes.contains("<h2>Daily notes</h2>"))
        assertTrue(withNotes.contains("a walk by the river"))
    }

    @Test
    fun aReversedRangeIsRefusedWithTheCoresSentence() = runBlocking<Unit> {
        val holder = loaded()
        holder.edit { it.withRange(day("2026-11-25"), day("2026-11-01")) }
        assertFalse(assertNotNull(holder.state.value.request).canProduce)
        assertNull(holder.produce())
        assertEquals("The start of the range is after the end of the range.", holder.state.value.message)
        assertNull(holder.state.value.html)
    }

    @Test
    fun noSectionOnIsRefusedBeforeTheCoreIsAsked() = runBlocking<Unit> {
        val journal = ThreadRecordingJournal(temp.journal)
        val holder = SummaryHolder(journal, io)
        holder.load()
        holder.edit { r -> r.sections.fold(r) { acc, s -> acc.toggle(s) } }
        assertEquals(emptyList(), holder.state.value.request?.sections)
        assertFalse(assertNotNull(holder.state.value.request).canProduce)
        assertNull(holder.produce())
        assertEquals(ModelText.NO_SECTION, holder.state.value.message)
        // Only the default range was asked for; the core would refuse too,
        // with the sentence the table gives for the sections field.
        assertEquals(1, journal.threads.size)
        val refused = assertFailsWith<JournalException.InvalidInput> {
            temp.journal.summaryHtml(assertNotNull(holder.state.value.request).range, listOf())
        }
        assertEquals("The summary must name at least one section.", messageFor(refused))
    }

    @Test
    fun theHolderCallsTheCoreOnlyOnTheDispatchersThread() = runBlocking<Unit> {
        val journal = ThreadRecordingJournal(temp.journal)
        val holder = SummaryHolder(journal, io)
        holder.load()
        holder.produce()
        // defaultSummaryRange, summaryHtml
        assertEquals(listOf(io.threadName, io.threadName), journal.threads.toList())
    }
}
