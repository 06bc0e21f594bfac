@testable import ProblemDetails
import Testing

@Suite struct UTF8ValidationTests {
    func isValid(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { UTF8Validation.isValid($0) }
    }

    @Test func acceptsWellFormedText() {
        for text in ["", "plain ASCII longer than eight bytes", "é", "€", "🚀", "mixed ascii then ü and 中文 and 🚀 end", "\u{10FFFF}", "\u{D7FF}\u{E000}"] {
            #expect(isValid(Array(text.utf8)), "\(text)")
        }
    }

    @Test(arguments: [
        [0x80], [0xC0, 0x80], [0xC1, 0xBF], [0xC2], [0xE0, 0x80, 0x80], [0xED, 0xA0, 0x80], [0xF0, 0x80, 0x80, 0x80],
        [0xF4, 0x90, 0x80, 0x80], [0xF5, 0x80, 0x80, 0x80], [0xFF], [0xE2, 0x82], [0xE2, 0x28, 0xA1],
        Array("12345678".utf8) + [0xC3, 0x28],
    ] as [[UInt8]])
    func refusesMalformedSequences(bytes: [UInt8]) {
        #expect(!isValid(bytes))
    }

    @Test func agreesWithTheStandardLibraryOnEveryTwoByteSequence() {
        for first in 0...255 {
            for second in stride(from: 0, through: 255, by: 3) {
                let bytes: [UInt8] = [UInt8(first), UInt8(second), 0x41]
                let standard = String(decoding: bytes, as: UTF8.self).utf8.elementsEqual(bytes)
                #expect(isValid(bytes) == standard, "\(bytes)")
            }
        }
    }
}
