/// Links in every form of the digest: each document's address from `link` (its page under
/// `base_url` when the page exists), none otherwise, never a link that would not resolve.
extension WeeklyDigest {
    mutating func linkEntries(_ link: (Entry) -> String?) {
        func linked(_ entry: Entry) -> Entry {
            var entry = entry
            entry.link = link(entry)
            return entry
        }
        for g in groups.indices {
            groups[g].goal = groups[g].goal.map(linked)
            for l in groups[g].changes.indices {
                groups[g].changes[l].document = linked(groups[g].changes[l].document)
                groups[g].changes[l].also = groups[g].changes[l].also.map(linked)
            }
        }
        for i in decisions.indices { decisions[i].document = linked(decisions[i].document) }
        for i in status_changes.indices { status_changes[i].document = linked(status_changes[i].document) }
        for i in progress_changes.indices { progress_changes[i].document = linked(progress_changes[i].document) }
        for i in sign_offs.indices { sign_offs[i].document = linked(sign_offs[i].document) }
        for i in reviews_due.indices { reviews_due[i].document = linked(reviews_due[i].document) }
        for i in late.indices { late[i].document = linked(late[i].document) }
        for i in needs_action.indices {
            needs_action[i].overdue = needs_action[i].overdue.map(linked)
            needs_action[i].reviews = needs_action[i].reviews.map(linked)
            needs_action[i].decides = needs_action[i].decides.map(linked)
        }
    }

    /// A document's page under `base_url`, when `exists` says the page is published (the document
    /// is in the knowledge base as it is now: a document since removed has no page).
    static func baseURLLink(_ baseURL: String?, exists: @escaping @Sendable (Entry) -> Bool) -> @Sendable (Entry) -> String? {
        guard let baseURL = URLSafety.webAddress(baseURL) else { return { _ in nil } }
        return { entry in exists(entry) ? ReportLinks.absolute(baseURL: baseURL, page: SiteLinks.file(SitePaths.page(forPath: entry.path))) : nil }
    }
}
