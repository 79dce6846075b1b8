// Today's check-in (or any day's, opened from the history) on one screen:
// the three answers a check-in needs first, the optional detail after,
// every picker built from the core's choices().
package app.tandem.android.ui

import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.Row
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.heightIn
import androidx.compose.foundation.selection.toggleable
import androidx.compose.material3.HorizontalDivider
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.OutlinedButton
import androidx.compose.material3.Switch
import androidx.compose.material3.Text
import androidx.compose.material3.TextButton
import androidx.compose.runtime.Composable
import androidx.compose.runtime.LaunchedEffect
import androidx.compose.runtime.getValue
import androidx.compose.runtime.mutableStateOf
import androidx.compose.runtime.remember
import androidx.compose.runtime.setValue
import androidx.compose.ui.Alignment
import androidx.compose.ui.Modifier
import androidx.compose.ui.res.stringResource
import androidx.compose.ui.semantics.Role
import androidx.compose.ui.unit.dp
import androidx.lifecycle.ViewModel
import androidx.lifecycle.compose.collectAsStateWithLifecycle
import androidx.lifecycle.viewModelScope
import androidx.lifecycle.viewmodel.compose.viewModel
import app.tandem.android.R
import app.tandem.android.model.CheckInDraft
import app.tandem.android.model.CheckInEditor
import app.tandem.android.model.CheckInEditorState
import app.tandem.android.model.CheckInForm
import app.tandem.android.model.DateLabels
import app.tandem.android.model.ModelText
import app.tandem.android.model.Questions
import app.tandem.android.model.SideGroup
import app.tandem.core.Journal
import app.tandem.core.Prompt
import app.tandem.core.Side
import java.time.LocalDate
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.flow.asStateFlow
import kotlinx.coroutines.launch

/** What the screen says after a save or a delete went through. */
enum class CheckInDone { Saved, Deleted }

/** Wraps the model's [CheckInEditor] for one day ([date], or the journal's today when null). */
class CheckInViewModel(journal: Journal, private val date: LocalDate?) : ViewModel() {
    private val editor = CheckInEditor(journal, Dispatchers.IO)
    private val doneFlow = MutableStateFlow<CheckInDone?>(null)

    /** The form, draft and progress. */
    val state: StateFlow<CheckInEditorState> = editor.state

    /** The last change that went through, until shown. */
    val done: StateFlow<CheckInDone?> = doneFlow.asStateFlow()

    init {
        viewModelScope.launch { if (date == null) editor.loadToday() else editor.load(date) }
    }

    /** Applies [change] to the draft. */
    fun edit(change: (CheckInDraft) -> CheckInDraft) {
        doneFlow.value = null
        editor.edit(change)
    }

    /** Saves through the core; a refusal keeps the draft and shows the message. */
    fun save() {
        viewModelScope.launch { if (editor.save()) doneFlow.value = CheckInDone.Saved }
    }

    /** Deletes the day's saved check-in. */
    fun delete() {
        viewModelScope.launch { if (editor.delete()) doneFlow.value = CheckInDone.Deleted }
    }

    /** Clears the message once shown. */
    fun dismissMessage() = editor.dismissMessage()
}

/**
 * The check-in of [date] (today when null). [onBack] is given when opened
 * from the history, and the page goes back after a save or delete.
 */
@Composable
fun CheckInRoute(
    journal: Journal,
    date: LocalDate?,
    onBack: (() -> Unit)?,
    onReflect: (LocalDate) -> Unit,
) {
    val vm: CheckInViewModel = viewModel(key = "checkin-${System.identityHashCode(journal)}-$date") {
        CheckInViewModel(journal, date)
    }
    val state by vm.state.collectAsStateWithLifecycle()
    val done by vm.done.collectAsStateWithLifecycle()
    var confirmDelete by remember { mutableStateOf(false) }

    LaunchedEffect(done) {
        if (done != null && onBack != null) onBack()
    }

    val draft = state.draft
    val form = state.form
    ScreenColumn {
        val title = when {
            draft == null -> stringResource(R.string.checkin_title_today)
            date == null -> stringResource(R.string.checkin_title_today_with_day, DateLabels.weekday(draft.date))
            else -> DateLabels.weekday(draft.date)
        }
        ScreenTitle(title, onBack = onBack)
        if (draft == null || form == null) {
            if (state.loading) Loading()
            state.message?.let { MessageCard(it) }
        } else {
            if (state.savedRevision != null) Hint(stringResource(R.string.checkin_editing_saved))

            CheckInFields(
                form = form,
                draft = draft,
                // The text field keeps its own state, reset when another day or save is loaded.
                noteKey = "${draft.date}-${state.savedRevision}",
                onEdit = vm::edit,
            )

            state.message?.let { MessageCard(it, onDismiss = vm::dismissMessage) }
            when (done) {
                CheckInDone.Saved -> if (onBack == null) StatusLine(stringResource(R.string.checkin_saved))
                CheckInDone.Deleted -> if (onBack == null) StatusLine(stringResource(R.string.checkin_deleted))
                null -> Unit
            }
            PrimaryButton(
                text = stringResource(if (state.savedRevision == null) R.string.checkin_save else R.string.checkin_update),
                busy = state.saving,
                onClick = vm::save,
            )
            if (!draft.canSave) Hint(ModelText.CHECK_IN_INCOMPLETE)
            if (state.savedRevision != null) {
                TextButton(onClick = { confirmDelete = true }, modifier = Modifier.heightIn(min = MinTouch)) {
                    Text(stringResource(R.string.checkin_delete))
                }
            }
            OutlinedButton(
                onClick = { onReflect(draft.date) },
                modifier = Modifier
                    .fillMaxWidth()
                    .heightIn(min = MinTouch),
            ) {
                Text(stringResource(R.string.checkin_reflect))
            }
        }
    }

    if (confirmDelete) {
        ConfirmDialog(
            title = stringResource(R.string.checkin_delete_title),
            text = stringResource(R.string.checkin_delete_body),
            confirm = stringResource(R.string.checkin_delete),
            onConfirm = {
                confirmDelete = false
                vm.delete()
            },
            onDismiss = { confirmDelete = false },
        )
    }
}

@Composable
private fun CheckInFields(
    form: CheckInForm,
    draft: CheckInDraft,
    noteKey: String,
    onEdit: ((CheckInDraft) -> CheckInDraft) -> Unit,
) {
    // The three answers a check-in cannot go without.
    Question(Questions.text(Prompt.MOOD)) {
        SingleChoiceChips(
            options = Questions.answers(Prompt.MOOD),
            selected = draft.mood,
            label = { it.toString() },
            onSelect = { mood -> onEdit { it.copy(mood = mood) } },
            clearable = false,
        )
        Hint(Questions.hint(Prompt.MOOD))
    }
    Question(Questions.text(Prompt.MY_MOVE)) {
        RadioList(
            options = form.moves,
            selected = form.moves.firstOrNull { it.value == draft.myMove },
            label = { it.label },
            onSelect = { choice -> onEdit { it.copy(myMove = choice.value) } },
        )
    }
    Question(Questions.text(Prompt.PARTNER_MOVE)) {
        RadioList(
            options = form.partnerMoves,
            selected = form.partnerMoves.firstOrNull { it.value == draft.partnerMove },
            label = { it.label },
            onSelect = { choice -> onEdit { it.copy(partnerMove = choice.value) } },
        )
    }

    HorizontalDivider()
    Hint(stringResource(R.string.checkin_optional))

    Question(Questions.text(Prompt.BEHAVIOURS)) {
        form.behaviours.forEach { group ->
            SideLabel(group)
            MultiChoiceChips(
                options = group.items,
                selected = group.items.filter { it.value in draft.behaviours }.toSet(),
                label = { it.label },
                onToggle = { choice -> onEdit { it.toggle(choice.value) } },
            )
        }
    }
    Question(Questions.text(Prompt.FEELINGS)) {
        form.feelings.forEach { group ->
            SideLabel(group)
            MultiChoiceChips(
                options = group.items,
                selected = group.items.filter { it.value in draft.feelings }.toSet(),
                label = { it.label },
                onToggle = { choice -> onEdit { it.toggle(choice.value) } },
            )
        }
    }
    Question(Questions.text(Prompt.INTENSITY)) {
        SingleChoiceChips(
            options = Questions.answers(Prompt.INTENSITY),
            selected = draft.intensity,
            label = { it.toString() },
            onSelect = { value -> onEdit { it.copy(intensity = value) } },
        )
        Hint(stringResource(R.string.scale_hint_clearable, Questions.hint(Prompt.INTENSITY)))
    }
    Question(Questions.text(Prompt.SKILLS)) {
        MultiChoiceChips(
            options = form.skills,
            selected = form.skills.filter { it.value in draft.skills }.toSet(),
            label = { it.label },
            onToggle = { choice -> onEdit { it.toggle(choice.value) } },
        )
    }
    Question(Questions.text(Prompt.REPAIR)) {
        SingleChoiceChips(
            options = form.repairs,
            selected = form.repairs.firstOrNull { it.value == draft.repair },
            label = { it.label },
            onSelect = { choice -> onEdit { it.copy(repair = choice?.value) } },
        )
    }

    ClosenessSection(form, draft, onEdit)

    WordsField(
        label = Questions.text(Prompt.NOTE),
        initial = draft.note,
        resetKey = noteKey,
        onChange = { text -> onEdit { it.copy(note = text) } },
    )
}

/** The private closeness section: folded away unless opened or already filled in. */
@Composable
private fun ClosenessSection(
    form: CheckInForm,
    draft: CheckInDraft,
    onEdit: ((CheckInDraft) -> CheckInDraft) -> Unit,
) {
    val filled = draft.closenessRating != null || draft.closenessWords.isNotEmpty()
    var open by remember { mutableStateOf(filled) }
    Row(
        modifier = Modifier
            .fillMaxWidth()
            .heightIn(min = MinTouch)
            .toggleable(value = open || filled, role = Role.Switch, onValueChange = { open = it }),
        verticalAlignment = Alignment.CenterVertically,
        horizontalArrangement = Arrangement.SpaceBetween,
    ) {
        Column(Modifier.weight(1f)) {
            SectionTitle(stringResource(R.string.checkin_closeness))
            Hint(stringResource(R.string.checkin_closeness_private))
        }
        Switch(checked = open || filled, onCheckedChange = null)
    }
    if (open || filled) {
        Column(verticalArrangement = Arrangement.spacedBy(8.dp)) {
            Text(Questions.text(Prompt.CLOSENESS), style = MaterialTheme.typography.bodyLarge)
            SingleChoiceChips(
                options = Questions.answers(Prompt.CLOSENESS),
                selected = draft.closenessRating,
                label = { it.toString() },
                onSelect = { value -> onEdit { it.copy(closenessRating = value) } },
            )
            Hint(Questions.hint(Prompt.CLOSENESS))
            MultiChoiceChips(
                options = form.closenessWords,
                selected = form.closenessWords.filter { it.value in draft.closenessWords }.toSet(),
                label = { it.label },
                onToggle = { choice -> onEdit { it.toggle(choice.value) } },
            )
            if (filled) {
                TextButton(
                    onClick = {
                        onEdit { it.copy(closenessRating = null, closenessWords = emptySet()) }
                        open = false
                    },
                    modifier = Modifier.heightIn(min = MinTouch),
                ) { Text(stringResource(R.string.checkin_closeness_clear)) }
            }
        }
    }
}

@Composable
private fun <T> SideLabel(group: SideGroup<T>) {
    val text = when (group.side) {
        Side.PURSUING -> stringResource(R.string.side_pursuing)
        Side.WITHDRAWING -> stringResource(R.string.side_withdrawing)
        null -> stringResource(R.string.side_neither)
    }
    Text(text, style = MaterialTheme.typography.labelLarge, color = MaterialTheme.colorScheme.onSurfaceVariant)
}
