// How every state holder calls the core: off the main thread, and with a
// failure turned into its sentence instead of an exception on the screen.
package app.tandem.android.model

import kotlinx.coroutines.CancellationException
import kotlinx.coroutines.CoroutineDispatcher
import kotlinx.coroutines.withContext

/** The result of a core call made by a state holder: a value, or the sentence of its failure. */
internal sealed interface Outcome<out T> {
    /** The call returned [value]. */
    data class Done<T>(val value: T) : Outcome<T>

    /** The call failed; [message] is what the screen shows. */
    data class Failed(val message: String) : Outcome<Nothing>
}

/** Runs [block] on [dispatcher]; any failure but cancellation comes back as its sentence. */
internal suspend fun <T> attempt(dispatcher: CoroutineDispatcher, block: () -> T): Outcome<T> =
    try {
        Outcome.Done(withContext(dispatcher) { block() })
    } catch (e: CancellationException) {
        throw e
    } catch (e: Exception) {
        Outcome.Failed(messageFor(e))
    }
