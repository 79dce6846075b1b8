// The create flow: welcome, an optional passphrase, the recovery code shown
// once, the user typing its end back (so we know it was written down), done.
package app.tandem.android.model

import kotlinx.coroutines.CancellationException
import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.flow.asStateFlow

/** The steps of the first run, in order. */
enum class FirstRunStep {
    /** What Tandem is and that everything stays on the phone. */
    Welcome,

    /** An optional passphrase, typed twice. */
    Passphrase,

    /** The recovery code, shown once. */
    ShowCode,

    /** The user types the last two groups of the code back. */
    ConfirmCode,

    /** The journal is made and the code confirmed. */
    Done,
}

/**
 * What the first-run screens show. [recoveryCode] is the code as the core
 * groups it, held only during [FirstRunStep.ShowCode] and
 * [FirstRunStep.ConfirmCode]; [codeGroups] is the same split at its dashes.
 */
data class FirstRunState(
    val step: FirstRunStep = FirstRunStep.Welcome,
    val recoveryCode: String? = null,
    val busy: Boolean = false,
    val message: String? = null,
) {
    /** The recovery code's groups, for showing one per cell; empty when there is no code. */
    val codeGroups: List<String>
        get() = recoveryCode?.split('-')?.filter { it.isNotEmpty() } ?: emptyList()
}

/**
 * Runs the create flow against [session]. [deviceKey] is the fresh 32-byte
 * key the platform made (and wrapped in its keystore), or null for a
 * journal opened only by passphrase and recovery code. The session is
 * Unlocked from [FirstRunStep.ShowCode] on; the app keeps the first-run
 * screens up until [FirstRunStep.Done].
 */
class FirstRun(
    private val session: Session,
    private val deviceKey: ByteArray?,
) {
    private val mutable = MutableStateFlow(FirstRunState())

    /** The current step and what it shows. */
    val state: StateFlow<FirstRunState> = mutable.asStateFlow()

    /** Leaves the welcome for the passphrase step. */
    fun start() {
        if (mutable.value.step == FirstRunStep.Welcome) {
            mutable.value = FirstRunState(step = FirstRunStep.Passphrase)
        }
    }

    /**
     * Creates the journal, with [passphrase] when it is not empty (it must
     * equal [repeated]; the core checks its length), and moves to the code.
     * Returns true when the journal was made; otherwise the step stays with
     * a message.
     */
    suspend fun create(passphrase: String, repeated: String): Boolean {
        val now = mutable.value
        if (now.step != FirstRunStep.Passphrase || now.busy) return false
        if (passphrase != repeated) {
            mutable.value = now.copy(message = ModelText.PASSPHRASES_DIFFER)
            return false
        }
        return mutable.inProgress({ copy(busy = true, message = null) }, { copy(busy = false) }) {
            try {
                val code = session.create(passphrase.ifEmpty { null }, deviceKey)
                mutable.value = FirstRunState(step = FirstRunStep.ShowCode, recoveryCode = code)
                true
            } catch (e: CancellationException) {
                throw e
            } catch (e: Exception) {
                mutable.value = now.copy(busy = false, message = messageFor(e))
                false
            }
        }
    }

    /** Creates the journal without a passphrase (the device key alone opens it day to day). */
    suspend fun skipPassphrase(): Boolean = create("", "")

    /** The user says the code is written down: ask for its end. */
    fun codeWrittenDown() {
        val now = mutable.value
        if (now.step == FirstRunStep.ShowCode) {
            mutable.value = now.copy(step = FirstRunStep.ConfirmCode, message = null)
        }
    }

    /** Back from the confirmation to the code, to read it again. */
    fun showCodeAgain() {
        val now = mutable.value
        if (now.step == FirstRunStep.ConfirmCode) {
            mutable.value = now.copy(step = FirstRunStep.ShowCode, message = null)
        }
    }

    /**
     * Checks [typed] against the code's last two groups, ignoring case, spaces
     * and dashes. On a match the flow is done and the code is dropped.
     */
    fun confirm(typed: String): Boolean {
        val now = mutable.value
        if (now.step != FirstRunStep.ConfirmCode) return false
        val expected = now.codeGroups.takeLast(2).joinToString("")
        return if (expected.isNotEmpty() && normalised(typed) == normalised(expected)) {
            mutable.value = FirstRunState(step = FirstRunStep.Done)
            true
        } else {
            mutable.value = now.copy(message = ModelText.CODE_DIFFERS)
            false
        }
    }

    private fun normalised(text: String): String =
        text.filterNot { it == '-' || it.isWhitespace() }.uppercase()
}
