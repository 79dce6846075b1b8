// How every state holder calls the core: off the main thread, and with a
// failure turned into its sentence instead of an exception on the screen.
package app.tandem.android.model

import kotlinx.coroutines.CancellationException
import kotlinx.coroutines.CoroutineDispatcher
import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.update
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

/**
 * Puts a holder's progress flag up with [raise], runs [block] (which
 * settles the state with its result), and puts the flag down with [lower]
 * however [block] ends. A call cancelled halfway (its screen went away)
 * has no result to settle the state with, and must not leave a spinner
 * behind or refuse the next save as "still saving". [lower] only clears
 * flags, so after a normal end it changes nothing.
 */
internal suspend fun <S, T> MutableStateFlow<S>.inProgress(
    raise: S.() -> S,
    lower: S.() -> S,
    block: suspend () -> T,
): T {
    update(raise)
    try {
        return block()
    } finally {
        update(lower)
    }
}
