// One day's check-in while the user fills it in. The draft holds what is
// picked; the core decides what is valid when it is saved.
package app.tandem.android.model

import app.tandem.core.Behaviour
import app.tandem.core.CheckIn
import app.tandem.core.Closeness
import app.tandem.core.ClosenessWord
import app.tandem.core.Feeling
import app.tandem.core.Journal
import app.tandem.core.Move
import app.tandem.core.PartnerMove
import app.tandem.core.Repair
import app.tandem.core.SavedCheckIn
import app.tandem.core.Skill
import app.tandem.core.checkinCanSave
import app.tandem.core.choices
import java.time.LocalDate
import kotlinx.coroutines.CoroutineDispatcher
import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.flow.asStateFlow

/**
 * The check-in form's values: one each of mood (1–5), my move, my
 * partner's move and repair; sets of behaviours, feelings and skills;
 * intensity 0–10 or unset; the optional closeness section; the note.
 */
data class CheckInDraft(
    val date: LocalDate,
    val mood: Int? = null,
    val myMove: Move? = null,
    val partnerMove: PartnerMove? = null,
    val behaviours: Set<Behaviour> = emptySet(),
    val feelings: Set<Feeling> = emptySet(),
    val intensity: Int? = null,
    val skills: Set<Skill> = emptySet(),
    val repair: Repair? = null,
    val closenessRating: Int? = null,
    val closenessWords: Set<ClosenessWord> = emptySet(),
    val note: String = "",
) {
    /** Whether the fields a check-in cannot go without (mood, both moves) are picked. */
    val canSave: Boolean
        get() = checkinCanSave(mood?.coerceIn(0, 255)?.toUByte(), myMove, partnerMove)

    /** The draft with [behaviour] picked if it was not, and not if it was. */
    fun toggle(behaviour: Behaviour): CheckInDraft = copy(behaviours = behaviours.toggled(behaviour))

    /** The draft with [feeling] toggled. */
    fun toggle(feeling: Feeling): CheckInDraft = copy(feelings = feelings.toggled(feeling))

    /** The draft with [skill] toggled. */
    fun toggle(skill: Skill): CheckInDraft = copy(skills = skills.toggled(skill))

    /** The draft with the closeness [word] toggled. */
    fun toggle(word: ClosenessWord): CheckInDraft = copy(closenessWords = closenessWords.toggled(word))

    /**
     * The check-in to save. Values out of range pass through unchanged so
     * that the core refuses them with its own reason; the closeness section
     * is left out when nothing in it is filled in.
     * @throws IllegalStateException when [canSave] is false.
     */
    fun toCheckIn(): CheckIn {
        val mood = checkNotNull(mood) { "mood not picked" }
        val myMove = checkNotNull(myMove) { "my move not picked" }
        val partnerMove = checkNotNull(partnerMove) { "partner's move not picked" }
        val closeness = if (closenessRating == null && closenessWords.isEmpty()) {
            null
        } else {
            Closeness(rating = closenessRating?.toUByteClamped(), words = closenessWords.sortedBy { it.ordinal })
        }
        return CheckIn(
            date = date,
            mood = mood.toUByteClamped(),
            myMove = myMove,
            partnerMove = partnerMove,
            // Sets keep no order; the enum's order is the core's, so saved lists read the same every time.
            behaviours = behaviours.sortedBy { it.ordinal },
            feelings = feelings.sortedBy { it.ordinal },
            intensity = intensity?.toUByteClamped(),
            skills = skills.sortedBy { it.ordinal },
            repair = repair,
            closeness = closeness,
            note = note,
        )
    }

    /** Ways to start a draft. */
    companion object {
        /** An empty draft for [date]. */
        fun empty(date: LocalDate): CheckInDraft = CheckInDraft(date = date)

        /** A draft holding [saved], for editing it. */
        fun from(saved: SavedCheckIn): CheckInDraft = from(saved.checkin)

        /** A draft holding [checkIn]. */
        fun from(checkIn: CheckIn): CheckInDraft = CheckInDraft(
            date = checkIn.date,
            mood = checkIn.mood.toInt(),
            myMove = checkIn.myMove,
            partnerMove = checkIn.partnerMove,
            behaviours = checkIn.behaviours.toSet(),
            feelings = checkIn.feelings.toSet(),
            intensity = checkIn.intensity?.toInt(),
            skills = checkIn.skills.toSet(),
            repair = checkIn.repair,
            closenessRating = checkIn.closeness?.rating?.toInt(),
            closenessWords = checkIn.closeness?.words?.toSet() ?: emptySet(),
            note = checkIn.note,
        )
    }
}

/**
 * What the check-in screen shows: the [form]'s pickers, the [draft] (null
 * until a day is loaded), whether the day already had a saved check-in
 * ([savedRevision]), and whether a load or save is under way.
 */
data class CheckInEditorState(
    val form: CheckInForm? = null,
    val draft: CheckInDraft? = null,
    val savedRevision: UInt? = null,
    val loading: Boolean = false,
    val saving: Boolean = false,
    val message: String? = null,
)

/**
 * Loads one day's check-in from [journal], holds the draft while it is
 * edited and saves it. Core calls run on [dispatcher].
 */
class CheckInEditor(
    private val journal: Journal,
    private val dispatcher: CoroutineDispatcher,
) {
    private val mutable = MutableStateFlow(CheckInEditorState())
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
    val state: StateFlow<CheckInEditorState> = mutable.asStateFlow()

    /** Loads the journal's today (by its clock). */
    suspend fun loadToday() {
        editing.loadToday { load(it) }
    }

    /** Loads [day]: its saved check-in to edit, or an empty draft. */
    suspend fun load(day: LocalDate) {
        editing.load(
            fetch = { CheckInForm.from(choices()) to journal.checkin(day) },
            loaded = { (form, saved) ->
                CheckInEditorState(
                    form = form,
                    draft = saved?.let { CheckInDraft.from(it) } ?: CheckInDraft.empty(day),
                    savedRevision = saved?.revision,
                )
            },
        )
    }

    /** Applies [change] to the draft (no-op before a day is loaded). */
    fun edit(change: (CheckInDraft) -> CheckInDraft) {
        editing.edit(change)
    }

    /**
     * Saves the draft through the core. Returns true when saved; a refused
     * save keeps the draft and shows the message. A draft without a mood
     * or both moves is refused here, before the core is asked.
     */
    suspend fun save(): Boolean = editing.save(
        refusal = { draft -> if (draft.canSave) null else ModelText.CHECK_IN_INCOMPLETE },
        save = { draft -> journal.saveCheckin(draft.toCheckIn()).revision },
    )

    /** Deletes the loaded day's saved check-in; the draft starts empty again. */
    suspend fun delete(): Boolean {
        val now = mutable.value
        val draft = now.draft ?: return false
        if (now.savedRevision == null) return false
        return when (val done = attempt(dispatcher) { journal.deleteCheckin(draft.date) }) {
            is Outcome.Done -> {
                mutable.value = mutable.value.copy(draft = CheckInDraft.empty(draft.date), savedRevision = null)
                true
            }
            is Outcome.Failed -> {
                mutable.value = mutable.value.copy(message = done.message)
                false
            }
        }
    }

    /** Clears the message once the screen has shown it. */
    fun dismissMessage() {
        editing.dismissMessage()
    }
}

private fun <T> Set<T>.toggled(value: T): Set<T> = if (value in this) this - value else this + value

// Out-of-range numbers must reach the core (which names the field and the
// rule), not wrap around to a valid-looking byte: 256 would become 0.
private fun Int.toUByteClamped(): UByte = coerceIn(0, 255).toUByte()
