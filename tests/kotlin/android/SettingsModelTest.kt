// Settings: the reminder in platform preferences, the week start in the
// journal, and the passphrase set, changed and removed through the core.
package app.tandem.android.model

import app.tandem.core.JournalException
import app.tandem.core.Unlock
import app.tandem.core.UnlockMethod
import app.tandem.core.WeekStart
import java.time.LocalTime
import kotlin.test.assertEquals
import kotlin.test.assertFailsWith
import kotlin.test.assertFalse
import kotlin.test.assertTrue
import kotlinx.coroutines.runBlocking
import org.junit.After
import org.junit.Test

class SettingsModelTest {
    private val io = TestDispatcher()
    private val temps = mutableListOf<TempJournal>()

    private fun journal(deviceKey: ByteArray? = null) =
        TempJournal(deviceKey = deviceKey).also { temps += it }.journal

    @After
    fun cleanUp() {
        io.close()
        temps.forEach { it.close() }
    }

    @Test
    fun theReminderIsKeptInThePlatformsPreferencesNotTheJournal() = runBlocking<Unit> {
        val prefs = InMemoryReminderPrefs()
        val model = SettingsModel(journal(), prefs, io)
        assertEquals(ReminderSetting(on = false, time = LocalTime.of(20, 0)), model.state.value.reminder)
        model.setReminderOn(true)
        model.setReminderTime(LocalTime.of(21, 30, 45))
        assertEquals(ReminderSetting(on = true, time = LocalTime.of(21, 30)), prefs.load())
        assertEquals(prefs.load(), model.state.value.reminder)
        model.setReminderOn(false)
        assertEquals(ReminderSetting(on = false, time = LocalTime.of(21, 30)), prefs.load())
        // A model made later reads what the preferences hold.
        assertEquals(prefs.load(), SettingsModel(journal(), prefs, io).state.value.reminder)
    }

    @Test
    fun theWeekStartIsSavedInTheJournalAndChangesItsWeeks() = runBlocking<Unit> {
        val journal = journal()
        val model = SettingsModel(journal, InMemoryReminderPrefs(), io)
        model.load()
        assertEquals(WeekStart.MONDAY, model.state.value.weekStart)
        assertTrue(model.setWeekStart(WeekStart.SUNDAY))
        assertEquals(WeekStart.SUNDAY, model.state.value.weekStart)
        assertTrue(model.state.value.done)
        assertEquals(WeekStart.SUNDAY, journal.settings().weekStart)
        // Wednesday 25 Nov 2026 is now in the week of Sunday 22 Nov.
        assertEquals(day("2026-11-22"), journal.weekOf(day("2026-11-25")).from)
        assertEquals("Sunday", weekStartLabel(WeekStart.SUNDAY))
        assertEquals("Monday", weekStartLabel(WeekStart.MONDAY))
    }

    @Test
    fun aChangedPassphraseMustBeTypedTwiceAlikeAndThenOpensTheJournal() = runBlocking<Unit> {
        val journal = journal()
        val model = SettingsModel(journal, InMemoryReminderPrefs(), io)
        model.load()
        assertTrue(model.state.value.hasPassphrase)

        assertFalse(model.setPassphrase("a new passphrase", "a new passphrse"))
        assertEquals(ModelText.PASSPHRASES_DIFFER, model.state.value.message)
        assertFalse(model.setPassphrase("short", "short"))
        assertEquals("The passphrase must be at least 6 characters.", model.state.value.message)

        assertTrue(model.setPassphrase("a new passphrase", "a new passphrase"))
        assertEquals(null, model.state.value.message)
        journal.lock()
        assertFailsWith<JournalException.WrongKey> { journal.unlock(Unlock.Passphrase(PASSPHRASE)) }
        journal.unlock(Unlock.Passphrase("a new passphrase"))
        assertFalse(journal.isLocked())
    }

    @Test
    fun removingThePassphraseIsRefusedWithoutADeviceKeyToOpenTheJournal() = runBlocking<Unit> {
        val model = SettingsModel(journal(deviceKey = null), InMemoryReminderPrefs(), io)
        model.load()
        assertFalse(model.removePassphrase())
        assertEquals(
            "The passphrase cannot be removed: this journal has no device key to open it.",
            model.state.value.message,
        )
        assertTrue(model.state.value.hasPassphrase)
    }

    @Test
    fun removingThePassphraseWithADeviceKeyLeavesDeviceAndRecovery() = runBlocking<Unit> {
        val journal = journal(deviceKey = ByteArray(32) { 9 })
        val model = SettingsModel(journal, InMemoryReminderPrefs(), io)
        model.load()
        assertTrue(model.removePassphrase())
        assertEquals(listOf(UnlockMethod.DEVICE, UnlockMethod.RECOVERY), model.state.value.methods)
        assertFalse(model.state.value.hasPassphrase)
        // And set again from nothing.
        assertTrue(model.setPassphrase("back again", "back again"))
        assertTrue(model.state.value.hasPassphrase)
    }

    @Test
    fun theModelCallsTheCoreOnlyOnTheDispatchersThread() = runBlocking<Unit> {
        val journal = ThreadRecordingJournal(journal())
        val model = SettingsModel(journal, InMemoryReminderPrefs(), io)
        model.load()
        model.setWeekStart(WeekStart.SUNDAY)
        model.setPassphrase("another one", "another one")
        assertEquals(7, journal.threads.size) // settings, unlockMethods; settings, setSettings, settings; setPassphrase, unlockMethods
        assertEquals(setOf(io.threadName), journal.threads.toSet())
    }
}
