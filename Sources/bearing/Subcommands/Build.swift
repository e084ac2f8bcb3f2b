import ArgumentParser
import BearingCore
import Foundation

struct Build: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Build the static site: dashboard, a page per document, goal tree, decision log, boards, people, tags, report, search, feed.",
        discussion: """
            The site works from any web server, any sub-path and straight from disk (file://). It is written \
            into a folder beside the output and swapped in at the end, so a failed build leaves the previous \
            site as it was; a second build of the same output waits for the first. The knowledge base's own templates/ folder overrides the theme file by file \
            (docs/theming.md). A knowledge base with errors is still published; the errors are listed on \
            stderr. Exit status: 0 built, 1 built but the knowledge base has problems of the --fail-on \
            severity, 2 not built.
            """)

    @OptionGroup var kb: KnowledgeBaseOptions

    @Option(name: .shortAndLong, help: ArgumentHelp("The folder to write the site to, from the working directory (default: bearing.yml's output, else _site, inside the knowledge base).", valueName: "dir"))
    var output: String?

    @Option(help: ArgumentHelp("The address the site is published at, for the feed and sitemap (default: bearing.yml's base_url).", valueName: "url"))
    var baseURL: String?

    @Option(help: ArgumentHelp("Publish the digests of this many past weeks (0: none).", valueName: "n"))
    var digestWeeks: Int = 12

    @Option(name: .customLong("fail-on"), help: "Exit 1 when the knowledge base has problems of this severity: errors, or warnings (and errors). The site is built either way.")
    var failOn: FailOn?

    @Flag(name: .shortAndLong, help: "Print nothing but errors (and warnings with --fail-on warnings).")
    var quiet = false

    @Flag(help: ArgumentHelp("Parse every file again: neither read nor write the build cache (.bearing-cache/ beside the output folder)."))
    var noCache = false

    func validate() throws {
        if digestWeeks < 0 || digestWeeks > 520 { throw ValidationError("--digest-weeks must be 0 to 520, got \(digestWeeks)") }
        // As bearing.yml's base_url: an http(s) address only (a javascript: one would run from the feed).
        if let baseURL, !URLSafety.isWebAddress(baseURL) {
            throw ValidationError("--base-url must be an http:// or https:// address, got '\(baseURL.terminalSafe)'")
        }
    }

    func run() async throws {
        let parseCache = noCache ? nil : BuildCacheFolder.parseCache(output: output, root: kb.directory).map {
            ParseCache(path: $0, identity: CacheIdentity.current(knowledgeBase: kb.directory))
        }
        if let parseCache, let rejection = parseCache.rejection, !quiet {
            FileHandleOutput.standardError("note: the build cache '\(parseCache.path.terminalSafe)' \(rejection): not used, every file is parsed again\n")
        }
        let progress = TerminalProgress.meter(quiet: quiet)
        let result = try await kb.load(markdown: .init(renderHTML: true), analyse: true, parseCache: parseCache, progress: progress)
        let knowledgeBase = result.knowledgeBase
        let (templates, templateDiagnostics) = TemplateSet.load(knowledgeBase: kb.directory)
        let diagnostics = result.diagnostics + templateDiagnostics
        let errors = diagnostics.filter { $0.severity == .error }
        let warnings = diagnostics.count - errors.count
        // The problems that fail the build are listed with the errors: a CI log shows why it failed.
        // So are the files left out at the knowledge base's edge (a link leaving it): not published.
        let listed = failOn == .warnings ? diagnostics : diagnostics.filter { $0.severity == .error || KnowledgeBaseScan.rules.contains($0.rule) }
        if !listed.isEmpty { FileHandleOutput.standardError(DiagnosticFormat.text.render(listed, pathPrefix: kb.pathPrefix)) }
        // -o is relative to the working directory; bearing.yml's output to the knowledge base.
        let destination: String
        do {
            destination = try output ?? OutputLocation.folder(knowledgeBase.configuration, root: kb.directory).get()
        } catch {
            FileHandleOutput.standardError("error: \(error)\n")
            throw ExitCode(2)
        }
        let analysis = result.analysis!
        let writer: SiteWriter
        do {
            writer = try SiteWriter(output: destination, source: kb.directory, allowedInside: KnowledgeBaseLoader.outputFolder(knowledgeBase.configuration)) {
                FileHandleOutput.standardError("note: another build is writing '\(destination)': waiting for it to end\n")
            }
        } catch {
            FileHandleOutput.standardError("error: \(error)\n")
            throw ExitCode(2)
        }
        let current = KnowledgeBaseChange.State(label: "files", kb: knowledgeBase, diagnostics: result.diagnostics, analysis: analysis)
        let digests = digestWeeks > 0
            ? await DigestBuilder.build(root: kb.directory, periods: DigestBuilder.recentWeeks(digestWeeks, before: kb.clock.today()),
                                        git: kb.noGit ? nil : GitRunner(), current: current)
            : []
        do {
            let leftOut = try await SiteBuilder(kb: knowledgeBase, analysis: analysis, diagnostics: result.diagnostics, templates: templates,
                                                source: kb.directory, baseURL: baseURL, digests: digests, git: kb.noGit ? nil : GitRunner())
                .build(into: writer, progress: progress?.report)
            progress?.clear()
            try writer.commit()
            parseCache?.save()
            if !leftOut.isEmpty, !quiet {
                let shown = leftOut.prefix(10).map(\.terminalSafe).joined(separator: ", ") + (leftOut.count > 10 ? " and \(leftOut.count - 10) more" : "")
                FileHandleOutput.standardError("note: not published, a type not on the allow-list (docs/security.md) or a page's path: \(shown)\n")
            }
        } catch {
            progress?.clear()
            writer.discard()
            FileHandleOutput.standardError("error: \(error)\n")
            throw ExitCode(2)
        }
        if !quiet {
            func count(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
            FileHandleOutput.standardError("built \(count(writer.fileCount, "file")) into \(destination) (\(count(errors.count, "error")), \(count(warnings, "warning")): bearing check lists them)\n")
        }
        let failing = failOn?.fails(errors: errors.count, warnings: warnings) ?? false
        FileHandleOutput.finish(failing ? 1 : 0, keepingAlive: result, analysis)
    }
}
