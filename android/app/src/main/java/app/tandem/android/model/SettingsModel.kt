// The settings screen. The reminder lives in platform preferences, not in
// the journal: it is not journal content, and the reminder must be
// scheduled while the journal is locked. The week start and the
// passphrase live in the journal.
package app.tandem.android.model

import app.tandem.core.Journal
import app.tandem.core.UnlockMethod
import app.tandem.core.WeekStart
import java.time.DayOfWeek
import java.time.LocalTime
import java.time.format.TextStyle
import java.util.Locale
import kotlinx.coroutines.CoroutineDispatcher
import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.flow.asStateFlow

/** The daily reminder: whether it is on and at what local time of day. */
data class ReminderSetting(val on: Boolean = false, val time: LocalTime = DEFAULT_TIME) {
    /** Defaults. */
    companion object {
        /** 20:00: the evening, when the day can be looked back on. */
        val DEFAULT_TIME: LocalTime = LocalTime.of(20, 0)
    }
}

/**
 * Where the platform keeps the reminder setting (Android: SharedPreferences).
 * The platform also (re)schedules or cancels the reminder when it is saved.
 */
interface ReminderPrefs {
    /** The stored setting, or the default when none was saved. */
    fun load(): ReminderSetting

    /** Stores [setting] and schedules the reminder to match. */
    fun save(setting: ReminderSetting)
}

/** Keeps the reminder setting in memory: for previews and tests. */
class InMemoryReminderPrefs(private var setting: ReminderSetting = ReminderSetting()) : ReminderPrefs {
    /** The setting held. */
    override fun load(): ReminderSetting = setting

    /** Holds [setting]. */
    override fun save(setting: ReminderSetting) {
        this.setting = setting
    }
}

/** The day name for a week start, in English ("Monday"), for its picker. */
fun weekStartLabel(weekStart: WeekStart): String = when (weekStart) {
    WeekStart.MONDAY -> DayOfWeek.MONDAY
    WeekStart.SUNDAY -> DayOfWeek.SUNDAY
}.getDisplayName(TextStyle.FULL, Locale.ENGLISH)

/**
 * What the settings screen shows: the [reminder], the journal's [weekStart]
 * (null until loaded), whether a passphrase is set, progress, the last
 * failure's [message], and whether the last change went through ([done]).
 */
data class SettingsState(
    val reminder: ReminderSetting = ReminderSetting(),
    val weekStart: WeekStart? = null,
    val methods: List<UnlockMethod> = emptyList(),
    val busy: Boolean = false,
    val message: String? = null,
    val done: Boolean = false,
) {
    /** Whether the journal has a passphrase (to offer change and remove, or set). */
    val hasPassphrase: Boolean
        get() = UnlockMethod.PASSPHRASE in methods
}

/** The settings of [journal] and of the reminder kept in [prefs]; core calls on [dispatcher]. */
class SettingsModel(
    private val journal: Journal,
    private val prefs: ReminderPrefs,
    private val dispatcher: CoroutineDispatcher,
) {
    private val mutable = MutableStateFlow(SettingsState(reminder = prefs.load()))

    /** The current settings and progress. */
    val state: StateFlow<SettingsState> = mutable.asStateFlow()

    /** Reads the reminder from the preferences and the week start and unlock methods from the journal. */
    suspend fun load() {
        busy {
            val loaded = attempt(dispatcher) { journal.settings().weekStart to journal.unlockMethods() }
            mutable.value = when (loaded) {
                is Outcome.Done -> SettingsState(
                    reminder = prefs.load(),
                    weekStart = loaded.value.first,
                    methods = loaded.value.second,
                )
                is Outcome.Failed -> mutable.value.copy(reminder = prefs.load(), busy = false, message = loaded.message)
            }
        }
    }

    /** Turns the reminder on or off, keeping its time. */
    fun setReminderOn(on: Boolean) {
        saveReminder(mutable.value.reminder.copy(on = on))
    }

    /** Sets the reminder's time of day (seconds dropped), keeping whether it is on. */
    fun setReminderTime(time: LocalTime) {
        saveReminder(mutable.value.reminder.copy(time = time.withSecond(0).withNano(0)))
    }

    private fun saveReminder(setting: ReminderSetting) {
        prefs.save(setting)
        mutable.value = mutable.value.copy(reminder = setting)
    }

    /** Saves the first day of the week in the journal. Returns true when saved. */
    suspend fun setWeekStart(weekStart: WeekStart): Boolean {
        if (mutable.value.busy) return false
        return busy {
            val saved = attempt(dispatcher) {
                journal.setSettings(journal.settings().copy(weekStart = weekStart))
                journal.settings().weekStart
            }
            finish(saved) { copy(weekStart = it) }
        }
    }

    /**
     * Sets the passphrase, or changes it when there is one, to [passphrase],
     * which must equal [repeated]; the core checks its length. Returns true when saved.
     */
    suspend fun setPassphrase(passphrase: String, repeated: String): Boolean {
        val now = mutable.value
        if (now.busy) return false
        if (passphrase != repeated) {
            mutable.value = now.copy(message = ModelText.PASSPHRASES_DIFFER, done = false)
            return false
        }
        return busy {
            val saved = attempt(dispatcher) {
                journal.setPassphrase(passphrase)
                journal.unlockMethods()
            }
            finish(saved) { copy(methods = it) }
        }
    }

    /** Removes the passphrase; the core refuses when no device key could open the journal then. */
    suspend fun removePassphrase(): Boolean {
        if (mutable.value.busy) return false
        return busy {
            val saved = attempt(dispatcher) {
                journal.setPassphrase(null)
                journal.unlockMethods()
            }
            finish(saved) { copy(methods = it) }
        }
    }

    /** Clears the message and the done mark once the screen has shown them. */
    fun dismissMessage() {
        mutable.value = mutable.value.copy(message = null, done = false)
    }

    // The flag, cleared messages and done mark of every journal call here.
    private suspend fun <T> busy(block: suspend () -> T): T =
        mutable.inProgress({ copy(busy = true, message = null, done = false) }, { copy(busy = false) }, block)

    private fun <T> finish(outcome: Outcome<T>, apply: SettingsState.(T) -> SettingsState): Boolean =
        when (outcome) {
            is Outcome.Done -> {
                mutable.value = mutable.value.apply(outcome.value).copy(busy = false, done = true)
                true
            }
            is Outcome.Failed -> {
                mutable.value = mutable.value.copy(busy = false, message = outcome.message)
                false
            }
        }
}
