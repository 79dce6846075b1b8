// Shared by the model-layer tests: a real journal in a temp dir with a low
// PBKDF2 count, the base of the tests that use one, and dispatchers that
// show where the model's core calls ran. Check-ins are built with `ci` of
// tests/kotlin/JournalTest.kt, compiled with these files by run.sh.
package app.tandem.android.model

import app.tandem.core.CheckIn
import app.tandem.core.DateRange
import app.tandem.core.HistoryWeek
import app.tandem.core.Insights
import app.tandem.core.Journal
import app.tandem.core.NaiveDate
import app.tandem.core.NoHandle
import app.tandem.core.Reflection
import app.tandem.core.SavedCheckIn
import app.tandem.core.SavedReflection
import app.tandem.core.Section
import app.tandem.core.Settings
import app.tandem.core.UnlockMethod
import app.tandem.core.WeekSummary
import app.tandem.core.createJournal
import java.io.Closeable
import java.nio.file.Files
import java.nio.file.Path
import java.time.LocalDate
import java.util.Collections
import java.util.concurrent.CountDownLatch
import java.util.concurrent.Executors
import java.util.concurrent.Semaphore
import java.util.concurrent.TimeUnit
import java.util.concurrent.atomic.AtomicInteger
import kotlin.coroutines.CoroutineContext
import kotlinx.coroutines.CoroutineDispatcher
import org.junit.After

/** A low PBKDF2 count: 600,000 rounds per unlock would make the suite slow. */
val TEST_KDF: UInt = 1_000u

/** The passphrase the fixtures create journals with. */
const val PASSPHRASE = "correct horse battery"

/** A day from its ISO text. */
fun day(text: String): LocalDate = LocalDate.parse(text)

/** A temp dir with a path for a journal; [journal] creates one there on first use. */
class TempJournal(deviceKey: ByteArray? = null, passphrase: String? = PASSPHRASE) : Closeable {
    /** The temp dir, removed on close. */
    val dir: Path = Files.createTempDirectory("tandem-model")

    /** The journal file's path. */
    val path: String = dir.resolve("journal.tandem").toString()

    private val made by lazy { createJournal(path, deviceKey, passphrase, TEST_KDF) }

    /** The new journal, unlocked. */
    val journal: Journal get() = made.journal

    /** The recovery code shown at creation. */
    val recoveryCode: String get() = made.recoveryCode

    override fun close() {
        dir.toFile().deleteRecursively()
    }
}

/**
 * The base of a test over one real journal: a fresh [temp] journal and an
 * [io] dispatcher for each test, both closed after it.
 */
abstract class JournalFixture {
    /** The test's journal, in its own temp dir. */
    protected val temp = TempJournal()

    /** The dispatcher the holders under test are given. */
    protected val io = TestDispatcher()

    @After
    fun cleanUp() {
        io.close()
        temp.close()
    }
}

/**
 * Runs coroutines on one named daemon thread and counts dispatches, so a
 * test can tell that a holder switched to the dispatcher it was given.
 */
class TestDispatcher : CoroutineDispatcher(), Closeable {
    /** The name of the one thread. */
    val threadName = "tandem-test-io-${serial.incrementAndGet()}"
    private val executor = Executors.newSingleThreadExecutor { r -> Thread(r, threadName).apply { isDaemon = true } }

    /** How many blocks were dispatched. */
    val dispatches = AtomicInteger()

    override fun dispatch(context: CoroutineContext, block: Runnable) {
        dispatches.incrementAndGet()
        executor.execute(block)
    }

    override fun close() {
        executor.shutdown()
    }

    private companion object {
        val serial = AtomicInteger()
    }
}

/**
 * Runs coroutines on one daemon thread, but while it is [shut] every block
 * dispatched to it waits at the gate until [open]: a holder's core call
 * stays in flight for as long as a test needs, to cancel it there.
 */
class GateDispatcher : CoroutineDispatcher(), Closeable {
    private val executor = Executors.newSingleThreadExecutor { r -> Thread(r, "tandem-test-gate").apply { isDaemon = true } }
    private val waiting = Semaphore(0)

    @Volatile
    private var gate = CountDownLatch(0)

    /** Blocks dispatched from now on wait until [open]. */
    fun shut() {
        gate = CountDownLatch(1)
    }

    /** Lets every waiting block, and every later one, run. */
    fun open() {
        gate.countDown()
    }

    /** Returns once a block is waiting at the shut gate; fails after ten seconds without one. */
    fun awaitWaiting() {
        check(waiting.tryAcquire(10, TimeUnit.SECONDS)) { "no block reached the gate" }
    }

    override fun dispatch(context: CoroutineContext, block: Runnable) {
        val atDispatch = gate
        executor.execute {
            if (atDispatch.count > 0) {
                waiting.release()
                atDispatch.await()
            }
            block.run()
        }
    }

    override fun close() {
        open()
        executor.shutdown()
    }
}

/**
 * A journal that records the thread of every call the model makes and hands
 * it on to [real]: the holders' core calls must never run on the caller's thread.
 */
class ThreadRecordingJournal(private val real: Journal) : Journal(NoHandle) {
    /** Thread names, one per call, in call order. */
    val threads: MutableList<String> = Collections.synchronizedList(mutableListOf())

    private fun <T> record(call: () -> T): T {
        threads += Thread.currentThread().name
        return call()
    }

    override fun today(): NaiveDate = record { real.today() }
    override fun checkin(day: NaiveDate): SavedCheckIn? = record { real.checkin(day) }
    override fun saveCheckin(checkin: CheckIn): SavedCheckIn = record { real.saveCheckin(checkin) }
    override fun deleteCheckin(day: NaiveDate) = record { real.deleteCheckin(day) }
    override fun reflection(day: NaiveDate): SavedReflection? = record { real.reflection(day) }
    override fun saveReflection(reflection: Reflection): SavedReflection = record { real.saveReflection(reflection) }
    override fun weekOf(day: NaiveDate): DateRange = record { real.weekOf(day) }
    override fun history(from: NaiveDate?, to: NaiveDate?): List<HistoryWeek> = record { real.history(from, to) }
    override fun insights(lastDay: NaiveDate, weeks: UInt): Insights = record { real.insights(lastDay, weeks) }
    override fun weekSummary(day: NaiveDate): WeekSummary = record { real.weekSummary(day) }
    override fun settings(): Settings = record { real.settings() }
    override fun setSettings(settings: Settings) = record { real.setSettings(settings) }
    override fun unlockMethods(): List<UnlockMethod> = record { real.unlockMethods() }
    override fun setPassphrase(passphrase: String?) = record { real.setPassphrase(passphrase) }
    override fun defaultSummaryRange(): DateRange = record { real.defaultSummaryRange() }
    override fun summaryHtml(range: DateRange, sections: List<Section>): String =
        record { real.summaryHtml(range, sections) }
}
