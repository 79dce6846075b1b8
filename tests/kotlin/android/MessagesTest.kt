// The sentences of docs/shells.md's error table, one by one, and the same
// sentences reached through real refusals of the core.
package app.tandem.android.model

import app.tandem.core.InputField
import app.tandem.core.Journal
import app.tandem.core.JournalException
import app.tandem.core.Move
import app.tandem.core.PartnerMove
import app.tandem.core.Unlock
import app.tandem.core.Sentence
import app.tandem.core.createJournal
import app.tandem.core.inputFields
import app.tandem.core.sentence
import ci
import kotlin.test.assertEquals
import kotlin.test.assertFailsWith
import kotlin.test.assertFalse
import kotlin.test.assertTrue
import org.junit.After
import org.junit.Test

class MessagesTest {
    private val temp = TempJournal()

    @After
    fun removeDir() = temp.close()

    @Test
    fun eachCoreErrorReadsAsTheSentenceOfTheTable() {
        val table = listOf(
            JournalException.WrongKey() to "That didn't unlock the journal. Check it and try again.",
            JournalException.Corrupt() to "The journal file is damaged and can't be read. Restore it from a backup.",
            JournalException.NewerVersion(3u, 1u) to
                "This journal was saved by a newer version of Tandem. Update the app to open it.",
            JournalException.NotAJournal() to "That file isn't a Tandem journal.",
            JournalException.NotABackup() to "That file isn't a Tandem backup.",
            JournalException.WouldReplace() to
                "Restoring would replace the entries on this phone. Confirm to replace them.",
            JournalException.NotFound("check-in for that day") to "There's no entry for that day.",
            JournalException.AlreadyExists() to "A journal already exists here.",
            JournalException.Locked() to "The journal is locked. Unlock it to go on.",
            JournalException.Closed() to "The journal was closed. Open it again.",
            JournalException.Io("disk full") to
                "The file couldn't be read or written. Check there's space on the phone and try again.",
            JournalException.Database("SQLITE_BUSY (5)") to
                "Something went wrong saving your journal. Nothing was changed. Try again.",
        )
        for ((error, sentence) in table) {
            assertEquals(sentence, messageFor(error), error::class.simpleName)
        }
    }

    @Test
    fun invalidInputNamesTheFieldInWordsFollowedByTheCoresReason() {
        val fields = listOf(
            InputField.MOOD to "The mood",
            InputField.INTENSITY to "How heated it got",
            InputField.NOTE to "The note",
            InputField.NEEDING_SPACE to "The answer about needing space",
            InputField.DATE to "The day",
            InputField.PASSPHRASE to "The passphrase",
            InputField.RECOVERY_CODE to "The recovery code",
            InputField.IMPORT to "The file",
        )
        for ((field, words) in fields) {
            assertEquals("$words must be right.", messageFor(JournalException.InvalidInput(field, "must be right")))
        }
    }

    @Test
    fun everyFieldTheCoreCanRefuseHasWordsOfItsOwn() {
        // The core's list and this build's enum agree, and no field is left
        // without words: a field added to the core without words fails here.
        assertEquals(InputField.entries.toSet(), inputFields().toSet())
        val words = InputField.entries.map { fieldInWords(it) }
        for ((field, w) in InputField.entries.zip(words)) {
            assertTrue(w.isNotBlank() && w[0].isUpperCase() && !w.endsWith("."), "$field: '$w'")
        }
        assertEquals(words.size, words.toSet().size, "two fields share their words")
    }

    @Test
    fun everyErrorAndModelCheckHasASentence() {
        for (which in Sentence.entries) {
            val text = sentence(which)
            assertTrue(text.isNotBlank() && text.endsWith("."), "$which: '$text'")
        }
        assertEquals(
            "That file comes from another journal. Say whether it's your partner's or your own from another phone; nothing was changed.",
            messageFor(JournalException.FromAnotherJournal()),
        )
    }

    @Test
    fun anythingThatIsNotACoreErrorReadsAsTheGeneralSentence() {
        val general = "Something went wrong. Nothing was changed."
        assertEquals(general, messageFor(IllegalStateException("/data/user/0/app.tandem/journal.tandem")))
        assertEquals(general, messageFor(OutOfMemoryError()))
        assertEquals(general, messageFor(DeviceKeyBlobException.WrongLength(3)))
    }

    @Test
    fun realRefusalsOfTheCoreReadAsTheirSentencesWithoutTheTypedValue() {
        val journal = temp.journal
        journal.setToday(day("2026-11-25"))

        val short = assertFailsWith<JournalException.InvalidInput> { journal.setPassphrase("abc12") }
        assertEquals("The passphrase must be at least 6 characters.", messageFor(short))
        assertFalse("abc12" in messageFor(short))

        val mood = assertFailsWith<JournalException.InvalidInput> {
            journal.saveCheckin(ci("2026-11-25", 9, Move.PURSUED, PartnerMove.WITHDREW))
        }
        assertEquals("The mood must be from 1 to 5.", messageFor(mood))

        val later = assertFailsWith<JournalException.InvalidInput> {
            journal.saveCheckin(ci("2026-11-27", 3, Move.PURSUED, PartnerMove.WITHDREW))
        }
        assertEquals("The day is later than tomorrow.", messageFor(later))

        val code = assertFailsWith<JournalException.InvalidInput> {
            Journal.open(temp.path, Unlock.RecoveryCode("ABCD-EFGH"))
        }
        assertEquals("The recovery code must be 56 letters and digits.", messageFor(code))

        val wrong = assertFailsWith<JournalException.WrongKey> {
            Journal.open(temp.path, Unlock.Passphrase("not the passphrase"))
        }
        assertEquals("That didn't unlock the journal. Check it and try again.", messageFor(wrong))

        val again = assertFailsWith<JournalException.AlreadyExists> {
            createJournal(temp.path, null, PASSPHRASE, TEST_KDF)
        }
        assertEquals("A journal already exists here.", messageFor(again))
    }
}
