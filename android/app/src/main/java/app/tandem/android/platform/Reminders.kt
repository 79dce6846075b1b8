// The daily reminder: one WorkManager job that fires at the chosen local
// time, posts a notification whose words are fixed and personal to no one,
// and schedules the next. A one-time job rescheduled each day (instead of a
// 24-hour periodic one) keeps the time on the clock across daylight-saving
// changes; a change of time or zone reschedules it at once.
package app.tandem.android.platform

import android.Manifest
import android.annotation.SuppressLint
import android.app.PendingIntent
import android.content.BroadcastReceiver
import android.content.Context
import android.content.Intent
import android.content.SharedPreferences
import android.content.pm.PackageManager
import android.os.Build
import androidx.core.app.NotificationChannelCompat
import androidx.core.app.NotificationCompat
import androidx.core.app.NotificationManagerCompat
import androidx.core.content.ContextCompat
import androidx.core.content.edit
import androidx.work.CoroutineWorker
import androidx.work.ExistingWorkPolicy
import androidx.work.OneTimeWorkRequestBuilder
import androidx.work.WorkManager
import androidx.work.WorkerParameters
import app.tandem.android.MainActivity
import app.tandem.android.R
import app.tandem.android.model.ReminderPrefs
import app.tandem.android.model.ReminderSchedule
import app.tandem.android.model.ReminderSetting
import java.time.LocalTime
import java.time.ZonedDateTime
import java.util.concurrent.TimeUnit

/** Schedules, cancels and shows the daily reminder. */
object Reminders {
    private const val CHANNEL_ID = "daily-reminder"
    private const val WORK_NAME = "daily-reminder"
    private const val NOTIFICATION_ID = 1

    /** Registers the notification channel (idempotent; called at every start). */
    fun createChannel(context: Context) {
        val channel = NotificationChannelCompat.Builder(CHANNEL_ID, NotificationManagerCompat.IMPORTANCE_DEFAULT)
            .setName(context.getString(R.string.reminder_channel_name))
            .setDescription(context.getString(R.string.reminder_channel_description))
            .setShowBadge(false)
            .build()
        NotificationManagerCompat.from(context).createNotificationChannel(channel)
    }

    /** Schedules the next reminder for [setting], replacing any pending one, or cancels it when the setting is off. */
    fun schedule(context: Context, setting: ReminderSetting) {
        val work = WorkManager.getInstance(context)
        if (!setting.on) {
            work.cancelUniqueWork(WORK_NAME)
            return
        }
        val delay = ReminderSchedule.delay(ZonedDateTime.now(), setting.time)
        val request = OneTimeWorkRequestBuilder<ReminderWorker>()
            .setInitialDelay(delay.toMillis(), TimeUnit.MILLISECONDS)
            .build()
        work.enqueueUniqueWork(WORK_NAME, ExistingWorkPolicy.REPLACE, request)
    }

    /**
     * Whether the app may post notifications now: the user has not turned
     * them off, and on Android 13+ has granted the permission.
     */
    fun canNotify(context: Context): Boolean {
        if (!NotificationManagerCompat.from(context).areNotificationsEnabled()) return false
        return Build.VERSION.SDK_INT < Build.VERSION_CODES.TIRAMISU ||
            ContextCompat.checkSelfPermission(context, Manifest.permission.POST_NOTIFICATIONS) ==
            PackageManager.PERMISSION_GRANTED
    }

    // canNotify checks the permission (Android 13+) and the user's switch first.
    @SuppressLint("MissingPermission")
    internal fun show(context: Context) {
        if (!canNotify(context)) return
        val open = Intent(context, MainActivity::class.java)
            .addFlags(Intent.FLAG_ACTIVITY_NEW_TASK or Intent.FLAG_ACTIVITY_CLEAR_TOP)
        val tap = PendingIntent.getActivity(
            context,
            0,
            open,
            PendingIntent.FLAG_IMMUTABLE or PendingIntent.FLAG_UPDATE_CURRENT,
        )
        // The words are ReminderSchedule's fixed ones: they show on a locked
        // screen, so they say nothing about anyone's day.
        val notification = NotificationCompat.Builder(context, CHANNEL_ID)
            .setSmallIcon(R.drawable.ic_notification)
            .setContentTitle(ReminderSchedule.TITLE)
            .setContentText(ReminderSchedule.TEXT)
            .setCategory(NotificationCompat.CATEGORY_REMINDER)
            .setPriority(NotificationCompat.PRIORITY_DEFAULT)
            .setVisibility(NotificationCompat.VISIBILITY_PUBLIC)
            .setContentIntent(tap)
            .setAutoCancel(true)
            .build()
        NotificationManagerCompat.from(context).notify(NOTIFICATION_ID, notification)
    }
}

/** Fires once at the reminder time: shows the reminder and schedules tomorrow's. */
class ReminderWorker(context: Context, params: WorkerParameters) : CoroutineWorker(context, params) {
    override suspend fun doWork(): Result {
        val setting = SharedPrefsReminderPrefs(applicationContext).load()
        if (setting.on) {
            Reminders.show(applicationContext)
            // Last: replacing the unique work stops this (finished) run.
            Reminders.schedule(applicationContext, setting)
        }
        return Result.success()
    }
}

/**
 * The wall clock or the time zone changed: the pending reminder was timed
 * for the old one, so it is timed again. (Both broadcasts still reach
 * manifest receivers on current Android.)
 */
class TimeChangeReceiver : BroadcastReceiver() {
    override fun onReceive(context: Context, intent: Intent) {
        when (intent.action) {
            Intent.ACTION_TIME_CHANGED, Intent.ACTION_TIMEZONE_CHANGED ->
                Reminders.schedule(context, SharedPrefsReminderPrefs(context).load())
        }
    }
}

/**
 * The reminder setting in SharedPreferences (outside the journal: it is not
 * journal content, and the reminder runs while the journal is locked).
 * Saving also schedules the reminder to match.
 */
class SharedPrefsReminderPrefs(context: Context) : ReminderPrefs {
    private val appContext = context.applicationContext
    private val prefs: SharedPreferences = appContext.getSharedPreferences(FILE_NAME, Context.MODE_PRIVATE)

    override fun load(): ReminderSetting {
        val default = ReminderSetting()
        val minute = prefs.getInt(KEY_MINUTE_OF_DAY, default.time.hour * 60 + default.time.minute)
            .coerceIn(0, MINUTES_PER_DAY - 1)
        return ReminderSetting(
            on = prefs.getBoolean(KEY_ON, default.on),
            time = LocalTime.of(minute / 60, minute % 60),
        )
    }

    override fun save(setting: ReminderSetting) {
        prefs.edit {
            putBoolean(KEY_ON, setting.on)
            putInt(KEY_MINUTE_OF_DAY, setting.time.hour * 60 + setting.time.minute)
        }
        Reminders.schedule(appContext, setting)
    }

    private companion object {
        const val FILE_NAME = "reminder"
        const val KEY_ON = "on"
        const val KEY_MINUTE_OF_DAY = "minute_of_day"
        const val MINUTES_PER_DAY = 24 * 60
    }
}
