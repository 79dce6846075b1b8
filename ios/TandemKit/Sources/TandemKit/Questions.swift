import TandemCore

/// The questions of the check-in and the weekly reflection, with the words
/// at the ends of their scales, as the core asks them (tandem-core
/// `questions`): the screens restate none of them. Only the app's own words
/// (buttons, "Tap again to clear.", the privacy note) stay in the views.
public enum Questions {
    /// Every question, in the order the forms ask them. `QuestionsTests`
    /// names each `Prompt` in an exhaustive switch and checks this holds them all.
    public static let all: [Prompt] = [
        .mood, .myMove, .partnerMove, .behaviours, .feelings, .intensity, .skills, .repair,
        .closeness, .note, .raisesConcerns, .shutsDown, .feltChased, .talkSafety, .needingSpace,
        .weekNote,
    ]

    /// Each question's words, read from the core once.
    private static let texts: [Prompt: QuestionText] = Dictionary(
        uniqueKeysWithValues: all.map { ($0, questionText(which: $0)) })

    /// The question as asked ("How was the day?").
    public static func text(_ prompt: Prompt) -> String {
        of(prompt).prompt
    }

    /// The scale `prompt` is answered on, with its words; nil for a question not answered on one.
    public static func scale(_ prompt: Prompt) -> ScaleText? {
        of(prompt).scale
    }

    /// The scale in a sentence ("1 is very low, 5 is very good."); empty for a question without a scale.
    public static func hint(_ prompt: Prompt) -> String {
        scale(prompt)?.hint ?? ""
    }

    /// The word at the scale's low end ("very low"); empty without a scale.
    public static func lowWord(_ prompt: Prompt) -> String {
        scale(prompt)?.lowWord ?? ""
    }

    /// The word at the scale's high end ("very good"); empty without a scale.
    public static func highWord(_ prompt: Prompt) -> String {
        scale(prompt)?.highWord ?? ""
    }

    private static func of(_ prompt: Prompt) -> QuestionText {
        // Every prompt is in `all`; asking the core covers one this build's list missed.
        texts[prompt] ?? questionText(which: prompt)
    }
}
