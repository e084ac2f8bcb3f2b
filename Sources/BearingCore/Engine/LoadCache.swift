import Foundation

/// What a load of a knowledge base can keep for the next load of the same KB (`bearing serve`):
/// the scan of the folder, each file's parse, and the model stage's memory (`ModelMemory`). A load
/// then parses only the files the cache does not hold, and the model stage resolves only the
/// documents that changed. Whoever watches the files says which changed (`forget`). Parses depend
/// on the configuration's workflows, so a changed bearing.yml empties it (`forgetAll`), and on
/// which folders hold numbered records (`Configuration.recordFolders`), so a scan that changes
/// those drops every parse. Safe to use from several threads.
public final class LoadCache: @unchecked Sendable {
    private let lock = NSLock()
    private var drafts: [String: DocumentReader.Draft] = [:]
    /// The last scan of the folder, kept while no file is added or removed.
    private var scan: Scan?
    /// The drafts of the last load in its order, and the files forgotten since: the next load of
    /// the same files takes this array as it is and reads again only those (no lookup per file).
    private var lastLoad: (paths: [String], drafts: [DocumentReader.Draft])?
    private var forgottenSinceLoad: Set<String> = []
    /// The record folders of the last scan: parses made with other ones are dropped.
    private var recordFolders: Set<String>?
    /// The memories of the last load's model, validation and analysis: the engine's update.
    public let model = ModelMemory()
    public let validation = ValidationMemory()
    public let analysis = AnalysisMemory()

    private struct Scan {
        var found: KnowledgeBaseScan
        let recordFolders: Set<String>
        /// Where each Markdown file is in `markdown`, and the assets: what `forget` asks about each path.
        let positions: [String: Int]
        let assetPaths: Set<String>

        init(_ found: KnowledgeBaseScan) {
            self.found = found
            recordFolders = Configuration.recordFolders(of: found.markdown.map(\.path))
            positions = Dictionary(found.markdown.enumerated().map { ($1.path, $0) }, uniquingKeysWith: { first, _ in first })
            assetPaths = Set(found.assets)
        }
    }

    public init() {}

    /// The parse of each of these files, nil for those it does not hold.
    func drafts(_ paths: [String]) -> [DocumentReader.Draft?] { lock.withLock { paths.map { drafts[$0] } } }

    func store(_ parsed: [(String, DocumentReader.Draft)]) { lock.withLock { for (path, draft) in parsed { drafts[path] = draft } } }

    /// The drafts of the last load when it read these same files (in this order), and the
    /// positions of those forgotten since, to read again. Handed over, not shared (the load
    /// replaces some in place, then stores the whole again): a second call before `store` gives nil.
    func lastLoad(of paths: [String]) -> (drafts: [DocumentReader.Draft], forgotten: [Int])? {
        lock.withLock {
            guard let known = lastLoad, known.paths == paths else { return nil }
            lastLoad = nil
            return (known.drafts, paths.indices.filter { forgottenSinceLoad.contains(paths[$0]) })
        }
    }

    func store(load drafts: [DocumentReader.Draft], of paths: [String]) {
        lock.withLock {
            lastLoad = (paths, drafts)
            forgottenSinceLoad = []
        }
    }

    /// The files of the last scan (unless a file was added or removed since: then `make`'s, kept
    /// for the next load), their record folders, and whether the scan is the last one.
    func scan(orMake make: () -> KnowledgeBaseScan) -> (KnowledgeBaseScan, recordFolders: Set<String>, reused: Bool) {
        if let known = lock.withLock({ scan }) { return (known.found, known.recordFolders, true) }
        let made = Scan(make())
        lock.withLock {
            scan = made
            if recordFolders != made.recordFolders {
                recordFolders = made.recordFolders
                drafts.removeAll()
                lastLoad = nil
                model.forgetAll()
            }
        }
        return (made.found, made.recordFolders, false)
    }

    /// Forgets these files of the folder `root`, and every file below those of them that are
    /// folders (a folder moved or removed). When one of them was added or removed (or is a
    /// folder, or no longer a regular file: a symbolic link now), the next load scans the folder again.
    /// `bufferSizes`: the sizes of files read from an editor's buffer rather than the disk (the limit
    /// on a file's size applies to what is read).
    public func forget(_ paths: some Sequence<String>, in root: String, bufferSizes: [String: Int] = [:]) {
        lock.withLock {
            if var known = scan {
                for path in paths {
                    let full = root + "/" + path
                    let isKnown = known.positions[path] != nil || known.assetPaths.contains(path)
                    // A file that came and went between two looks (an editor's temporary file) changes nothing.
                    // (An editor's unsaved new file is not on disk and is a file all the same.)
                    if !isKnown, !FileReader.exists(full), bufferSizes[path] == nil { continue }
                    guard isKnown, FileReader.isRegularFile(full) || bufferSizes[path] != nil else {
                        scan = nil
                        break
                    }
                    if let i = known.positions[path] { known.found.markdown[i].size = bufferSizes[path] ?? FileReader.size(full) ?? 0 }
                }
                if scan != nil { scan = known }
            }
            model.forget(paths)
            for path in paths {
                drafts[path] = nil
                forgottenSinceLoad.insert(path)
                // A sidecar (a KEP's kep.yaml) is part of the README beside it.
                if let sidecar = SidecarFile.names.first(where: { path == $0 || path.hasSuffix("/" + $0) }) {
                    let folder = path.dropLast(sidecar.count)
                    for name in ["README.md", "readme.md", "Readme.md"] {
                        drafts[folder + name] = nil
                        forgottenSinceLoad.insert(folder + name)
                        model.forget([folder + name])
                    }
                }
                if !path.isMarkdownPath {
                    let folder = path + "/"
                    for key in drafts.keys where key.hasPrefix(folder) {
                        drafts[key] = nil
                        forgottenSinceLoad.insert(key)
                    }
                    model.forget(below: folder)
                }
            }
        }
    }

    public func forgetAll() {
        lock.withLock {
            drafts.removeAll()
            lastLoad = nil
            model.forgetAll()
            validation.forgetAll()
            analysis.forgetAll()
            scan = nil
            recordFolders = nil
        }
    }

    /// How many parsed files it holds.
    public var count: Int { lock.withLock { drafts.count } }
}
