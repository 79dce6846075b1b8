import Foundation
import TandemCore

/// Sentences the model layer says itself, for checks made before the core is called.
public enum ModelText {
    /// The two copies of a new passphrase differ.
    public static let passphrasesDiffer = "The two passphrases don't match. Type the same one twice."
    /// The typed groups are not the last two groups of the recovery code.
    public static let codeDiffers = "That isn't the end of your recovery code. Check it and try again."
    /// A check-in is saved only with a mood and both moves picked.
    public static let checkInIncomplete = "Pick a mood, what you did and what your partner did."
    /// A summary with every section switched off (the core would refuse it too).
    public static let noSection = "Turn on at least one section for the summary."
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
        return "Something went wrong. Nothing was changed."
    }

    /// The sentence for one core error (docs/shells.md, "Error messages").
    public static func message(for error: JournalError) -> String {
        switch error {
        case .WrongKey:
            return "That didn't unlock the journal. Check it and try again."
        case .Corrupt:
            return "The journal file is damaged and can't be read. Restore it from a backup."
        case .NewerVersion:
            return "This journal was saved by a newer version of Tandem. Update the app to open it."
        case .NotAJournal:
            return "That file isn't a Tandem journal."
        case .NotABackup:
            return "That file isn't a Tandem backup."
        case .WouldReplace:
            return "Restoring would replace the entries on this phone. Confirm to replace them."
        case let .InvalidInput(field, reason):
            // The core's reason never holds the value, so it is safe to show as is.
            return "\(fieldInWords(field)) \(reason)."
        case .NotFound:
            return "There's no entry for that day."
        case .AlreadyExists:
            return "A journal already exists here."
        case .Locked:
            return "The journal is locked. Unlock it to go on."
        case .Closed:
            return "The journal was closed. Open it again."
        case .Io:
            return "The file couldn't be read or written. Check there's space on the phone and try again."
        case .Database:
            return "Something went wrong saving your journal. Nothing was changed. Try again."
        }
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

    /// A core field name in words, as the start of a sentence ("The mood").
    public static func fieldInWords(_ field: String) -> String {
        switch field {
        case "mood": return "The mood"
        case "intensity": return "How heated it got"
        case "note": return "The note"
        case "needing_space": return "The answer about needing space"
        case "date": return "The day"
        case "week_start": return "The week"
        case "passphrase": return "The passphrase"
        case "recovery_code": return "The recovery code"
        case "closeness": return "The closeness"
        case "talk_safety": return "How safe talking felt"
        case "sections": return "The summary"
        case "from": return "The start of the range"
        case "import": return "The file"
        case "device_key": return "The device key"
        default: return "Something you entered"
        }
    }
}

/// One plain sentence for any error the core or this package raises (same as `Messages.message(for:)`).
public func message(for error: any Error) -> String {
    Messages.message(for: error)
}

/// A core field name in words, as the start of a sentence (same as `Messages.fieldInWords(_:)`).
public func fieldInWords(_ field: String) -> String {
    Messages.fieldInWords(field)
}
