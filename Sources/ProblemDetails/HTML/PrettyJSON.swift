/// Writes a JSON value indented for people to read, for the examples on documentation pages.
///
/// Scalars are written by ``ProblemJSONEncoder``, so strings and numbers are escaped and
/// formatted exactly as in real responses; only the whitespace between them is added here.
enum PrettyJSON {
    /// The value as indented JSON text: two spaces a level, one member or element a line, and
    /// empty arrays and objects as `[]` and `{}`.
    static func text(of value: ExtensionValue) -> String {
        var text = ""
        self.write(value, indentation: 0, to: &text)
        return text
    }

    private static func write(_ value: ExtensionValue, indentation: Int, to text: inout String) {
        let inner = String(repeating: "  ", count: indentation + 1)
        switch value {
        case .array(let elements) where !elements.isEmpty:
            text += "[\n"
            for (index, element) in elements.enumerated() {
                text += inner
                self.write(element, indentation: indentation + 1, to: &text)
                text += index == elements.count - 1 ? "\n" : ",\n"
            }
            text += String(repeating: "  ", count: indentation) + "]"
        case .object(let object) where !object.isEmpty:
            text += "{\n"
            for (index, member) in object.enumerated() {
                text += inner + self.scalar(.string(member.name)) + ": "
                self.write(member.value, indentation: indentation + 1, to: &text)
                text += index == object.count - 1 ? "\n" : ",\n"
            }
            text += String(repeating: "  ", count: indentation) + "}"
        default:
            text += self.scalar(value)
        }
    }

    private static func scalar(_ value: ExtensionValue) -> String {
        String(decoding: ProblemJSONEncoder().encode(value), as: UTF8.self)
    }
}
