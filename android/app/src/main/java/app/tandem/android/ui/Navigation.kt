// The app's screens and how they connect. The session decides the gate:
// no journal -> first run, locked -> unlock, unlocked -> the four tabs
// (today, week, history, settings) and the pages they open. Every change of
// gate clears the back stack, so no journal screen (or its ViewModel)
// survives a lock.
package app.tandem.android.ui

import androidx.annotation.DrawableRes
import androidx.annotation.StringRes
import androidx.compose.foundation.background
import androidx.compose.foundation.layout.Box
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.Spacer
import androidx.compose.foundation.layout.consumeWindowInsets
import androidx.compose.foundation.layout.fillMaxSize
import androidx.compose.foundation.layout.height
import androidx.compose.foundation.layout.padding
import androidx.compose.material3.CircularProgressIndicator
import androidx.compose.material3.Icon
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.NavigationBar
import androidx.compose.material3.NavigationBarItem
import androidx.compose.material3.Scaffold
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.runtime.LaunchedEffect
import androidx.compose.runtime.getValue
import androidx.compose.runtime.remember
import androidx.compose.ui.Alignment
import androidx.compose.ui.Modifier
import androidx.compose.ui.res.painterResource
import androidx.compose.ui.res.stringResource
import androidx.compose.ui.unit.dp
import androidx.lifecycle.compose.collectAsStateWithLifecycle
import androidx.navigation.NavHostController
import androidx.navigation.NavType
import androidx.navigation.compose.NavHost
import androidx.navigation.compose.composable
import androidx.navigation.compose.currentBackStackEntryAsState
import androidx.navigation.compose.rememberNavController
import androidx.navigation.navArgument
import app.tandem.android.AppGraph
import app.tandem.android.R
import app.tandem.android.model.SessionState
import app.tandem.core.Journal
import java.time.LocalDate

/** The routes of the app. */
object Routes {
    const val FIRST_RUN = "first-run"
    const val UNLOCK = "unlock"
    const val TODAY = "today"
    const val WEEK = "week"
    const val HISTORY = "history"
    const val SETTINGS = "settings"
    const val DAY = "day/{date}"
    const val REFLECTION = "reflection/{date}"
    const val SUMMARY = "summary"

    /** The check-in of [date], to edit. */
    fun day(date: LocalDate): String = "day/$date"

    /** The reflection of the week holding [date]. */
    fun reflection(date: LocalDate): String = "reflection/$date"
}

private data class Tab(val route: String, @StringRes val label: Int, @DrawableRes val icon: Int)

private val Tabs = listOf(
    Tab(Routes.TODAY, R.string.tab_today, R.drawable.ic_nav_today),
    Tab(Routes.WEEK, R.string.tab_week, R.drawable.ic_nav_week),
    Tab(Routes.HISTORY, R.string.tab_history, R.drawable.ic_nav_history),
    Tab(Routes.SETTINGS, R.string.tab_settings, R.drawable.ic_nav_settings),
)

private val GateRoutes = setOf(Routes.FIRST_RUN, Routes.UNLOCK)

private fun gateRoute(state: SessionState): String = when (state) {
    SessionState.NoJournal -> Routes.FIRST_RUN
    is SessionState.Locked -> Routes.UNLOCK
    is SessionState.Unlocked -> Routes.TODAY
}

/** Clears the back stack and shows [route]. */
private fun NavHostController.resetTo(route: String) {
    navigate(route) {
        popUpTo(graph.id) { inclusive = true }
        launchSingleTop = true
    }
}

/** The whole app: the gate, the tabs and the pages. */
@Composable
fun TandemApp(graph: AppGraph) {
    val sessionState by graph.session.state.collectAsStateWithLifecycle()
    val replacing by graph.files.replacing.collectAsStateWithLifecycle()
    val covering by graph.appLock.covering.collectAsStateWithLifecycle()
    val navController = rememberNavController()
    val startRoute = remember { gateRoute(graph.session.state.value) }
    val entry by navController.currentBackStackEntryAsState()
    val route = entry?.destination?.route

    // Follow the session. The first run leaves on its own (it shows the
    // recovery code after the journal is already open), and a restore in
    // progress swaps the file without sending anyone to the lock screen.
    LaunchedEffect(sessionState, replacing) {
        if (replacing) return@LaunchedEffect
        val current = navController.currentDestination?.route
        val target = when (sessionState) {
            SessionState.NoJournal -> Routes.FIRST_RUN
            is SessionState.Locked -> Routes.UNLOCK
            is SessionState.Unlocked -> if (current == Routes.UNLOCK) Routes.TODAY else null
        }
        if (target != null && target != current) navController.resetTo(target)
    }
    // A restored journal is a new journal: start again from today, with no
    // screen (or ViewModel) still holding the old one.
    LaunchedEffect(Unit) {
        graph.files.restored.collect { navController.resetTo(Routes.TODAY) }
    }

    val unlocked = sessionState is SessionState.Unlocked
    // Nothing of the journal shows while a lock is being decided, or in the
    // frame between a lock and the move to the lock screen.
    val hideContent = covering || replacing || (!unlocked && route !in GateRoutes)
    val showTabs = unlocked && route in Tabs.map { it.route } && !hideContent

    Scaffold(
        bottomBar = {
            if (showTabs) {
                NavigationBar {
                    Tabs.forEach { tab ->
                        NavigationBarItem(
                            selected = route == tab.route,
                            onClick = {
                                if (route != tab.route) {
                                    navController.navigate(tab.route) {
                                        popUpTo(Routes.TODAY) { saveState = true }
                                        launchSingleTop = true
                                        restoreState = true
                                    }
                                }
                            },
                            icon = { Icon(painterResource(tab.icon), contentDescription = null) },
                            label = { Text(stringResource(tab.label)) },
                        )
                    }
                }
            }
        },
    ) { padding ->
        Box(
            Modifier
                .fillMaxSize()
                .padding(padding)
                // The bars are padded here: the pages' imePadding adds only
                // what the keyboard covers beyond them, not the bar again.
                .consumeWindowInsets(padding),
        ) {
            NavHost(navController = navController, startDestination = startRoute) {
                composable(Routes.FIRST_RUN) {
                    FirstRunRoute(graph = graph, onDone = { navController.resetTo(Routes.TODAY) })
                }
                composable(Routes.UNLOCK) {
                    UnlockRoute(graph = graph)
                }
                composable(Routes.TODAY) {
                    WithJournal(graph) { journal ->
                        CheckInRoute(
                            journal = journal,
                            date = null,
                            onBack = null,
                            onReflect = { day -> navController.navigate(Routes.reflection(day)) },
                        )
                    }
                }
                composable(Routes.WEEK) {
                    WithJournal(graph) { journal ->
                        WeekRoute(
                            journal = journal,
                            onReflect = { day -> navController.navigate(Routes.reflection(day)) },
                            onShare = { navController.navigate(Routes.SUMMARY) },
                        )
                    }
                }
                composable(Routes.HISTORY) {
                    WithJournal(graph) { journal ->
                        HistoryRoute(
                            journal = journal,
                            onOpenDay = { day -> navController.navigate(Routes.day(day)) },
                            onOpenReflection = { day -> navController.navigate(Routes.reflection(day)) },
                        )
                    }
                }
                composable(Routes.SETTINGS) {
                    WithJournal(graph) { journal ->
                        SettingsRoute(
                            graph = graph,
                            journal = journal,
                            onShare = { navController.navigate(Routes.SUMMARY) },
                        )
                    }
                }
                composable(
                    route = Routes.DAY,
                    arguments = listOf(navArgument("date") { type = NavType.StringType }),
                ) { backStackEntry ->
                    val day = backStackEntry.arguments?.getString("date")?.let(LocalDate::parse)
                    WithJournal(graph) { journal ->
                        CheckInRoute(
                            journal = journal,
                            date = day,
                            onBack = { navController.popBackStack() },
                            onReflect = { d -> navController.navigate(Routes.reflection(d)) },
                        )
                    }
                }
                composable(
                    route = Routes.REFLECTION,
                    arguments = listOf(navArgument("date") { type = NavType.StringType }),
                ) { backStackEntry ->
                    val day = backStackEntry.arguments?.getString("date")?.let(LocalDate::parse)
                    WithJournal(graph) { journal ->
                        ReflectionRoute(journal = journal, day = day, onBack = { navController.popBackStack() })
                    }
                }
                composable(Routes.SUMMARY) {
                    WithJournal(graph) { journal ->
                        SummaryRoute(journal = journal, onBack = { navController.popBackStack() })
                    }
                }
            }
            if (hideContent) {
                Box(
                    Modifier
                        .fillMaxSize()
                        .background(MaterialTheme.colorScheme.background),
                    contentAlignment = Alignment.Center,
                ) {
                    if (replacing) {
                        Column(horizontalAlignment = Alignment.CenterHorizontally) {
                            CircularProgressIndicator()
                            Spacer(Modifier.height(16.dp))
                            StatusLine(stringResource(R.string.restoring))
                        }
                    }
                }
            }
        }
    }
}

/** Shows [content] with the open journal, and nothing while it is locked. */
@Composable
private fun WithJournal(graph: AppGraph, content: @Composable (Journal) -> Unit) {
    val state by graph.session.state.collectAsStateWithLifecycle()
    val journal = (state as? SessionState.Unlocked)?.journal
    if (journal != null) content(journal)
}
