// The forms' questions and scale words as the screens take them from the
// core through Questions: every prompt has its words, the four scales read
// as one sentence built from their range and end words, and the rest have
// no scale. Mirrored by ios/TandemKit/Tests/TandemKitTests/QuestionsTests.swift.
package app.tandem.android.model

import app.tandem.core.Prompt
import app.tandem.core.ScaleRange
import app.tandem.core.scales
import kotlin.test.assertEquals
import kotlin.test.assertNotNull
import kotlin.test.assertNull
import kotlin.test.assertTrue
import org.junit.Test

class QuestionsTest {
    /**
     * The scale each prompt is answered on, from the core's scales(); null
     * for those answered otherwise. The `when` is exhaustive, so a prompt
     * added to the core fails to compile here until this test names it.
     */
    private fun expectedRange(prompt: Prompt): ScaleRange? {
        val core = scales()
        return when (prompt) {
            Prompt.MOOD -> core.mood
            Prompt.INTENSITY -> core.intensity
            Prompt.CLOSENESS -> core.closeness
            Prompt.TALK_SAFETY -> core.talkSafety
            Prompt.MY_MOVE, Prompt.PARTNER_MOVE, Prompt.BEHAVIOURS, Prompt.FEELINGS, Prompt.SKILLS,
            Prompt.REPAIR, Prompt.NOTE, Prompt.RAISES_CONCERNS, Prompt.SHUTS_DOWN, Prompt.FELT_CHASED,
            Prompt.NEEDING_SPACE, Prompt.WEEK_NOTE,
            -> null
        }
    }

    @Test
    fun everyPromptHasWordsOfItsOwn() {
        val texts = Prompt.entries.map { Questions.text(it) }
        for ((prompt, text) in Prompt.entries.zip(texts)) {
            assertTrue(text.isNotBlank() && text == text.trim() && text[0].isUpperCase(), "$prompt: '$text'")
        }
        assertEquals(texts.size, texts.toSet().size, "two prompts share their words")
    }

    @Test
    fun theScreensQuestionsAreTheCoresWords() {
        val table = listOf(
            Prompt.MOOD to "How was the day?",
            Prompt.MY_MOVE to "In the hardest moment, what did you do?",
            Prompt.PARTNER_MOVE to "And your partner, as you saw it?",
            Prompt.INTENSITY to "How heated did it get?",
            Prompt.CLOSENESS to "How close did you feel?",
            Prompt.NOTE to "Note",
            Prompt.TALK_SAFETY to "How did hard talks feel?",
            Prompt.WEEK_NOTE to "Anything else about this week",
        )
        for ((prompt, text) in table) {
            assertEquals(text, Questions.text(prompt), "$prompt")
        }
    }

    @Test
    fun eachScaleReadsAsOneSentenceFromItsRangeAndWords() {
        for (prompt in Prompt.entries) {
            val range = expectedRange(prompt) ?: continue
            val scale = assertNotNull(Questions.scale(prompt), "$prompt has no scale")
            assertEquals(range, scale.range, "$prompt")
            assertTrue(scale.lowWord.isNotBlank() && scale.highWord.isNotBlank(), "$prompt: $scale")
            assertEquals("${range.min} is ${scale.lowWord}, ${range.max} is ${scale.highWord}.", scale.hint, "$prompt")
            assertEquals(scale.hint, Questions.hint(prompt))
            assertEquals((range.min.toInt()..range.max.toInt()).toList(), Questions.answers(prompt), "$prompt")
        }
        assertEquals("1 is very low, 5 is very good.", Questions.hint(Prompt.MOOD))
        assertEquals("0 is calm, 10 is as heated as it gets.", Questions.hint(Prompt.INTENSITY))
        assertEquals("1 is far apart, 5 is very close.", Questions.hint(Prompt.CLOSENESS))
        assertEquals("1 is safe, 5 is overwhelming.", Questions.hint(Prompt.TALK_SAFETY))
        assertEquals((1..5).toList(), Questions.answers(Prompt.MOOD))
        assertEquals((0..10).toList(), Questions.answers(Prompt.INTENSITY))
    }

    @Test
    fun questionsAnsweredOtherwiseHaveNoScale() {
        val unscaled = Prompt.entries.filter { expectedRange(it) == null }
        assertEquals(12, unscaled.size)
        for (prompt in unscaled) {
            assertNull(Questions.scale(prompt), "$prompt")
            assertEquals("", Questions.hint(prompt), "$prompt")
            assertEquals(emptyList(), Questions.answers(prompt), "$prompt")
        }
    }
}
