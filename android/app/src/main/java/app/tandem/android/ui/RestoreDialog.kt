// Restoring a backup: the picked file copied in, then the dialog that asks
// for what opens it (its passphrase, or the recovery code). Used by the
// first run (a new phone) and by Settings (replacing the journal).
package app.tandem.android.ui

import android.net.Uri
import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.heightIn
import androidx.compose.foundation.rememberScrollState
import androidx.compose.foundation.verticalScroll
import androidx.compose.material3.AlertDialog
import androidx.compose.material3.CircularProgressIndicator
import androidx.compose.material3.Text
import androidx.compose.material3.TextButton
import androidx.compose.runtime.Composable
import androidx.compose.runtime.getValue
import androidx.compose.runtime.mutableStateOf
import androidx.compose.runtime.remember
import androidx.compose.runtime.setValue
import androidx.compose.ui.Modifier
import androidx.compose.ui.res.stringResource
import androidx.compose.ui.unit.dp
import app.tandem.android.R
import app.tandem.android.platform.JournalFiles
import app.tandem.android.platform.fileMessageFor
import app.tandem.core.Unlock
import kotlinx.coroutines.CancellationException
import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.flow.asStateFlow
import kotlinx.coroutines.launch

/** A restore as its screen shows it: a picked backup waiting for its secret, work in progress, the last failure. */
data class RestoreState(val picked: Boolean = false, val busy: Boolean = false, val message: String? = null)

/**
 * Pick a backup, then restore it with its passphrase or recovery code: the
 * flow the first run and Settings share, over [files]. [restoreWith] is the
 * restore itself ([JournalFiles.restoreFresh] or [JournalFiles.restoreReplacing]).
 * Picking runs in the screen's [scope]; the restore and dropping the picked
 * copy run in the app's [appScope], so neither is cut off halfway when the
 * screen goes.
 */
class BackupRestore(
    private val files: JournalFiles,
    private val scope: CoroutineScope,
    private val appScope: CoroutineScope,
    private val restoreWith: suspend (Unlock) -> Unit,
) {
    private val flow = MutableStateFlow(RestoreState())

    /** The picked backup, progress and the last failure's sentence. */
    val state: StateFlow<RestoreState> = flow.asStateFlow()

    /** Copies the picked backup in and asks for its secret. */
    fun pick(source: Uri) {
        scope.launch {
            flow.value = RestoreState(busy = true)
            flow.value = try {
                files.readBackup(source)
                RestoreState(picked = true)
            } catch (e: CancellationException) {
                throw e
            } catch (e: Exception) {
                RestoreState(message = fileMessageFor(e))
            }
        }
    }

    /** Restores the picked backup opened with [unlock]; a failure keeps it picked, for another try. */
    fun restore(unlock: Unlock) {
        flow.value = flow.value.copy(busy = true, message = null)
        appScope.launch {
            flow.value = try {
                restoreWith(unlock)
                RestoreState()
            } catch (e: CancellationException) {
                throw e
            } catch (e: Exception) {
                flow.value.copy(busy = false, message = fileMessageFor(e))
            }
        }
    }

    /** The user closed the restore dialog: the picked copy goes. */
    fun cancel() {
        flow.value = RestoreState()
        appScope.launch { files.discardIncoming() }
    }

    /** Clears the failure's sentence once shown. */
    fun dismissMessage() {
        flow.value = flow.value.copy(message = null)
    }
}

/**
 * The secret that opens a picked backup. [replacing] adds the warning that
 * the journal on this phone will be replaced. [message] is the last
 * failure's sentence; the fields keep what was typed so it can be fixed.
 */
@Composable
fun RestoreDialog(
    replacing: Boolean,
    busy: Boolean,
    message: String?,
    onRestore: (Unlock) -> Unit,
    onDismiss: () -> Unit,
) {
    // Not rememberSaveable: a passphrase has no business in saved instance state.
    var useCode by remember { mutableStateOf(false) }
    var secret by remember { mutableStateOf("") }
    val submit = {
        if (secret.isNotBlank() && !busy) {
            onRestore(if (useCode) Unlock.RecoveryCode(secret) else Unlock.Passphrase(secret))
        }
    }
    AlertDialog(
        onDismissRequest = { if (!busy) onDismiss() },
        title = { Text(stringResource(R.string.restore_title)) },
        text = {
            Column(
                modifier = Modifier.verticalScroll(rememberScrollState()),
                verticalArrangement = Arrangement.spacedBy(12.dp),
            ) {
                if (replacing) Text(stringResource(R.string.restore_replaces))
                Text(
                    stringResource(if (useCode) R.string.restore_with_code_hint else R.string.restore_with_passphrase_hint),
                )
                SecretField(
                    value = secret,
                    onValueChange = { secret = it },
                    label = stringResource(if (useCode) R.string.recovery_code else R.string.passphrase),
                    hidden = !useCode,
                    onDone = submit,
                )
                TextButton(
                    onClick = {
                        useCode = !useCode
                        secret = ""
                    },
                    modifier = Modifier.heightIn(min = MinTouch),
                ) {
                    Text(stringResource(if (useCode) R.string.use_passphrase_instead else R.string.use_recovery_code_instead))
                }
                if (busy) CircularProgressIndicator()
                if (message != null) MessageCard(message)
            }
        },
        confirmButton = {
            TextButton(onClick = submit, enabled = secret.isNotBlank() && !busy) {
                Text(stringResource(if (replacing) R.string.restore_replace_button else R.string.restore_button))
            }
        },
        dismissButton = {
            TextButton(onClick = onDismiss, enabled = !busy) { Text(stringResource(R.string.cancel)) }
        },
        properties = SecureDialog,
    )
}
