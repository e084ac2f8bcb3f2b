import ArgumentParser
import BearingCore
import BearingServer
import Foundation

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Preview the site locally: rebuilt on every save, open pages reloaded, errors shown over the page.",
        discussion: """
            Builds the site in memory and serves it at http://127.0.0.1:4000/ (--host and --port change that). \
            Pages are rendered when a browser asks for them. On every save (seen through inotify, or by \
            polling the files when inotify is not available, or with --poll) only the changed files are \
            parsed again, and every open page reloads. When a changed file has an error, the previous \
            pages keep being served and the errors show over the page until the file is fixed. Served \
            pages carry a small live-reload script; built sites never do. Nothing is written to the \
            knowledge base or to disk.
            """)

    @OptionGroup var kb: KnowledgeBaseOptions

    @Option(help: "The port to listen on (0: any free port).")
    var port: Int = 4000

    @Option(help: ArgumentHelp("The address to listen on. Anything but 127.0.0.1 or ::1 lets other machines read the site.", valueName: "address"))
    var host: String = "127.0.0.1"

    @Option(help: ArgumentHelp("Publish the digests of this many past weeks (0: none); made once at start.", valueName: "n"))
    var digestWeeks: Int = 12

    @Flag(help: "Watch the files by polling them every half second instead of inotify.")
    var poll = false

    @Flag(name: .shortAndLong, help: "Print nothing but errors.")
    var quiet = false

    func validate() throws {
        if !(0...65535).contains(port) { throw ValidationError("--port must be 0 to 65535, got \(port)") }
        if digestWeeks < 0 || digestWeeks > 520 { throw ValidationError("--digest-weeks must be 0 to 520, got \(digestWeeks)") }
    }

    func run() async throws {
        let started = Date()
        let site = PreviewSite(root: kb.directory, clock: kb.clock, digestWeeks: digestWeeks, git: kb.noGit ? nil : GitRunner())
        // Watching starts before the first build, so that saves made while it runs are seen.
        let watcher = FileWatcher(root: kb.directory, excludedTopLevel: PreviewSite.ignoredFolders(root: kb.directory), polling: poll)
        let server: PreviewServer
        do {
            try await site.start()
        } catch KnowledgeBaseLoader.Failure.notADirectory(let path) {
            FileHandleOutput.standardError("error: \(FolderSuggestion.notAFolder(path))\n")
            throw ExitCode(2)
        } catch {
            FileHandleOutput.standardError("error: \(error)\n")
            throw ExitCode(2)
        }
        let leftOut = site.leftOut
        if !leftOut.isEmpty { FileHandleOutput.standardError(DiagnosticFormat.text.render(leftOut, pathPrefix: kb.pathPrefix)) }
        do {
            server = try PreviewServer(site: site, host: host, port: UInt16(port))
        } catch {
            FileHandleOutput.standardError("error: \(ServeFailure.explain(error, host: host, port: port))\n")
            throw ExitCode(2)
        }
        let quiet = quiet
        let pathPrefix = kb.pathPrefix
        let host = host
        do {
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { try await server.run() }
                group.addTask {
                    let port = try await server.port()
                    let shown = host.contains(":") ? "[\(host)]" : host
                    if !quiet {
                        FileHandleOutput.standardError("serving \(site.documentCount) documents at http://\(shown):\(port)/ (ready in \(Self.milliseconds(since: started)) ms; watching files through \(watcher.mode.rawValue); Ctrl-C stops)\n")
                    }
                    for await changed in watcher.changes() {
                        let start = Date()
                        let update = await site.rebuild(changed: changed)
                        server.announce()
                        Self.report(update, changed: changed, milliseconds: Self.milliseconds(since: start), pathPrefix: pathPrefix, quiet: quiet)
                    }
                }
                group.addTask {
                    while !Task.isCancelled {
                        try await Task.sleep(for: .seconds(15))
                        server.keepAlive()
                    }
                }
                try await group.next()
                group.cancelAll()
            }
        } catch {
            FileHandleOutput.standardError("error: \(ServeFailure.explain(error, host: host, port: port))\n")
            throw ExitCode(2)
        }
    }

    static func milliseconds(since start: Date) -> Int { Int((Date().timeIntervalSince(start) * 1000).rounded()) }

    static func report(_ update: PreviewSite.Update, changed: Set<String>, milliseconds: Int, pathPrefix: String, quiet: Bool) {
        let files = changed.sorted()
        let named = files.prefix(3).map(\.terminalSafe).joined(separator: ", ") + (files.count > 3 ? " and \(files.count - 3) more" : "")
        switch update {
        case .published(let generation):
            if !quiet { FileHandleOutput.standardError("rebuilt (\(generation)) in \(milliseconds) ms: \(named)\n") }
        case .rejected(let problems) where problems.count == 1 && problems[0].rule == .knowledgeBaseMissing:
            FileHandleOutput.standardError("error: \(problems[0].message)\n")
        case .rejected(let problems):
            FileHandleOutput.standardError("not updated, fix these first (the previous pages are still served):\n" + DiagnosticFormat.text.render(problems, pathPrefix: pathPrefix))
        }
    }
}
