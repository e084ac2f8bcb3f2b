import BearingCore

/// The hover of a person or team id: their name, team (or a team's members), email, and how many
/// documents they own.
enum PersonHover {
    /// The Markdown of the hover of an id, known to people.yml or not.
    static func markdown(for id: String, _ kb: KnowledgeBase) -> String {
        let key = id.lowercased()
        let owned = kb.documents.filter { $0.owner?.lowercased() == key }.count
        let owns = "Owns \(owned) document\(owned == 1 ? "" : "s")."
        if let person = kb.people.people[key] {
            var lines = ["**\(ReferenceHover.escaped(person.name))** (`\(person.id)`)"]
            let teams = kb.people.teams(of: person.id).map { kb.people.name(of: $0) }
            if !teams.isEmpty { lines.append("Team: " + teams.joined(separator: ", ")) }
            if let email = person.email { lines.append("Email: " + email) }
            lines.append(owns)
            return lines.joined(separator: "\n\n")
        }
        if let team = kb.people.teams[key] {
            let members = team.members.map { kb.people.name(of: $0) }
            return ["**\(ReferenceHover.escaped(team.name))** (team `\(team.id)`)",
                    members.isEmpty ? "No members listed." : "Members: " + members.joined(separator: ", "), owns].joined(separator: "\n\n")
        }
        let known = kb.people.exists ? "Not in people.yml." : "The knowledge base has no people.yml."
        return "**`\(id)`**\n\n\(known)\n\n\(owns)"
    }
}
