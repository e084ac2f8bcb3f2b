/// The day each decision accepted in a window was accepted: the day of the commit that made it
/// so. A decision touched by one commit in the window was accepted by it; for one touched by
/// several, one `git cat-file --batch` returns each version and the first one accepted says
/// which commit it was (one process, whatever the number of decisions).
enum AcceptanceDates {
    static func days(of decisions: [Document], log: WindowLog, end: String?, root: String, prefix: String, git: GitRunner,
                     today: Day) async -> [String: Day] {
        var days: [String: Day] = [:]
        var ambiguous: [(decision: Document, commits: [WindowLog.Commit])] = []
        for decision in decisions {
            let commits = log.commits(touching: decision.path)
            if commits.count == 1 { days[decision.id] = commits[0].day } else if commits.count > 1 { ambiguous.append((decision, commits)) }
        }
        guard !ambiguous.isEmpty else { return days }
        // The configuration at the window's end reads every version (status aliases, workflows).
        var requests = end.map { ["\($0):\(prefix)\(Configuration.fileName)"] } ?? []
        for (decision, commits) in ambiguous { requests += commits.map { "\($0.hash):\(prefix)\(decision.path)" } }
        guard let output = git.run(["cat-file", "--batch"], in: root, input: Array((requests.joined(separator: "\n") + "\n").utf8)) else {
            return days
        }
        var answers = Self.answers(output, count: requests.count)
        // Fewer answers than asked (git stopped early) leave the rest unknown, never a trap.
        let configuration = end != nil && !answers.isEmpty ? answers.removeFirst() : nil
        for (decision, commits) in ambiguous {
            let versions = answers.prefix(commits.count)
            answers.removeFirst(min(commits.count, answers.count))
            for (commit, bytes) in zip(commits, versions) {
                guard let bytes else { continue }
                var files = [decision.path: bytes]
                if let configuration { files[Configuration.fileName] = configuration }
                let version = await KnowledgeBaseLoader.load(MemoryFiles(files: files), today: today).knowledgeBase
                if version.documents.first?.status == WeeklyDigest.accepted {
                    days[decision.id] = commit.day
                    break
                }
            }
        }
        return days
    }

    /// `git cat-file --batch` answers in the order asked: `<object> blob <size>\n<bytes>\n`, or
    /// `<name> missing\n`; nil for a missing one.
    static func answers(_ output: [UInt8], count: Int) -> [[UInt8]?] {
        var result: [[UInt8]?] = []
        var position = 0
        while result.count < count, let newline = output[position...].firstIndex(of: UInt8(ascii: "\n")) {
            let header = output[position..<newline].split(separator: UInt8(ascii: " "))
            if header.count == 3, String(decoding: header[1], as: UTF8.self) == "blob",
               let size = Int(String(decoding: header[2], as: UTF8.self)), newline + 1 + size <= output.count {
                result.append(Array(output[(newline + 1)..<(newline + 1 + size)]))
                position = newline + 1 + size + 1
            } else {
                result.append(nil)
                position = newline + 1
            }
            if position >= output.count { break }
        }
        return result + Array(repeating: nil, count: max(0, count - result.count))
    }
}
