// Asks for what opens a backup: its passphrase, or the recovery code.
// Used by the first run (a new phone) and by Settings (replacing the journal).
package app.tandem.android.ui

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
import app.tandem.core.Unlock

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
