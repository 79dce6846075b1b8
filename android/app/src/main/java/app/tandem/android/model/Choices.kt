// Picker lists as the screens lay them out, built from the core's choices()
// so that no label or order is written twice.
package app.tandem.android.model

import app.tandem.core.BehaviourChoice
import app.tandem.core.Choices
import app.tandem.core.ClosenessWordChoice
import app.tandem.core.FeelingChoice
import app.tandem.core.MoveChoice
import app.tandem.core.PartnerMoveChoice
import app.tandem.core.RepairChoice
import app.tandem.core.Side
import app.tandem.core.SkillChoice
import app.tandem.core.WhoChoice

/** Choices of one side of the cycle; [side] is null for those on neither side. */
data class SideGroup<T>(val side: Side?, val items: List<T>)

/** Splits [items] by side, pursuing then withdrawing then neither, each in the core's order; empty groups left out. */
fun <T> groupBySide(items: List<T>, sideOf: (T) -> Side?): List<SideGroup<T>> =
    listOf(Side.PURSUING, Side.WITHDRAWING, null)
        .map { side -> SideGroup(side, items.filter { sideOf(it) == side }) }
        .filter { it.items.isNotEmpty() }

/** Every picker of the check-in form, labelled and ordered by the core. */
data class CheckInForm(
    val moves: List<MoveChoice>,
    val partnerMoves: List<PartnerMoveChoice>,
    val behaviours: List<SideGroup<BehaviourChoice>>,
    val feelings: List<SideGroup<FeelingChoice>>,
    val skills: List<SkillChoice>,
    val repairs: List<RepairChoice>,
    val closenessWords: List<ClosenessWordChoice>,
) {
    /** Builds the form. */
    companion object {
        /** The form from the core's [choices]. */
        fun from(choices: Choices): CheckInForm = CheckInForm(
            moves = choices.moves,
            partnerMoves = choices.partnerMoves,
            behaviours = groupBySide(choices.behaviours) { it.side },
            feelings = groupBySide(choices.feelings) { it.side },
            skills = choices.skills,
            repairs = choices.repairs,
            closenessWords = choices.closenessWords,
        )
    }
}

/** The pickers of the weekly reflection: the answers to its "who" questions. */
data class ReflectionForm(val whos: List<WhoChoice>) {
    /** Builds the form. */
    companion object {
        /** The form from the core's [choices]. */
        fun from(choices: Choices): ReflectionForm = ReflectionForm(choices.whos)
    }
}
