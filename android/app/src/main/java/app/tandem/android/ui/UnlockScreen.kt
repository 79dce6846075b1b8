// The lock screen: the fingerprint or face first (the Keystore unwraps the
// device key only after BiometricPrompt), the passphrase as the fallback,
// and the recovery code as the last way in.
package app.tandem.android.ui

import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.heightIn
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.OutlinedButton
import androidx.compose.material3.Text
import androidx.compose.material3.TextButton
import androidx.compose.runtime.Composable
import androidx.compose.runtime.LaunchedEffect
import androidx.compose.runtime.getValue
import androidx.compose.runtime.mutableStateOf
import androidx.compose.runtime.remember
import androidx.compose.runtime.rememberCoroutineScope
import androidx.compose.runtime.saveable.rememberSaveable
import androidx.compose.runtime.setValue
import androidx.compose.ui.Modifier
import androidx.compose.ui.platform.LocalContext
import androidx.compose.ui.res.stringResource
import androidx.lifecycle.ViewModel
import androidx.lifecycle.compose.collectAsStateWithLifecycle
import androidx.lifecycle.viewModelScope
import androidx.lifecycle.viewmodel.compose.viewModel
import app.tandem.android.AppGraph
import app.tandem.android.R
import app.tandem.android.model.SessionState
import app.tandem.android.platform.BiometricOutcome
import app.tandem.android.platform.DeviceKeyUnavailableException
import app.tandem.android.platform.PromptText
import app.tandem.android.platform.authenticate
import app.tandem.android.platform.findFragmentActivity
import app.tandem.core.UnlockMethod
import javax.crypto.Cipher
import kotlinx.coroutines.CancellationException
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.flow.asStateFlow
import kotlinx.coroutines.launch
import kotlinx.coroutines.withContext

/** Why the biometric way in is not offered or did not work, in the platform's words. */
enum class DeviceNotice {
    /** Biometrics changed since the key was made; it was forgotten. */
    KeyInvalidated,

    /** The Keystore or the prompt failed this time. */
    Failed,
}

/** Unlocks the session by device key, passphrase or recovery code; every core and Keystore call off the main thread. */
class UnlockViewModel(private val graph: AppGraph) : ViewModel() {
    private val busyFlow = MutableStateFlow(false)
    private val keyHeldFlow = MutableStateFlow(false)
    private val noticeFlow = MutableStateFlow<DeviceNotice?>(null)

    /** True while an unlock runs (a passphrase takes a moment: the key derivation is slow on purpose). */
    val busy: StateFlow<Boolean> = busyFlow.asStateFlow()

    /** Whether this phone holds a device key for the journal. */
    val keyHeld: StateFlow<Boolean> = keyHeldFlow.asStateFlow()

    /** Why the biometric way in is not offered, if it is not. */
    val notice: StateFlow<DeviceNotice?> = noticeFlow.asStateFlow()

    init {
        viewModelScope.launch {
            keyHeldFlow.value = withContext(Dispatchers.IO) {
                try {
                    graph.vault.hasKey()
                } catch (e: CancellationException) {
                    throw e
                } catch (_: Exception) {
                    false
                }
            }
        }
    }

    /** The cipher for the prompt, or null (with the notice set) when the key is gone or the Keystore refused. */
    suspend fun cipherForUnlock(): Cipher? = withContext(Dispatchers.IO) {
        try {
            graph.vault.cipherForUnlock()
        } catch (e: CancellationException) {
            throw e
        } catch (_: DeviceKeyUnavailableException) {
            keyHeldFlow.value = false
            noticeFlow.value = DeviceNotice.KeyInvalidated
            null
        } catch (_: Exception) {
            noticeFlow.value = DeviceNotice.Failed
            null
        }
    }

    /** Unwraps the device key with the authenticated [cipher] and opens the journal with it. */
    fun unlockWithCipher(cipher: Cipher) = launchBusy {
        val key = try {
            withContext(Dispatchers.IO) { graph.vault.openKey(cipher) }
        } catch (e: CancellationException) {
            throw e
        } catch (_: Exception) {
            noticeFlow.value = DeviceNotice.Failed
            return@launchBusy
        }
        try {
            val opened = graph.session.unlockWithDeviceKey(key)
            // Only a key the journal refuses is of no use (a restore replaced
            // the journal and its wraps) and is forgotten. A file that could
            // not be read this time keeps the key for the next try.
            val refused = (graph.session.state.value as? SessionState.Locked)?.keyRefused == true
            if (!opened && refused) {
                withContext(Dispatchers.IO) { graph.vault.forget() }
                keyHeldFlow.value = false
            }
        } finally {
            key.fill(0)
        }
    }

    /** Opens the journal with the passphrase as typed. */
    fun unlockWithPassphrase(passphrase: String) = launchBusy { graph.session.unlockWithPassphrase(passphrase) }

    /** Opens the journal with the recovery code as typed. */
    fun unlockWithRecoveryCode(code: String) = launchBusy { graph.session.unlockWithRecoveryCode(code) }

    /** The prompt itself failed (locked out after too many tries, for one). */
    fun reportPromptFailure() {
        noticeFlow.value = DeviceNotice.Failed
    }

    /** The user saw the notice. */
    fun dismissNotice() {
        noticeFlow.value = null
    }

    private fun launchBusy(block: suspend () -> Unit) {
        if (busyFlow.value) return
        busyFlow.value = true
        viewModelScope.launch {
            try {
                block()
            } finally {
                busyFlow.value = false
            }
        }
    }
}

/** The lock screen. */
@Composable
fun UnlockRoute(graph: AppGraph) {
    val vm: UnlockViewModel = viewModel { UnlockViewModel(graph) }
    val session by graph.session.state.collectAsStateWithLifecycle()
    val busy by vm.busy.collectAsStateWithLifecycle()
    val keyHeld by vm.keyHeld.collectAsStateWithLifecycle()
    val notice by vm.notice.collectAsStateWithLifecycle()
    val locked = session as? SessionState.Locked ?: return
    val context = LocalContext.current
    val scope = rememberCoroutineScope()
    val promptText = PromptText(
        title = stringResource(R.string.unlock_prompt_title),
        subtitle = null,
        negativeButton = stringResource(R.string.unlock_prompt_negative),
    )
    val deviceOffered = keyHeld && UnlockMethod.DEVICE in locked.methods
    val passphraseOffered = UnlockMethod.PASSPHRASE in locked.methods
    // The methods can change after the first frame (the file is read off the
    // main thread), so the recovery code is a preference, not a fixed choice.
    var preferCode by remember { mutableStateOf(false) }
    val useCode = preferCode || !passphraseOffered
    var secret by remember { mutableStateOf("") }
    // Prompt once on arrival, not again after each rotation.
    var prompted by rememberSaveable { mutableStateOf(false) }

    val promptBiometric: () -> Unit = {
        val activity = context.findFragmentActivity()
        if (activity != null && !busy) {
            scope.launch {
                val cipher = vm.cipherForUnlock() ?: return@launch
                when (val outcome = authenticate(activity, cipher, promptText)) {
                    is BiometricOutcome.Success -> vm.unlockWithCipher(outcome.cipher)
                    BiometricOutcome.Cancelled -> Unit
                    is BiometricOutcome.Error -> vm.reportPromptFailure()
                }
            }
        }
    }
    LaunchedEffect(deviceOffered) {
        if (deviceOffered && !prompted) {
            prompted = true
            promptBiometric()
        }
    }
    val submit = {
        if (secret.isNotBlank() && !busy) {
            if (useCode) vm.unlockWithRecoveryCode(secret) else vm.unlockWithPassphrase(secret)
        }
    }

    ScreenColumn {
        ScreenTitle(stringResource(R.string.unlock_title))
        Hint(stringResource(R.string.unlock_body))
        if (deviceOffered) {
            PrimaryButton(
                text = stringResource(R.string.unlock_biometric),
                busy = busy,
                onClick = promptBiometric,
            )
        }
        when (notice) {
            DeviceNotice.KeyInvalidated -> MessageCard(stringResource(R.string.unlock_key_invalidated), onDismiss = vm::dismissNotice)
            DeviceNotice.Failed -> MessageCard(stringResource(R.string.unlock_biometric_failed), onDismiss = vm::dismissNotice)
            null -> Unit
        }
        SectionTitle(stringResource(if (useCode) R.string.unlock_with_code else R.string.unlock_with_passphrase))
        if (useCode) Hint(stringResource(R.string.unlock_code_hint))
        SecretField(
            value = secret,
            onValueChange = { secret = it },
            label = stringResource(if (useCode) R.string.recovery_code else R.string.passphrase),
            hidden = !useCode,
            onDone = submit,
        )
        locked.message?.let { MessageCard(it) }
        if (deviceOffered) {
            OutlinedButton(
                onClick = submit,
                enabled = secret.isNotBlank() && !busy,
                modifier = Modifier
                    .fillMaxWidth()
                    .heightIn(min = MinTouch),
            ) { Text(stringResource(R.string.unlock_button)) }
        } else {
            PrimaryButton(
                text = stringResource(R.string.unlock_button),
                busy = busy,
                enabled = secret.isNotBlank(),
                onClick = submit,
            )
        }
        if (passphraseOffered && UnlockMethod.RECOVERY in locked.methods) {
            TextButton(
                onClick = {
                    preferCode = !preferCode
                    secret = ""
                },
                modifier = Modifier.heightIn(min = MinTouch),
            ) {
                Text(
                    stringResource(if (useCode) R.string.use_passphrase_instead else R.string.use_recovery_code_instead),
                    style = MaterialTheme.typography.labelLarge,
                )
            }
        }
    }
}
