// The device key's stored form: the layout, a real AES-GCM round trip
// through it, and the typed refusals.
package app.tandem.android.model

import javax.crypto.Cipher
import javax.crypto.spec.GCMParameterSpec
import javax.crypto.spec.SecretKeySpec
import kotlin.test.assertContentEquals
import kotlin.test.assertEquals
import kotlin.test.assertFailsWith
import org.junit.Test

class DeviceKeyBlobTest {
    private val iv = ByteArray(12) { (0xA0 + it).toByte() }
    private val sealed = ByteArray(48) { it.toByte() }

    @Test
    fun theBytesAreVersionOneThenTheIvThenTheCiphertextSixtyOneInAll() {
        val bytes = DeviceKeyBlob(iv, sealed).toBytes()
        assertEquals(61, bytes.size)
        assertEquals(1, bytes[0].toInt())
        assertContentEquals(iv, bytes.copyOfRange(1, 13))
        assertContentEquals(sealed, bytes.copyOfRange(13, 61))
        val parsed = DeviceKeyBlob.parse(bytes)
        assertContentEquals(iv, parsed.iv)
        assertContentEquals(sealed, parsed.ciphertext)
        assertEquals(DeviceKeyBlob(iv, sealed), parsed)
    }

    @Test
    fun aThirtyTwoByteKeySealedWithAesGcmFitsAndOpensAgain() {
        // The platform's route with the JDK's AES-GCM standing in for the
        // Keystore: a 16-byte tag on a 32-byte key makes the 48 bytes.
        val wrapping = SecretKeySpec(ByteArray(32) { 7 }, "AES")
        val deviceKey = ByteArray(32) { (it * 3).toByte() }
        val seal = Cipher.getInstance("AES/GCM/NoPadding")
        seal.init(Cipher.ENCRYPT_MODE, wrapping, GCMParameterSpec(128, iv))
        val stored = DeviceKeyBlob(iv, seal.doFinal(deviceKey)).toBytes()

        val blob = DeviceKeyBlob.parse(stored)
        val open = Cipher.getInstance("AES/GCM/NoPadding")
        open.init(Cipher.DECRYPT_MODE, wrapping, GCMParameterSpec(128, blob.iv))
        assertContentEquals(deviceKey, open.doFinal(blob.ciphertext))
    }

    @Test
    fun anyOtherLengthIsRefusedWithItsLength() {
        val good = DeviceKeyBlob(iv, sealed).toBytes()
        for (length in listOf(0, 1, 60, 62, 93)) {
            val bytes = good.copyOf(length)
            val e = assertFailsWith<DeviceKeyBlobException.WrongLength> { DeviceKeyBlob.parse(bytes) }
            assertEquals(length, e.length)
        }
    }

    @Test
    fun anyOtherVersionIsRefusedWithTheVersionItFound() {
        for (version in listOf(0, 2, 255)) {
            val bytes = DeviceKeyBlob(iv, sealed).toBytes().also { it[0] = version.toByte() }
            val e = assertFailsWith<DeviceKeyBlobException.UnknownVersion> { DeviceKeyBlob.parse(bytes) }
            assertEquals(version, e.version)
        }
    }

    @Test
    fun theBlobKeepsItsOwnCopiesOfTheBytes() {
        val mine = iv.copyOf()
        val blob = DeviceKeyBlob(mine, sealed)
        mine[0] = 0
        blob.iv[1] = 0
        assertContentEquals(iv, blob.iv)
    }

    @Test
    fun partsOfTheWrongSizeCannotMakeABlob() {
        assertFailsWith<IllegalArgumentException> { DeviceKeyBlob(ByteArray(11), sealed) }
        assertFailsWith<IllegalArgumentException> { DeviceKeyBlob(iv, ByteArray(32)) }
    }
}
