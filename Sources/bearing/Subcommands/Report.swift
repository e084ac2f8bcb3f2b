import ArgumentParser
import BearingCore

struct ReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Print the alignment report: summary and coverage, goal tree, orphans, needs attention, people, recent decisions.",
        discussion: "The metrics are defined in docs/metrics.md; the JSON form is documented in docs/json-report.md.")

    @OptionGroup var kb: KnowledgeBaseOptions

    @Option(help: "Output format: md (for chat and email), html (one self-contained file) or json.")
    var format: ReportFormatOption = .md

    @OptionGroup var output: OutputOption

    @Option(help: ArgumentHelp("Show one person's (or team's) view: what names them or their teams.", valueName: "id"), completion: Completions.people)
    var person: String?

    @Option(help: ArgumentHelp("Start the goal tree at goals of this horizon (year, quarter, …).", valueName: "horizon"), completion: Completions.horizons)
    var horizon: String?

    @Option(help: ArgumentHelp("Show at most N entries of each list in md and html, then \"and M more\"; 0 shows all; json always has all.", valueName: "n"))
    var limit: Int = 10

    func validate() throws {
        if limit < 0 { throw ValidationError("--limit must be 0 (all) or more, got \(limit)") }
    }

    func run() async throws {
        let result = try await kb.load(analyse: true)
        let knowledgeBase = result.knowledgeBase
        let horizons = knowledgeBase.configuration.horizons
        if let horizon, !horizons.contains(horizon.lowercased()) {
            let failure = NewDocument.Failure.unknownHorizon(horizon, valid: horizons, hint: Suggestion.didYouMean(horizon.lowercased(), among: horizons))
            FileHandleOutput.standardError("error: \(failure.description)\n")
            throw ExitCode(2)
        }
        if let person, let failure = Self.unknown(person, in: knowledgeBase) {
            FileHandleOutput.standardError("error: \(failure.description)\n")
            throw ExitCode(2)
        }
        let (templates, templateDiagnostics) = TemplateSet.load(knowledgeBase: kb.directory)
        for diagnostic in templateDiagnostics { FileHandleOutput.standardError(DiagnosticFormat.text.render([diagnostic], pathPrefix: kb.pathPrefix)) }
        let options = ReportOptions(person: person, horizon: horizon,
                                    pathPrefix: RelativePath.from(folderOf: output.file, to: kb.directory))
        let analysis = result.analysis!
        let report = await ReportBuilder(kb: knowledgeBase, analysis: analysis, diagnostics: result.diagnostics, options: options).build()
        do {
            try output.write(try ReportRenderer(templates: templates, listLimit: limit > 0 ? limit : nil).render(report, as: format.reportFormat))
        } catch let error as TemplateError {
            FileHandleOutput.standardError("error: \(error)\n")
            throw ExitCode(2)
        }
        FileHandleOutput.finish(0, keepingAlive: result, analysis, report)
    }
}

extension ReportCommand {
    /// Nil when `person` is in people.yml or named by a document (any case), else the error.
    static func unknown(_ person: String, in kb: KnowledgeBase) -> NewDocument.Failure? {
        if kb.people.knows(person) { return nil }
        let named = kb.documents.flatMap { $0.people.map(\.id) }
        if named.contains(where: { $0.lowercased() == person.lowercased() }) { return nil }
        return .unknownPerson(person, hint: Suggestion.didYouMean(person, among: Set(kb.people.allIDs + named)),
                              known: kb.people.exists ? "people.yml lists them" : "no document names them; people.yml would list them")
    }
}

enum ReportFormatOption: String, ExpressibleByArgument, CaseIterable {
    case md, html, json

    var reportFormat: ReportFormat { ReportFormat(rawValue: rawValue)! }
}
