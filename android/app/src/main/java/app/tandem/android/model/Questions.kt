// The questions of the check-in and the weekly reflection, with the words at
// the ends of their scales, as the core asks them (tandem-core `questions`):
// the screens restate none of them. Only the app's own words (buttons,
// "Tap again to clear.", the privacy note) live in strings.xml.
package app.tandem.android.model

import app.tandem.core.Prompt
import app.tandem.core.QuestionText
import app.tandem.core.ScaleText
import app.tandem.core.questionText

/** The forms' questions in the core's words, each read from the core once. */
object Questions {
    private val all: Map<Prompt, QuestionText> = Prompt.entries.associateWith { questionText(it) }

    /** The question as asked ("How was the day?"). */
    fun text(prompt: Prompt): String = of(prompt).prompt

    /** The scale [prompt] is answered on, with its words; null for a question not answered on one. */
    fun scale(prompt: Prompt): ScaleText? = of(prompt).scale

    /** The scale in a sentence ("1 is very low, 5 is very good."); empty for a question without a scale. */
    fun hint(prompt: Prompt): String = scale(prompt)?.hint.orEmpty()

    /** The answers of [prompt]'s scale, lowest first (1 to 5 for the mood); empty without a scale. */
    fun answers(prompt: Prompt): List<Int> =
        scale(prompt)?.range?.let { (it.min.toInt()..it.max.toInt()).toList() }.orEmpty()

    private fun of(prompt: Prompt): QuestionText = all.getValue(prompt)
}
