// BiometricPrompt as one suspending call: show the system prompt for a
// Keystore cipher and come back with the cipher it unlocked, or why not.
package app.tandem.android.platform

import android.content.Context
import android.content.ContextWrapper
import androidx.biometric.BiometricManager
import androidx.biometric.BiometricPrompt
import androidx.core.content.ContextCompat
import androidx.fragment.app.FragmentActivity
import javax.crypto.Cipher
import kotlin.coroutines.resume
import kotlinx.coroutines.suspendCancellableCoroutine

/** How a biometric prompt ended. */
sealed interface BiometricOutcome {
    /** The user was recognised; [cipher] may now be used once. */
    data class Success(val cipher: Cipher) : BiometricOutcome

    /** The user closed the prompt or chose the other way in. */
    data object Cancelled : BiometricOutcome

    /** The system refused (too many tries, no hardware …); [message] is the system's own sentence. */
    data class Error(val message: String) : BiometricOutcome
}

/** The words on the prompt. */
data class PromptText(val title: String, val subtitle: String?, val negativeButton: String)

/**
 * Shows the strong-biometric prompt for [cipher] over [activity]. Call on
 * the main thread; cancelling the calling coroutine closes the prompt.
 */
suspend fun authenticate(activity: FragmentActivity, cipher: Cipher, text: PromptText): BiometricOutcome =
    suspendCancellableCoroutine { continuation ->
        val callback = object : BiometricPrompt.AuthenticationCallback() {
            override fun onAuthenticationSucceeded(result: BiometricPrompt.AuthenticationResult) {
                val unlocked = result.cryptoObject?.cipher
                val outcome = if (unlocked != null) {
                    BiometricOutcome.Success(unlocked)
                } else {
                    BiometricOutcome.Error("")
                }
                if (continuation.isActive) continuation.resume(outcome)
            }

            override fun onAuthenticationError(errorCode: Int, errString: CharSequence) {
                val outcome = when (errorCode) {
                    BiometricPrompt.ERROR_NEGATIVE_BUTTON,
                    BiometricPrompt.ERROR_USER_CANCELED,
                    BiometricPrompt.ERROR_CANCELED,
                    -> BiometricOutcome.Cancelled
                    else -> BiometricOutcome.Error(errString.toString())
                }
                if (continuation.isActive) continuation.resume(outcome)
            }

            // onAuthenticationFailed is one unrecognised try; the prompt stays up for another.
        }
        val mainExecutor = ContextCompat.getMainExecutor(activity)
        val prompt = BiometricPrompt(activity, mainExecutor, callback)
        val info = BiometricPrompt.PromptInfo.Builder()
            .setTitle(text.title)
            .apply { text.subtitle?.let { setSubtitle(it) } }
            .setNegativeButtonText(text.negativeButton)
            .setAllowedAuthenticators(BiometricManager.Authenticators.BIOMETRIC_STRONG)
            .setConfirmationRequired(false)
            .build()
        prompt.authenticate(info, BiometricPrompt.CryptoObject(cipher))
        // Cancellation may come from any thread; the prompt is closed on the main one.
        continuation.invokeOnCancellation { mainExecutor.execute { prompt.cancelAuthentication() } }
    }

/** The FragmentActivity behind a Compose [Context] (Compose may hand out a wrapper). */
fun Context.findFragmentActivity(): FragmentActivity? {
    var context: Context? = this
    while (context != null) {
        if (context is FragmentActivity) return context
        context = (context as? ContextWrapper)?.baseContext
    }
    return null
}
