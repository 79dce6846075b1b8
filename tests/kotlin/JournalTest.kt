// JVM tests of the generated Kotlin bindings against the host library.
// Run by tests/kotlin/run.sh; expected numbers are the hand-worked ones of
// core/tests/insights.rs for the same fixture (journal A).

import app.tandem.core.*
import java.nio.file.Files
import java.nio.file.Path
import java.time.LocalDate
import java.util.concurrent.CountDownLatch
import java.util.concurrent.Executors
import java.util.concurrent.TimeUnit
import kotlin.test.assertContains
import kotlin.test.assertEquals
import kotlin.test.assertFailsWith
import kotlin.test.assertFalse
import kotlin.test.assertNotEquals
import kotlin.test.assertNotNull
import kotlin.test.assertNull
import kotlin.test.assertTrue
import org.junit.After
import org.junit.Before
import org.junit.Test

/** A low PBKDF2 count: 600,000 rounds per unlock would make the suite slow. */
private val TEST_KDF = 1_000u
private const val PASSPHRASE = "correct horse battery"

private fun day(text: String): LocalDate = LocalDate.parse(text)

/** A check-in with the fields the insights read (as in core/tests/common/journals.rs). */
fun ci(
    date: String,
    mood: Int,
    me: Move,
    partner: PartnerMove,
    intensity: Int? = null,
    repair: Repair? = null,
    skills: List<Skill> = listOf(),
    feelings: List<Feeling> = listOf(),
    behaviours: List<Behaviour> = listOf(),
) = CheckIn(
    date = day(date),
    mood = mood.toUByte(),
    myMove = me,
    partnerMove = partner,
    behaviours = behaviours,
    feelings = feelings,
    intensity = intensity?.toUByte(),
    skills = skills,
    repair = repair,
    closeness = null,
    note = "",
)

/** Journal A: four Monday weeks around the turn of 2026/2027, the third empty. */
fun journalA(): List<CheckIn> = listOf(
    ci("2026-12-21", 2, Move.PURSUED, PartnerMove.WITHDREW, 7, Repair.NOT_YET,
        feelings = listOf(Feeling.ANXIOUS, Feeling.REJECTED),
        behaviours = listOf(Behaviour.ASK_TO_TALK, Behaviour.SEEK_REASSURANCE)),
    ci("2026-12-22", 3, Move.PURSUED, PartnerMove.WITHDREW, 5, Repair.PARTLY,
        skills = listOf(Skill.REGULATE), feelings = listOf(Feeling.ANXIOUS),
        behaviours = listOf(Behaviour.ASK_TO_TALK)),
    ci("2026-12-24", 4, Move.NEITHER, PartnerMove.NEITHER, 1, null,
        feelings = listOf(Feeling.CALM)),
    ci("2026-12-26", 1, Move.WITHDREW, PartnerMove.PURSUED, 8, Repair.RECONNECTED,
        skills = listOf(Skill.BREAK_AND_RETURN, Skill.REGULATE),
        feelings = listOf(Feeling.OVERWHELMED), behaviours = listOf(Behaviour.NEED_SPACE)),
    ci("2026-12-27", 5, Move.BOTH, PartnerMove.UNKNOWN, null, null,
        feelings = listOf(Feeling.CONNECTED, Feeling.ANXIOUS)),
    ci("2026-12-30", 3, Move.PURSUED, PartnerMove.WITHDREW, 4, Repair.RECONNECTED,
        skills = listOf(Skill.SLOW_DOWN, Skill.SPEAK_SOFTLY)),
    ci("2026-12-31", 4, Move.NEITHER, PartnerMove.BOTH, 0, null),
    ci("2027-01-02", 4, Move.PURSUED, PartnerMove.NEITHER, 2, null),
    ci("2027-01-03", 2, Move.PURSUED, PartnerMove.WITHDREW, 6, Repair.NOT_YET),
    ci("2027-01-12", 3, Move.PURSUED, PartnerMove.UNKNOWN, 5, Repair.RECONNECTED),
    ci("2027-01-14", 4, Move.NEITHER, PartnerMove.UNKNOWN, null, null),
)

class JournalTest {
    private lateinit var dir: Path
    private lateinit var path: String

    @Before
    fun makeDir() {
        dir = Files.createTempDirectory("tandem-kotlin")
        path = dir.resolve("journal.tandem").toString()
    }

    @After
    fun removeDir() {
        dir.toFile().deleteRecursively()
    }

    private fun create(): NewJournal =
        createJournal(path, deviceKey = null, passphrase = PASSPHRASE, kdfIterations = TEST_KDF)

    @Test
    fun checkInsSavedBeforeLockAreReadBackAfterReopeningByPassphraseAndByRecoveryCode() {
        val made = create()
        val journal = made.journal
        journal.setToday(day("2026-03-10"))
        val first = journal.saveCheckin(ci("2026-03-09", 2, Move.PURSUED, PartnerMove.WITHDREW, 6, Repair.PARTLY))
        journal.saveCheckin(ci("2026-03-10", 4, Move.NEITHER, PartnerMove.NEITHER).copy(note = "a walk"))
        assertEquals(1u, first.revision)
        assertEquals(day("2026-03-09"), first.checkin.date)
        journal.lock()
        assertTrue(journal.isLocked())
        assertFailsWith<JournalException.Locked> { journal.checkins(null, null) }
        journal.closeFile()
        journal.close()

        Journal.open(path, Unlock.Passphrase(PASSPHRASE)).use { byPassphrase ->
            val all = byPassphrase.checkins(null, null)
            assertEquals(listOf(day("2026-03-09"), day("2026-03-10")), all.map { it.checkin.date })
            assertEquals(2.toUByte(), all[0].checkin.mood)
            assertEquals(Repair.PARTLY, all[0].checkin.repair)
            assertEquals("a walk", all[1].checkin.note)
            assertEquals(listOf(UnlockMethod.PASSPHRASE, UnlockMethod.RECOVERY), byPassphrase.unlockMethods())
        }
        // The code as a user might type it: lower case, spaces for dashes.
        val typed = made.recoveryCode.lowercase().replace('-', ' ')
        Journal.open(path, Unlock.RecoveryCode(typed)).use { byCode ->
            assertEquals(2, byCode.checkins(null, null).size)
            assertEquals(6.toUByte(), byCode.checkin(day("2026-03-09"))?.checkin?.intensity)
            assertNull(byCode.checkin(day("2026-03-08")))
        }
    }

    @Test
    fun rekeyLeavesOnlyTheNewPassphraseAndTheNewRecoveryCode() {
        val made = create()
        made.journal.setToday(day("2026-03-10"))
        made.journal.saveCheckin(ci("2026-03-09", 2, Move.PURSUED, PartnerMove.WITHDREW, 6, Repair.PARTLY))
        val code = made.journal.rekey("a brand new passphrase", null)
        assertNotEquals(made.recoveryCode, code)
        made.journal.closeFile()
        made.journal.close()
        for (old in listOf(Unlock.Passphrase(PASSPHRASE), Unlock.RecoveryCode(made.recoveryCode))) {
            assertFailsWith<JournalException.WrongKey> { Journal.open(path, old) }
        }
        val renewed = Journal.open(path, Unlock.RecoveryCode(code)).use { byCode ->
            assertEquals(6.toUByte(), byCode.checkin(day("2026-03-09"))?.checkin?.intensity)
            byCode.renewRecoveryCode().also { byCode.closeFile() }
        }
        assertFailsWith<JournalException.WrongKey> { Journal.open(path, Unlock.RecoveryCode(code)) }
        Journal.open(path, Unlock.RecoveryCode(renewed)).use { it.closeFile() }
        Journal.open(path, Unlock.Passphrase("a brand new passphrase")).use { it.closeFile() }
    }

    @Test
    fun lockedJournalRefusesAllButItsUnlockMethodsAndUnlocksAgainWithThePassphrase() {
        create().journal.use { journal ->
            journal.lock()
            // Locked, it answers only how it opens: not even today's date.
            assertFailsWith<JournalException.Locked> { journal.today() }
            assertFailsWith<JournalException.Locked> { journal.settings() }
            assertEquals(listOf(UnlockMethod.PASSPHRASE, UnlockMethod.RECOVERY), journal.unlockMethods())
            journal.unlock(Unlock.Passphrase(PASSPHRASE))
            assertFalse(journal.isLocked())
            assertEquals(listOf(), journal.checkins(null, null))
        }
    }

    @Test
    fun wrongPassphraseRaisesWrongKey() {
        create().journal.close()
        assertFailsWith<JournalException.WrongKey> {
            Journal.open(path, Unlock.Passphrase("not the passphrase"))
        }
    }

    @Test
    fun deviceKeyOpensAJournalCreatedWithIt() {
        val key = ByteArray(32) { it.toByte() }
        createJournal(path, key, null).journal.close()
        Journal.open(path, Unlock.DeviceKey(key)).use { assertFalse(it.isLocked()) }
        val other = ByteArray(32) { 7 }
        assertFailsWith<JournalException.WrongKey> { Journal.open(path, Unlock.DeviceKey(other)) }
    }

    @Test
    fun moodOutOfRangeRaisesInvalidInputNamingTheMoodField() {
        create().journal.use { journal ->
            journal.setToday(day("2026-03-10"))
            val e = assertFailsWith<JournalException.InvalidInput> {
                journal.saveCheckin(ci("2026-03-10", 9, Move.NEITHER, PartnerMove.NEITHER))
            }
            assertEquals(InputField.MOOD, e.field)
            assertEquals(listOf(), journal.checkins(null, null))
        }
    }

    @Test
    fun dayBeyondTomorrowRaisesInvalidInputNamingTheDateField() {
        create().journal.use { journal ->
            journal.setToday(day("2026-03-10"))
            val e = assertFailsWith<JournalException.InvalidInput> {
                journal.saveCheckin(ci("2026-03-12", 3, Move.NEITHER, PartnerMove.NEITHER))
            }
            assertEquals(InputField.DATE, e.field)
        }
    }

    @Test
    fun shortPassphraseRaisesInvalidInputNamingThePassphraseField() {
        val e = assertFailsWith<JournalException.InvalidInput> {
            createJournal(path, null, "short", TEST_KDF)
        }
        assertEquals(InputField.PASSPHRASE, e.field)
        assertFalse(Files.exists(Path.of(path)))
        // The hint's figure is the rule's: five characters refused, six taken.
        assertEquals(6u, minPassphraseChars())
        createJournal(path, null, "sixsix", TEST_KDF).journal.close()
    }

    @Test
    fun mistypedRecoveryCodeRaisesInvalidInputBeforeAnyKeyWork() {
        val made = create()
        made.journal.close()
        val code = made.recoveryCode
        val last = code.last()
        val typo = code.dropLast(1) + (if (last == '0') '1' else '0')
        val e = assertFailsWith<JournalException.InvalidInput> { Journal.open(path, Unlock.RecoveryCode(typo)) }
        assertEquals(InputField.RECOVERY_CODE, e.field)
    }

    @Test
    fun openingAMissingJournalRaisesNotFound() {
        assertFailsWith<JournalException.NotFound> { Journal.open(path, Unlock.Passphrase(PASSPHRASE)) }
    }

    @Test
    fun journalASeriesOverFourWeeksKeepsTheEmptyWeekAsAGap() {
        create().journal.use { journal ->
            journal.setToday(day("2027-01-14"))
            journal.saveCheckins(journalA())
            val p = journal.pattern(day("2027-01-14"), 4u)
            assertEquals(WeekStart.MONDAY, p.weekStart)
            assertEquals(
                listOf(day("2026-12-21"), day("2026-12-28"), day("2027-01-04"), day("2027-01-11")),
                p.points.map { it.weekStart },
            )
            assertEquals(listOf(3.0, 3.25, null, 3.5), p.points.map { it.mood })
            assertEquals(listOf(3u, 2u, null, 0u), p.points.map { it.cycleDays })
            assertEquals(listOf(5.25, 3.0, null, 5.0), p.points.map { it.intensity })
            assertEquals(listOf(1.0 / 3.0, 0.5, null, 1.0), p.points.map { it.repairRate })
            assertEquals(MoveCounts(pursued = 3u, withdrew = 0u, both = 0u, neither = 1u), p.points[1].myMoves)
            val gap = p.points[2]
            assertEquals(0u, gap.daysLogged)
            assertNull(gap.myMoves)
            assertNull(gap.partnerMoves)
        }
    }

    @Test
    fun journalAWeekOfTheTwentyFirstCountsItsFiveDays() {
        create().journal.use { journal ->
            journal.setToday(day("2027-01-14"))
            journal.saveCheckins(journalA())
            val w = journal.weekSummary(day("2026-12-23"))
            assertEquals(day("2026-12-21"), w.weekStart)
            assertEquals(5u, w.daysLogged)
            // (2 + 3 + 4 + 1 + 5) / 5
            assertEquals(3.0, w.moodAverage)
            // 21st and 22nd: I pursued, my partner withdrew; 26th the other way round.
            assertEquals(3u, w.cycleDays)
        }
    }

    @Test
    fun summaryHtmlComesBackWithItsRangeAndTheJsonWithItsSchemaVersion() {
        create().journal.use { journal ->
            journal.setToday(day("2027-01-14"))
            journal.saveCheckins(journalA())
            val range = DateRange(day("2026-12-21"), day("2027-01-14"))
            val html = journal.summaryHtml(range, defaultSummarySections())
            assertTrue(html.startsWith("<!DOCTYPE html>", ignoreCase = true))
            assertContains(html, "2026")
            assertContains(html, "<svg")
            val json = journal.summaryJson(range, listOf(Section.OVERVIEW))
            assertContains(json, "\"schema_version\": 1")
            assertContains(json, "\"from\": \"2026-12-21\"")
            assertContains(json, "\"to\": \"2027-01-14\"")
        }
    }

    @Test
    fun reflectionSavedOnAWednesdayIsReadBackForItsMonday() {
        create().journal.use { journal ->
            journal.setToday(day("2026-03-12"))
            val saved = journal.saveReflection(
                Reflection(
                    weekStart = day("2026-03-11"),
                    raisesConcerns = Who.ME,
                    shutsDown = Who.PARTNER,
                    talkSafety = 4.toUByte(),
                    feltChased = Who.PARTNER,
                    needingSpace = "They leave the room and I follow",
                    note = "",
                ),
            )
            assertEquals(day("2026-03-09"), saved.reflection.weekStart)
            val back = journal.reflection(day("2026-03-15"))
            assertEquals(Who.PARTNER, back?.reflection?.shutsDown)
            assertEquals(listOf(day("2026-03-09")), journal.reflections(null, null).map { it.reflection.weekStart })
        }
    }

    @Test
    fun vocabularyServesEveryMoveWithALabel() {
        val moves = vocabulary().filter { it.kind == VocabKind.MOVE }
        assertEquals(listOf("pursued", "withdrew", "both", "neither"), moves.map { it.code })
        assertTrue(moves.all { it.label.isNotBlank() })
        assertEquals(Side.PURSUING, moves[0].side)
    }

    @Test
    fun choicesCarryTheEnumsWithTheVocabularyLabelsInTheSameOrder() {
        val c = choices()
        assertEquals(listOf(Move.PURSUED, Move.WITHDREW, Move.BOTH, Move.NEITHER), c.moves.map { it.value })
        val byCode = vocabulary().filter { it.kind == VocabKind.MOVE }.map { it.label }
        assertEquals(byCode, c.moves.map { it.label })
        assertEquals(PartnerMove.UNKNOWN, c.partnerMoves.last().value)
        // Six pursuing behaviours, then six withdrawing ones.
        assertEquals(List(6) { Side.PURSUING } + List(6) { Side.WITHDRAWING }, c.behaviours.map { it.side })
        assertEquals(listOf(Repair.RECONNECTED, Repair.PARTLY, Repair.NOT_YET), c.repairs.map { it.value })
        assertEquals(18, c.feelings.size)
        assertEquals(listOf(Who.ME, Who.PARTNER, Who.BOTH, Who.NEITHER), c.whos.map { it.value })
    }

    @Test
    fun summarySectionsAreOnByDefaultExceptThePrivateOnes() {
        val sections = summarySections()
        assertEquals(Section.OVERVIEW, sections.first().value)
        assertEquals(defaultSummarySections(), sections.filter { it.defaultOn }.map { it.value })
        assertEquals(
            listOf(Section.REFLECTION_NOTES, Section.NOTES, Section.CLOSENESS),
            sections.filterNot { it.defaultOn }.map { it.value },
        )
        assertTrue(sections.all { it.title.isNotBlank() })
    }

    @Test
    fun historyListsJournalAByWeekNewestFirstWithoutTheEmptyWeek() {
        create().journal.use { journal ->
            journal.setToday(day("2027-01-14"))
            journal.saveCheckins(journalA())
            val weeks = journal.history(null, null)
            assertEquals(listOf(day("2027-01-11"), day("2026-12-28"), day("2026-12-21")), weeks.map { it.firstDay })
            assertEquals(day("2027-01-03"), weeks[1].lastDay)
            assertEquals(listOf(2, 4, 5), weeks.map { it.checkins.size })
            assertEquals(DateRange(day("2026-12-28"), day("2027-01-03")), journal.weekOf(day("2027-01-01")))
            journal.setSettings(Settings(weekStart = WeekStart.SUNDAY))
            // Sunday weeks: 20-26 Dec, 27 Dec-2 Jan, 3-9 Jan (the 3rd alone), 10-16 Jan.
            assertEquals(listOf(2, 1, 4, 4), journal.history(null, null).map { it.checkins.size })
        }
    }

    @Test
    fun insightsCarryTheChartTextsAndTheCycleTrend() {
        create().journal.use { journal ->
            journal.setToday(day("2027-01-14"))
            journal.saveCheckins(journalA())
            val charts = journal.insights(day("2027-01-14"), 4u).charts
            assertEquals("Cycle days, week by week", charts.cycle.title)
            assertContains(charts.mood.description, "One week has no check-ins")
            // Cycle days 3, 2, gap, 0 at weeks 0, 1, 3: least squares gives 3 - 1 * i.
            val trend = assertNotNull(charts.cycleTrend)
            assertEquals(3.0, trend.intercept, 1e-9)
            assertEquals(-1.0, trend.slope, 1e-9)
        }
    }

    @Test
    fun changedPassphraseOpensAndTheOldOneNoLonger() {
        create().journal.use { journal ->
            journal.setKdfIterations(TEST_KDF)
            journal.setPassphrase("a new passphrase here")
        }
        assertFailsWith<JournalException.WrongKey> { Journal.open(path, Unlock.Passphrase(PASSPHRASE)) }
        Journal.open(path, Unlock.Passphrase("a new passphrase here")).close()
    }

    @Test
    fun exportImportsIntoAFreshJournalLosslessly() {
        val json = create().journal.use { journal ->
            journal.setToday(day("2027-01-14"))
            journal.saveCheckins(journalA())
            journal.exportJson()
        }
        val other = dir.resolve("other.tandem").toString()
        createJournal(other, null, PASSPHRASE, TEST_KDF).journal.use { fresh ->
            fresh.setToday(day("2027-01-14"))
            val report = fresh.importJson(json)
            assertEquals(11u, report.added)
            assertEquals(journalA(), fresh.checkins(null, null).map { it.checkin })
        }
    }

    @Test
    fun aPartnersExportIsRefusedUntilNamedAndThenKeptApartFromMyOwnEntries() {
        val theirs = create().journal.use { partner ->
            partner.setToday(day("2027-01-14"))
            partner.saveCheckin(ci("2027-01-12", 2, Move.PURSUED, PartnerMove.WITHDREW))
            partner.exportJson()
        }
        val mine = dir.resolve("mine.tandem").toString()
        createJournal(mine, null, PASSPHRASE, TEST_KDF).journal.use { me ->
            me.setToday(day("2027-01-14"))
            me.saveCheckin(ci("2027-01-12", 5, Move.NEITHER, PartnerMove.NEITHER))
            assertFailsWith<JournalException.FromAnotherJournal> { me.importJson(theirs) }
            val report = me.importJsonAs(theirs, ImportAs.PARTNER)
            assertEquals(1u, report.added)
            assertEquals(listOf(5.toUByte()), me.checkins(null, null).map { it.checkin.mood })
            assertEquals(listOf(2.toUByte()), me.checkinsBy(Author.PARTNER, null, null).map { it.checkin.mood })
            assertEquals(Author.PARTNER, me.checkinsBy(Author.PARTNER, null, null).single().author)
            assertTrue(me.holdsEntries())
            assertEquals(32, me.journalId().length)
        }
    }

    @Test
    fun aBackupCheckOpensItWithoutRestoringItAnywhere() {
        val backup = dir.resolve("backup.tandem").toString()
        create().journal.use { journal ->
            journal.setToday(day("2027-01-14"))
            journal.saveCheckins(journalA())
            journal.backup(backup)
        }
        val scratch = dir.resolve("scratch").also { it.toFile().mkdirs() }
        checkBackup(backup, scratch.toString(), Unlock.Passphrase(PASSPHRASE))
        assertFailsWith<JournalException.WrongKey> {
            checkBackup(backup, scratch.toString(), Unlock.Passphrase("not the passphrase"))
        }
        assertEquals(0, scratch.toFile().listFiles()!!.size)
    }

    @Test
    fun backupRestoresOnANewPhoneWithTheRecoveryCode() {
        val made = create()
        val backup = dir.resolve("backup.tandem").toString()
        made.journal.use { journal ->
            journal.setToday(day("2027-01-14"))
            journal.saveCheckins(journalA())
            journal.backup(backup)
        }
        val target = dir.resolve("restored.tandem").toString()
        val newKey = ByteArray(32) { 3 }
        restoreJournal(backup, target, Unlock.RecoveryCode(made.recoveryCode), newKey, false).use { restored ->
            assertEquals(11, restored.checkins(null, null).size)
        }
        Journal.open(target, Unlock.DeviceKey(newKey)).use { assertEquals(11, it.checkins(null, null).size) }
    }

    @Test
    fun closedJournalRaisesClosed() {
        val journal = create().journal
        journal.closeFile()
        assertFailsWith<JournalException.Closed> { journal.checkins(null, null) }
        journal.close()
    }

    @Test
    fun eightThreadsSavingAndReadingAtOnceLoseNoWrite() {
        create().journal.use { journal ->
            journal.setToday(day("2026-12-31"))
            val threads = 8
            val perThread = 25
            val start = CountDownLatch(1)
            val pool = Executors.newFixedThreadPool(threads)
            val failures = java.util.concurrent.ConcurrentLinkedQueue<Throwable>()
            val base = day("2026-01-01")
            repeat(threads) { t ->
                pool.submit {
                    try {
                        start.await()
                        repeat(perThread) { i ->
                            // Each thread owns its own days: 8 × 25 distinct days.
                            val date = base.plusDays((t * perThread + i).toLong())
                            journal.saveCheckin(ci(date.toString(), 1 + (i % 5), Move.PURSUED, PartnerMove.WITHDREW, i % 11))
                            assertNotNull(journal.checkin(date))
                            journal.checkins(base, date)
                            journal.isLocked()
                        }
                    } catch (e: Throwable) {
                        failures.add(e)
                    }
                }
            }
            start.countDown()
            pool.shutdown()
            assertTrue(pool.awaitTermination(120, TimeUnit.SECONDS))
            assertEquals(listOf(), failures.toList())
            val all = journal.checkins(null, null)
            assertEquals(threads * perThread, all.size)
            assertEquals((0 until threads * perThread).map { base.plusDays(it.toLong()) }, all.map { it.checkin.date })
        }
    }
}
