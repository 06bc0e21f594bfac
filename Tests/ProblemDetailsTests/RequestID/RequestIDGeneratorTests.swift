@testable import ProblemDetails
import Testing

@Suite struct RequestIDGeneratorTests {
    /// The key 00 01 … 0f of the SipHash paper's test vectors.
    let referenceKey: (UInt64, UInt64) = (0x0706_0504_0302_0100, 0x0f0e_0d0c_0b0a_0908)

    @Test func hashesLikeTheSipHashReferenceImplementation() {
        // vectors_sip64[8] of the reference implementation: the message 00 01 … 07.
        let generator = RequestIDGenerator(key0: self.referenceKey.0, key1: self.referenceKey.1)
        #expect(generator.hash(0x0706_0504_0302_0100) == 0x93f5_f579_9a93_2462)
    }

    @Test func neverRepeatsAndDependsOnTheKey() {
        let generator = RequestIDGenerator(key0: self.referenceKey.0, key1: self.referenceKey.1)
        let sameKey = RequestIDGenerator(key0: self.referenceKey.0, key1: self.referenceKey.1)
        let otherKey = RequestIDGenerator(key0: self.referenceKey.0, key1: self.referenceKey.1 ^ 1)
        var seen = Set<[UInt64]>()
        for _ in 0..<50_000 {
            let (high, low) = generator.next()
            #expect(seen.insert([high, low]).inserted)
        }
        let first = sameKey.next()
        let other = otherKey.next()
        #expect(first != other)
        #expect(first.0 != first.1)
    }

    @Test func concurrentCallersGetDistinctIdentifiers() async {
        let ids = await withTaskGroup(of: [RequestID].self) { group in
            for _ in 0..<8 {
                group.addTask { (0..<2_000).map { _ in RequestID.generate() } }
            }
            var all: [RequestID] = []
            for await batch in group { all += batch }
            return all
        }
        #expect(ids.count == 16_000)
        #expect(Set(ids).count == 16_000)
    }
}
