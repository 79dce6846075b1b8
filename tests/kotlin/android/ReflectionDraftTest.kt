// The weekly reflection: the draft's conversions and the editor's week,
// save, refusal and reload.
package app.tandem.android.model

import app.tandem.core.DateRange
import app.tandem.core.Reflection
import app.tandem.core.Settings
import app.tandem.core.WeekStart
import app.tandem.core.Who
import kotlin.test.assertEquals
import kotlin.test.assertFalse
import kotlin.test.assertNull
import kotlin.test.assertTrue
import kotlinx.coroutines.runBlocking
import org.junit.Test

class ReflectionDraftTest : JournalFixture() {
    /** An editor over the journal, its today Wednesday 25 November 2026, with the week of [date] loaded. */
    private suspend fun loadedEditor(date: String): ReflectionEditor {
        temp.journal.setToday(day("2026-11-25"))
        return ReflectionEditor(temp.journal, io).also { it.load(day(date)) }
    }

    @Test
    fun aReflectionComesBackAsTheSameDraftAndTheSameReflection() {
        val reflection = Reflection(
            weekStart = day("2026-11-23"),
            raisesConcerns = Who.ME,
            shutsDown = Who.PARTNER,
            talkSafety = 4u,
            feltChased = Who.BOTH,
            needingSpace = "they go for a run",
            note = "",
        )
        val draft = ReflectionDraft.from(reflection)
        assertEquals(4, draft.talkSafety)
        assertEquals(reflection, draft.toReflection())
        assertEquals(
            Reflection(weekStart = day("2026-11-23")),
            ReflectionDraft.empty(day("2026-11-23")).toReflection(),
        )
    }

    @Test
    fun theWhoChoicesComeFromTheCoreInItsOrder() = runBlocking<Unit> {
        val editor = ReflectionEditor(temp.journal, io)
        temp.journal.setToday(day("2026-11-25"))
        editor.loadThisWeek()
        assertEquals(
            listOf(Who.ME to "Me", Who.PARTNER to "My partner", Who.BOTH to "Both of us", Who.NEITHER to "Neither of us"),
            editor.state.value.form?.whos?.map { it.value to it.label },
        )
    }

    @Test
    fun aReflectionSavedFromAWednesdayIsKeptUnderItsMondayAndLoadsBackFromAnyDayOfTheWeek() = runBlocking<Unit> {
        val editor = loadedEditor("2026-11-25")
        // Wednesday 25 November 2026: its Monday week is 23–29 November.
        assertEquals(DateRange(day("2026-11-23"), day("2026-11-29")), editor.state.value.week)
        assertNull(editor.state.value.savedRevision)
        editor.edit { it.copy(raisesConcerns = Who.ME, talkSafety = 2, needingSpace = "a walk, then we talk") }
        assertTrue(editor.save())
        assertEquals(1u, editor.state.value.savedRevision)

        val again = loadedEditor("2026-11-29")
        val draft = again.state.value.draft
        assertEquals(day("2026-11-23"), draft?.weekStart)
        assertEquals(Who.ME, draft?.raisesConcerns)
        assertEquals(2, draft?.talkSafety)
        assertEquals("a walk, then we talk", draft?.needingSpace)
        assertEquals(1u, again.state.value.savedRevision)
    }

    @Test
    fun withSundayWeeksTheEditorShowsTheSundayWeek() = runBlocking<Unit> {
        temp.journal.setSettings(Settings(WeekStart.SUNDAY))
        val editor = loadedEditor("2026-11-25")
        // Sunday 22 to Saturday 28 November 2026.
        assertEquals(DateRange(day("2026-11-22"), day("2026-11-28")), editor.state.value.week)
    }

    @Test
    fun aRefusedSaveKeepsTheDraftAndShowsTheCoresSentence() = runBlocking<Unit> {
        val editor = loadedEditor("2026-11-25")
        editor.edit { it.copy(talkSafety = 6, note = "kept") }
        val before = editor.state.value.draft
        assertFalse(editor.save())
        assertEquals("How safe talking felt must be from 1 (safe) to 5 (overwhelming).", editor.state.value.message)
        assertEquals(before, editor.state.value.draft)
        assertNull(temp.journal.reflection(day("2026-11-25")))
    }

    @Test
    fun theEditorCallsTheCoreOnlyOnTheDispatchersThread() = runBlocking<Unit> {
        temp.journal.setToday(day("2026-11-25"))
        val journal = ThreadRecordingJournal(temp.journal)
        val editor = ReflectionEditor(journal, io)
        editor.loadThisWeek()
        editor.edit { it.copy(shutsDown = Who.PARTNER) }
        assertTrue(editor.save())
        // today, weekOf, reflection, saveReflection
        assertEquals(List(4) { io.threadName }, journal.threads.toList())
    }
}
