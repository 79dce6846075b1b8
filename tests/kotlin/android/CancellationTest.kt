// A holder whose coroutine is cancelled while its core call is in flight
// (the screen went away: its ViewModel's scope was cancelled) puts its
// progress flag back down, and the next call is not refused as "busy".
package app.tandem.android.model

import app.tandem.core.Move
import app.tandem.core.PartnerMove
import app.tandem.core.Who
import kotlin.test.assertEquals
import kotlin.test.assertFalse
import kotlin.test.assertNotNull
import kotlin.test.assertNull
import kotlin.test.assertTrue
import kotlinx.coroutines.CoroutineStart
import kotlinx.coroutines.coroutineScope
import kotlinx.coroutines.launch
import kotlinx.coroutines.runBlocking
import org.junit.After
import org.junit.Test

class CancellationTest {
    private val temp = TempJournal()
    private val gate = GateDispatcher()

    @After
    fun cleanUp() {
        gate.close()
        temp.close()
    }

    /**
     * Starts [call] with the gate shut, checks that [flag] is up while the
     * core call waits there, cancels the call, opens the gate and returns
     * once the call has ended.
     */
    private suspend fun cancelMidCall(flag: () -> Boolean, call: suspend () -> Unit) = coroutineScope {
        gate.shut()
        val job = launch(start = CoroutineStart.UNDISPATCHED) { call() }
        gate.awaitWaiting()
        assertTrue(flag(), "the progress flag is up while the core call is in flight")
        job.cancel()
        gate.open()
        job.join()
        assertTrue(job.isCancelled)
    }

    @Test
    fun aCheckInSaveCancelledMidCallPutsSavingBackDownAndTheNextSaveGoesThrough() = runBlocking<Unit> {
        temp.journal.setToday(day("2026-11-25"))
        val editor = CheckInEditor(temp.journal, gate)
        editor.loadToday()
        editor.edit { it.copy(mood = 3, myMove = Move.PURSUED, partnerMove = PartnerMove.WITHDREW) }

        cancelMidCall({ editor.state.value.saving }) { editor.save() }

        assertFalse(editor.state.value.saving)
        assertNull(editor.state.value.message)
        assertEquals(3, editor.state.value.draft?.mood)
        // Not refused as "still saving".
        assertTrue(editor.save())
        assertEquals(1u, editor.state.value.savedRevision)
        assertNotNull(temp.journal.checkin(day("2026-11-25")))
    }

    @Test
    fun aCheckInLoadCancelledMidCallPutsLoadingBackDown() = runBlocking<Unit> {
        temp.journal.setToday(day("2026-11-25"))
        val editor = CheckInEditor(temp.journal, gate)
        cancelMidCall({ editor.state.value.loading }) { editor.loadToday() }
        assertFalse(editor.state.value.loading)
        assertNull(editor.state.value.draft)
    }

    @Test
    fun aReflectionSaveCancelledMidCallPutsSavingBackDown() = runBlocking<Unit> {
        temp.journal.setToday(day("2026-11-25"))
        val editor = ReflectionEditor(temp.journal, gate)
        editor.loadThisWeek()
        editor.edit { it.copy(raisesConcerns = Who.ME) }
        cancelMidCall({ editor.state.value.saving }) { editor.save() }
        assertFalse(editor.state.value.saving)
        assertTrue(editor.save())
    }

    @Test
    fun theWeekViewAndHistoryLoadsCancelledMidCallPutLoadingBackDown() = runBlocking<Unit> {
        val week = WeekViewHolder(temp.journal, gate)
        cancelMidCall({ week.state.value.loading }) { week.load(day("2026-11-25")) }
        assertFalse(week.state.value.loading)

        val history = HistoryHolder(temp.journal, gate)
        cancelMidCall({ history.state.value.loading }) { history.load() }
        assertFalse(history.state.value.loading)
    }

    @Test
    fun aSummaryCancelledMidCallPutsBusyBackDown() = runBlocking<Unit> {
        val holder = SummaryHolder(temp.journal, gate)
        holder.load()
        cancelMidCall({ holder.state.value.busy }) { holder.produce() }
        assertFalse(holder.state.value.busy)
        assertNull(holder.state.value.html)
        assertNotNull(holder.produce())
    }

    @Test
    fun aPassphraseChangeCancelledMidCallPutsBusyBackDown() = runBlocking<Unit> {
        val model = SettingsModel(temp.journal, InMemoryReminderPrefs(), gate)
        model.load()
        cancelMidCall({ model.state.value.busy }) { model.setPassphrase("a new passphrase", "a new passphrase") }
        assertFalse(model.state.value.busy)
        assertFalse(model.state.value.done)
        assertTrue(model.setPassphrase("a new passphrase", "a new passphrase"))
    }

    @Test
    fun aFirstRunCreateCancelledMidCallPutsBusyBackDownAndMakesNoFile() = runBlocking<Unit> {
        val other = TempJournal()
        try {
            val session = Session(other.path, gate, TEST_KDF)
            val flow = FirstRun(session, null)
            flow.start()
            cancelMidCall({ flow.state.value.busy }) { flow.create(PASSPHRASE, PASSPHRASE) }
            assertFalse(flow.state.value.busy)
            assertEquals(FirstRunStep.Passphrase, flow.state.value.step)
            assertFalse(session.exists())
            assertTrue(flow.create(PASSPHRASE, PASSPHRASE))
            assertEquals(FirstRunStep.ShowCode, flow.state.value.step)
        } finally {
            other.close()
        }
    }
}
