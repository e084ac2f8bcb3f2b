/// Where documents get the dates and authors their front matter does not state (SPEC §6): the
/// git history (`GitHistory`), applied to each document as it is read.
public protocol DocumentDates: Sendable {
    func apply(to document: inout Document)
}
