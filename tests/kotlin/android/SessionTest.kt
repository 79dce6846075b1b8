// The session over a real journal file: no file, create, lock, unlock by
// each method, and the state a screen follows through all of it.
package app.tandem.android.model

import app.tandem.core.JournalException
import app.tandem.core.UnlockMethod
import java.nio.file.Files
import kotlin.test.assertEquals
import kotlin.test.assertFailsWith
import kotlin.test.assertFalse
import kotlin.test.assertIs
import kotlin.test.assertNotNull
import kotlin.test.assertNull
import kotlin.test.assertSame
import kotlin.test.assertTrue
import kotlinx.coroutines.runBlocking
import org.junit.Test

class SessionTest : JournalFixture() {
    private val deviceKey = ByteArray(32) { (it * 7 + 3).toByte() }

    private fun session() = Session(temp.path, io, TEST_KDF)

    @Test
    fun withNoFileTheStateIsNoJournalAndNothingIsCreatedByLooking() = runBlocking<Unit> {
        val session = session()
        assertEquals(SessionState.NoJournal, session.state.value)
        assertFalse(session.exists())
        session.refresh(deviceKeyHeld = true)
        assertEquals(SessionState.NoJournal, session.state.value)
        assertFalse(Files.exists(temp.dir.resolve("journal.tandem")))
        assertNull(session.journal)
    }

    @Test
    fun creatingUnlocksOnTheDispatcherAndReturnsACodeOfFourteenGroupsOfFour() = runBlocking<Unit> {
        val session = session()
        val code = session.create(PASSPHRASE, deviceKey = null)
        assertTrue(io.dispatches.get() > 0, "the core call did not go through the dispatcher")
        assertTrue(session.exists())
        val unlocked = assertIs<SessionState.Unlocked>(session.state.value)
        assertSame(unlocked.journal, session.journal)
        // 256 bits and a 24-bit checksum in base32: 56 characters, grouped by four.
        val groups = code.split('-')
        assertEquals(14, groups.size)
        assertTrue(groups.all { it.length == 4 })
        assertEquals(listOf(UnlockMethod.PASSPHRASE, UnlockMethod.RECOVERY), unlocked.journal.unlockMethods())
    }

    @Test
    fun creatingWhereAJournalExistsThrowsAndLeavesTheStateLocked() = runBlocking<Unit> {
        temp.journal
        val session = session()
        assertIs<SessionState.Locked>(session.state.value)
        assertFailsWith<JournalException.AlreadyExists> { session.create(PASSPHRASE, null) }
        assertIs<SessionState.Locked>(session.state.value)
    }

    @Test
    fun lockingOffersTheJournalsOwnMethodsAndAWrongPassphraseStaysLockedWithItsSentence() = runBlocking<Unit> {
        val session = session()
        session.create(PASSPHRASE, null)
        session.lock()
        assertEquals(
            SessionState.Locked(listOf(UnlockMethod.PASSPHRASE, UnlockMethod.RECOVERY)),
            session.state.value,
        )
        assertNull(session.journal)

        assertFalse(session.unlockWithPassphrase("not the passphrase"))
        val locked = assertIs<SessionState.Locked>(session.state.value)
        assertEquals("That didn't unlock the journal. Check it and try again.", locked.message)
        assertEquals(listOf(UnlockMethod.PASSPHRASE, UnlockMethod.RECOVERY), locked.methods)

        assertTrue(session.unlockWithPassphrase(PASSPHRASE))
        val journal = assertIs<SessionState.Unlocked>(session.state.value).journal
        assertFalse(journal.isLocked())
    }

    @Test
    fun aColdStartOpensTheFileByDeviceKeyAndByARecoveryCodeTypedLoosely() = runBlocking<Unit> {
        val code = session().create(passphrase = null, deviceKey = deviceKey)

        val cold = session()
        cold.refresh(deviceKeyHeld = true)
        // The file has no passphrase wrap, so none is offered.
        assertEquals(
            SessionState.Locked(listOf(UnlockMethod.DEVICE, UnlockMethod.RECOVERY)),
            cold.state.value,
        )
        assertTrue(cold.unlockWithDeviceKey(deviceKey))
        assertEquals(
            listOf(UnlockMethod.DEVICE, UnlockMethod.RECOVERY),
            assertNotNull(cold.journal).unlockMethods(),
        )

        val byCode = session()
        byCode.refresh(deviceKeyHeld = false)
        // The keystore lost the key (say, a new fingerprint): only the code is left.
        assertEquals(SessionState.Locked(listOf(UnlockMethod.RECOVERY)), byCode.state.value)
        // As a person might type it: lower case, spaces for dashes.
        assertTrue(byCode.unlockWithRecoveryCode(code.lowercase().replace('-', ' ')))
        assertIs<SessionState.Unlocked>(byCode.state.value)
    }

    @Test
    fun aWrongDeviceKeyIsRefusedWithTheWrongKeySentence() = runBlocking<Unit> {
        session().create(passphrase = null, deviceKey = deviceKey)
        val cold = session()
        val other = deviceKey.copyOf().also { it[0] = (it[0] + 1).toByte() }
        assertFalse(cold.unlockWithDeviceKey(other))
        val locked = assertIs<SessionState.Locked>(cold.state.value)
        assertEquals("That didn't unlock the journal. Check it and try again.", locked.message)
        assertTrue(locked.keyRefused)
        // A file that cannot be read is no refusal of the key: the phone keeps it.
        java.io.File(temp.path).writeText("damaged beyond reading")
        assertFalse(cold.unlockWithDeviceKey(deviceKey))
        assertFalse(assertIs<SessionState.Locked>(cold.state.value).keyRefused)
    }

    @Test
    fun closingDropsTheJournalAndLaterCallsOnItFailAsClosed() = runBlocking<Unit> {
        val session = session()
        session.create(PASSPHRASE, null)
        val journal = assertNotNull(session.journal)
        session.close(deviceKeyHeld = false)
        assertEquals(SessionState.Locked(listOf(UnlockMethod.PASSPHRASE, UnlockMethod.RECOVERY)), session.state.value)
        assertFailsWith<JournalException.Closed> { journal.today() }
        assertTrue(session.unlockWithPassphrase(PASSPHRASE))
    }

    @Test
    fun anAddedDeviceKeyOpensTheJournalOnTheNextColdStart() = runBlocking<Unit> {
        val session = session()
        session.create(PASSPHRASE, null)
        session.setDeviceKey(deviceKey)
        val cold = session()
        assertTrue(cold.unlockWithDeviceKey(deviceKey))
    }

    @Test
    fun aColdStartOnAFileThatIsNotAJournalSaysSo() = runBlocking<Unit> {
        java.io.File(temp.path).writeText("a shopping list, not a journal")
        val cold = session()
        cold.refresh(deviceKeyHeld = false)
        assertEquals("That file isn't a Tandem journal.", assertIs<SessionState.Locked>(cold.state.value).message)
    }

    @Test
    fun turningTheDeviceKeyOffKeepsThePassphraseAndIsRefusedWithoutOne() = runBlocking<Unit> {
        val both = session()
        both.create(PASSPHRASE, deviceKey)
        both.removeDeviceKey()
        assertEquals(listOf(UnlockMethod.PASSPHRASE, UnlockMethod.RECOVERY), assertNotNull(both.journal).unlockMethods())
        both.close(deviceKeyHeld = true)
        // The file no longer offers the device key, even while the phone holds one.
        assertEquals(SessionState.Locked(listOf(UnlockMethod.PASSPHRASE, UnlockMethod.RECOVERY)), both.state.value)

        temp.path.let { java.io.File(it).delete() }
        val deviceOnly = session()
        deviceOnly.create(passphrase = null, deviceKey = deviceKey)
        val refused = assertFailsWith<JournalException.InvalidInput> { deviceOnly.removeDeviceKey() }
        assertEquals(
            "The device key cannot be removed: this journal has no passphrase to open it.",
            messageFor(refused),
        )
    }
}
