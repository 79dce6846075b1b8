// What the check-in and reflection editors share: load a day (or the
// journal's today) with its saved entry, edit the draft, save it through
// the core, and show the sentence of a failure. Each editor says what it
// fetches and what it saves; the guards, the order of the state changes
// and the progress flags live here once.
package app.tandem.android.model

import app.tandem.core.Journal
import java.time.LocalDate
import kotlinx.coroutines.CoroutineDispatcher
import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.update

/** The fields every editor's state has, whatever else its page shows. */
internal data class EditorFields<D>(
    val draft: D?,
    val savedRevision: UInt?,
    val loading: Boolean,
    val saving: Boolean,
    val message: String?,
)

/**
 * Loads, edits and saves a draft [D] held in an editor's own [state] [S]:
 * [fieldsOf] reads the shared fields out of it and [withFields] writes
 * them back. Core calls run on [dispatcher].
 */
internal class DraftEditing<S, D>(
    private val state: MutableStateFlow<S>,
    private val journal: Journal,
    private val dispatcher: CoroutineDispatcher,
    private val fieldsOf: (S) -> EditorFields<D>,
    private val withFields: S.(EditorFields<D>) -> S,
) {
    /** Loads the journal's today (by its clock) with [load]. */
    suspend fun loadToday(load: suspend (LocalDate) -> Unit) {
        loading {
            when (val today = attempt(dispatcher) { journal.today() }) {
                is Outcome.Done -> load(today.value)
                is Outcome.Failed -> change { copy(loading = false, message = today.message) }
            }
        }
    }

    /**
     * Runs [fetch] on the dispatcher and replaces the whole state with
     * [loaded] of its result; a failure keeps the state and shows its sentence.
     */
    suspend fun <T> load(fetch: () -> T, loaded: (T) -> S) {
        loading {
            when (val result = attempt(dispatcher, fetch)) {
                is Outcome.Done -> state.value = loaded(result.value)
                is Outcome.Failed -> change { copy(loading = false, message = result.message) }
            }
        }
    }

    /** Applies [change] to the draft (no-op before anything is loaded). */
    fun edit(change: (D) -> D) {
        state.update { now ->
            val fields = fieldsOf(now)
            val draft = fields.draft ?: return@update now
            now.withFields(fields.copy(draft = change(draft)))
        }
    }

    /**
     * Saves the draft with [save] (on the dispatcher), which returns the
     * saved revision. [refusal] is the model's own sentence for a draft the
     * core is not to see, or null. Returns true when saved; a refused save
     * keeps the draft and shows the sentence.
     */
    suspend fun save(refusal: (D) -> String? = { null }, save: (D) -> UInt): Boolean {
        val now = fieldsOf(state.value)
        val draft = now.draft ?: return false
        if (now.saving) return false
        val refused = refusal(draft)
        if (refused != null) {
            change { copy(message = refused) }
            return false
        }
        return state.inProgress(
            raise = { withFields(fieldsOf(this).copy(saving = true, message = null)) },
            lower = { withFields(fieldsOf(this).copy(saving = false)) },
        ) {
            when (val saved = attempt(dispatcher) { save(draft) }) {
                is Outcome.Done -> {
                    // The user may have kept editing while the save ran; keep their latest draft.
                    change { copy(saving = false, savedRevision = saved.value) }
                    true
                }
                is Outcome.Failed -> {
                    change { copy(saving = false, message = saved.message) }
                    false
                }
            }
        }
    }

    /** Clears the message once the screen has shown it. */
    fun dismissMessage() {
        change { copy(message = null) }
    }

    private fun change(edit: EditorFields<D>.() -> EditorFields<D>) {
        state.update { it.withFields(fieldsOf(it).edit()) }
    }

    private suspend fun loading(block: suspend () -> Unit) {
        state.inProgress(
            raise = { withFields(fieldsOf(this).copy(loading = true, message = null)) },
            lower = { withFields(fieldsOf(this).copy(loading = false)) },
            block = block,
        )
    }
}
