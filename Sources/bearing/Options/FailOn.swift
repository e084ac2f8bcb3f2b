import ArgumentParser

/// `--fail-on errors|warnings`: the problems that make a command exit 1.
enum FailOn: String, ExpressibleByArgument, CaseIterable {
    case errors, warnings

    /// Whether this many errors and warnings fail: `warnings` means warnings or errors.
    func fails(errors: Int, warnings: Int) -> Bool {
        switch self {
        case .errors: errors > 0
        case .warnings: errors + warnings > 0
        }
    }
}
