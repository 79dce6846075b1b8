// The week view: this week in numbers, then three charts drawn with a
// Compose Canvas from the core's series (moves as stacked bars, mood as a
// line with gaps, cycle days with their dashed trend), then the findings.
// Each chart's TalkBack text is the core's description plus its findings.
package app.tandem.android.ui

import androidx.compose.foundation.Canvas
import androidx.compose.foundation.background
import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Box
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.ExperimentalLayoutApi
import androidx.compose.foundation.layout.FlowRow
import androidx.compose.foundation.layout.Row
import androidx.compose.foundation.layout.Spacer
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.height
import androidx.compose.foundation.layout.heightIn
import androidx.compose.foundation.layout.padding
import androidx.compose.foundation.layout.size
import androidx.compose.foundation.layout.width
import androidx.compose.foundation.shape.RoundedCornerShape
import androidx.compose.material3.Card
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.OutlinedButton
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.runtime.LaunchedEffect
import androidx.compose.runtime.getValue
import androidx.compose.ui.Alignment
import androidx.compose.ui.Modifier
import androidx.compose.ui.geometry.Offset
import androidx.compose.ui.geometry.Size
import androidx.compose.ui.graphics.Color
import androidx.compose.ui.graphics.Path
import androidx.compose.ui.graphics.PathEffect
import androidx.compose.ui.graphics.StrokeCap
import androidx.compose.ui.graphics.StrokeJoin
import androidx.compose.ui.graphics.drawscope.DrawScope
import androidx.compose.ui.graphics.drawscope.Stroke
import androidx.compose.ui.res.stringResource
import androidx.compose.ui.semantics.clearAndSetSemantics
import androidx.compose.ui.semantics.contentDescription
import androidx.compose.ui.semantics.semantics
import androidx.compose.ui.text.TextStyle
import androidx.compose.ui.text.drawText
import androidx.compose.ui.text.rememberTextMeasurer
import androidx.compose.ui.unit.dp
import androidx.lifecycle.ViewModel
import androidx.lifecycle.compose.collectAsStateWithLifecycle
import androidx.lifecycle.viewModelScope
import androidx.lifecycle.viewmodel.compose.viewModel
import app.tandem.android.R
import app.tandem.android.model.BarSegment
import app.tandem.android.model.CycleChart
import app.tandem.android.model.DateLabels
import app.tandem.android.model.MoodChart
import app.tandem.android.model.MovesChart
import app.tandem.android.model.WeekViewHolder
import app.tandem.android.model.WeekViewState
import app.tandem.core.Finding
import app.tandem.core.Journal
import app.tandem.core.Move
import app.tandem.core.PartnerMove
import app.tandem.core.WeekSummary
import java.time.LocalDate
import java.util.Locale
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.launch

/** Wraps the model's [WeekViewHolder]. */
class WeekViewModel(journal: Journal) : ViewModel() {
    private val holder = WeekViewHolder(journal, Dispatchers.IO)

    /** The view and progress. */
    val state: StateFlow<WeekViewState> = holder.state

    /** Loads the weeks ending with this one (again, after a check-in elsewhere). */
    fun refresh() {
        viewModelScope.launch { holder.loadToday() }
    }
}

/** The week view. */
@Composable
fun WeekRoute(journal: Journal, onReflect: (LocalDate) -> Unit, onShare: () -> Unit) {
    val vm: WeekViewModel = viewModel(key = "week-${System.identityHashCode(journal)}") { WeekViewModel(journal) }
    val state by vm.state.collectAsStateWithLifecycle()
    // Each visit reads the journal afresh: a check-in may have been saved since.
    LaunchedEffect(Unit) { vm.refresh() }

    ScreenColumn {
        ScreenTitle(stringResource(R.string.week_title))
        val view = state.view
        if (view == null) {
            if (state.loading) Loading()
            state.message?.let { MessageCard(it) }
        } else {
            state.message?.let { MessageCard(it) }
            WeekNumbers(view.week)
            WeekActions(onReflect = { onReflect(state.lastDay ?: view.week.weekStart) }, onShare = onShare)
            ChartCard(title = view.moves.title) { MovesChartView(view.moves) }
            ChartCard(title = view.mood.title) { MoodChartView(view.mood) }
            ChartCard(title = view.cycle.title) { CycleChartView(view.cycle) }
            Findings(view.findings)
        }
    }
}

@Composable
private fun WeekNumbers(week: WeekSummary) {
    Card(Modifier.fillMaxWidth()) {
        Column(Modifier.padding(16.dp), verticalArrangement = Arrangement.spacedBy(8.dp)) {
            SectionTitle(
                stringResource(R.string.week_this_week, DateLabels.range(week.weekStart, week.weekStart.plusDays(6))),
            )
            NumberRow(stringResource(R.string.week_days_logged), stringResource(R.string.week_days_of_seven, week.daysLogged.toInt()))
            NumberRow(stringResource(R.string.week_cycle_days), week.cycleDays.toString())
            NumberRow(stringResource(R.string.week_mood_average), week.moodAverage?.let(::oneDecimal) ?: stringResource(R.string.none_yet))
            NumberRow(
                stringResource(R.string.week_intensity_average),
                week.intensityAverage?.let(::oneDecimal) ?: stringResource(R.string.none_yet),
            )
        }
    }
}

@Composable
private fun NumberRow(label: String, value: String) {
    // One line of text for TalkBack: "Cycle days: 2".
    Row(
        modifier = Modifier
            .fillMaxWidth()
            .semantics(mergeDescendants = true) {},
        verticalAlignment = Alignment.CenterVertically,
    ) {
        Text(label, style = MaterialTheme.typography.bodyLarge, modifier = Modifier.weight(1f))
        Spacer(Modifier.width(12.dp))
        Text(value, style = MaterialTheme.typography.titleMedium)
    }
}

@OptIn(ExperimentalLayoutApi::class)
@Composable
private fun WeekActions(onReflect: () -> Unit, onShare: () -> Unit) {
    FlowRow(
        modifier = Modifier.fillMaxWidth(),
        horizontalArrangement = Arrangement.spacedBy(8.dp),
        verticalArrangement = Arrangement.spacedBy(8.dp),
    ) {
        OutlinedButton(onClick = onReflect, modifier = Modifier.heightIn(min = MinTouch)) {
            Text(stringResource(R.string.week_reflect))
        }
        OutlinedButton(onClick = onShare, modifier = Modifier.heightIn(min = MinTouch)) {
            Text(stringResource(R.string.week_share))
        }
    }
}

@Composable
private fun ChartCard(title: String, content: @Composable () -> Unit) {
    Card(Modifier.fillMaxWidth()) {
        Column(Modifier.padding(16.dp), verticalArrangement = Arrangement.spacedBy(12.dp)) {
            SectionTitle(title)
            content()
        }
    }
}

@Composable
private fun Findings(findings: List<Finding>) {
    if (findings.isEmpty()) return
    Column(verticalArrangement = Arrangement.spacedBy(8.dp)) {
        SectionTitle(stringResource(R.string.week_findings))
        findings.forEach { finding ->
            Row {
                Text("•", style = MaterialTheme.typography.bodyLarge, modifier = Modifier.clearAndSetSemantics {})
                Spacer(Modifier.width(8.dp))
                Text(finding.text, style = MaterialTheme.typography.bodyLarge)
            }
        }
    }
}

// ---- Charts -------------------------------------------------------------

/** Where a chart's data area lies on the canvas, and how values map onto it. */
private class Plot(
    val left: Float,
    val top: Float,
    val right: Float,
    val bottom: Float,
    private val yMin: Float,
    private val yMax: Float,
    private val count: Int,
) {
    val height: Float get() = bottom - top

    /** The width given to one week. */
    val slot: Float get() = (right - left) / count.coerceAtLeast(1)

    /** The centre of week [index]. */
    fun x(index: Int): Float = left + slot * (index + 0.5f)

    /** The height of [value] on the y axis. */
    fun y(value: Double): Float = bottom - ((value.toFloat() - yMin) / (yMax - yMin)) * height

    /** The length of [span] units of the y axis. */
    fun span(span: Float): Float = span / (yMax - yMin) * height
}

/**
 * The frame every chart shares: y gridlines with their values, week labels
 * under the first, middle and last week (more would crowd at large font
 * sizes), and [description] as the canvas's TalkBack text.
 */
@Composable
private fun ChartCanvas(
    description: String,
    yMin: Int,
    yMax: Int,
    yTicks: List<Int>,
    weekLabels: List<String>,
    draw: DrawScope.(Plot) -> Unit,
) {
    val colors = LocalChartColors.current
    val measurer = rememberTextMeasurer()
    val labelStyle: TextStyle = MaterialTheme.typography.labelMedium.copy(color = colors.axisText)
    Canvas(
        modifier = Modifier
            .fillMaxWidth()
            .height(220.dp)
            .semantics { contentDescription = description },
    ) {
        val gap = 4.dp.toPx()
        val ticks = yTicks.map { it to measurer.measure(it.toString(), labelStyle) }
        val axisWidth = (ticks.maxOfOrNull { it.second.size.width } ?: 0) + 2 * gap
        val labelled = listOf(0, weekLabels.size / 2, weekLabels.size - 1).filter { it in weekLabels.indices }.distinct()
        val labels = labelled.map { it to measurer.measure(weekLabels[it], labelStyle) }
        val labelHeight = labels.maxOfOrNull { it.second.size.height } ?: 0
        val tickHalf = (ticks.firstOrNull()?.second?.size?.height ?: 0) / 2f
        val plot = Plot(
            left = axisWidth,
            top = tickHalf,
            right = size.width - gap,
            bottom = size.height - labelHeight - 2 * gap,
            yMin = yMin.toFloat(),
            yMax = yMax.toFloat(),
            count = weekLabels.size,
        )
        ticks.forEach { (value, layout) ->
            val y = plot.y(value.toDouble())
            drawLine(colors.grid, Offset(plot.left, y), Offset(plot.right, y), strokeWidth = 1.dp.toPx())
            drawText(layout, topLeft = Offset(plot.left - gap - layout.size.width, y - layout.size.height / 2f))
        }
        labels.forEach { (index, layout) ->
            val x = (plot.x(index) - layout.size.width / 2f)
                .coerceIn(plot.left, (size.width - layout.size.width).coerceAtLeast(plot.left))
            drawText(layout, topLeft = Offset(x, plot.bottom + gap))
        }
        draw(plot)
    }
}

/** A colour square and the words it stands for. */
@Composable
private fun LegendItem(color: Color, label: String) {
    Row(verticalAlignment = Alignment.CenterVertically) {
        Box(
            Modifier
                .size(14.dp)
                .background(color, RoundedCornerShape(3.dp)),
        )
        Spacer(Modifier.width(8.dp))
        Text(label, style = MaterialTheme.typography.bodyMedium)
    }
}

@OptIn(ExperimentalLayoutApi::class)
@Composable
private fun Legend(items: List<Pair<Color, String>>) {
    FlowRow(
        modifier = Modifier.fillMaxWidth(),
        horizontalArrangement = Arrangement.spacedBy(16.dp),
        verticalArrangement = Arrangement.spacedBy(6.dp),
    ) {
        items.forEach { (color, label) -> LegendItem(color, label) }
    }
}

private fun ChartColors.of(move: Move): Color = when (move) {
    Move.PURSUED -> pursued
    Move.WITHDREW -> withdrew
    Move.BOTH -> both
    Move.NEITHER -> neither
}

private fun ChartColors.of(move: PartnerMove): Color = when (move) {
    PartnerMove.PURSUED -> pursued
    PartnerMove.WITHDREW -> withdrew
    PartnerMove.BOTH -> both
    PartnerMove.NEITHER -> neither
    PartnerMove.UNKNOWN -> unknown
}

/** My partner's bar is the same colours, lighter, beside mine. */
private const val PARTNER_ALPHA = 0.55f

@Composable
private fun MovesChartView(chart: MovesChart) {
    val colors = LocalChartColors.current
    ChartCanvas(
        description = chart.accessibilityText,
        yMin = chart.yMin,
        yMax = chart.yMax,
        yTicks = listOf(chart.yMin, chart.yMax),
        weekLabels = chart.weeks.map { it.label },
    ) { plot ->
        val barWidth = plot.slot * 0.36f
        val between = plot.slot * 0.06f
        chart.weeks.forEachIndexed { index, week ->
            val centre = plot.x(index)
            week.me?.let { segments ->
                drawStack(plot, centre - between / 2 - barWidth, barWidth, segments.map { colors.of(it.value) to it.days }, 1f)
            }
            week.partner?.let { segments ->
                drawStack(plot, centre + between / 2, barWidth, segments.map { colors.of(it.value) to it.days }, PARTNER_ALPHA)
            }
            if (week.me == null && week.partner == null) drawGap(plot, centre, colors.grid)
        }
    }
    val mine = chart.weeks.firstNotNullOfOrNull { it.me }
    val theirs = chart.weeks.firstNotNullOfOrNull { it.partner }
    if (mine != null || theirs != null) {
        Hint(stringResource(R.string.week_moves_bars))
        mine?.let { segments ->
            Text(stringResource(R.string.week_moves_me), style = MaterialTheme.typography.labelLarge)
            Legend(segments.map { seg: BarSegment<Move> -> colors.of(seg.value) to seg.label })
        }
        theirs?.let { segments ->
            Text(stringResource(R.string.week_moves_partner), style = MaterialTheme.typography.labelLarge)
            Legend(segments.map { seg: BarSegment<PartnerMove> -> colors.of(seg.value).copy(alpha = PARTNER_ALPHA) to seg.label })
        }
    }
}

@Composable
private fun MoodChartView(chart: MoodChart) {
    val colors = LocalChartColors.current
    ChartCanvas(
        description = chart.accessibilityText,
        yMin = chart.yMin,
        yMax = chart.yMax,
        yTicks = (chart.yMin..chart.yMax).toList(),
        weekLabels = chart.weeks.map { it.label },
    ) { plot ->
        // A week without check-ins breaks the line: no line is drawn across a gap.
        val line = Path()
        var drawing = false
        chart.weeks.forEachIndexed { index, week ->
            val mood = week.mood
            if (mood == null) {
                drawing = false
                drawGap(plot, plot.x(index), colors.grid)
            } else {
                val x = plot.x(index)
                val y = plot.y(mood)
                if (drawing) line.lineTo(x, y) else line.moveTo(x, y)
                drawing = true
            }
        }
        drawPath(line, colors.line, style = Stroke(width = 3.dp.toPx(), cap = StrokeCap.Round, join = StrokeJoin.Round))
        chart.weeks.forEachIndexed { index, week ->
            week.mood?.let { drawCircle(colors.line, radius = 4.5.dp.toPx(), center = Offset(plot.x(index), plot.y(it))) }
        }
    }
}

@Composable
private fun CycleChartView(chart: CycleChart) {
    val colors = LocalChartColors.current
    ChartCanvas(
        description = chart.accessibilityText,
        yMin = chart.yMin,
        yMax = chart.yMax,
        yTicks = listOf(chart.yMin, chart.yMax),
        weekLabels = chart.weeks.map { it.label },
    ) { plot ->
        val barWidth = plot.slot * 0.5f
        chart.weeks.forEachIndexed { index, week ->
            val days = week.days
            if (days == null) {
                drawGap(plot, plot.x(index), colors.grid)
            } else if (days > 0) {
                val height = plot.span(days.toFloat())
                drawRect(
                    color = colors.both,
                    topLeft = Offset(plot.x(index) - barWidth / 2, plot.bottom - height),
                    size = Size(barWidth, height),
                )
            }
        }
        chart.trend?.let { trend ->
            val dash = 8.dp.toPx()
            drawLine(
                color = colors.trend,
                start = Offset(plot.x(0), plot.y(trend.firstValue)),
                end = Offset(plot.x(trend.lastIndex), plot.y(trend.lastValue)),
                strokeWidth = 2.5.dp.toPx(),
                cap = StrokeCap.Round,
                pathEffect = PathEffect.dashPathEffect(floatArrayOf(dash, dash * 0.75f)),
            )
        }
    }
    val items = buildList {
        add(colors.both to stringResource(R.string.week_cycle_bars))
        if (chart.trend != null) add(colors.trend to stringResource(R.string.week_cycle_trend))
    }
    Legend(items)
}

/** Stacks [segments] (colour, days) from the x axis up, in order. */
private fun DrawScope.drawStack(plot: Plot, left: Float, width: Float, segments: List<Pair<Color, Int>>, alpha: Float) {
    var top = plot.bottom
    segments.forEach { (color, days) ->
        if (days > 0) {
            val height = plot.span(days.toFloat())
            drawRect(color = color, topLeft = Offset(left, top - height), size = Size(width, height), alpha = alpha)
            top -= height
        }
    }
}

/** A short mark on the x axis where a week has no check-ins. */
private fun DrawScope.drawGap(plot: Plot, centre: Float, color: Color) {
    val half = (plot.slot * 0.2f).coerceAtMost(6.dp.toPx())
    drawLine(color, Offset(centre - half, plot.bottom), Offset(centre + half, plot.bottom), strokeWidth = 3.dp.toPx())
}

private fun oneDecimal(value: Double): String = String.format(Locale.ENGLISH, "%.1f", value)
