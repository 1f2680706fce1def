import ChinaLocale

/// The pesticide safety-interval check (安全间隔期): a lot harvested, shipped or put on sale
/// before the days a pesticide's label requires have passed since it was applied is a safety
/// violation, flagged loudly on the lot and in every lookup.
///
/// The check reads the events of a lot and of every lot it was made from, so produce mixed at a
/// cooperative carries the violation of any farmer's lot in it.
///
/// ```swift
/// let violations = SafetyIntervalCheck.violations(in: events)
/// violations.first?.safeFrom   // "2026-06-03": the first day harvest was allowed
/// ```
public enum SafetyIntervalCheck {
    /// A harvest or sale before a pesticide's interval had passed.
    public struct Violation: Codable, Sendable, Equatable {
        public let pesticideEventID: String
        public let inputName: String
        public let appliedOn: String
        public let safetyIntervalDays: Int
        /// The first day harvest or sale was allowed.
        public let safeFrom: String
        public let eventID: String
        public let eventKind: TraceEventKind
        public let occurredOn: String
        public let message: String

        enum CodingKeys: String, CodingKey {
            case inputName, appliedOn, safetyIntervalDays, safeFrom, eventKind, occurredOn, message
            case pesticideEventID = "pesticideEventId", eventID = "eventId"
        }
    }

    /// Every violation among events (retracted ones are ignored), earliest first.
    public static func violations(in events: [TraceEvent]) -> [Violation] {
        var sprays: [(event: TraceEvent, applied: BeijingDay, days: Int)] = []
        var ends: [(event: TraceEvent, on: BeijingDay)] = []
        for event in events where !event.retracted {
            if event.kind == .pesticide, let days = event.safetyIntervalDays, let applied = BeijingDay(event.day) {
                sprays.append((event, applied, days))
            } else if event.kind.endsSafetyInterval, let on = BeijingDay(event.day) {
                ends.append((event, on))
            }
        }
        var found: [Violation] = []
        for (spray, applied, days) in sprays {
            let safeFrom = applied.adding(days: days)
            for (end, on) in ends where on >= applied && on < safeFrom {
                found.append(
                    Violation(
                        pesticideEventID: spray.id, inputName: spray.inputName, appliedOn: spray.day,
                        safetyIntervalDays: days, safeFrom: safeFrom.text, eventID: end.id, eventKind: end.kind,
                        occurredOn: end.day,
                        message: "\(spray.day) 施用\(spray.inputName)，安全间隔期 \(days) 天，\(safeFrom.text) 起才能采收上市；"
                            + "\(end.day) 已\(end.kind.stage)，未过安全间隔期"))
            }
        }
        return found.sorted { ($0.occurredOn, $0.appliedOn) < ($1.occurredOn, $1.appliedOn) }
    }
}
