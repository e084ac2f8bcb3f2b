import BearingCore

/// The property every fuzz target checks: a diagnostic names a file of the knowledge base and a
/// line and column inside it (BearingCore's DiagnosticPlacement, which the property tests use too).
public enum LocationCheck {
    /// Stops the fuzzer with the diagnostic when one points outside its file.
    public static func require(_ diagnostics: [Diagnostic], files: [String: [UInt8]]) {
        if let problem = DiagnosticPlacement.misplaced(diagnostics, files: files).first { fatalError("diagnostic outside its file: \(problem)") }
    }
}
