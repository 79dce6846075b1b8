// The check-in form: pickers from choices() grouped by side, the draft's
// toggles and conversions, and the editor saving through the core.
package app.tandem.android.model

import app.tandem.core.Behaviour
import app.tandem.core.CheckIn
import app.tandem.core.Closeness
import app.tandem.core.ClosenessWord
import app.tandem.core.Feeling
import app.tandem.core.Move
import app.tandem.core.PartnerMove
import app.tandem.core.Repair
import app.tandem.core.Side
import app.tandem.core.Skill
import app.tandem.core.choices
import ci
import kotlin.test.assertEquals
import kotlin.test.assertFailsWith
import kotlin.test.assertFalse
import kotlin.test.assertNotNull
import kotlin.test.assertNull
import kotlin.test.assertTrue
import kotlinx.coroutines.runBlocking
import org.junit.Test

class CheckInDraftTest : JournalFixture() {
    /** An editor over the journal, its today Wednesday 25 November 2026, with [date] loaded. */
    private suspend fun loadedEditor(date: String): CheckInEditor {
        temp.journal.setToday(day("2026-11-25"))
        return CheckInEditor(temp.journal, io).also { it.load(day(date)) }
    }

    @Test
    fun behavioursAndFeelingsAreGroupedPursuingWithdrawingNeitherInTheVocabularysOrder() {
        val form = CheckInForm.from(choices())
        // The lists of core/src/vocab.rs, written out by hand.
        assertEquals(
            listOf(
                Side.PURSUING to listOf(
                    Behaviour.RAISE_CONCERN, Behaviour.PROCESS_TOGETHER, Behaviour.ASK_TO_TALK,
                    Behaviour.SEEK_REASSURANCE, Behaviour.ANXIOUS_UNRESOLVED, Behaviour.PRESSED_HARDER,
                ),
                Side.WITHDRAWING to listOf(
                    Behaviour.SHUT_DOWN, Behaviour.AVOID_FIGHT, Behaviour.DELAY_TOPIC,
                    Behaviour.CHANGE_SUBJECT, Behaviour.NEED_SPACE, Behaviour.WALK_AWAY,
                ),
            ),
            form.behaviours.map { g -> g.side to g.items.map { it.value } },
        )
        assertEquals(
            listOf(
                Side.PURSUING to listOf(
                    Feeling.ANXIOUS, Feeling.REJECTED, Feeling.UNHEARD, Feeling.ALONE,
                    Feeling.CHASING, Feeling.TOO_MUCH, Feeling.UNIMPORTANT,
                ),
                Side.WITHDRAWING to listOf(
                    Feeling.OVERWHELMED, Feeling.PRESSURED, Feeling.CRITICISED, Feeling.AFRAID_WRONG_THING,
                    Feeling.CANT_GET_IT_RIGHT, Feeling.TRAPPED, Feeling.EXHAUSTED,
                ),
                null to listOf(Feeling.CALM, Feeling.CONNECTED, Feeling.HEARD, Feeling.HOPEFUL),
            ),
            form.feelings.map { g -> g.side to g.items.map { it.value } },
        )
        assertEquals("Asked if we could talk", form.behaviours[0].items[2].label)
        assertEquals("Like I'm \"too much\"", form.feelings[0].items[5].label)
        assertEquals(
            listOf(Move.PURSUED, Move.WITHDREW, Move.BOTH, Move.NEITHER),
            form.moves.map { it.value },
        )
        assertEquals("I couldn't tell", form.partnerMoves.last().label)
        assertEquals(listOf("We reconnected", "Partly", "Not yet"), form.repairs.map { it.label })
    }

    @Test
    fun groupingBySideReordersAMixedListAndLeavesOutEmptySides() {
        val mixed: List<Pair<String, Side?>> =
            listOf("a" to Side.WITHDRAWING, "b" to null, "c" to Side.PURSUING, "d" to Side.WITHDRAWING)
        assertEquals(
            listOf(
                SideGroup(Side.PURSUING, listOf(mixed[2])),
                SideGroup(Side.WITHDRAWING, listOf(mixed[0], mixed[3])),
                SideGroup(null, listOf(mixed[1])),
            ),
            groupBySide(mixed) { it.second },
        )
        val neither: List<Pair<String, Side?>> = listOf("x" to null)
        assertEquals(listOf(SideGroup(null, neither)), groupBySide(neither) { it.second })
    }

    @Test
    fun togglingTwiceTakesAValueBackOutAndSetsSaveInTheCoresOrder() {
        val draft = CheckInDraft.empty(day("2026-11-25"))
            .copy(mood = 3, myMove = Move.PURSUED, partnerMove = PartnerMove.WITHDREW)
            .toggle(Behaviour.SEEK_REASSURANCE)
            .toggle(Behaviour.ASK_TO_TALK)
            .toggle(Feeling.CALM)
            .toggle(Feeling.CALM)
            .toggle(Skill.BREAK_AND_RETURN)
            .toggle(Skill.SLOW_DOWN)
        assertEquals(setOf(Behaviour.SEEK_REASSURANCE, Behaviour.ASK_TO_TALK), draft.behaviours)
        assertEquals(emptySet(), draft.feelings)
        val checkIn = draft.toCheckIn()
        assertEquals(listOf(Behaviour.ASK_TO_TALK, Behaviour.SEEK_REASSURANCE), checkIn.behaviours)
        assertEquals(listOf(Skill.SLOW_DOWN, Skill.BREAK_AND_RETURN), checkIn.skills)
        assertNull(checkIn.closeness)
        assertNull(checkIn.intensity)
    }

    @Test
    fun aDraftWithoutMoodOrBothMovesCannotBecomeACheckIn() {
        val empty = CheckInDraft.empty(day("2026-11-25"))
        assertFalse(empty.canSave)
        assertFalse(empty.copy(mood = 3, myMove = Move.BOTH).canSave)
        assertTrue(empty.copy(mood = 3, myMove = Move.BOTH, partnerMove = PartnerMove.UNKNOWN).canSave)
        assertFailsWith<IllegalStateException> { empty.toCheckIn() }
    }

    @Test
    fun aSavedCheckInComesBackAsTheSameDraftAndTheSameCheckIn() {
        val full = CheckIn(
            date = day("2026-11-24"),
            mood = 2u,
            myMove = Move.WITHDREW,
            partnerMove = PartnerMove.PURSUED,
            behaviours = listOf(Behaviour.SHUT_DOWN, Behaviour.NEED_SPACE),
            feelings = listOf(Feeling.OVERWHELMED),
            intensity = 0u,
            skills = listOf(Skill.REGULATE),
            repair = Repair.PARTLY,
            closeness = Closeness(rating = 4u, words = listOf(ClosenessWord.WARM, ClosenessWord.TENSE)),
            note = "a long walk",
        )
        val draft = CheckInDraft.from(full)
        assertEquals(0, draft.intensity) // zero is a rating, not "unset"
        assertEquals(4, draft.closenessRating)
        assertEquals(full, draft.toCheckIn())
        // Only words, no rating: the section is kept.
        val wordsOnly = draft.copy(closenessRating = null).toCheckIn().closeness
        assertEquals(Closeness(rating = null, words = listOf(ClosenessWord.WARM, ClosenessWord.TENSE)), wordsOnly)
    }

    @Test
    fun theEditorLoadsTodayEmptySavesItAndLoadsItBackForEditing() = runBlocking<Unit> {
        val journal = temp.journal
        journal.setToday(day("2026-11-25"))
        val editor = CheckInEditor(journal, io)
        editor.loadToday()
        val loaded = editor.state.value
        assertEquals(CheckInDraft.empty(day("2026-11-25")), loaded.draft)
        assertNull(loaded.savedRevision)
        assertFalse(loaded.loading)
        assertNotNull(loaded.form)

        editor.edit {
            it.copy(mood = 4, myMove = Move.PURSUED, partnerMove = PartnerMove.WITHDREW, intensity = 6, note = "talked")
                .toggle(Behaviour.ASK_TO_TALK)
        }
        assertTrue(editor.save())
        assertEquals(1u, editor.state.value.savedRevision)
        assertFalse(editor.state.value.saving)
        assertEquals(
            ci("2026-11-25", 4, Move.PURSUED, PartnerMove.WITHDREW, intensity = 6,
                behaviours = listOf(Behaviour.ASK_TO_TALK)).copy(note = "talked"),
            journal.checkin(day("2026-11-25"))?.checkin,
        )

        val again = CheckInEditor(journal, io)
        again.load(day("2026-11-25"))
        assertEquals(1u, again.state.value.savedRevision)
        assertEquals(6, again.state.value.draft?.intensity)
        again.edit { it.copy(intensity = null) }
        assertTrue(again.save())
        assertEquals(2u, again.state.value.savedRevision)
        assertNull(journal.checkin(day("2026-11-25"))?.checkin?.intensity)
    }

    @Test
    fun aRefusedSaveKeepsTheDraftAndShowsTheCoresSentence() = runBlocking<Unit> {
        val editor = loadedEditor("2026-11-25")
        editor.edit { it.copy(mood = 3, myMove = Move.NEITHER, partnerMove = PartnerMove.NEITHER, intensity = 11) }
        val before = editor.state.value.draft
        assertFalse(editor.save())
        assertEquals("How heated it got must be from 0 to 10.", editor.state.value.message)
        assertEquals(before, editor.state.value.draft)
        assertNull(editor.state.value.savedRevision)
        assertNull(temp.journal.checkin(day("2026-11-25")))

        // A value past a byte is refused too, not wrapped round to a valid one (256 would be 0).
        editor.edit { it.copy(intensity = 256) }
        assertFalse(editor.save())
        assertEquals("How heated it got must be from 0 to 10.", editor.state.value.message)

        editor.dismissMessage()
        assertNull(editor.state.value.message)
    }

    @Test
    fun anIncompleteDraftIsNotSentAndSaysWhatIsMissing() = runBlocking<Unit> {
        val editor = loadedEditor("2026-11-25")
        editor.edit { it.copy(mood = 3) }
        assertFalse(editor.save())
        assertEquals(ModelText.CHECK_IN_INCOMPLETE, editor.state.value.message)
        assertNull(temp.journal.checkin(day("2026-11-25")))
    }

    @Test
    fun aDayLaterThanTomorrowIsRefusedByTheCoreWithTheDaysSentence() = runBlocking<Unit> {
        val editor = loadedEditor("2026-11-27")
        editor.edit { it.copy(mood = 3, myMove = Move.NEITHER, partnerMove = PartnerMove.NEITHER) }
        assertFalse(editor.save())
        assertEquals("The day is later than tomorrow.", editor.state.value.message)
    }

    @Test
    fun deletingTheLoadedDayLeavesAnEmptyDraftAndNoEntry() = runBlocking<Unit> {
        val journal = temp.journal
        journal.setToday(day("2026-11-25"))
        journal.saveCheckin(ci("2026-11-24", 2, Move.PURSUED, PartnerMove.WITHDREW))
        val editor = CheckInEditor(journal, io)
        editor.load(day("2026-11-24"))
        assertTrue(editor.delete())
        assertEquals(CheckInDraft.empty(day("2026-11-24")), editor.state.value.draft)
        assertNull(editor.state.value.savedRevision)
        assertNull(journal.checkin(day("2026-11-24")))
        assertFalse(editor.delete()) // nothing saved any more
    }

    @Test
    fun theEditorCallsTheCoreOnlyOnTheDispatchersThread() = runBlocking<Unit> {
        val journal = ThreadRecordingJournal(temp.journal)
        temp.journal.setToday(day("2026-11-25"))
        val editor = CheckInEditor(journal, io)
        editor.loadToday()
        editor.edit { it.copy(mood = 5, myMove = Move.NEITHER, partnerMove = PartnerMove.NEITHER) }
        assertTrue(editor.save())
        // today, checkin, saveCheckin
        assertEquals(listOf(io.threadName, io.threadName, io.threadName), journal.threads.toList())
    }

    @Test
    fun aLockedJournalGivesTheLockedSentenceOnLoad() = runBlocking<Unit> {
        val journal = temp.journal
        journal.lock()
        val editor = CheckInEditor(journal, io)
        editor.load(day("2026-11-25"))
        assertEquals("The journal is locked. Unlock it to go on.", editor.state.value.message)
        assertNull(editor.state.value.draft)
        assertFalse(editor.state.value.loading)
    }
}
