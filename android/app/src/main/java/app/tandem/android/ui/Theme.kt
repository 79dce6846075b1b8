// Colours and type: calm, high-contrast, the same in light and dark, plus
// the chart colours (one per move) that the legends name in words.
package app.tandem.android.ui

import androidx.compose.foundation.isSystemInDarkTheme
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.darkColorScheme
import androidx.compose.material3.lightColorScheme
import androidx.compose.runtime.Composable
import androidx.compose.runtime.CompositionLocalProvider
import androidx.compose.runtime.Immutable
import androidx.compose.runtime.staticCompositionLocalOf
import androidx.compose.ui.graphics.Color

private val LightColors = lightColorScheme(
    primary = Color(0xFF2F5D62),
    onPrimary = Color(0xFFFFFFFF),
    primaryContainer = Color(0xFFB9E3E6),
    onPrimaryContainer = Color(0xFF002023),
    secondary = Color(0xFF8A5A44),
    onSecondary = Color(0xFFFFFFFF),
    secondaryContainer = Color(0xFFFFDBCC),
    onSecondaryContainer = Color(0xFF341100),
    background = Color(0xFFFBF8F4),
    onBackground = Color(0xFF1C1B19),
    surface = Color(0xFFFBF8F4),
    onSurface = Color(0xFF1C1B19),
    surfaceVariant = Color(0xFFE4E2DC),
    onSurfaceVariant = Color(0xFF46473F),
    outline = Color(0xFF6F7068),
    error = Color(0xFFB3261E),
    onError = Color(0xFFFFFFFF),
    errorContainer = Color(0xFFF9DEDC),
    onErrorContainer = Color(0xFF410E0B),
)

private val DarkColors = darkColorScheme(
    primary = Color(0xFF9DCDD1),
    onPrimary = Color(0xFF00363A),
    primaryContainer = Color(0xFF154B50),
    onPrimaryContainer = Color(0xFFB9E3E6),
    secondary = Color(0xFFFFB596),
    onSecondary = Color(0xFF522312),
    secondaryContainer = Color(0xFF6E3A25),
    onSecondaryContainer = Color(0xFFFFDBCC),
    background = Color(0xFF161A1C),
    onBackground = Color(0xFFE4E2DD),
    surface = Color(0xFF161A1C),
    onSurface = Color(0xFFE4E2DD),
    surfaceVariant = Color(0xFF46473F),
    onSurfaceVariant = Color(0xFFC7C7BE),
    outline = Color(0xFF909189),
    error = Color(0xFFF2B8B5),
    onError = Color(0xFF601410),
    errorContainer = Color(0xFF8C1D18),
    onErrorContainer = Color(0xFFF9DEDC),
)

/** The colours of the week charts; each is named in its chart's legend, never the only cue. */
@Immutable
data class ChartColors(
    val pursued: Color,
    val withdrew: Color,
    val both: Color,
    val neither: Color,
    val unknown: Color,
    val line: Color,
    val trend: Color,
    val grid: Color,
    val axisText: Color,
)

private val LightChartColors = ChartColors(
    pursued = Color(0xFFC2562B),
    withdrew = Color(0xFF2E6DA4),
    both = Color(0xFF7B4FA0),
    neither = Color(0xFF6E8F5E),
    unknown = Color(0xFFA7A7A0),
    line = Color(0xFF2F5D62),
    trend = Color(0xFF8A5A44),
    grid = Color(0xFFD6D4CE),
    axisText = Color(0xFF46473F),
)

private val DarkChartColors = ChartColors(
    pursued = Color(0xFFF08A5D),
    withdrew = Color(0xFF7DB3E8),
    both = Color(0xFFC3A0E6),
    neither = Color(0xFFA6C995),
    unknown = Color(0xFF8E8E88),
    line = Color(0xFF9DCDD1),
    trend = Color(0xFFFFB596),
    grid = Color(0xFF3A3D3F),
    axisText = Color(0xFFC7C7BE),
)

/** The chart colours of the current theme. */
val LocalChartColors = staticCompositionLocalOf { LightChartColors }

/** Tandem's Material 3 theme, light or dark with the system. */
@Composable
fun TandemTheme(dark: Boolean = isSystemInDarkTheme(), content: @Composable () -> Unit) {
    CompositionLocalProvider(
        LocalChartColors provides if (dark) DarkChartColors else LightChartColors,
    ) {
        MaterialTheme(
            colorScheme = if (dark) DarkColors else LightColors,
            content = content,
        )
    }
}
