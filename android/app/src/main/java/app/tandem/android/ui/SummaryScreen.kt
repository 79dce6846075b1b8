// The summary for a therapist: choose the range and the sections, see the
// document the core makes, then print it (or save it as a PDF) or hand it to
// the share sheet. Nothing leaves the phone before the user does one of those.
package app.tandem.android.ui

import android.content.ActivityNotFoundException
import android.webkit.WebView
import androidx.activity.compose.BackHandler
import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.ExperimentalLayoutApi
import androidx.compose.foundation.layout.FlowRow
import androidx.compose.foundation.layout.Row
import androidx.compose.foundation.layout.Spacer
import androidx.compose.foundation.layout.fillMaxSize
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.heightIn
import androidx.compose.foundation.layout.padding
import androidx.compose.foundation.layout.width
import androidx.compose.foundation.selection.toggleable
import androidx.compose.material3.Button
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.OutlinedButton
import androidx.compose.material3.Switch
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.runtime.getValue
import androidx.compose.runtime.mutableStateOf
import androidx.compose.runtime.remember
import androidx.compose.runtime.rememberCoroutineScope
import androidx.compose.runtime.saveable.rememberSaveable
import androidx.compose.runtime.setValue
import androidx.compose.ui.Alignment
import androidx.compose.ui.Modifier
import androidx.compose.ui.platform.LocalContext
import androidx.compose.ui.res.stringResource
import androidx.compose.ui.semantics.Role
import androidx.compose.ui.unit.dp
import androidx.compose.ui.viewinterop.AndroidView
import androidx.lifecycle.ViewModel
import androidx.lifecycle.compose.collectAsStateWithLifecycle
import androidx.lifecycle.viewModelScope
import androidx.lifecycle.viewmodel.compose.viewModel
import app.tandem.android.R
import app.tandem.android.model.DateLabels
import app.tandem.android.model.SummaryHolder
import app.tandem.android.model.SummaryRequest
import app.tandem.android.model.SummaryState
import app.tandem.android.platform.SummaryPrinter
import app.tandem.android.platform.fileMessageFor
import app.tandem.android.platform.findFragmentActivity
import app.tandem.core.Journal
import kotlinx.coroutines.CancellationException
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.launch
import kotlinx.coroutines.withContext

/** Wraps the model's [SummaryHolder]. */
class SummaryViewModel(journal: Journal) : ViewModel() {
    private val holder = SummaryHolder(journal, Dispatchers.IO)

    /** The request, the document once made, and progress. */
    val state: StateFlow<SummaryState> = holder.state

    init {
        viewModelScope.launch { holder.load() }
    }

    /** Changes the request (the document made before is dropped). */
    fun edit(change: (SummaryRequest) -> SummaryRequest) = holder.edit(change)

    /** Has the core make the document. */
    fun produce() {
        viewModelScope.launch { holder.produce() }
    }
}

/** Which end of the range a date picker sets. */
private enum class RangeEnd { From, To }

/** The share-summary page: the request form, then the preview. */
@Composable
fun SummaryRoute(journal: Journal, onBack: () -> Unit) {
    val vm: SummaryViewModel = viewModel(key = "summary-${System.identityHashCode(journal)}") { SummaryViewModel(journal) }
    val state by vm.state.collectAsStateWithLifecycle()
    var previewing by rememberSaveable { mutableStateOf(false) }
    val html = state.html
    val request = state.request

    BackHandler(enabled = previewing) { previewing = false }

    if (previewing && html != null && request != null) {
        SummaryPreview(html = html, request = request, onBack = { previewing = false })
    } else {
        SummaryForm(
            state = state,
            onBack = onBack,
            onEdit = vm::edit,
            onPreview = {
                previewing = true
                if (html == null) vm.produce()
            },
        )
    }
}

@Composable
private fun SummaryForm(
    state: SummaryState,
    onBack: () -> Unit,
    onEdit: ((SummaryRequest) -> SummaryRequest) -> Unit,
    onPreview: () -> Unit,
) {
    var picking by remember { mutableStateOf<RangeEnd?>(null) }
    val request = state.request

    ScreenColumn {
        ScreenTitle(stringResource(R.string.summary_title), onBack = onBack)
        Hint(stringResource(R.string.summary_intro))
        if (request == null) {
            if (state.busy) Loading()
            state.message?.let { MessageCard(it) }
        } else {
            SectionTitle(stringResource(R.string.summary_range))
            RangeButton(stringResource(R.string.summary_from, DateLabels.weekday(request.range.from))) { picking = RangeEnd.From }
            RangeButton(stringResource(R.string.summary_to, DateLabels.weekday(request.range.to))) { picking = RangeEnd.To }

            SectionTitle(stringResource(R.string.summary_sections))
            Column {
                request.switches.forEach { switch ->
                    Row(
                        modifier = Modifier
                            .fillMaxWidth()
                            .heightIn(min = MinTouch)
                            .toggleable(
                                value = switch.on,
                                role = Role.Switch,
                                onValueChange = { onEdit { it.toggle(switch.section) } },
                            )
                            .padding(vertical = 4.dp),
                        verticalAlignment = Alignment.CenterVertically,
                    ) {
                        Text(switch.title, style = MaterialTheme.typography.bodyLarge, modifier = Modifier.weight(1f))
                        Spacer(Modifier.width(12.dp))
                        Switch(checked = switch.on, onCheckedChange = null)
                    }
                }
            }
            Hint(stringResource(R.string.summary_private_hint))
            state.message?.let { MessageCard(it) }
            PrimaryButton(
                text = stringResource(R.string.summary_preview),
                enabled = request.canProduce,
                busy = state.busy,
                onClick = onPreview,
            )
        }
    }

    val end = picking
    if (end != null && request != null) {
        DayPickerDialog(
            initial = if (end == RangeEnd.From) request.range.from else request.range.to,
            latest = null,
            onPick = { day ->
                picking = null
                onEdit {
                    if (end == RangeEnd.From) it.withRange(day, it.range.to) else it.withRange(it.range.from, day)
                }
            },
            onDismiss = { picking = null },
        )
    }
}

@Composable
private fun RangeButton(text: String, onClick: () -> Unit) {
    OutlinedButton(
        onClick = onClick,
        modifier = Modifier
            .fillMaxWidth()
            .heightIn(min = MinTouch),
    ) { Text(text) }
}

/** Holds the preview's WebView for the print button; not state, nothing recomposes on it. */
private class WebViewRef {
    var view: WebView? = null
}

@OptIn(ExperimentalLayoutApi::class)
@Composable
private fun SummaryPreview(html: String, request: SummaryRequest, onBack: () -> Unit) {
    val context = LocalContext.current
    val scope = rememberCoroutineScope()
    val ref = remember { WebViewRef() }
    var message by remember { mutableStateOf<String?>(null) }
    val rangeText = DateLabels.range(request.range.from, request.range.to)
    val jobName = stringResource(R.string.summary_job_name, rangeText)
    val chooserTitle = stringResource(R.string.summary_share_chooser)
    val noApp = stringResource(R.string.summary_no_app)

    Column(
        modifier = Modifier
            .fillMaxSize()
            .padding(16.dp),
        verticalArrangement = Arrangement.spacedBy(12.dp),
    ) {
        ScreenTitle(stringResource(R.string.summary_preview_title), onBack = onBack)
        FlowRow(
            modifier = Modifier.fillMaxWidth(),
            horizontalArrangement = Arrangement.spacedBy(8.dp),
            verticalArrangement = Arrangement.spacedBy(8.dp),
        ) {
            Button(
                onClick = {
                    val view = ref.view ?: return@Button
                    SummaryPrinter.print(context.findFragmentActivity() ?: context, view, jobName)
                },
                modifier = Modifier.heightIn(min = MinTouch),
            ) { Text(stringResource(R.string.summary_print)) }
            OutlinedButton(
                onClick = {
                    scope.launch {
                        message = try {
                            val intent = withContext(Dispatchers.IO) {
                                SummaryPrinter.shareIntent(context, html, chooserTitle, request.range.from to request.range.to)
                            }
                            context.startActivity(intent)
                            null
                        } catch (e: CancellationException) {
                            throw e
                        } catch (_: ActivityNotFoundException) {
                            noApp
                        } catch (e: Exception) {
                            fileMessageFor(e)
                        }
                    }
                },
                modifier = Modifier.heightIn(min = MinTouch),
            ) { Text(stringResource(R.string.summary_share)) }
        }
        Hint(stringResource(R.string.summary_pdf_hint))
        message?.let { MessageCard(it, onDismiss = { message = null }) }
        AndroidView(
            factory = { ctx -> SummaryPrinter.previewWebView(ctx).also { ref.view = it } },
            update = { view ->
                // Load only when the document changed, not on every recomposition.
                if (view.tag !== html) {
                    view.tag = html
                    SummaryPrinter.load(view, html)
                }
            },
            onRelease = { view ->
                ref.view = null
                view.destroy()
            },
            modifier = Modifier
                .fillMaxWidth()
                .weight(1f),
        )
    }
}
