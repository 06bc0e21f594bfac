import HTTPTypes

/// The RFC 9457 §3.1 rules for reading a problem's members, shared by the JSON and XML readers.
///
/// A standard member of the wrong type is ignored, as if absent, and reported; `type` defaults to
/// `about:blank`; relative `type` and `instance` references are resolved against the document's
/// base URI when there is one; every other member is kept, unrecognised or not.
/// https://www.rfc-editor.org/rfc/rfc9457#section-3.1
enum ConsumerRules {
    static func problem(
        from members: consuming ExtensionValue.Object,
        baseURI: URIReference?,
        diagnostics: inout [ProblemDiagnostic]
    ) -> Problem {
        var problem = Problem()
        var hasStandardMembers = false
        for index in members.storage.indices {
            let member = members.storage[index]
            guard Problem.Extensions.isReserved(member.name) else { continue }
            hasStandardMembers = true
            switch member.name {
            case "type":
                guard case .string(let type) = member.value else {
                    diagnostics.append(wrongType("type", expected: "a string", member.value))
                    continue
                }
                if type.isEmpty {
                    diagnostics.append(.init(member: "type", message: "is empty; read as about:blank"))
                    continue
                }
                problem.type = Self.reference(type, member: "type", baseURI: baseURI, diagnostics: &diagnostics)
            case "title":
                guard case .string(let title) = member.value else {
                    diagnostics.append(wrongType("title", expected: "a string", member.value))
                    continue
                }
                problem.explicitTitle = title
            case "status":
                guard case .integer(let code) = member.value, (100...599).contains(code) else {
                    diagnostics.append(wrongType("status", expected: "an integer from 100 to 599", member.value))
                    continue
                }
                problem.status = .init(code: code)
            case "detail":
                guard case .string(let detail) = member.value else {
                    diagnostics.append(wrongType("detail", expected: "a string", member.value))
                    continue
                }
                problem.detail = detail
            case "instance":
                guard case .string(let instance) = member.value else {
                    diagnostics.append(wrongType("instance", expected: "a string", member.value))
                    continue
                }
                problem.instance = Self.reference(
                    instance,
                    member: "instance",
                    baseURI: baseURI,
                    diagnostics: &diagnostics
                )
            default:
                break
            }
        }
        // The members that remain are the extensions; removing in place reuses the parser's storage.
        if hasStandardMembers {
            members.storage.removeAll { Problem.Extensions.isReserved($0.name) }
        }
        problem.extensions = Problem.Extensions(unchecked: members)
        return problem
    }

    private static func reference(
        _ text: String,
        member: String,
        baseURI: URIReference?,
        diagnostics: inout [ProblemDiagnostic]
    ) -> String {
        // Without a base there is nothing to resolve, so validity is all that matters; checking it
        // without building the components keeps the common case free of allocations.
        guard let baseURI else {
            if !URIReference.isValid(text) {
                diagnostics.append(.init(member: member, message: "is not a URI reference; kept as it is"))
            }
            return text
        }
        guard let reference = URIReference(parsing: text) else {
            diagnostics.append(.init(member: member, message: "is not a URI reference; kept as it is"))
            return text
        }
        guard !reference.isAbsolute else { return text }
        return reference.resolved(against: baseURI).description
    }

    private static func wrongType(_ member: String, expected: String, _ value: ExtensionValue) -> ProblemDiagnostic {
        ProblemDiagnostic(
            member: member,
            message: "must be \(expected) but is \(Self.describe(value)); ignored (RFC 9457 §3.1)"
        )
    }

    static func describe(_ value: ExtensionValue) -> String {
        switch value {
        case .null: "null"
        case .bool: "a boolean"
        case .integer(let integer): "the integer \(integer)"
        case .double, .bigNumber: "a number that is not an integer in range"
        case .string: "a string"
        case .array: "an array"
        case .object: "an object"
        }
    }
}
