// The device key at rest on Android: the 32-byte key the core takes,
// encrypted by a Keystore key that never leaves the secure hardware.
// Parsing is strict so that a truncated or foreign file is named as such
// instead of reaching the cipher.
package app.tandem.android.model

/** Why stored bytes are not a device-key blob. */
sealed class DeviceKeyBlobException(message: String) : Exception(message) {
    /** The bytes are [length] long, not [DeviceKeyBlob.SIZE]. */
    class WrongLength(val length: Int) :
        DeviceKeyBlobException("device key blob is $length bytes, expected ${DeviceKeyBlob.SIZE}")

    /** The first byte says version [version], which this build does not read. */
    class UnknownVersion(val version: Int) :
        DeviceKeyBlobException("device key blob version $version, expected ${DeviceKeyBlob.VERSION}")
}

/**
 * The wrapped device key: version byte 1, the 12-byte AES-GCM IV, and the
 * ciphertext of the 32-byte key with its 16-byte tag; 61 bytes in all.
 */
class DeviceKeyBlob(iv: ByteArray, ciphertext: ByteArray) {
    private val ivBytes = iv.copyOf()
    private val sealedBytes = ciphertext.copyOf()

    init {
        require(iv.size == IV_SIZE) { "IV must be $IV_SIZE bytes" }
        require(ciphertext.size == CIPHERTEXT_SIZE) { "ciphertext must be $CIPHERTEXT_SIZE bytes" }
    }

    /** The AES-GCM IV (a copy). */
    val iv: ByteArray
        get() = ivBytes.copyOf()

    /** The key's ciphertext with its tag (a copy). */
    val ciphertext: ByteArray
        get() = sealedBytes.copyOf()

    /** The 61 bytes to store. */
    fun toBytes(): ByteArray = byteArrayOf(VERSION) + ivBytes + sealedBytes

    /** Equal when the bytes are. */
    override fun equals(other: Any?): Boolean =
        other is DeviceKeyBlob && ivBytes.contentEquals(other.ivBytes) && sealedBytes.contentEquals(other.sealedBytes)

    /** Hashes the bytes. */
    override fun hashCode(): Int = 31 * ivBytes.contentHashCode() + sealedBytes.contentHashCode()

    /** The layout and the parser. */
    companion object {
        /** The format version this build writes and reads. */
        const val VERSION: Byte = 1

        /** AES-GCM's IV length. */
        const val IV_SIZE = 12

        /** A 32-byte key plus the 16-byte tag. */
        const val CIPHERTEXT_SIZE = 48

        /** Version, IV and ciphertext. */
        const val SIZE = 1 + IV_SIZE + CIPHERTEXT_SIZE

        /**
         * Reads stored [bytes].
         * @throws DeviceKeyBlobException.WrongLength or [DeviceKeyBlobException.UnknownVersion].
         */
        fun parse(bytes: ByteArray): DeviceKeyBlob {
            if (bytes.size != SIZE) throw DeviceKeyBlobException.WrongLength(bytes.size)
            if (bytes[0] != VERSION) throw DeviceKeyBlobException.UnknownVersion(bytes[0].toInt() and 0xff)
            return DeviceKeyBlob(bytes.copyOfRange(1, 1 + IV_SIZE), bytes.copyOfRange(1 + IV_SIZE, SIZE))
        }
    }
}
