// The history list: the core groups entries into weeks; this maps each week
// to a heading and one row a day, labelled from the core's choices.
package app.tandem.android.model

import app.tandem.core.Choices
import app.tandem.core.HistoryWeek
import app.tandem.core.Journal
import app.tandem.core.Move
import app.tandem.core.Reflection
import app.tandem.core.choices
import java.time.LocalDate
import kotlinx.coroutines.CoroutineDispatcher
import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.flow.asStateFlow

/** One check-in in the list: its day ("Mon 23 Nov"), my move's label and the mood; opening it edits [date]. */
data class HistoryRow(
    val date: LocalDate,
    val dayLabel: String,
    val move: Move,
    val moveLabel: String,
    val mood: Int,
)

/** One week of the list: its heading ("23–29 Nov 2026"), its check-ins by day, and its reflection if any. */
data class HistorySection(
    val firstDay: LocalDate,
    val lastDay: LocalDate,
    val title: String,
    val rows: List<HistoryRow>,
    val reflection: Reflection?,
) {
    /** Builds sections. */
    companion object {
        /** The section of [week], with move labels from [choices]. */
        fun from(week: HistoryWeek, choices: Choices): HistorySection {
            val labels = choices.moves.associate { it.value to it.label }
            return HistorySection(
                firstDay = week.firstDay,
                lastDay = week.lastDay,
                title = DateLabels.range(week.firstDay, week.lastDay),
                rows = week.checkins.map { saved ->
                    val c = saved.checkin
                    HistoryRow(
                        date = c.date,
                        dayLabel = DateLabels.weekday(c.date),
                        move = c.myMove,
                        moveLabel = labels[c.myMove] ?: "",
                        mood = c.mood.toInt(),
                    )
                },
                reflection = week.reflections.firstOrNull()?.reflection,
            )
        }
    }
}

/** What the history screen shows: its sections, newest week first, and progress. */
data class HistoryState(
    val sections: List<HistorySection> = emptyList(),
    val loading: Boolean = false,
    val message: String? = null,
)

/** Loads the history from [journal]; core calls on [dispatcher]. */
class HistoryHolder(
    private val journal: Journal,
    private val dispatcher: CoroutineDispatcher,
) {
    private val mutable = MutableStateFlow(HistoryState())

    /** The current sections and progress. */
    val state: StateFlow<HistoryState> = mutable.asStateFlow()

    /** Loads the weeks from [from] to [to] (either open) that hold an entry. */
    suspend fun load(from: LocalDate? = null, to: LocalDate? = null) {
        mutable.inProgress({ copy(loading = true, message = null) }, { copy(loading = false) }) {
            val loaded = attempt(dispatcher) {
                val choices = choices()
                journal.history(from, to).map { HistorySection.from(it, choices) }
            }
            mutable.value = when (loaded) {
                is Outcome.Done -> HistoryState(sections = loaded.value)
                is Outcome.Failed -> mutable.value.copy(loading = false, message = loaded.message)
            }
        }
    }
}
