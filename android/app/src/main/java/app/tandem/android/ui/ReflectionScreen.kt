// The weekly reflection: a few gentle questions about the week's pattern,
// every answer optional; the "who" answers come from the core's choices().
package app.tandem.android.ui

import androidx.compose.runtime.Composable
import androidx.compose.runtime.getValue
import androidx.compose.ui.res.stringResource
import androidx.lifecycle.ViewModel
import androidx.lifecycle.compose.collectAsStateWithLifecycle
import androidx.lifecycle.viewModelScope
import androidx.lifecycle.viewmodel.compose.viewModel
import app.tandem.android.R
import app.tandem.android.model.DateLabels
import app.tandem.android.model.Questions
import app.tandem.android.model.ReflectionDraft
import app.tandem.android.model.ReflectionEditor
import app.tandem.android.model.ReflectionEditorState
import app.tandem.core.Journal
import app.tandem.core.Prompt
import app.tandem.core.Who
import app.tandem.core.WhoChoice
import java.time.LocalDate
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.flow.asStateFlow
import kotlinx.coroutines.launch

/** Wraps the model's [ReflectionEditor] for the week holding [day] (this week when null). */
class ReflectionViewModel(journal: Journal, private val day: LocalDate?) : ViewModel() {
    private val editor = ReflectionEditor(journal, Dispatchers.IO)
    private val savedFlow = MutableStateFlow(false)

    /** The form, the week, the draft and progress. */
    val state: StateFlow<ReflectionEditorState> = editor.state

    /** True after a save went through, until the draft changes again. */
    val saved: StateFlow<Boolean> = savedFlow.asStateFlow()

    init {
        viewModelScope.launch { if (day == null) editor.loadThisWeek() else editor.load(day) }
    }

    /** Applies [change] to the draft. */
    fun edit(change: (ReflectionDraft) -> ReflectionDraft) {
        savedFlow.value = false
        editor.edit(change)
    }

    /** Saves through the core. */
    fun save() {
        viewModelScope.launch { savedFlow.value = editor.save() }
    }

    /** Clears the message once shown. */
    fun dismissMessage() = editor.dismissMessage()
}

/** The reflection of the week holding [day]. */
@Composable
fun ReflectionRoute(journal: Journal, day: LocalDate?, onBack: () -> Unit) {
    val vm: ReflectionViewModel = viewModel(key = "reflection-${System.identityHashCode(journal)}-$day") {
        ReflectionViewModel(journal, day)
    }
    val state by vm.state.collectAsStateWithLifecycle()
    val saved by vm.saved.collectAsStateWithLifecycle()
    val draft = state.draft
    val form = state.form
    val week = state.week

    ScreenColumn {
        ScreenTitle(stringResource(R.string.reflection_title), onBack = onBack)
        if (draft == null || form == null) {
            if (state.loading) Loading()
            state.message?.let { MessageCard(it) }
        } else {
            week?.let { Hint(stringResource(R.string.reflection_week, DateLabels.range(it.from, it.to))) }
            WhoQuestion(
                question = Questions.text(Prompt.RAISES_CONCERNS),
                choices = form.whos,
                selected = draft.raisesConcerns,
                onSelect = { who -> vm.edit { it.copy(raisesConcerns = who) } },
            )
            WhoQuestion(
                question = Questions.text(Prompt.SHUTS_DOWN),
                choices = form.whos,
                selected = draft.shutsDown,
                onSelect = { who -> vm.edit { it.copy(shutsDown = who) } },
            )
            WhoQuestion(
                question = Questions.text(Prompt.FELT_CHASED),
                choices = form.whos,
                selected = draft.feltChased,
                onSelect = { who -> vm.edit { it.copy(feltChased = who) } },
            )
            Question(Questions.text(Prompt.TALK_SAFETY)) {
                SingleChoiceChips(
                    options = Questions.answers(Prompt.TALK_SAFETY),
                    selected = draft.talkSafety,
                    label = { it.toString() },
                    onSelect = { value -> vm.edit { it.copy(talkSafety = value) } },
                )
                Hint(stringResource(R.string.scale_hint_clearable, Questions.hint(Prompt.TALK_SAFETY)))
            }
            // The texts keep their own state, reset when another week or save is loaded.
            val textKey = "${draft.weekStart}-${state.savedRevision}"
            Question(Questions.text(Prompt.NEEDING_SPACE)) {
                WordsField(
                    label = stringResource(R.string.reflection_answer),
                    initial = draft.needingSpace,
                    resetKey = textKey,
                    onChange = { text -> vm.edit { it.copy(needingSpace = text) } },
                )
            }
            WordsField(
                label = Questions.text(Prompt.WEEK_NOTE),
                initial = draft.note,
                resetKey = textKey,
                onChange = { text -> vm.edit { it.copy(note = text) } },
            )
            state.message?.let { MessageCard(it, onDismiss = vm::dismissMessage) }
            if (saved) StatusLine(stringResource(R.string.reflection_saved))
            PrimaryButton(
                text = stringResource(if (state.savedRevision == null) R.string.reflection_save else R.string.reflection_update),
                busy = state.saving,
                onClick = vm::save,
            )
        }
    }
}

@Composable
private fun WhoQuestion(question: String, choices: List<WhoChoice>, selected: Who?, onSelect: (Who?) -> Unit) {
    Question(question) {
        SingleChoiceChips(
            options = choices,
            selected = choices.firstOrNull { it.value == selected },
            label = { it.label },
            onSelect = { choice -> onSelect(choice?.value) },
        )
    }
}
