import Foundation
import TandemCore

/// Sentences for checks the model layer makes before the core is called;
/// the words are still the core's (tandem-core `sentences`).
public enum ModelText {
    /// The two copies of a new passphrase differ.
    public static var passphrasesDiffer: String { sentence(which: .passphrasesDiffer) }
    /// The typed groups are not the last two groups of the recovery code.
    public static var codeDiffers: String { sentence(which: .codeDiffers) }
    /// A check-in is saved only with a mood and both moves picked.
    public static var checkInIncomplete: String { sentence(which: .checkInIncomplete) }
    /// A summary with every section switched off (the core would refuse it too).
    public static var noSection: String { sentence(which: .noSection) }
}

/// Errors this package raises itself, before anything reaches the core.
public enum TandemKitError: Error, Equatable, Sendable {
    /// The passphrase and its second typing differ.
    case passphrasesDiffer
    /// A check-in lacks its mood or one of the two moves.
    case checkInIncomplete
    /// A summary was asked for with every section switched off.
    case noSection
}

/// The sentences the screens show for errors: never a path, a typed value or entry content.
public enum Messages {
    /// One plain sentence for any error the core or this package raises.
    public static func message(for error: any Error) -> String {
        if let error = error as? JournalError {
            return message(for: error)
        }
        if let error = error as? TandemKitError {
            return message(for: error)
        }
        return sentence(which: .unknown)
    }

    /// The sentence for one core error: the core's words, restated nowhere here.
    public static func message(for error: JournalError) -> String {
        errorSentence(error: error)
    }

    /// The sentence for one of this package's own errors.
    public static func message(for error: TandemKitError) -> String {
        switch error {
        case .passphrasesDiffer:
            return ModelText.passphrasesDiffer
        case .checkInIncomplete:
            return ModelText.checkInIncomplete
        case .noSection:
            return ModelText.noSection
        }
    }

    /// A core field in words, as the start of a sentence ("The mood").
    public static func fieldInWords(_ field: InputField) -> String {
        fieldWords(field: field)
    }
}

/// One plain sentence for any error the core or this package raises (same as `Messages.message(for:)`).
public func message(for error: any Error) -> String {
    Messages.message(for: error)
}

/// A core field in words, as the start of a sentence (same as `Messages.fieldInWords(_:)`).
public func fieldInWords(_ field: InputField) -> String {
    Messages.fieldInWords(field)
}
