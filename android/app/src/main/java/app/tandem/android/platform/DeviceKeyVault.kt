// Custody of the device key: the random 32-byte key the core takes to open
// the journal without a passphrase. It never rests in the clear: an AES-GCM
// key in the Android Keystore, usable only right after a strong biometric
// check, wraps it, and the wrapped bytes (the model's DeviceKeyBlob) sit in
// the no-backup files dir.
package app.tandem.android.platform

import android.content.Context
import android.os.Build
import android.security.keystore.KeyGenParameterSpec
import android.security.keystore.KeyPermanentlyInvalidatedException
import android.security.keystore.KeyProperties
import androidx.biometric.BiometricManager
import app.tandem.android.model.DeviceKeyBlob
import app.tandem.android.model.DeviceKeyBlobException
import java.io.File
import java.io.IOException
import java.security.GeneralSecurityException
import java.security.KeyStore
import java.security.SecureRandom
import java.security.UnrecoverableKeyException
import javax.crypto.Cipher
import javax.crypto.KeyGenerator
import javax.crypto.SecretKey
import javax.crypto.spec.GCMParameterSpec

/** The device key cannot be used any more: biometrics changed, or its stored form is unreadable. It was forgotten. */
class DeviceKeyUnavailableException(cause: Throwable?) : Exception("device key unavailable", cause)

/**
 * Makes, wraps, stores and unwraps the device key. Every method does
 * Keystore or file work: call them off the main thread.
 */
class DeviceKeyVault(context: Context) {
    private val appContext = context.applicationContext
    private val blobFile = File(appContext.noBackupFilesDir, BLOB_FILE_NAME)

    /** Whether this phone can guard a key with a strong biometric (fingerprint or face of class 3) now. */
    fun biometricsAvailable(): Boolean =
        BiometricManager.from(appContext).canAuthenticate(BiometricManager.Authenticators.BIOMETRIC_STRONG) ==
            BiometricManager.BIOMETRIC_SUCCESS

    /** Whether a wrapped key is stored and the Keystore key that opens it still exists. */
    fun hasKey(): Boolean = blobFile.isFile && keyStore().containsAlias(KEY_ALIAS)

    /**
     * Replaces any earlier key with a new Keystore key and returns a cipher
     * to wrap a fresh device key with, to hand to BiometricPrompt; then call [sealNewKey].
     */
    fun cipherForNewKey(): Cipher {
        forget()
        val cipher = Cipher.getInstance(TRANSFORMATION)
        cipher.init(Cipher.ENCRYPT_MODE, generateKeystoreKey())
        return cipher
    }

    /**
     * Draws a new random device key, wraps it with [cipher] (authenticated by
     * the prompt), stores the wrap and returns the key. The caller wipes the
     * returned array once the core has it.
     */
    fun sealNewKey(cipher: Cipher): ByteArray {
        val key = ByteArray(DEVICE_KEY_SIZE).also { SecureRandom().nextBytes(it) }
        try {
            val sealed = cipher.doFinal(key)
            writeAtomically(DeviceKeyBlob(cipher.iv, sealed).toBytes())
            return key
        } catch (e: Exception) {
            key.fill(0)
            forget()
            throw e
        }
    }

    /**
     * A cipher that unwraps the stored key, to hand to BiometricPrompt; then
     * call [openKey].
     * @throws DeviceKeyUnavailableException when biometrics changed since the
     *   key was made (the Keystore invalidates it) or the stored bytes are not
     *   a wrap; the key is forgotten and the passphrase or recovery code opens the journal.
     */
    fun cipherForUnlock(): Cipher {
        val unavailable: Exception = try {
            val blob = DeviceKeyBlob.parse(blobFile.readBytes())
            val key = keyStore().getKey(KEY_ALIAS, null) as? SecretKey
            if (key != null) {
                val cipher = Cipher.getInstance(TRANSFORMATION)
                cipher.init(Cipher.DECRYPT_MODE, key, GCMParameterSpec(TAG_BITS, blob.iv))
                return cipher
            }
            IllegalStateException("no keystore key")
        } catch (e: KeyPermanentlyInvalidatedException) {
            e
        } catch (e: UnrecoverableKeyException) {
            // Some Keystore versions report a key invalidated by a new
            // enrolment this way, at getKey, instead of at init.
            e
        } catch (e: DeviceKeyBlobException) {
            e
        } catch (e: IOException) {
            e
        }
        forget()
        throw DeviceKeyUnavailableException(unavailable)
    }

    /** The device key, unwrapped by [cipher] after the prompt. The caller wipes it once the core has it. */
    fun openKey(cipher: Cipher): ByteArray {
        val blob = DeviceKeyBlob.parse(blobFile.readBytes())
        return cipher.doFinal(blob.ciphertext)
    }

    /** Deletes the Keystore key and the stored wrap; the device key is gone for good. */
    fun forget() {
        try {
            keyStore().deleteEntry(KEY_ALIAS)
        } catch (_: GeneralSecurityException) {
            // Nothing to delete, or the Keystore refused: the wrap below goes either way.
        }
        blobFile.delete()
    }

    private fun generateKeystoreKey(): SecretKey {
        val spec = KeyGenParameterSpec.Builder(
            KEY_ALIAS,
            KeyProperties.PURPOSE_ENCRYPT or KeyProperties.PURPOSE_DECRYPT,
        )
            .setBlockModes(KeyProperties.BLOCK_MODE_GCM)
            .setEncryptionPaddings(KeyProperties.ENCRYPTION_PADDING_NONE)
            .setKeySize(256)
            .setUserAuthenticationRequired(true)
            // A new fingerprint or face enrolled by someone with the screen lock
            // must not open the journal: the key dies with the enrolment.
            .setInvalidatedByBiometricEnrollment(true)
            .apply {
                // Every use needs its own strong biometric check (no time window).
                if (Build.VERSION.SDK_INT >= Build.VERSION_CODES.R) {
                    setUserAuthenticationParameters(0, KeyProperties.AUTH_BIOMETRIC_STRONG)
                } else {
                    @Suppress("DEPRECATION")
                    setUserAuthenticationValidityDurationSeconds(-1)
                }
            }
            .build()
        val generator = KeyGenerator.getInstance(KeyProperties.KEY_ALGORITHM_AES, ANDROID_KEYSTORE)
        generator.init(spec)
        return generator.generateKey()
    }

    private fun writeAtomically(bytes: ByteArray) {
        val temp = File(blobFile.parentFile, "$BLOB_FILE_NAME.tmp")
        temp.writeBytes(bytes)
        if (!temp.renameTo(blobFile)) {
            temp.delete()
            throw IOException("could not store the device key")
        }
    }

    private fun keyStore(): KeyStore = KeyStore.getInstance(ANDROID_KEYSTORE).apply { load(null) }

    private companion object {
        const val ANDROID_KEYSTORE = "AndroidKeyStore"
        const val KEY_ALIAS = "tandem.device-key-wrap.v1"
        const val BLOB_FILE_NAME = "device-key.bin"
        const val TRANSFORMATION = "AES/GCM/NoPadding"
        const val TAG_BITS = 128
        const val DEVICE_KEY_SIZE = 32
    }
}
