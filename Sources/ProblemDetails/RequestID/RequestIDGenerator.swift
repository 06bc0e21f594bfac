import Synchronization

/// Unpredictable 128-bit values for request IDs, without a system call for each: SipHash-2-4,
/// keyed once per process from the system's secure generator, over a counter.
///
/// SipHash is a pseudorandom function: without the key, its outputs cannot be told from random
/// ones, nor predicted from earlier ones, so an ID still reveals neither the request volume nor
/// other requests' IDs. The counter makes every input, and so every ID, distinct within the
/// process, and each process draws its own key. A process that forks would share the key and the
/// counter with its child; servers built on SwiftNIO do not fork after they start.
///
/// The system call per ID it replaces (`getentropy`) was most of what identifying a request cost,
/// and a fifth of what the middleware's own code cost a successful Hummingbird request.
@available(macOS 15, iOS 18, tvOS 18, watchOS 11, visionOS 2, *)
final class RequestIDGenerator: Sendable {
    /// The process's generator, keyed on first use.
    static let shared: RequestIDGenerator = {
        let (key0, key1) = RequestID.randomBits()
        return RequestIDGenerator(key0: key0, key1: key1)
    }()

    private let key0: UInt64
    private let key1: UInt64
    private let counter = Atomic<UInt64>(0)

    /// Creates a generator with a key; tests give a known one.
    init(key0: UInt64, key1: UInt64) {
        self.key0 = key0
        self.key1 = key1
    }

    /// The next 128 bits: the keyed hashes of two counter values never used before.
    func next() -> (UInt64, UInt64) {
        let count = self.counter.wrappingAdd(1, ordering: .relaxed).oldValue
        return (self.hash(count &<< 1), self.hash(count &<< 1 | 1))
    }

    /// SipHash-2-4 of one 8-byte message, the little-endian bytes of `message`.
    func hash(_ message: UInt64) -> UInt64 {
        var v0 = self.key0 ^ 0x736f_6d65_7073_6575
        var v1 = self.key1 ^ 0x646f_7261_6e64_6f6d
        var v2 = self.key0 ^ 0x6c79_6765_6e65_7261
        var v3 = self.key1 ^ 0x7465_6462_7974_6573

        func round() {
            v0 &+= v1
            v1 = v1.rotatedLeft(by: 13) ^ v0
            v0 = v0.rotatedLeft(by: 32)
            v2 &+= v3
            v3 = v3.rotatedLeft(by: 16) ^ v2
            v0 &+= v3
            v3 = v3.rotatedLeft(by: 21) ^ v0
            v2 &+= v1
            v1 = v1.rotatedLeft(by: 17) ^ v2
            v2 = v2.rotatedLeft(by: 32)
        }

        v3 ^= message
        round()
        round()
        v0 ^= message
        // The last block holds only the message length, 8, in its top byte.
        let last: UInt64 = 8 << 56
        v3 ^= last
        round()
        round()
        v0 ^= last
        v2 ^= 0xff
        round()
        round()
        round()
        round()
        return v0 ^ v1 ^ v2 ^ v3
    }
}

extension UInt64 {
    fileprivate func rotatedLeft(by count: UInt64) -> UInt64 {
        (self &<< count) | (self &>> (64 &- count))
    }
}
