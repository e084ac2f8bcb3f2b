/// YAML keys other tools write, in front matter (`start-date`, `author`, `co-authors`, NixOS's
/// `feature`) or in a sidecar file beside a `README.md` (a KEP's `kep.yaml`: `title`, `status`,
/// `creation-date`, `authors`, `approvers`, `superseded-by`, `replaces`):
///
/// ```yaml
/// title: Dynamic Kubelet Configuration
/// status: implemented # provisional|implementable|implemented
/// creation-date: 2017-07-12
/// authors: ["@mtaufen"]
/// approvers: ["@dchen1107"]
/// superseded-by: n/a
/// ```
///
/// Bearing's own fields (`status`, `date`, `deciders`…) are typed by DocumentReader and are left
/// out here unless the fields come from a sidecar.
enum ForeignFields {
    static func read(_ fields: [YAMLPair], skipping own: Set<String>, path: String? = nil, into stated: inout StatedMetadata) {
        for pair in fields where !own.contains(pair.key) {
            guard let key = StatedMetadata.key(forLabel: pair.key) else { continue }
            let items = pair.value.sequence ?? [pair.value]
            for item in items {
                guard let text = item.string else { continue }
                stated.add(key, StatedMetadata.Value(text: text, line: item.line, column: item.column, path: path))
            }
        }
    }
}
