// The history: the weeks that hold an entry, newest first, a row a day;
// opening a row edits that day. A day that was missed can be added.
package app.tandem.android.ui

import androidx.compose.foundation.clickable
import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.PaddingValues
import androidx.compose.foundation.layout.Row
import androidx.compose.foundation.layout.Spacer
import androidx.compose.foundation.layout.fillMaxSize
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.heightIn
import androidx.compose.foundation.layout.padding
import androidx.compose.foundation.layout.width
import androidx.compose.foundation.lazy.LazyColumn
import androidx.compose.foundation.lazy.items
import androidx.compose.material3.HorizontalDivider
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.OutlinedButton
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.runtime.LaunchedEffect
import androidx.compose.runtime.getValue
import androidx.compose.runtime.mutableStateOf
import androidx.compose.runtime.remember
import androidx.compose.runtime.setValue
import androidx.compose.ui.Alignment
import androidx.compose.ui.Modifier
import androidx.compose.ui.res.stringResource
import androidx.compose.ui.semantics.heading
import androidx.compose.ui.semantics.semantics
import androidx.compose.ui.unit.dp
import androidx.lifecycle.ViewModel
import androidx.lifecycle.compose.collectAsStateWithLifecycle
import androidx.lifecycle.viewModelScope
import androidx.lifecycle.viewmodel.compose.viewModel
import app.tandem.android.R
import app.tandem.android.model.HistoryHolder
import app.tandem.android.model.HistoryRow
import app.tandem.android.model.HistorySection
import app.tandem.android.model.HistoryState
import app.tandem.core.Journal
import java.time.LocalDate
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.launch

/** Wraps the model's [HistoryHolder]. */
class HistoryViewModel(journal: Journal) : ViewModel() {
    private val holder = HistoryHolder(journal, Dispatchers.IO)

    /** The sections and progress. */
    val state: StateFlow<HistoryState> = holder.state

    /** Loads every week that holds an entry. */
    fun refresh() {
        viewModelScope.launch { holder.load() }
    }
}

/** The history list. */
@Composable
fun HistoryRoute(journal: Journal, onOpenDay: (LocalDate) -> Unit, onOpenReflection: (LocalDate) -> Unit) {
    val vm: HistoryViewModel = viewModel(key = "history-${System.identityHashCode(journal)}") { HistoryViewModel(journal) }
    val state by vm.state.collectAsStateWithLifecycle()
    var picking by remember { mutableStateOf(false) }
    // Each visit reads the journal afresh: a day may have been edited since.
    LaunchedEffect(Unit) { vm.refresh() }

    LazyColumn(
        modifier = Modifier.fillMaxSize(),
        contentPadding = PaddingValues(16.dp),
        verticalArrangement = Arrangement.spacedBy(4.dp),
    ) {
        item {
            Column(verticalArrangement = Arrangement.spacedBy(12.dp)) {
                ScreenTitle(stringResource(R.string.history_title))
                OutlinedButton(
                    onClick = { picking = true },
                    modifier = Modifier
                        .fillMaxWidth()
                        .heightIn(min = MinTouch),
                ) { Text(stringResource(R.string.history_add_day)) }
                state.message?.let { MessageCard(it) }
                if (state.loading && state.sections.isEmpty()) Loading()
                if (!state.loading && state.message == null && state.sections.isEmpty()) {
                    Hint(stringResource(R.string.history_empty))
                }
            }
        }
        state.sections.forEach { section ->
            item(key = "week-${section.firstDay}") { WeekHeading(section) }
            items(section.rows, key = { "day-${it.date}" }) { row ->
                DayRow(row, onClick = { onOpenDay(row.date) })
            }
            if (section.reflection != null) {
                item(key = "reflection-${section.firstDay}") {
                    ReflectionRow(onClick = { onOpenReflection(section.firstDay) })
                }
            }
        }
    }

    if (picking) {
        val today = LocalDate.now()
        DayPickerDialog(
            initial = today,
            latest = today,
            onPick = { day ->
                picking = false
                onOpenDay(day)
            },
            onDismiss = { picking = false },
        )
    }
}

@Composable
private fun WeekHeading(section: HistorySection) {
    Column(Modifier.padding(top = 16.dp)) {
        Text(
            text = section.title,
            style = MaterialTheme.typography.titleMedium,
            modifier = Modifier.semantics { heading() },
        )
        HorizontalDivider(Modifier.padding(top = 4.dp))
    }
}

@Composable
private fun DayRow(row: HistoryRow, onClick: () -> Unit) {
    val editLabel = stringResource(R.string.history_edit_day)
    Row(
        modifier = Modifier
            .fillMaxWidth()
            .heightIn(min = MinTouch)
            .clickable(onClickLabel = editLabel, onClick = onClick)
            .padding(vertical = 8.dp),
        verticalAlignment = Alignment.CenterVertically,
    ) {
        Column(Modifier.weight(1f)) {
            Text(row.dayLabel, style = MaterialTheme.typography.titleSmall)
            Text(row.moveLabel, style = MaterialTheme.typography.bodyMedium)
        }
        Spacer(Modifier.width(12.dp))
        Text(stringResource(R.string.history_mood, row.mood), style = MaterialTheme.typography.bodyLarge)
    }
}

@Composable
private fun ReflectionRow(onClick: () -> Unit) {
    Row(
        modifier = Modifier
            .fillMaxWidth()
            .heightIn(min = MinTouch)
            .clickable(onClickLabel = stringResource(R.string.history_open_reflection), onClick = onClick)
            .padding(vertical = 8.dp),
        verticalAlignment = Alignment.CenterVertically,
    ) {
        Text(
            stringResource(R.string.history_reflection),
            style = MaterialTheme.typography.bodyLarge,
            color = MaterialTheme.colorScheme.primary,
        )
    }
}
