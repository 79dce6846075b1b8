// The create flow step by step on a real journal file.
package app.tandem.android.model

import app.tandem.core.Journal
import app.tandem.core.Unlock
import app.tandem.core.UnlockMethod
import kotlin.test.assertEquals
import kotlin.test.assertFalse
import kotlin.test.assertNotNull
import kotlin.test.assertNull
import kotlin.test.assertTrue
import kotlinx.coroutines.runBlocking
import org.junit.Test

class FirstRunTest : JournalFixture() {
    private val session = Session(temp.path, io, TEST_KDF)

    /** A flow brought to the passphrase step. */
    private fun atPassphrase(deviceKey: ByteArray? = null): FirstRun =
        FirstRun(session, deviceKey).also {
            assertEquals(FirstRunStep.Welcome, it.state.value.step)
            it.start()
            assertEquals(FirstRunStep.Passphrase, it.state.value.step)
        }

    @Test
    fun passphrasesTypedDifferentlyAreRefusedBeforeAnyFileIsMade() = runBlocking<Unit> {
        val flow = atPassphrase()
        assertFalse(flow.create("correct horse", "correct hrose"))
        assertEquals(FirstRunStep.Passphrase, flow.state.value.step)
        assertEquals(ModelText.PASSPHRASES_DIFFER, flow.state.value.message)
        assertFalse(session.exists())
    }

    @Test
    fun aPassphraseUnderTheCoresMinimumIsRefusedWithTheCoresReason() = runBlocking<Unit> {
        val flow = atPassphrase()
        assertFalse(flow.create("five5", "five5"))
        assertEquals("The passphrase must be at least 6 characters.", flow.state.value.message)
        assertEquals(FirstRunStep.Passphrase, flow.state.value.step)
        assertFalse(session.exists())
        // Six characters is the minimum, so this one is taken.
        assertTrue(flow.create("six666", "six666"))
        assertEquals(FirstRunStep.ShowCode, flow.state.value.step)
    }

    @Test
    fun skippingThePassphraseWithoutADeviceKeyIsRefusedByTheCore() = runBlocking<Unit> {
        val flow = atPassphrase(deviceKey = null)
        assertFalse(flow.skipPassphrase())
        assertEquals("The passphrase is needed when there is no device key.", flow.state.value.message)
        assertFalse(session.exists())
    }

    @Test
    fun skippingThePassphraseWithADeviceKeyMakesAJournalOpenedByKeyAndCode() = runBlocking<Unit> {
        val flow = atPassphrase(deviceKey = ByteArray(32) { 1 })
        assertTrue(flow.skipPassphrase())
        assertEquals(FirstRunStep.ShowCode, flow.state.value.step)
        assertEquals(
            listOf(UnlockMethod.DEVICE, UnlockMethod.RECOVERY),
            assertNotNull(session.journal).unlockMethods(),
        )
    }

    @Test
    fun theCodeIsShownInItsGroupsThenConfirmedByItsLastTwoGroupsTypedLoosely() = runBlocking<Unit> {
        val flow = atPassphrase()
        assertTrue(flow.create(PASSPHRASE, PASSPHRASE))
        val shown = flow.state.value
        assertEquals(FirstRunStep.ShowCode, shown.step)
        val code = assertNotNull(shown.recoveryCode)
        assertEquals(code.split('-'), shown.codeGroups)
        assertEquals(14, shown.codeGroups.size)

        flow.codeWrittenDown()
        assertEquals(FirstRunStep.ConfirmCode, flow.state.value.step)
        // Lower case, a space for the dash, spaces around.
        val typed = " " + shown.codeGroups[12].lowercase() + " " + shown.codeGroups[13].lowercase() + " "
        assertTrue(flow.confirm(typed))
        val done = flow.state.value
        assertEquals(FirstRunStep.Done, done.step)
        assertNull(done.recoveryCode)
        assertEquals(emptyList(), done.codeGroups)

        // The code that was shown opens the journal (an independent route to the same wrap).
        Journal.open(temp.path, Unlock.RecoveryCode(code)).use { assertFalse(it.isLocked()) }
    }

    @Test
    fun aWrongEndOfTheCodeKeepsTheCodeAndSaysSo() = runBlocking<Unit> {
        val flow = atPassphrase()
        flow.create(PASSPHRASE, PASSPHRASE)
        flow.codeWrittenDown()
        val groups = flow.state.value.codeGroups
        val last = groups[12] + groups[13]
        // One character changed: 0 becomes 1, anything else becomes 0.
        val wrong = (if (last[0] == '0') "1" else "0") + last.substring(1)
        assertFalse(flow.confirm(wrong))
        assertEquals(FirstRunStep.ConfirmCode, flow.state.value.step)
        assertEquals(ModelText.CODE_DIFFERS, flow.state.value.message)
        // The first two groups are not the last two.
        assertFalse(flow.confirm(groups[0] + groups[1]))
        assertNotNull(flow.state.value.recoveryCode)

        flow.showCodeAgain()
        assertEquals(FirstRunStep.ShowCode, flow.state.value.step)
        assertNull(flow.state.value.message)
        flow.codeWrittenDown()
        assertTrue(flow.confirm("${groups[12]}-${groups[13]}"))
    }

    @Test
    fun stepsOutOfOrderDoNothing() = runBlocking<Unit> {
        val flow = FirstRun(session, null)
        assertFalse(flow.create(PASSPHRASE, PASSPHRASE)) // still at Welcome
        assertFalse(session.exists())
        flow.codeWrittenDown()
        assertFalse(flow.confirm("anything"))
        assertEquals(FirstRunStep.Welcome, flow.state.value.step)
    }
}
