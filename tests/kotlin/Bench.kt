// Timings across the FFI boundary from the JVM (tests/kotlin/bench.sh; not
// part of the test run): a trivial call, fetching ten years of daily
// check-ins (3,650) as Kotlin objects, and what the phone screens load:
// the history list of ten years and the week view's twelve weeks.

import app.tandem.core.*
import java.nio.file.Files
import java.time.LocalDate

private fun <T> timeMs(block: () -> T): Pair<T, Double> {
    val start = System.nanoTime()
    val value = block()
    return value to (System.nanoTime() - start) / 1e6
}

private fun median(values: List<Double>): Double = values.sorted()[values.size / 2]

fun main() {
    val dir = Files.createTempDirectory("tandem-bench")
    try {
        val path = dir.resolve("bench.tandem").toString()
        val journal = createJournal(path, ByteArray(32) { 1 }, null).journal
        val first = LocalDate.parse("2016-01-01")
        val days = 3_650
        journal.setToday(first.plusDays(days.toLong()))
        val moves = Move.values()
        val partner = PartnerMove.values()
        val all = (0 until days).map { i ->
            CheckIn(
                date = first.plusDays(i.toLong()),
                mood = (1 + i % 5).toUByte(),
                myMove = moves[i % moves.size],
                partnerMove = partner[i % partner.size],
                behaviours = listOf(Behaviour.ASK_TO_TALK, Behaviour.NEED_SPACE),
                feelings = listOf(Feeling.ANXIOUS, Feeling.CALM),
                intensity = (i % 11).toUByte(),
                skills = listOf(Skill.REGULATE),
                repair = Repair.PARTLY,
                closeness = null,
                note = "A short note about the day, about the length people write.",
            )
        }
        journal.saveCheckins(all)

        // A trivial call: isLocked() (lock, read a flag, cross back).
        val calls = 200_000
        repeat(20_000) { journal.isLocked() }
        val trivial = (0 until 5).map {
            timeMs { repeat(calls) { journal.isLocked() } }.second * 1e6 / calls
        }
        // vocabulary(): 62 records with strings.
        repeat(200) { vocabulary() }
        val vocab = (0 until 5).map { timeMs { repeat(1_000) { vocabulary() } }.second * 1e3 / 1_000 }

        // Ten years of check-ins across the boundary.
        repeat(3) { journal.checkins(null, null) }
        val fetches = (0 until 15).map { timeMs { journal.checkins(null, null) } }
        check(fetches.all { it.first.size == days })
        val fetchMs = fetches.map { it.second }
        // The same load without building Kotlin objects: the library's own share.
        val pattern = (0 until 15).map { timeMs { journal.pattern(first.plusDays(days.toLong()), 520u) }.second }

        // The history screen with nothing filtered: 522 weeks of entries.
        val lastDay = first.plusDays(days.toLong())
        repeat(3) { journal.history(null, null) }
        val history = (0 until 15).map { timeMs { journal.history(null, null) } }
        check(history.all { w -> w.first.sumOf { it.checkins.size } == days })
        // The week view: twelve weeks of insights and the week in numbers.
        val week = (0 until 15).map { timeMs { journal.insights(lastDay, 12u); journal.weekSummary(lastDay) }.second }

        println("trivial call (isLocked), per call:   %.2f µs (median of 5 × %,d)".format(median(trivial) / 1e3, calls))
        println("vocabulary() (62 entries), per call: %.1f µs (median of 5 × 1,000)".format(median(vocab)))
        println("checkins() ten years (3,650):         %.1f ms median, %.1f ms min, %.1f ms max of 15 (goal under 100 ms)"
            .format(median(fetchMs), fetchMs.minOrNull(), fetchMs.maxOrNull()))
        println("pattern() 520 weeks (for scale):      %.1f ms median of 15".format(median(pattern)))
        println("history() ten years (%d weeks):      %.1f ms median of 15".format(history[0].first.size, median(history.map { it.second })))
        println("week view (insights 12 + weekSummary): %.1f ms median of 15".format(median(week)))
        journal.close()
    } finally {
        dir.toFile().deleteRecursively()
    }
}
