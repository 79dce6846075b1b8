// The week view's three charts as plain values a Compose canvas draws:
// every number, title and description comes from the core's insights; this
// only lays them out per week and names the bars with the chart legend.
package app.tandem.android.model

import app.tandem.core.Finding
import app.tandem.core.FindingKind
import app.tandem.core.Insights
import app.tandem.core.Journal
import app.tandem.core.Move
import app.tandem.core.PartnerMove
import app.tandem.core.WeekSummary
import app.tandem.core.scales
import app.tandem.core.trendEnds
import java.time.LocalDate
import kotlinx.coroutines.CoroutineDispatcher
import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.flow.asStateFlow

/** One part of a stacked bar: the value it counts, its legend name from the core, its height in days. */
data class BarSegment<T>(val value: T, val label: String, val days: Int)

/**
 * One week of the moves chart: my bar (pursued, withdrew, both, neither)
 * and my partner's (the same and "couldn't tell"), bottom segment first;
 * both null for a week with no check-ins, which is drawn as a gap.
 */
data class MovesWeek(
    val weekStart: LocalDate,
    val label: String,
    val me: List<BarSegment<Move>>?,
    val partner: List<BarSegment<PartnerMove>>?,
)

/** One week of the mood line: the mean mood, or null for a gap. */
data class MoodWeek(val weekStart: LocalDate, val label: String, val mood: Double?)

/** One week of the cycle-days chart: the count, or null for a gap. */
data class CycleWeek(val weekStart: LocalDate, val label: String, val days: Int?)

/** A straight line from the first week (index 0) to the last, its ends already clamped to the y axis. */
data class TrendEnds(val firstValue: Double, val lastIndex: Int, val lastValue: Double)

/** The moves chart: stacked bars in days, y axis [yMin]–[yMax]. */
data class MovesChart(
    val title: String,
    val weeks: List<MovesWeek>,
    val accessibilityText: String,
    val yMin: Int = CoreScales.daysMin,
    val yMax: Int = CoreScales.daysMax,
)

/** The mood chart: a line with gaps, y axis [yMin]–[yMax]. */
data class MoodChart(
    val title: String,
    val weeks: List<MoodWeek>,
    val accessibilityText: String,
    val yMin: Int = CoreScales.moodMin,
    val yMax: Int = CoreScales.moodMax,
)

/** The cycle-days chart: a line with gaps and its [trend] (null under two weeks with data). */
data class CycleChart(
    val title: String,
    val weeks: List<CycleWeek>,
    val trend: TrendEnds?,
    val accessibilityText: String,
    val yMin: Int = CoreScales.daysMin,
    val yMax: Int = CoreScales.daysMax,
)

/** Everything the week view draws: the three charts, the findings, and the current week in numbers. */
data class WeekView(
    val moves: MovesChart,
    val mood: MoodChart,
    val cycle: CycleChart,
    val findings: List<Finding>,
    val week: WeekSummary,
) {
    /** Builds the view. */
    companion object {
        /** Finding kinds spoken after the moves chart's description. */
        val MOVES_KINDS: Set<FindingKind> = setOf(FindingKind.ROLES)

        /** Finding kinds spoken after the mood chart's description. */
        val MOOD_KINDS: Set<FindingKind> = setOf(FindingKind.MOOD)

        /** Finding kinds spoken after the cycle chart's description. */
        val CYCLE_KINDS: Set<FindingKind> =
            setOf(FindingKind.CYCLE_DAYS, FindingKind.INTENSITY, FindingKind.REPAIR, FindingKind.SKILLS)

        /** The view of [insights] and [week]; bars are named by the core's chart legend. */
        fun from(insights: Insights, week: WeekSummary): WeekView {
            val points = insights.pattern.points
            val charts = insights.charts
            val names = charts.movesLegend
            fun findings(kinds: Set<FindingKind>) = insights.findings.filter { it.kind in kinds }

            val moves = points.map { p ->
                val me = p.myMoves?.let { m ->
                    listOf(
                        Triple(Move.PURSUED, names.pursued, m.pursued),
                        Triple(Move.WITHDREW, names.withdrew, m.withdrew),
                        Triple(Move.BOTH, names.both, m.both),
                        Triple(Move.NEITHER, names.neither, m.neither),
                    ).map { (move, name, days) -> BarSegment(move, name, days.toInt()) }
                }
                val partner = p.partnerMoves?.let { m ->
                    listOf(
                        Triple(PartnerMove.PURSUED, names.pursued, m.pursued),
                        Triple(PartnerMove.WITHDREW, names.withdrew, m.withdrew),
                        Triple(PartnerMove.BOTH, names.both, m.both),
                        Triple(PartnerMove.NEITHER, names.neither, m.neither),
                        Triple(PartnerMove.UNKNOWN, names.unknown, m.unknown),
                    ).map { (move, name, days) -> BarSegment(move, name, days.toInt()) }
                }
                MovesWeek(p.weekStart, DateLabels.day(p.weekStart), me, partner)
            }
            val trend = charts.cycleTrend?.let { line ->
                // The core clamps the ends to the days axis.
                val ends = trendEnds(line.intercept, line.slope, points.size.toUInt())
                TrendEnds(firstValue = ends.first, lastIndex = (points.size - 1).coerceAtLeast(0), lastValue = ends.last)
            }
            return WeekView(
                moves = MovesChart(
                    title = charts.moves.title,
                    weeks = moves,
                    accessibilityText = spoken(charts.moves.description, findings(MOVES_KINDS)),
                ),
                mood = MoodChart(
                    title = charts.mood.title,
                    weeks = points.map { MoodWeek(it.weekStart, DateLabels.day(it.weekStart), it.mood) },
                    accessibilityText = spoken(charts.mood.description, findings(MOOD_KINDS)),
                ),
                cycle = CycleChart(
                    title = charts.cycle.title,
                    weeks = points.map { CycleWeek(it.weekStart, DateLabels.day(it.weekStart), it.cycleDays?.toInt()) },
                    trend = trend,
                    accessibilityText = spoken(charts.cycle.description, findings(CYCLE_KINDS)),
                ),
                findings = insights.findings,
                week = week,
            )
        }

        private fun spoken(description: String, findings: List<Finding>): String =
            (listOf(description) + findings.map { it.text }).joinToString(" ")
    }
}

/** What the week screen shows: the [view] once loaded, the last day and week count it covers, and progress. */
data class WeekViewState(
    val view: WeekView? = null,
    val lastDay: LocalDate? = null,
    val weeks: Int = 0,
    val loading: Boolean = false,
    val message: String? = null,
)

/** Loads the week view from [journal] for [weeks] weeks; core calls on [dispatcher]. */
class WeekViewHolder(
    private val journal: Journal,
    private val dispatcher: CoroutineDispatcher,
    val weeks: Int = DEFAULT_WEEKS,
) {
    private val mutable = MutableStateFlow(WeekViewState(weeks = weeks))

    /** The current view and progress. */
    val state: StateFlow<WeekViewState> = mutable.asStateFlow()

    /** Loads the weeks ending with the journal's today's week. */
    suspend fun loadToday() {
        loading {
            when (val today = attempt(dispatcher) { journal.today() }) {
                is Outcome.Done -> load(today.value)
                is Outcome.Failed -> mutable.value = mutable.value.copy(loading = false, message = today.message)
            }
        }
    }

    /** Loads the [weeks] weeks ending with the week holding [lastDay]. */
    suspend fun load(lastDay: LocalDate) {
        loading {
            val loaded = attempt(dispatcher) {
                WeekView.from(journal.insights(lastDay, weeks.toUInt()), journal.weekSummary(lastDay))
            }
            mutable.value = when (loaded) {
                is Outcome.Done -> WeekViewState(view = loaded.value, lastDay = lastDay, weeks = weeks)
                is Outcome.Failed -> mutable.value.copy(loading = false, message = loaded.message)
            }
        }
    }

    private suspend fun loading(block: suspend () -> Unit) {
        mutable.inProgress({ copy(loading = true, message = null) }, { copy(loading = false) }, block)
    }

    /** Defaults. */
    companion object {
        /** The core's default: the summary's default range, and enough to see a trend. */
        val DEFAULT_WEEKS: Int = CoreScales.defaultWeeks
    }
}

/** The core's scales and chart axes, read once: the model restates none of them. */
object CoreScales {
    private val scales = scales()

    /** The days axis, from. */
    val daysMin: Int = scales.daysAxisMin.toInt()

    /** The days axis, to. */
    val daysMax: Int = scales.daysAxisMax.toInt()

    /** The mood axis, from. */
    val moodMin: Int = scales.moodAxisMin.toInt()

    /** The mood axis, to. */
    val moodMax: Int = scales.moodAxisMax.toInt()

    /** Weeks the charts show unless asked otherwise. */
    val defaultWeeks: Int = scales.defaultWeeks.toInt()
}
