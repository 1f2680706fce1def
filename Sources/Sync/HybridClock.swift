public import Foundation
import Synchronization

/// A replica's hybrid logical clock: it never goes backwards, moves past every reading it observes,
/// and corrects the device's wall time by an offset learnt from the county's replies.
///
/// ```swift
/// let clock = HybridClock(last: .zero)
/// let stamp = clock.now()
/// try clock.observe(remoteStamp)   // throws if the stamp is too far in the future
/// ```
public final class HybridClock: Sendable {
    /// How far ahead of this replica's corrected time a reading may be before it is refused.
    public let maximumAhead: Duration
    private let wallTime: @Sendable () -> Int64
    private let state: Mutex<(last: HybridTimestamp, offset: Int64)>

    /// - Parameters:
    ///   - last: the highest reading this replica has issued or seen (from its change log).
    ///   - offsetMilliseconds: correction added to the device's wall time.
    ///   - wallTime: the device's wall time in milliseconds; tests give a skewed one.
    public init(
        last: HybridTimestamp, offsetMilliseconds: Int64 = 0, maximumAhead: Duration = .seconds(15 * 60),
        wallTime: @escaping @Sendable () -> Int64 = { Int64(Date().timeIntervalSince1970 * 1000) }
    ) {
        self.maximumAhead = maximumAhead
        self.wallTime = wallTime
        // What a store holds may have been written by anyone with the disk: kept within range, so
        // that no reading or offset read back can overflow the arithmetic below.
        self.state = Mutex((min(last, Self.latest), Self.plausibleOffset(offsetMilliseconds) ? offsetMilliseconds : 0))
    }

    /// The latest reading a clock issues or moves to: the year 4200 or so. A reading beyond it is
    /// no clock's (the county refuses it as too far ahead long before).
    static let latest = HybridTimestamp(wallMilliseconds: 1 << 46, counter: 0)

    /// Whether an offset between a device's clock and the county's is one a clock could have:
    /// within about a thousand years.
    static func plausibleOffset(_ offset: Int64) -> Bool { abs(offset) < 1 << 45 }

    /// The device's own wall time now, uncorrected, in milliseconds (within the clock's range).
    public var deviceWallMilliseconds: Int64 { min(max(wallTime(), 0), Self.latest.wallMilliseconds) }

    /// The corrected wall time now, in milliseconds.
    public var correctedWallMilliseconds: Int64 { state.withLock { deviceWallMilliseconds + $0.offset } }

    /// The correction in force, in milliseconds (county time minus device time).
    public var offsetMilliseconds: Int64 { state.withLock { $0.offset } }

    /// A new reading above every reading issued or observed before.
    public func now() -> HybridTimestamp {
        state.withLock { state in
            let wall = deviceWallMilliseconds + state.offset
            let next =
                wall > state.last.wallMilliseconds
                ? HybridTimestamp(wallMilliseconds: wall, counter: 0)
                : HybridTimestamp(rawValue: min(state.last, Self.latest).rawValue + 1)
            state.last = next
            return next
        }
    }

    /// Whether a reading is further ahead of corrected time than allowed.
    public func isTooFarAhead(_ stamp: HybridTimestamp) -> Bool {
        let limit = correctedWallMilliseconds + Int64(maximumAhead.components.seconds * 1000)
        return stamp.wallMilliseconds > limit
    }

    /// Moves the clock past a reading from another replica, so later readings sort after it.
    public func observe(_ stamp: HybridTimestamp) {
        state.withLock { state in
            if stamp > state.last, stamp <= Self.latest { state.last = stamp }
        }
    }

    /// Sets the last reading back, after readings stamped by a clock that ran ahead were refused.
    /// Only a station does this, and only below readings no other replica has accepted.
    public func rewind(to stamp: HybridTimestamp) {
        state.withLock { $0.last = stamp }
    }

    /// Adopts the county's wall time as the reference: the offset becomes county minus device time.
    public func adopt(countyWallMilliseconds: Int64) {
        // 0 is no reading: a reply carried on a USB stick for days says nothing of the county's clock now.
        guard countyWallMilliseconds > 0 else { return }
        let offset = countyWallMilliseconds.subtractingReportingOverflow(deviceWallMilliseconds)
        guard !offset.overflow, Self.plausibleOffset(offset.partialValue) else { return }
        state.withLock { state in state.offset = offset.partialValue }
    }
}
