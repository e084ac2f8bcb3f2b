/// The defence against DNS rebinding: a page of another site whose name is made to point at this
/// machine can reach the preview, but its requests name that site in `Host`. A request must carry
/// exactly one `Host` field (RFC 9112 §3.2), naming this machine and the port served.
struct HostCheck: Sendable {
    /// The `Host` values accepted, lower-cased: this machine's loopback names, and the address
    /// listened on. Nil: any name (--host named every address, 0.0.0.0 or ::, so other machines
    /// are meant to read the site under names this one cannot know), but still exactly one field.
    let accepted: Set<String>?

    init(host: String, port: UInt16) {
        let host = host.lowercased()
        guard host != "0.0.0.0", host != "::" else {
            accepted = nil
            return
        }
        let loopback = ["127.0.0.1", "localhost", "[::1]"]
        let names = Set(loopback + (loopback.contains(host) || host == "::1" ? [] : [host.contains(":") ? "[\(host)]" : host]))
        accepted = Set(names.map { "\($0):\(port)" } + (port == 80 ? names : []))
    }

    /// Nil when the request may be served, else the answer.
    func refusal(of head: RequestHead) -> Response? {
        let hosts = head.values("Host")
        guard hosts.count == 1 else {
            return .plain(.badRequest, hosts.isEmpty ? "Bad request: no Host header" : "Bad request: more than one Host header")
        }
        guard let accepted, !accepted.contains(hosts[0].lowercased()) else { return nil }
        return .plain(.forbidden, "Forbidden: unknown host")
    }
}
