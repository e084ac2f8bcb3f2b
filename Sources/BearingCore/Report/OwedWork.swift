/// What a person or team still owes, as the report's people section and the digest's "who needs
/// to act" show it. A review is owed until the reviewer signs off (`approvals:`): a review they
/// have signed off is neither awaited from them nor overdue for them (unless they own the brief).
extension Responsibilities {
    func owed(by person: String, in kb: KnowledgeBase) -> Responsibilities {
        var owed = self
        owed.overdue = overdue.filter { id in
            guard let document = kb.document(id), kb.hasSignedOff(person, document) else { return true }
            return document.owner?.lowercased() == person.lowercased()
        }
        return owed
    }
}

extension KnowledgeBase {
    /// Whether `person` has signed off the brief (is in its `approvals:`).
    func hasSignedOff(_ person: String, _ document: Document) -> Bool {
        document.brief?.approvals.contains { $0.by.lowercased() == person.lowercased() } ?? false
    }

    /// The unfinished briefs each person has signed off, by person id lowercased (one pass over the briefs).
    func signOffsByPerson() -> [String: [String]] {
        var result: [String: [String]] = [:]
        for brief in documents(ofType: .brief) where !isFinished(brief) {
            for person in Set((brief.brief?.approvals ?? []).map { $0.by.lowercased() }) { result[person, default: []].append(brief.id) }
        }
        return result
    }
}
