/// `people.yml`: the people and teams that ids in `owner`, `reviewers`, … refer to (SPEC §3.5).
public struct PeopleDirectory: Sendable {
    public struct Person: Sendable, Hashable, Codable {
        public var id: String
        public var name: String
        public var email: String?
        public var team: String?
    }

    public struct Team: Sendable, Hashable, Codable {
        public var id: String
        public var name: String
        public var members: [String]
    }

    public static let fileName = "people.yml"

    /// False when the KB has no people.yml: person ids are then not checked.
    public var exists = false
    public var people: [String: Person] = [:]
    public var teams: [String: Team] = [:]

    public init() {}

    /// Whether `id` names a person or a team (case-insensitive).
    public func knows(_ id: String) -> Bool {
        let key = id.lowercased()
        return people[key] != nil || teams[key] != nil
    }

    /// The teams an id stands for, sorted: a team id itself, or the teams of a person (their
    /// `team:` and every team listing them as a member). Empty for nil and unknown ids.
    public func teams(of id: String?) -> [String] {
        guard let key = id?.lowercased() else { return [] }
        if let team = teams[key] { return [team.id] }
        var result = Set<String>()
        if let team = people[key]?.team, let known = teams[team.lowercased()] { result.insert(known.id) }
        for team in teams.values where team.members.contains(where: { $0.lowercased() == key }) { result.insert(team.id) }
        return result.sorted()
    }

    /// A person's or team's name, else the id as written.
    public func name(of id: String) -> String {
        let key = id.lowercased()
        return people[key]?.name ?? teams[key]?.name ?? id
    }

    public var allIDs: [String] { (people.values.map(\.id) + teams.values.map(\.id)).sorted() }

    public static func read(_ root: YAMLNode?, path: String = fileName) -> (PeopleDirectory, [Diagnostic]) {
        var directory = PeopleDirectory()
        directory.exists = true
        var reader = FieldReader(path: path)
        guard let root else { return (directory, []) }
        guard root.mapping != nil else {
            reader.invalid("people.yml", root, expected: "a mapping with 'people' and 'teams'")
            return (directory, reader.diagnostics)
        }
        if let people = root["people"], !people.isNull {
            if let pairs = people.mapping {
                for pair in pairs {
                    let fields = pair.value
                    let name = reader.string("people.\(pair.key).name", fields["name"]) ?? pair.key
                    directory.people[pair.key.lowercased()] = Person(
                        id: pair.key, name: name,
                        email: reader.string("people.\(pair.key).email", fields["email"]),
                        team: reader.string("people.\(pair.key).team", fields["team"]))
                }
            } else {
                reader.invalid("people", people, expected: "a mapping of person id to details")
            }
        }
        if let teams = root["teams"], !teams.isNull {
            if let pairs = teams.mapping {
                for pair in pairs {
                    let fields = pair.value
                    directory.teams[pair.key.lowercased()] = Team(
                        id: pair.key,
                        name: reader.string("teams.\(pair.key).name", fields["name"]) ?? pair.key,
                        members: reader.strings("teams.\(pair.key).members", fields["members"]).map(\.value))
                }
            } else {
                reader.invalid("teams", teams, expected: "a mapping of team id to details")
            }
        }
        return (directory, reader.diagnostics)
    }
}
