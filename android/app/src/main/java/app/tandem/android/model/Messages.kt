// The one place where an error becomes words on a screen. The words are the
// core's (tandem-core `sentences`): this file restates none of them, so both
// apps and the core say the same thing for the same failure.
package app.tandem.android.model

import app.tandem.core.InputField
import app.tandem.core.JournalException
import app.tandem.core.Sentence
import app.tandem.core.errorSentence
import app.tandem.core.fieldWords
import app.tandem.core.sentence

/** The one plain sentence a screen shows for [error]; never a path, a typed value or entry content. */
fun messageFor(error: Throwable): String = when (error) {
    is JournalException -> errorSentence(error)
    else -> sentence(Sentence.UNKNOWN)
}

/** A core field as the words that start a sentence about it ("The mood"). */
fun fieldInWords(field: InputField): String = fieldWords(field)

/**
 * Sentences for checks the model layer makes before the core is called (the
 * core never sees the second copy of a passphrase, for one); the words are
 * still the core's.
 */
object ModelText {
    /** The two copies of a new passphrase differ. */
    val PASSPHRASES_DIFFER: String get() = sentence(Sentence.PASSPHRASES_DIFFER)

    /** The typed groups are not the last two groups of the recovery code. */
    val CODE_DIFFERS: String get() = sentence(Sentence.CODE_DIFFERS)

    /** A summary with every section switched off (the core would make an empty document). */
    val NO_SECTION: String get() = sentence(Sentence.NO_SECTION)

    /** A check-in is saved only with a mood and both moves picked. */
    val CHECK_IN_INCOMPLETE: String get() = sentence(Sentence.CHECK_IN_INCOMPLETE)
}
