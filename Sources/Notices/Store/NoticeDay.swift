public import ChinaLocale

/// The day a notice store derives statuses and warnings for: today, and the first effective day
/// an urgent notice without an end may have and still be a warning.
public struct NoticeDay: Sendable {
    public let today: BeijingDay
    public let warningSince: BeijingDay

    public init(today: BeijingDay, warningSince: BeijingDay) {
        self.today = today
        self.warningSince = warningSince
    }
}

/// A notice a search found, before its matches are marked.
public struct NoticeMatch: Sendable {
    public let id: String
    public let title: String
    public let category: String
    public let publishedOn: String
    public let urgent: Bool
    public let warning: Bool
    public let status: NoticeStatus
    public let summary: String
    public let body: String

    public init(
        id: String, title: String, category: String, publishedOn: String, urgent: Bool, warning: Bool, status: NoticeStatus,
        summary: String, body: String
    ) {
        (self.id, self.title, self.category, self.publishedOn) = (id, title, category, publishedOn)
        (self.urgent, self.warning, self.status, self.summary, self.body) = (urgent, warning, status, summary, body)
    }
}
