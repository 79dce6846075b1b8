// The weekly reflection while the user answers it; same shape as the
// check-in draft: the draft holds answers, the core validates on save.
package app.tandem.android.model

import app.tandem.core.DateRange
import app.tandem.core.Journal
import app.tandem.core.Reflection
import app.tandem.core.SavedReflection
import app.tandem.core.Who
import app.tandem.core.choices
import java.time.LocalDate
import kotlinx.coroutines.CoroutineDispatcher
import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.flow.asStateFlow

/**
 * The reflection's answers, every one optional: the three "who" questions,
 * how safe hard talks felt (1 safe … 5 overwhelming), and the two texts.
 */
data class ReflectionDraft(
    val weekStart: LocalDate,
    val raisesConcerns: Who? = null,
    val shutsDown: Who? = null,
    val feltChased: Who? = null,
    val talkSafety: Int? = null,
    val needingSpace: String = "",
    val note: String = "",
) {
    /** The reflection to save; out-of-range numbers pass through for the core to refuse. */
    fun toReflection(): Reflection = Reflection(
        weekStart = weekStart,
        raisesConcerns = raisesConcerns,
        shutsDown = shutsDown,
        talkSafety = talkSafety?.coerceIn(0, 255)?.toUByte(),
        feltChased = feltChased,
        needingSpace = needingSpace,
        note = note,
    )

    /** Ways to start a draft. */
    companion object {
        /** An empty draft for the week holding [weekStart]. */
        fun empty(weekStart: LocalDate): ReflectionDraft = ReflectionDraft(weekStart = weekStart)

        /** A draft holding [saved], for editing it. */
        fun from(saved: SavedReflection): ReflectionDraft = from(saved.reflection)

        /** A draft holding [reflection]. */
        fun from(reflection: Reflection): ReflectionDraft = ReflectionDraft(
            weekStart = reflection.weekStart,
            raisesConcerns = reflection.raisesConcerns,
            shutsDown = reflection.shutsDown,
            feltChased = reflection.feltChased,
            talkSafety = reflection.talkSafety?.toInt(),
            needingSpace = reflection.needingSpace,
            note = reflection.note,
        )
    }
}

/**
 * What the reflection screen shows: the [form]'s "who" choices, the
 * [week] reflected on (as the journal's week start sets it), the [draft],
 * whether a reflection was already saved, and progress.
 */
data class ReflectionEditorState(
    val form: ReflectionForm? = null,
    val week: DateRange? = null,
    val draft: ReflectionDraft? = null,
    val savedRevision: UInt? = null,
    val loading: Boolean = false,
    val saving: Boolean = false,
    val message: String? = null,
)

/** Loads the reflection of one week from [journal], holds the draft and saves it; core calls on [dispatcher]. */
class ReflectionEditor(
    private val journal: Journal,
    dispatcher: CoroutineDispatcher,
) {
    private val mutable = MutableStateFlow(ReflectionEditorState())
    private val editing = DraftEditing(
        state = mutable,
        journal = journal,
        dispatcher = dispatcher,
        fieldsOf = { EditorFields(it.draft, it.savedRevision, it.loading, it.saving, it.message) },
        withFields = {
            copy(draft = it.draft, savedRevision = it.savedRevision, loading = it.loading, saving = it.saving, message = it.message)
        },
    )

    /** The current form, draft and progress. */
    val state: StateFlow<ReflectionEditorState> = mutable.asStateFlow()

    /** Loads the week holding the journal's today. */
    suspend fun loadThisWeek() {
        editing.loadToday { load(it) }
    }

    /** Loads the week holding [day]: its saved reflection to edit, or an empty draft. */
    suspend fun load(day: LocalDate) {
        editing.load(
            fetch = { Triple(ReflectionForm.from(choices()), journal.weekOf(day), journal.reflection(day)) },
            loaded = { (form, week, saved) ->
                ReflectionEditorState(
                    form = form,
                    week = week,
                    draft = saved?.let { ReflectionDraft.from(it) } ?: ReflectionDraft.empty(day),
                    savedRevision = saved?.revision,
                )
            },
        )
    }

    /** Applies [change] to the draft (no-op before a week is loaded). */
    fun edit(change: (ReflectionDraft) -> ReflectionDraft) {
        editing.edit(change)
    }

    /** Saves the draft through the core; a refused save keeps the draft and shows the message. */
    suspend fun save(): Boolean = editing.save { draft -> journal.saveReflection(draft.toReflection()).revision }

    /** Clears the message once the screen has shown it. */
    fun dismissMessage() {
        editing.dismissMessage()
    }
}
