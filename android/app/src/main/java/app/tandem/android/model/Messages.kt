// The one place where an error from the core becomes words on a screen.
// The sentences are those of docs/shells.md; the Swift model layer has the
// same ones, so both apps say the same thing for the same failure.
package app.tandem.android.model

import app.tandem.core.JournalException

/** The one plain sentence a screen shows for [error]; never a path, a typed value or entry content. */
fun messageFor(error: Throwable): String = when (error) {
    is JournalException.WrongKey -> "That didn't unlock the journal. Check it and try again."
    is JournalException.Corrupt -> "The journal file is damaged and can't be read. Restore it from a backup."
    is JournalException.NewerVersion -> "This journal was saved by a newer version of Tandem. Update the app to open it."
    is JournalException.NotAJournal -> "That file isn't a Tandem journal."
    is JournalException.NotABackup -> "That file isn't a Tandem backup."
    is JournalException.WouldReplace -> "Restoring would replace the entries on this phone. Confirm to replace them."
    // The core's reason never holds the value, so it is safe to show as is.
    is JournalException.InvalidInput -> "${fieldInWords(error.field)} ${error.reason}."
    is JournalException.NotFound -> "There's no entry for that day."
    is JournalException.AlreadyExists -> "A journal already exists here."
    is JournalException.Locked -> "The journal is locked. Unlock it to go on."
    is JournalException.Closed -> "The journal was closed. Open it again."
    is JournalException.Io -> "The file couldn't be read or written. Check there's space on the phone and try again."
    is JournalException.Database -> "Something went wrong saving your journal. Nothing was changed. Try again."
    else -> "Something went wrong. Nothing was changed."
}

/** The core's name for an input field, as the words that start a sentence about it. */
fun fieldInWords(field: String): String = when (field) {
    "mood" -> "The mood"
    "intensity" -> "How heated it got"
    "note" -> "The note"
    "needing_space" -> "The answer about needing space"
    "date" -> "The day"
    "week_start" -> "The week"
    "passphrase" -> "The passphrase"
    "recovery_code" -> "The recovery code"
    "closeness" -> "The closeness"
    "talk_safety" -> "How safe talking felt"
    "sections" -> "The summary"
    "from" -> "The start of the range"
    "import" -> "The file"
    "device_key" -> "The device key"
    else -> "Something you entered"
}

/**
 * Sentences the model layer says itself, for checks made before the core is
 * called (the core never sees the second copy of a passphrase, for one).
 */
object ModelText {
    /** The two copies of a new passphrase differ. */
    const val PASSPHRASES_DIFFER = "The two passphrases don't match. Type the same one twice."

    /** The typed groups are not the last two groups of the recovery code. */
    const val CODE_DIFFERS = "That isn't the end of your recovery code. Check it and try again."

    /** A summary with every section switched off (the core would make an empty document). */
    const val NO_SECTION = "Turn on at least one section for the summary."

    /** A check-in is saved only with a mood and both moves picked. */
    const val CHECK_IN_INCOMPLETE = "Pick a mood, what you did and what your partner did."
}
