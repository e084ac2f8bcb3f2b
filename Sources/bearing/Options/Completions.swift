import ArgumentParser
import BearingCore
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Shell completion of what a knowledge base holds: ids, statuses, people, horizons. The shell
/// runs `bearing ---completion …` on TAB; the knowledge base is the one `-C`/`--kb` or a folder
/// argument names, else the one found from the current folder. Nothing is offered (and nothing
/// fails) outside a knowledge base or when reading it takes longer than a TAB may wait.
enum Completions {
    static let ids = complete { kb, _ in kb.documents.map(\.id) }
    static let decisions = complete { kb, _ in kb.documents(ofType: .decision).map(\.id) }
    static let goals = complete { kb, _ in kb.documents(ofType: .goal).map(\.id) }
    static let goalList = complete(list: true) { kb, _ in kb.documents(ofType: .goal).map(\.id) }
    static let people = complete { kb, _ in everyone(in: kb) }
    static let peopleList = complete(list: true) { kb, _ in everyone(in: kb) }
    static let horizons = complete(sorted: false) { kb, _ in kb.configuration.horizons }
    /// `bearing status ID <TAB>`: the statuses of that document's workflow (of every type when the id is unknown).
    static let statuses = complete(sorted: false) { kb, words in
        if let id = firstPositional(words, after: "status", valued: ["-C", "--kb", "--by", "--today"]), let document = kb.find(id) {
            return kb.workflow(of: document).statuses
        }
        var seen = Set<String>()
        return DocumentType.allCases.flatMap { kb.configuration.workflow(for: $0).statuses }.filter { seen.insert($0).inserted }
    }

    /// How long a TAB waits for the knowledge base to be read.
    static let timeLimit: TimeInterval = 1.5

    /// A completion offering `candidates` that start with the word being completed (any case); with
    /// `list`, the last item of a comma-separated list, the items before it kept.
    static func complete(list: Bool = false, sorted: Bool = true,
                         _ candidates: @escaping @Sendable (KnowledgeBase, [String]) -> [String]) -> CompletionKind {
        .custom { (words: [String], index: Int, prefix: String) async -> [String] in
            let word = index == words.count - 1 ? prefix : index < words.count ? words[index] : ""
            guard let root = knowledgeBase(words: words, index: index),
                  let kb = await read(root) else { return [] }
            let head = list ? String(word[..<(word.lastIndex(of: ",").map { word.index(after: $0) } ?? word.startIndex)]) : ""
            let typed = word.dropFirst(head.count).lowercased()
            let given = Set(head.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).lowercased() })
            var offered = candidates(kb, words).filter { $0.lowercased().hasPrefix(typed) && !given.contains($0.lowercased()) }
            if sorted { offered.sort() }
            return offered.map { head + $0 }
        }
    }

    /// Person and team ids: people.yml's and those the documents name.
    static func everyone(in kb: KnowledgeBase) -> [String] {
        var seen = Set<String>()
        return (kb.people.allIDs + kb.documents.flatMap { $0.people.map(\.id) }).filter { seen.insert($0.lowercased()).inserted }
    }

    /// The first word after `subcommand` that is neither an option nor an option's value.
    static func firstPositional(_ words: [String], after subcommand: String, valued: Set<String>) -> String? {
        guard let start = words.firstIndex(of: subcommand) else { return nil }
        var index = start + 1
        while index < words.count - 1 {
            let word = words[index]
            if valued.contains(word) { index += 2; continue }
            if word.hasPrefix("-") { index += 1; continue }
            return word
        }
        return nil
    }

    /// The knowledge base folder the command line names (`-C DIR`, `--kb DIR`, or a folder
    /// argument), else the one found from the current folder when there is one there.
    static func knowledgeBase(words: [String], index: Int) -> String? {
        for (position, word) in words.enumerated() where position != index {
            if word == "-C" || word == "--kb", position + 1 < words.count, position + 1 != index { return words[position + 1] }
            if word.hasPrefix("--kb=") { return String(word.dropFirst("--kb=".count)) }
        }
        let takesFolderArgument = !["new", "status", "diff", "init"].contains(words.count > 1 ? words[1] : "")
        if takesFolderArgument {
            for (position, word) in words.enumerated().dropFirst(2) where position != index && !word.hasPrefix("-") {
                if position > 0, ["-o", "--output"].contains(words[position - 1]) { continue }
                if FolderSuggestion.isFolder(word) { return word }
            }
        }
        let found = KnowledgeBaseFolder.discovered
        if found != "." { return found }
        // No bearing.yml upwards: the current folder, only when it looks like a knowledge base
        // (reading a home folder's every file on TAB would not do).
        let marks = [Configuration.fileName, PeopleDirectory.fileName, "goals", "briefs", "decisions", "adr", "docs/adr", "docs/decisions"]
        return marks.contains { FileManager.default.fileExists(atPath: $0) } ? "." : nil
    }

    /// The knowledge base at `root` without git, or nil when it cannot be read. Past the time
    /// limit the process ends with nothing offered: a thread of its own does it, as reading a
    /// large knowledge base keeps every thread of Swift's pool and of Dispatch's busy.
    static func read(_ root: String) async -> KnowledgeBase? {
        Thread.detachNewThread {
            Thread.sleep(forTimeInterval: timeLimit)
            Glibc._exit(0)
        }
        return try? await KnowledgeBaseLoader.load(root: root, today: BearingCore.Clock.system.today(), git: nil).knowledgeBase
    }
}
