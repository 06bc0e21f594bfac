import ProblemDetails
import Testing

@Suite struct ExtensionValueTests {
    @Test func literalsBuildTheMatchingCases() {
        let value: ExtensionValue = ["s": "x", "i": 1, "d": 1.5, "b": true, "a": [1, "two"], "o": ["k": "v"]]
        let object = value.objectValue
        #expect(object?["s"]?.stringValue == "x")
        #expect(object?["i"]?.integerValue == 1)
        #expect(object?["d"]?.doubleValue == 1.5)
        #expect(object?["i"]?.doubleValue == 1)
        #expect(object?["b"]?.boolValue == true)
        #expect(object?["a"]?.arrayValue == [.integer(1), .string("two")])
        #expect(object?["o"]?.objectValue?["k"] == "v")
        #expect(object?.names == ["s", "i", "d", "b", "a", "o"])
        #expect(ExtensionValue.null.isNull)
        #expect(ExtensionValue.string("x").integerValue == nil)
    }

    @Test func objectInitializerKeepsFirstPositionAndLastValue() {
        let object = ExtensionValue.Object([("a", 1), ("b", 2), ("a", 3)])
        #expect(object.names == ["a", "b"])
        #expect(object["a"] == 3)
    }

    @Test func objectRemoveAllEmptiesIt() {
        var object: ExtensionValue.Object = ["a": 1]
        object.removeAll()
        #expect(object.isEmpty)
    }
}
