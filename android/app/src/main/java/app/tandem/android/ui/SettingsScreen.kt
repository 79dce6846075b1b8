// Settings: the daily reminder (kept in platform preferences), the first
// day of the week and the passphrase (kept in the journal), unlocking with
// a fingerprint or face, and backup and restore through the file picker.
package app.tandem.android.ui

import android.Manifest
import android.content.ActivityNotFoundException
import android.content.Intent
import android.net.Uri
import android.os.Build
import android.provider.Settings
import androidx.activity.compose.rememberLauncherForActivityResult
import androidx.activity.result.contract.ActivityResultContracts
import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.Row
import androidx.compose.foundation.layout.Spacer
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.heightIn
import androidx.compose.foundation.layout.padding
import androidx.compose.foundation.layout.width
import androidx.compose.foundation.rememberScrollState
import androidx.compose.foundation.selection.toggleable
import androidx.compose.foundation.verticalScroll
import androidx.compose.material3.AlertDialog
import androidx.compose.material3.HorizontalDivider
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.OutlinedButton
import androidx.compose.material3.Switch
import androidx.compose.material3.Text
import androidx.compose.material3.TextButton
import androidx.compose.runtime.Composable
import androidx.compose.runtime.getValue
import androidx.compose.runtime.mutableStateOf
import androidx.compose.runtime.remember
import androidx.compose.runtime.rememberCoroutineScope
import androidx.compose.runtime.setValue
import androidx.compose.ui.Alignment
import androidx.compose.ui.Modifier
import androidx.compose.ui.platform.LocalContext
import androidx.compose.ui.res.stringResource
import androidx.compose.ui.semantics.Role
import androidx.compose.ui.text.input.ImeAction
import androidx.compose.ui.unit.dp
import androidx.lifecycle.ViewModel
import androidx.lifecycle.compose.collectAsStateWithLifecycle
import androidx.lifecycle.viewModelScope
import androidx.lifecycle.viewmodel.compose.viewModel
import app.tandem.android.AppGraph
import app.tandem.android.R
import app.tandem.android.model.SettingsModel
import app.tandem.android.model.SettingsState
import app.tandem.android.model.weekStartLabel
import app.tandem.android.platform.BiometricOutcome
import app.tandem.android.platform.PromptText
import app.tandem.android.platform.Reminders
import app.tandem.android.platform.authenticate
import app.tandem.android.platform.fileMessageFor
import app.tandem.android.platform.findFragmentActivity
import app.tandem.core.Journal
import app.tandem.core.Unlock
import app.tandem.core.WeekStart
import java.time.LocalDate
import java.time.LocalTime
import java.time.format.DateTimeFormatter
import java.time.format.FormatStyle
import javax.crypto.Cipher
import kotlinx.coroutines.CancellationException
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.flow.asStateFlow
import kotlinx.coroutines.launch
import kotlinx.coroutines.withContext

/** Fingerprint-or-face unlock as Settings shows it. */
data class BiometricSetting(val available: Boolean = false, val on: Boolean = false, val busy: Boolean = false)

/** A backup in progress and its outcome. */
data class FileState(
    val busy: Boolean = false,
    val message: String? = null,
    val backupSaved: Boolean = false,
)

/** What Settings reports in its own words, apart from the model's messages. */
enum class SettingsNotice { PassphraseSaved, PassphraseRemoved, BiometricOn, BiometricFailed, BiometricStaysOn, NotificationsOff }

/** Wraps the model's [SettingsModel] and the platform's key, reminder and file work. */
class SettingsViewModel(private val graph: AppGraph, private val journal: Journal) : ViewModel() {
    private val model = SettingsModel(journal, graph.reminderPrefs, Dispatchers.IO)
    private val biometricFlow = MutableStateFlow(BiometricSetting())
    private val filesFlow = MutableStateFlow(FileState())
    private val noticeFlow = MutableStateFlow<SettingsNotice?>(null)

    // Replacing this phone's journal: the backup is checked before the journal is closed.
    private val restorer = BackupRestore(graph.files, viewModelScope, graph.scope) { graph.files.restoreReplacing(it) }

    /** The reminder, week start, unlock methods and progress. */
    val state: StateFlow<SettingsState> = model.state

    /** Fingerprint-or-face unlock. */
    val biometric: StateFlow<BiometricSetting> = biometricFlow.asStateFlow()

    /** Backup. */
    val files: StateFlow<FileState> = filesFlow.asStateFlow()

    /** Restore from a picked backup. */
    val restoreState: StateFlow<RestoreState> = restorer.state

    /** The last platform notice, until shown. */
    val notice: StateFlow<SettingsNotice?> = noticeFlow.asStateFlow()

    init {
        viewModelScope.launch {
            model.load()
            refreshBiometric()
        }
    }

    /** Turns the daily reminder on or off. */
    fun setReminderOn(on: Boolean) = model.setReminderOn(on)

    /** Sets the reminder's time. */
    fun setReminderTime(time: LocalTime) = model.setReminderTime(time)

    /** Saves the first day of the week in the journal. */
    fun setWeekStart(weekStart: WeekStart) {
        viewModelScope.launch { model.setWeekStart(weekStart) }
    }

    /** Sets or changes the passphrase; [onSaved] closes the dialog. */
    fun setPassphrase(passphrase: String, repeated: String, onSaved: () -> Unit) {
        viewModelScope.launch {
            if (model.setPassphrase(passphrase, repeated)) {
                noticeFlow.value = SettingsNotice.PassphraseSaved
                onSaved()
            }
        }
    }

    /** Removes the passphrase (offered only while fingerprint-or-face unlock is on). */
    fun removePassphrase() {
        viewModelScope.launch {
            if (model.removePassphrase()) noticeFlow.value = SettingsNotice.PassphraseRemoved
        }
    }

    /** A cipher to wrap a new device key, for the prompt. */
    suspend fun cipherForNewKey(): Cipher? = withContext(Dispatchers.IO) {
        try {
            graph.vault.cipherForNewKey()
        } catch (e: CancellationException) {
            throw e
        } catch (_: Exception) {
            null
        }
    }

    /** Makes a new device key with the authenticated [cipher] and adds its wrap to the journal. */
    fun enableBiometric(cipher: Cipher) {
        biometricFlow.value = biometricFlow.value.copy(busy = true)
        viewModelScope.launch {
            var key: ByteArray? = null
            try {
                key = withContext(Dispatchers.IO) { graph.vault.sealNewKey(cipher) }
                graph.session.setDeviceKey(key)
                noticeFlow.value = SettingsNotice.BiometricOn
            } catch (e: CancellationException) {
                throw e
            } catch (_: Exception) {
                withContext(Dispatchers.IO) { graph.vault.forget() }
                noticeFlow.value = SettingsNotice.BiometricFailed
            } finally {
                key?.fill(0)
                model.load()
                refreshBiometric()
            }
        }
    }

    /** The prompt did not go through. */
    fun biometricFailed() {
        noticeFlow.value = SettingsNotice.BiometricFailed
    }

    /**
     * Drops the journal's device-key wrap, then forgets the Keystore key. If
     * the core refuses (no passphrase to open the journal without it), the
     * key stays, so the journal is never left with only the recovery code.
     */
    fun disableBiometric() {
        viewModelScope.launch {
            try {
                graph.session.removeDeviceKey()
                withContext(Dispatchers.IO) { graph.vault.forget() }
            } catch (e: CancellationException) {
                throw e
            } catch (_: Exception) {
                noticeFlow.value = SettingsNotice.BiometricStaysOn
            }
            model.load()
            refreshBiometric()
        }
    }

    /** Notifications are off for the app, so the reminder cannot show. */
    fun notificationsOff() {
        noticeFlow.value = SettingsNotice.NotificationsOff
    }

    /** Has the core write the backup; true when it is ready to be saved where the user picks. */
    suspend fun prepareBackup(): Boolean {
        // One outcome on the page at a time: a failed restore's sentence goes.
        restorer.dismissMessage()
        filesFlow.value = FileState(busy = true)
        return try {
            graph.files.prepareBackup(journal)
            true
        } catch (e: CancellationException) {
            throw e
        } catch (e: Exception) {
            filesFlow.value = FileState(message = fileMessageFor(e))
            false
        }
    }

    /** Saves the prepared backup to [target], or drops it when the picker was closed. */
    fun saveBackup(target: Uri?) {
        graph.scope.launch {
            filesFlow.value = try {
                if (target == null) {
                    graph.files.discardBackup()
                    FileState()
                } else {
                    graph.files.saveBackup(target)
                    FileState(backupSaved = true)
                }
            } catch (e: CancellationException) {
                throw e
            } catch (e: Exception) {
                FileState(message = fileMessageFor(e))
            }
        }
    }

    /** Copies the picked backup in and asks for its secret. */
    fun pickBackup(source: Uri) {
        // One outcome on the page at a time: the last backup's goes.
        filesFlow.value = FileState()
        restorer.pick(source)
    }

    /**
     * Replaces the journal with the picked backup, opened with [unlock]. Runs
     * in the app's scope: the swap is never cut off halfway. On success the
     * app starts again from today with the restored journal.
     */
    fun restore(unlock: Unlock) = restorer.restore(unlock)

    /** The user closed the restore dialog. */
    fun cancelRestore() = restorer.cancel()

    /** Locks the journal now. */
    fun lockNow() {
        graph.scope.launch {
            try {
                graph.session.lock()
            } catch (e: CancellationException) {
                throw e
            } catch (_: Exception) {
                // Nothing open to lock.
            }
        }
    }

    /** Clears what was shown. */
    fun dismiss() {
        model.dismissMessage()
        noticeFlow.value = null
        filesFlow.value = filesFlow.value.copy(message = null, backupSaved = false)
        restorer.dismissMessage()
    }

    private suspend fun refreshBiometric() {
        val setting = withContext(Dispatchers.IO) {
            val available = try {
                graph.vault.biometricsAvailable()
            } catch (_: Exception) {
                false
            }
            val on = try {
                graph.vault.hasKey()
            } catch (_: Exception) {
                false
            }
            BiometricSetting(available = available, on = on)
        }
        biometricFlow.value = setting
    }
}

/** The settings page. */
@Composable
fun SettingsRoute(graph: AppGraph, journal: Journal, onShare: () -> Unit) {
    val vm: SettingsViewModel = viewModel(key = "settings-${System.identityHashCode(journal)}") {
        SettingsViewModel(graph, journal)
    }
    val state by vm.state.collectAsStateWithLifecycle()
    val biometric by vm.biometric.collectAsStateWithLifecycle()
    val files by vm.files.collectAsStateWithLifecycle()
    val restore by vm.restoreState.collectAsStateWithLifecycle()
    // One file job at a time: backup and restore wait for each other.
    val filesBusy = files.busy || restore.busy
    val notice by vm.notice.collectAsStateWithLifecycle()
    val minChars by graph.passphraseMinChars.collectAsStateWithLifecycle()
    val context = LocalContext.current
    val scope = rememberCoroutineScope()

    var pickingTime by remember { mutableStateOf(false) }
    var editingPassphrase by remember { mutableStateOf(false) }
    var confirmRemove by remember { mutableStateOf(false) }
    var confirmRestore by remember { mutableStateOf(false) }

    val askNotifications = rememberLauncherForActivityResult(ActivityResultContracts.RequestPermission()) { granted ->
        if (granted) vm.setReminderOn(true) else vm.notificationsOff()
    }
    val createBackup = rememberLauncherForActivityResult(
        ActivityResultContracts.CreateDocument("application/octet-stream"),
    ) { uri -> vm.saveBackup(uri) }
    val openBackup = rememberLauncherForActivityResult(ActivityResultContracts.OpenDocument()) { uri ->
        if (uri != null) vm.pickBackup(uri)
    }
    val enablePrompt = PromptText(
        title = stringResource(R.string.settings_biometric_prompt_title),
        subtitle = stringResource(R.string.first_run_prompt_subtitle),
        negativeButton = stringResource(R.string.cancel),
    )

    ScreenColumn {
        ScreenTitle(stringResource(R.string.settings_title))
        state.message?.let { MessageCard(it, onDismiss = vm::dismiss) }
        notice?.let { NoticeCard(it, onDismiss = vm::dismiss) }

        // The reminder.
        SectionTitle(stringResource(R.string.settings_reminder))
        SwitchRow(
            label = stringResource(R.string.settings_reminder_on),
            checked = state.reminder.on,
            onChange = { on ->
                if (!on) {
                    vm.setReminderOn(false)
                } else if (Build.VERSION.SDK_INT >= Build.VERSION_CODES.TIRAMISU && !Reminders.canNotify(context)) {
                    askNotifications.launch(Manifest.permission.POST_NOTIFICATIONS)
                } else if (!Reminders.canNotify(context)) {
                    vm.notificationsOff()
                } else {
                    vm.setReminderOn(true)
                }
            },
        )
        OutlinedButton(
            onClick = { pickingTime = true },
            modifier = Modifier
                .fillMaxWidth()
                .heightIn(min = MinTouch),
        ) {
            Text(
                stringResource(
                    R.string.settings_reminder_at,
                    state.reminder.time.format(DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT)),
                ),
            )
        }
        Hint(stringResource(R.string.settings_reminder_hint))

        HorizontalDivider()

        // The week.
        SectionTitle(stringResource(R.string.settings_week_start))
        RadioList(
            options = WeekStart.entries,
            selected = state.weekStart,
            label = { weekStartLabel(it) },
            onSelect = vm::setWeekStart,
        )

        HorizontalDivider()

        // Unlocking.
        SectionTitle(stringResource(R.string.settings_unlocking))
        if (biometric.available || biometric.on) {
            SwitchRow(
                label = stringResource(R.string.settings_biometric),
                checked = biometric.on,
                enabled = !biometric.busy && (!biometric.on || state.hasPassphrase),
                onChange = { on ->
                    if (!on) {
                        vm.disableBiometric()
                    } else {
                        val activity = context.findFragmentActivity()
                        if (activity != null) {
                            scope.launch {
                                val cipher = vm.cipherForNewKey()
                                if (cipher == null) {
                                    vm.biometricFailed()
                                } else {
                                    when (val outcome = authenticate(activity, cipher, enablePrompt)) {
                                        is BiometricOutcome.Success -> vm.enableBiometric(outcome.cipher)
                                        BiometricOutcome.Cancelled -> Unit
                                        is BiometricOutcome.Error -> vm.biometricFailed()
                                    }
                                }
                            }
                        }
                    }
                },
            )
            if (biometric.on && !state.hasPassphrase) Hint(stringResource(R.string.settings_biometric_needs_passphrase))
        }
        OutlinedButton(
            onClick = { editingPassphrase = true },
            enabled = !state.busy,
            modifier = Modifier
                .fillMaxWidth()
                .heightIn(min = MinTouch),
        ) {
            Text(stringResource(if (state.hasPassphrase) R.string.settings_change_passphrase else R.string.settings_set_passphrase))
        }
        if (state.hasPassphrase && biometric.on) {
            TextButton(
                onClick = { confirmRemove = true },
                enabled = !state.busy,
                modifier = Modifier.heightIn(min = MinTouch),
            ) { Text(stringResource(R.string.settings_remove_passphrase)) }
        }
        OutlinedButton(
            onClick = vm::lockNow,
            modifier = Modifier
                .fillMaxWidth()
                .heightIn(min = MinTouch),
        ) { Text(stringResource(R.string.settings_lock_now)) }

        HorizontalDivider()

        // Backup and restore.
        SectionTitle(stringResource(R.string.settings_backup))
        Hint(stringResource(R.string.settings_backup_hint))
        files.message?.let { MessageCard(it, onDismiss = vm::dismiss) }
        // A picked backup's failures show in its dialog.
        if (!restore.picked) restore.message?.let { MessageCard(it, onDismiss = vm::dismiss) }
        if (files.backupSaved) StatusLine(stringResource(R.string.settings_backup_saved))
        PrimaryButton(
            text = stringResource(R.string.settings_make_backup),
            busy = filesBusy,
            onClick = {
                scope.launch {
                    if (vm.prepareBackup()) createBackup.launch("tandem-backup-${LocalDate.now()}.tandembackup")
                }
            },
        )
        OutlinedButton(
            onClick = { confirmRestore = true },
            enabled = !filesBusy,
            modifier = Modifier
                .fillMaxWidth()
                .heightIn(min = MinTouch),
        ) { Text(stringResource(R.string.settings_restore)) }

        HorizontalDivider()

        SectionTitle(stringResource(R.string.settings_summary))
        OutlinedButton(
            onClick = onShare,
            modifier = Modifier
                .fillMaxWidth()
                .heightIn(min = MinTouch),
        ) { Text(stringResource(R.string.week_share)) }

        HorizontalDivider()
        SectionTitle(stringResource(R.string.settings_privacy))
        Hint(stringResource(R.string.settings_privacy_body))
    }

    if (pickingTime) {
        TimePickerDialog(
            initial = state.reminder.time,
            onPick = { time ->
                pickingTime = false
                vm.setReminderTime(time)
            },
            onDismiss = { pickingTime = false },
        )
    }
    if (editingPassphrase) {
        PassphraseDialog(
            changing = state.hasPassphrase,
            minChars = minChars,
            busy = state.busy,
            message = state.message,
            onSave = { passphrase, repeated ->
                vm.setPassphrase(passphrase, repeated, onSaved = { editingPassphrase = false })
            },
            onDismiss = {
                editingPassphrase = false
                vm.dismiss()
            },
        )
    }
    if (confirmRemove) {
        ConfirmDialog(
            title = stringResource(R.string.settings_remove_passphrase),
            text = stringResource(R.string.settings_remove_passphrase_body),
            confirm = stringResource(R.string.settings_remove_passphrase_confirm),
            onConfirm = {
                confirmRemove = false
                vm.removePassphrase()
            },
            onDismiss = { confirmRemove = false },
        )
    }
    if (confirmRestore) {
        ConfirmDialog(
            title = stringResource(R.string.settings_restore),
            text = stringResource(R.string.settings_restore_body),
            confirm = stringResource(R.string.settings_restore_pick),
            onConfirm = {
                confirmRestore = false
                openBackup.launch(arrayOf("*/*"))
            },
            onDismiss = { confirmRestore = false },
        )
    }
    if (restore.picked) {
        RestoreDialog(
            replacing = true,
            busy = restore.busy,
            message = restore.message,
            onRestore = vm::restore,
            onDismiss = vm::cancelRestore,
        )
    }
}

@Composable
private fun NoticeCard(notice: SettingsNotice, onDismiss: () -> Unit) {
    val context = LocalContext.current
    when (notice) {
        SettingsNotice.PassphraseSaved -> StatusLine(stringResource(R.string.settings_passphrase_saved))
        SettingsNotice.PassphraseRemoved -> StatusLine(stringResource(R.string.settings_passphrase_removed))
        SettingsNotice.BiometricOn -> StatusLine(stringResource(R.string.settings_biometric_on))
        SettingsNotice.BiometricFailed -> MessageCard(stringResource(R.string.biometric_setup_failed), onDismiss = onDismiss)
        SettingsNotice.BiometricStaysOn ->
            MessageCard(stringResource(R.string.settings_biometric_needs_passphrase), onDismiss = onDismiss)
        SettingsNotice.NotificationsOff -> {
            MessageCard(stringResource(R.string.settings_notifications_off), onDismiss = onDismiss)
            OutlinedButton(
                onClick = {
                    val intent = Intent(Settings.ACTION_APP_NOTIFICATION_SETTINGS)
                        .putExtra(Settings.EXTRA_APP_PACKAGE, context.packageName)
                    try {
                        context.startActivity(intent)
                    } catch (_: ActivityNotFoundException) {
                        // No settings screen for it on this phone; the sentence above says what to do.
                    }
                },
                modifier = Modifier
                    .fillMaxWidth()
                    .heightIn(min = MinTouch),
            ) { Text(stringResource(R.string.settings_open_notifications)) }
        }
    }
}

/** A label and a switch; the whole row is the target. */
@Composable
private fun SwitchRow(label: String, checked: Boolean, onChange: (Boolean) -> Unit, enabled: Boolean = true) {
    Row(
        modifier = Modifier
            .fillMaxWidth()
            .heightIn(min = MinTouch)
            .toggleable(value = checked, enabled = enabled, role = Role.Switch, onValueChange = onChange)
            .padding(vertical = 4.dp),
        verticalAlignment = Alignment.CenterVertically,
    ) {
        Text(label, style = MaterialTheme.typography.bodyLarge, modifier = Modifier.weight(1f))
        Spacer(Modifier.width(12.dp))
        Switch(checked = checked, onCheckedChange = null, enabled = enabled)
    }
}

/** Sets or changes the passphrase: typed twice, hidden, kept only in memory. */
@Composable
private fun PassphraseDialog(
    changing: Boolean,
    minChars: Int?,
    busy: Boolean,
    message: String?,
    onSave: (String, String) -> Unit,
    onDismiss: () -> Unit,
) {
    var passphrase by remember { mutableStateOf("") }
    var repeated by remember { mutableStateOf("") }
    // The model's message is shared by every setting: show it here only once this dialog has tried a save.
    var tried by remember { mutableStateOf(false) }
    AlertDialog(
        onDismissRequest = { if (!busy) onDismiss() },
        title = {
            Text(stringResource(if (changing) R.string.settings_change_passphrase else R.string.settings_set_passphrase))
        },
        text = {
            Column(
                modifier = Modifier.verticalScroll(rememberScrollState()),
                verticalArrangement = Arrangement.spacedBy(12.dp),
            ) {
                Text(stringResource(R.string.settings_passphrase_hint))
                SecretField(
                    value = passphrase,
                    onValueChange = { passphrase = it },
                    label = stringResource(R.string.passphrase),
                    imeAction = ImeAction.Next,
                    supportingText = passphraseMinHint(minChars),
                )
                SecretField(
                    value = repeated,
                    onValueChange = { repeated = it },
                    label = stringResource(R.string.passphrase_again),
                )
                if (tried && message != null) MessageCard(message)
            }
        },
        confirmButton = {
            TextButton(
                onClick = {
                    tried = true
                    onSave(passphrase, repeated)
                },
                enabled = passphrase.isNotEmpty() && !busy,
            ) { Text(stringResource(R.string.save)) }
        },
        dismissButton = {
            TextButton(onClick = onDismiss, enabled = !busy) { Text(stringResource(R.string.cancel)) }
        },
        properties = SecureDialog,
    )
}
