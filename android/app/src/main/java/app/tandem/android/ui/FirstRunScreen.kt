// The first run: protect the journal with a fingerprint or face (a device
// key wrapped in the Keystore), an optional passphrase, the recovery code
// shown once and typed back. Or, on a new phone, restore a backup.
package app.tandem.android.ui

import android.net.Uri
import androidx.activity.compose.rememberLauncherForActivityResult
import androidx.activity.result.contract.ActivityResultContracts
import androidx.compose.foundation.BorderStroke
import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.ExperimentalLayoutApi
import androidx.compose.foundation.layout.FlowRow
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.heightIn
import androidx.compose.foundation.layout.padding
import androidx.compose.foundation.shape.RoundedCornerShape
import androidx.compose.foundation.text.KeyboardOptions
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.OutlinedButton
import androidx.compose.material3.OutlinedTextField
import androidx.compose.material3.Surface
import androidx.compose.material3.Text
import androidx.compose.material3.TextButton
import androidx.compose.runtime.Composable
import androidx.compose.runtime.LaunchedEffect
import androidx.compose.runtime.getValue
import androidx.compose.runtime.mutableStateOf
import androidx.compose.runtime.remember
import androidx.compose.runtime.rememberCoroutineScope
import androidx.compose.runtime.setValue
import androidx.compose.ui.Modifier
import androidx.compose.ui.platform.LocalContext
import androidx.compose.ui.res.stringResource
import androidx.compose.ui.semantics.clearAndSetSemantics
import androidx.compose.ui.semantics.contentDescription
import androidx.compose.ui.text.font.FontFamily
import androidx.compose.ui.text.input.ImeAction
import androidx.compose.ui.text.input.KeyboardCapitalization
import androidx.compose.ui.text.input.KeyboardType
import androidx.compose.ui.unit.dp
import androidx.lifecycle.ViewModel
import androidx.lifecycle.compose.collectAsStateWithLifecycle
import androidx.lifecycle.viewModelScope
import androidx.lifecycle.viewmodel.compose.viewModel
import app.tandem.android.AppGraph
import app.tandem.android.R
import app.tandem.android.model.FirstRun
import app.tandem.android.model.FirstRunState
import app.tandem.android.model.FirstRunStep
import app.tandem.android.platform.BiometricOutcome
import app.tandem.android.platform.PromptText
import app.tandem.android.platform.authenticate
import app.tandem.android.platform.findFragmentActivity
import app.tandem.core.Unlock
import javax.crypto.Cipher
import kotlinx.coroutines.CancellationException
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.ExperimentalCoroutinesApi
import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.SharingStarted
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.flow.asStateFlow
import kotlinx.coroutines.flow.flatMapLatest
import kotlinx.coroutines.flow.flowOf
import kotlinx.coroutines.flow.stateIn
import kotlinx.coroutines.launch
import kotlinx.coroutines.withContext

/**
 * Wraps the model's [FirstRun], made once the device key is settled (a
 * fresh key after the biometric prompt, or none). While the recovery code
 * is on screen the app lock is held, so leaving to write it down does not lock.
 */
@OptIn(ExperimentalCoroutinesApi::class)
class FirstRunViewModel(private val graph: AppGraph) : ViewModel() {
    private val holder = MutableStateFlow<FirstRun?>(null)
    private val biometricsFlow = MutableStateFlow(false)
    private val noticeFlow = MutableStateFlow<String?>(null)

    // A new phone's restore: the backup becomes this phone's journal, which is then opened.
    private val restorer = BackupRestore(graph.files, viewModelScope, graph.scope) { graph.files.restoreFresh(it) }

    private var deviceKey: ByteArray? = null
    private var holding = false

    /** The model's state; Welcome until the flow starts. */
    val state: StateFlow<FirstRunState> = holder
        .flatMapLatest { it?.state ?: flowOf(FirstRunState()) }
        .stateIn(viewModelScope, SharingStarted.Eagerly, FirstRunState())

    /** Whether a strong biometric can guard the device key on this phone. */
    val biometricsAvailable: StateFlow<Boolean> = biometricsFlow.asStateFlow()

    /** A platform sentence (the biometric step), apart from the model's messages. */
    val notice: StateFlow<String?> = noticeFlow.asStateFlow()

    /** The restore of a backup, when the user chose that instead. */
    val restoreState: StateFlow<RestoreState> = restorer.state

    /** Whether the journal will have a device key (so the passphrase may be skipped). */
    val hasDeviceKey: Boolean
        get() = deviceKey != null

    init {
        viewModelScope.launch {
            biometricsFlow.value = withContext(Dispatchers.IO) { graph.vault.biometricsAvailable() }
        }
    }

    /** A cipher to wrap a new device key, for the prompt; null when the Keystore refuses. */
    suspend fun cipherForNewKey(): Cipher? = withContext(Dispatchers.IO) {
        try {
            graph.vault.cipherForNewKey()
        } catch (e: CancellationException) {
            throw e
        } catch (_: Exception) {
            null
        }
    }

    /**
     * Starts the flow, with a device key wrapped by [cipher] after the prompt,
     * or with none; [notice] says why there is none when that was not the
     * user's choice, and [setupFailed] is said if wrapping the key fails.
     */
    fun begin(cipher: Cipher?, notice: String? = null, setupFailed: String? = null) {
        if (holder.value != null) return
        noticeFlow.value = notice
        viewModelScope.launch {
            val key = cipher?.let {
                withContext(Dispatchers.IO) {
                    try {
                        graph.vault.sealNewKey(it)
                    } catch (e: CancellationException) {
                        throw e
                    } catch (_: Exception) {
                        null
                    }
                }
            }
            deviceKey = key
            if (cipher != null && key == null) noticeFlow.value = setupFailed
            val flow = FirstRun(graph.session, key)
            flow.start()
            holder.value = flow
        }
    }

    /** Creates the journal with [passphrase] (empty for none), typed twice. */
    fun create(passphrase: String, repeated: String) {
        val flow = holder.value ?: return
        viewModelScope.launch {
            if (flow.create(passphrase, repeated) && !holding) {
                graph.appLock.hold()
                holding = true
            }
        }
    }

    /** The code is written down: ask for its end. */
    fun codeWrittenDown() = holder.value?.codeWrittenDown()

    /** Back to the code from its check. */
    fun showCodeAgain() = holder.value?.showCodeAgain()

    /** Checks the typed end of the code; on a match the flow is done. */
    fun confirm(typed: String) {
        if (holder.value?.confirm(typed) == true) finish()
    }

    /** Copies the picked backup in and asks for its secret. */
    fun pickBackup(uri: Uri) = restorer.pick(uri)

    /**
     * Restores the picked backup with [unlock]; on success the app moves on
     * to today. Runs in the app's scope: a restore is never cut off halfway.
     */
    fun restore(unlock: Unlock) = restorer.restore(unlock)

    /** The user closed the restore dialog. */
    fun cancelRestore() = restorer.cancel()

    /** Clears the platform sentence once shown. */
    fun dismissNotice() {
        noticeFlow.value = null
    }

    private fun finish() {
        deviceKey?.fill(0)
        deviceKey = null
        if (holding) {
            graph.appLock.release()
            holding = false
        }
    }

    override fun onCleared() {
        finish()
    }
}

/** The first-run screens, one step at a time. */
@Composable
fun FirstRunRoute(graph: AppGraph, onDone: () -> Unit) {
    val vm: FirstRunViewModel = viewModel { FirstRunViewModel(graph) }
    val state by vm.state.collectAsStateWithLifecycle()
    val notice by vm.notice.collectAsStateWithLifecycle()
    val restore by vm.restoreState.collectAsStateWithLifecycle()
    val biometrics by vm.biometricsAvailable.collectAsStateWithLifecycle()
    val minChars by graph.passphraseMinChars.collectAsStateWithLifecycle()

    LaunchedEffect(state.step) {
        if (state.step == FirstRunStep.Done) onDone()
    }

    ScreenColumn {
        when (state.step) {
            FirstRunStep.Welcome -> WelcomeStep(vm, biometrics, restore)
            FirstRunStep.Passphrase -> PassphraseStep(vm, state, minChars)
            FirstRunStep.ShowCode -> ShowCodeStep(vm, state)
            FirstRunStep.ConfirmCode -> ConfirmCodeStep(vm, state)
            FirstRunStep.Done -> Loading()
        }
        notice?.let { MessageCard(it, onDismiss = vm::dismissNotice) }
    }

    if (restore.picked) {
        RestoreDialog(
            replacing = false,
            busy = restore.busy,
            message = restore.message,
            onRestore = vm::restore,
            onDismiss = vm::cancelRestore,
        )
    }
}

@Composable
private fun WelcomeStep(vm: FirstRunViewModel, biometrics: Boolean, restore: RestoreState) {
    val context = LocalContext.current
    val scope = rememberCoroutineScope()
    var starting by remember { mutableStateOf(false) }
    val promptText = PromptText(
        title = stringResource(R.string.first_run_prompt_title),
        subtitle = stringResource(R.string.first_run_prompt_subtitle),
        negativeButton = stringResource(R.string.first_run_prompt_negative),
    )
    val biometricFailed = stringResource(R.string.biometric_setup_failed)
    val pickBackup = rememberLauncherForActivityResult(ActivityResultContracts.OpenDocument()) { uri ->
        if (uri != null) vm.pickBackup(uri)
    }

    ScreenTitle(stringResource(R.string.first_run_welcome_title))
    Text(stringResource(R.string.first_run_welcome_body), style = MaterialTheme.typography.bodyLarge)
    Hint(stringResource(R.string.first_run_welcome_private))
    PrimaryButton(
        text = stringResource(R.string.first_run_start),
        busy = starting,
        onClick = {
            val activity = context.findFragmentActivity()
            if (!biometrics || activity == null) {
                vm.begin(null)
                return@PrimaryButton
            }
            starting = true
            scope.launch {
                val cipher = vm.cipherForNewKey()
                if (cipher == null) {
                    vm.begin(null, biometricFailed)
                } else {
                    when (val outcome = authenticate(activity, cipher, promptText)) {
                        is BiometricOutcome.Success -> vm.begin(outcome.cipher, setupFailed = biometricFailed)
                        BiometricOutcome.Cancelled -> vm.begin(null)
                        is BiometricOutcome.Error -> vm.begin(null, outcome.message.ifBlank { biometricFailed })
                    }
                }
                starting = false
            }
        },
    )
    OutlinedButton(
        onClick = { pickBackup.launch(arrayOf("*/*")) },
        enabled = !restore.busy,
        modifier = Modifier
            .fillMaxWidth()
            .heightIn(min = MinTouch),
    ) {
        Text(stringResource(R.string.first_run_restore))
    }
    if (!restore.picked) restore.message?.let { MessageCard(it) }
}

@Composable
private fun PassphraseStep(vm: FirstRunViewModel, state: FirstRunState, minChars: Int?) {
    var passphrase by remember { mutableStateOf("") }
    var repeated by remember { mutableStateOf("") }

    ScreenTitle(stringResource(R.string.first_run_passphrase_title))
    Text(
        stringResource(if (vm.hasDeviceKey) R.string.first_run_passphrase_optional else R.string.first_run_passphrase_needed),
        style = MaterialTheme.typography.bodyLarge,
    )
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
        onDone = { vm.create(passphrase, repeated) },
    )
    state.message?.let { MessageCard(it) }
    PrimaryButton(
        text = stringResource(R.string.first_run_create),
        busy = state.busy,
        enabled = passphrase.isNotEmpty(),
        onClick = { vm.create(passphrase, repeated) },
    )
    if (vm.hasDeviceKey) {
        TextButton(
            onClick = { vm.create("", "") },
            enabled = !state.busy,
            modifier = Modifier.heightIn(min = MinTouch),
        ) {
            Text(stringResource(R.string.first_run_skip_passphrase))
        }
    }
}

@OptIn(ExperimentalLayoutApi::class)
@Composable
private fun ShowCodeStep(vm: FirstRunViewModel, state: FirstRunState) {
    ScreenTitle(stringResource(R.string.first_run_code_title))
    Text(stringResource(R.string.first_run_code_body), style = MaterialTheme.typography.bodyLarge)
    val spoken = state.codeGroups.joinToString(", ")
    FlowRow(
        modifier = Modifier
            .fillMaxWidth()
            // Read once, group by group, instead of the row and then each cell again.
            .clearAndSetSemantics { contentDescription = spoken },
        horizontalArrangement = Arrangement.spacedBy(8.dp),
        verticalArrangement = Arrangement.spacedBy(8.dp),
    ) {
        state.codeGroups.forEach { group ->
            Surface(
                shape = RoundedCornerShape(8.dp),
                border = BorderStroke(1.dp, MaterialTheme.colorScheme.outline),
            ) {
                Text(
                    text = group,
                    style = MaterialTheme.typography.titleLarge,
                    fontFamily = FontFamily.Monospace,
                    modifier = Modifier.padding(horizontal = 12.dp, vertical = 8.dp),
                )
            }
        }
    }
    Hint(stringResource(R.string.first_run_code_once))
    PrimaryButton(text = stringResource(R.string.first_run_code_written), onClick = { vm.codeWrittenDown() })
}

@Composable
private fun ConfirmCodeStep(vm: FirstRunViewModel, state: FirstRunState) {
    var typed by remember { mutableStateOf("") }

    ScreenTitle(stringResource(R.string.first_run_confirm_title))
    Text(stringResource(R.string.first_run_confirm_body), style = MaterialTheme.typography.bodyLarge)
    OutlinedTextField(
        value = typed,
        onValueChange = { typed = it },
        label = { Text(stringResource(R.string.first_run_confirm_field)) },
        singleLine = true,
        textStyle = MaterialTheme.typography.titleLarge.copy(fontFamily = FontFamily.Monospace),
        keyboardOptions = KeyboardOptions(
            capitalization = KeyboardCapitalization.Characters,
            // A password field to the keyboard: part of the recovery code is not to be learnt or suggested.
            keyboardType = KeyboardType.Password,
            imeAction = ImeAction.Done,
            autoCorrectEnabled = false,
        ),
        modifier = Modifier.fillMaxWidth(),
    )
    state.message?.let { MessageCard(it) }
    PrimaryButton(
        text = stringResource(R.string.first_run_confirm_button),
        enabled = typed.isNotBlank(),
        onClick = { vm.confirm(typed) },
    )
    TextButton(onClick = { vm.showCodeAgain() }, modifier = Modifier.heightIn(min = MinTouch)) {
        Text(stringResource(R.string.first_run_show_again))
    }
}
