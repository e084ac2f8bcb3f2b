import BearingCore

/// `bearing chek`: ArgumentParser would say "unexpected argument"; the first word, when it is not
/// an option, can only be a command, so a word that is none is named with the closest command.
enum UnknownCommand {
    /// The error for `arguments` (without the program's name), nil when the first word is a
    /// command, `help`, an option or missing.
    static func message(for arguments: [String], commands: [String]) -> String? {
        guard let first = arguments.first, !first.hasPrefix("-"), first != "help", !commands.contains(first) else { return nil }
        if let hint = Suggestion.didYouMean(first, among: commands) { return "unknown command '\(first)'; \(hint)" }
        return "unknown command '\(first)' (the commands are \(commands.joined(separator: ", ")); bearing help COMMAND explains one)"
    }
}
