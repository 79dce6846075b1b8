// What the user asks for when sharing a summary with a therapist: a range
// of days and the sections to include. The core builds the document and
// refuses a reversed range with its reason; it would make an empty
// document of no sections, so that is refused here.
package app.tandem.android.model

import app.tandem.core.DateRange
import app.tandem.core.Journal
import app.tandem.core.Section
import app.tandem.core.SectionChoice
import app.tandem.core.summarySections
import java.time.LocalDate
import kotlinx.coroutines.CoroutineDispatcher
import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.flow.asStateFlow

/** One section's switch: the section, its heading from the core, and whether it is on. */
data class SectionSwitch(val section: Section, val title: String, val on: Boolean)

/** The summary asked for: the [range] of days and the [switches] in document order. */
data class SummaryRequest(
    val range: DateRange,
    val switches: List<SectionSwitch>,
) {
    /** The sections switched on, in document order. */
    val sections: List<Section>
        get() = switches.filter { it.on }.map { it.section }

    /** Whether the core would take it: the range runs forwards and a section is on (for the button's state). */
    val canProduce: Boolean
        get() = !range.from.isAfter(range.to) && switches.any { it.on }

    /** The request with [section] switched the other way. */
    fun toggle(section: Section): SummaryRequest =
        copy(switches = switches.map { if (it.section == section) it.copy(on = !it.on) else it })

    /** The request over [from] to [to], both included. */
    fun withRange(from: LocalDate, to: LocalDate): SummaryRequest = copy(range = DateRange(from, to))

    /** Builds requests. */
    companion object {
        /** The request over [range] with each section of [choices] on as its default. */
        fun initial(range: DateRange, choices: List<SectionChoice>): SummaryRequest =
            SummaryRequest(range, choices.map { SectionSwitch(it.value, it.title, it.defaultOn) })
    }
}

/** What the share-summary screen shows: the [request], the [html] once made, and progress. */
data class SummaryState(
    val request: SummaryRequest? = null,
    val html: String? = null,
    val busy: Boolean = false,
    val message: String? = null,
)

/** Holds the summary request and has the core make the document; core calls on [dispatcher]. */
class SummaryHolder(
    private val journal: Journal,
    private val dispatcher: CoroutineDispatcher,
) {
    private val mutable = MutableStateFlow(SummaryState())

    /** The current request, document and progress. */
    val state: StateFlow<SummaryState> = mutable.asStateFlow()

    /** Starts a request over the core's default range with the default sections on. */
    suspend fun load() {
        mutable.inProgress({ copy(busy = true, message = null) }, { copy(busy = false) }) {
            val loaded = attempt(dispatcher) { SummaryRequest.initial(journal.defaultSummaryRange(), summarySections()) }
            mutable.value = when (loaded) {
                is Outcome.Done -> SummaryState(request = loaded.value)
                is Outcome.Failed -> mutable.value.copy(busy = false, message = loaded.message)
            }
        }
    }

    /** Applies [change] to the request; any document made before is dropped, as it no longer matches. */
    fun edit(change: (SummaryRequest) -> SummaryRequest) {
        val now = mutable.value
        val request = now.request ?: return
        mutable.value = now.copy(request = change(request), html = null, message = null)
    }

    /**
     * Has the core make the HTML document of the request. Returns it, or
     * null when refused (a reversed range, no section on) with the message shown.
     */
    suspend fun produce(): String? {
        val now = mutable.value
        val request = now.request ?: return null
        if (now.busy) return null
        if (request.sections.isEmpty()) {
            mutable.value = now.copy(html = null, message = ModelText.NO_SECTION)
            return null
        }
        return mutable.inProgress({ copy(busy = true, html = null, message = null) }, { copy(busy = false) }) {
            when (val made = attempt(dispatcher) { journal.summaryHtml(request.range, request.sections) }) {
                is Outcome.Done -> {
                    mutable.value = mutable.value.copy(busy = false, html = made.value)
                    made.value
                }
                is Outcome.Failed -> {
                    mutable.value = mutable.value.copy(busy = false, message = made.message)
                    null
                }
            }
        }
    }
}
