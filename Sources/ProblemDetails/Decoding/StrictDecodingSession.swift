/// The state of one strict decode: the violations found so far, the members each object was asked
/// for, and the placeholders that stand in for values the client got wrong.
///
/// Keyed and unkeyed containers never throw for a member's value: they record what is wrong and
/// carry on with a placeholder, so one request reports every failure. A decoder's own container
/// requests and single-value containers do throw, as `JSONDecoder`'s do, so that types which try
/// one reading after another with `try?` work; what they throw is recorded where it leaves the
/// type's `init(from:)`, at the keyed or unkeyed container that asked for the type (a
/// *boundary*).
///
/// A class, because the decoder and all its containers share it; it lives for one call and never
/// leaves the thread that made it.
final class StrictDecodingSession {
    /// Whether failures found below a point are recorded.
    enum Scope {
        /// Failures are recorded; objects opened here belong to the boundary with this number.
        case recording(boundary: Int)
        /// Nothing is recorded: the value is a placeholder candidate, a rewritten Foundation value,
        /// or lies under a value already reported as being of the wrong kind.
        case silent

        var isRecording: Bool {
            if case .recording = self { return true }
            return false
        }
    }

    /// Thrown when no placeholder can be made for a type: the boundary above tries a placeholder
    /// for its own type, and so on up to the top.
    struct Abort: Error {}

    /// The members looked up in one object of the body, and the boundaries that opened it.
    final class ObjectRecord {
        var known: Set<String> = []
        var owners: [Int] = []
    }

    private struct Failure {
        let violation: Violation
        let positions: [Int]
        let sequence: Int
    }

    /// Tried in turn for a type with no simpler placeholder, decoding silently: they make `UUID`,
    /// `Date`, `URL`, `Decimal`, `Data`, arrays, dictionaries and structs of those.
    static let placeholderCandidates: [ExtensionValue] = [
        "", "00000000-0000-0000-0000-000000000000", 0, false, "1970-01-01T00:00:00Z", "about:blank", [:], [],
    ]

    /// How many candidate decodes one session may try, whatever the types: a bound on the work a
    /// pathological type can cause.
    static let placeholderAttemptLimit = 512

    let body: ExtensionValue
    let userInfo: [CodingUserInfoKey: Any]
    let dateStrategy: StrictJSONDecoder.DateDecodingStrategy
    let maximumViolations: Int
    /// Whether members no type asked for are violations; a client reading a server's problem
    /// must ignore them instead (RFC 9457 §3.2).
    let reportsUnknownMembers: Bool
    /// Whether a string may stand for a number or Boolean, as every value of a problem read from
    /// XML is a string.
    let readsScalarsFromText: Bool

    /// Set once `maximumViolations` are recorded: decoding then stops.
    private(set) var isFull = false
    private var failures: [Failure] = []
    private var failedTokens: Set<[String]> = []
    private var objects: [[String]: ObjectRecord] = [:]
    private var boundarySucceeded: [Bool] = []
    private var placeholders: [ObjectIdentifier: Any] = [:]
    private var placeholderless: Set<ObjectIdentifier> = []
    private var placeholdersUnderway: Set<ObjectIdentifier> = []
    private var placeholderAttempts = 0
    private var foundationValues: [ObjectIdentifier: StrictFoundationValue?] = [:]

    init(
        body: ExtensionValue,
        userInfo: [CodingUserInfoKey: Any],
        dateStrategy: StrictJSONDecoder.DateDecodingStrategy,
        maximumViolations: Int,
        reportsUnknownMembers: Bool = true,
        readsScalarsFromText: Bool = false
    ) {
        self.body = body
        self.userInfo = userInfo
        self.dateStrategy = dateStrategy
        self.maximumViolations = max(1, maximumViolations)
        self.reportsUnknownMembers = reportsUnknownMembers
        self.readsScalarsFromText = readsScalarsFromText
    }

    // MARK: Running

    /// Decodes the body as `T` and lists every violation: decoding failures, unknown members and,
    /// when `T` is ``InputValidating``, the application's own, in document order.
    ///
    /// - Returns: The value, `nil` when no value could be made, and the violations.
    func run<T: Decodable>(_ type: T.Type) -> (value: T?, violations: [Violation]) {
        let value = self.attempt(T.self, from: self.body, at: .root, scope: .recording(boundary: self.newBoundary()))
        guard !self.isFull else { return (nil, self.sortedViolations()) }
        var tokens: [String] = []
        var positions: [Int] = []
        if self.reportsUnknownMembers {
            self.collectUnknownMembers(in: self.body, tokens: &tokens, positions: &positions)
        }
        var unlocated: [Violation] = []
        if !self.isFull, let validating = value as? any InputValidating {
            let decodingFailures = self.failedTokens
            for violation in validating.violations() {
                guard let pointer = violation.location?.pointer else {
                    unlocated.append(violation)
                    continue
                }
                // A member that failed to decode holds a placeholder: what the application says
                // of it, or of anything inside it, would be about the placeholder.
                let covered = (0...pointer.tokens.count).contains {
                    decodingFailures.contains(Array(pointer.tokens.prefix($0)))
                }
                if covered { continue }
                self.failures.append(
                    Failure(
                        violation: violation,
                        positions: Self.positions(of: pointer.tokens, in: self.body),
                        sequence: self.failures.count
                    )
                )
            }
        }
        return (value, self.sortedViolations() + unlocated)
    }

    private func sortedViolations() -> [Violation] {
        self.failures.sorted { lhs, rhs in
            if lhs.positions == rhs.positions { return lhs.sequence < rhs.sequence }
            return lhs.positions.lexicographicallyPrecedes(rhs.positions)
        }
        .map(\.violation)
    }

    // MARK: Recording

    /// Records a violation at a path, unless the scope is silent or the member already has one.
    ///
    /// - Parameters:
    ///   - detail: What is wrong, for the client.
    ///   - path: Where.
    ///   - scope: The scope of the container that found it.
    func record(_ detail: String, at path: StrictPath, scope: Scope) {
        guard scope.isRecording else { return }
        self.record(
            Violation(detail: detail, pointer: path.pointer),
            tokens: path.tokens,
            positions: path.positions
        )
    }

    private func record(_ violation: Violation, tokens: [String], positions: [Int]) {
        guard !self.isFull, self.failedTokens.insert(tokens).inserted else { return }
        self.failures.append(Failure(violation: violation, positions: positions, sequence: self.failures.count))
        if self.failures.count >= self.maximumViolations { self.isFull = true }
    }

    /// Records an error thrown out of a type's `init(from:)` at the boundary that asked for it.
    ///
    /// A `DecodingError` whose coding path leads below the boundary is recorded there, in the
    /// client's words; anything else (a type's own error, or one from another decoder it used)
    /// is "is not valid" at the boundary. Nothing about the error itself reaches the client.
    private func recordThrown(_ error: any Error, at path: StrictPath, value: ExtensionValue, adapted: Bool) {
        if error is Abort { return }
        guard !adapted, let decodingError = error as? DecodingError else {
            self.recordInvalid(at: path)
            return
        }
        let (detail, codingPath) = decodingError.clientDescription
        let prefix = path.codingPath
        guard codingPath.count >= prefix.count,
            zip(prefix, codingPath).allSatisfy({ $0.stringValue == $1.stringValue && $0.intValue == $1.intValue })
        else {
            self.recordInvalid(at: path)
            return
        }
        let tail = codingPath.dropFirst(prefix.count).map(JSONPointer.token(for:))
        let tokens = path.tokens + tail
        self.record(
            Violation(detail: detail, pointer: JSONPointer(tokens: tokens)),
            tokens: tokens,
            positions: path.positions + Self.positions(of: tail, in: value)
        )
    }

    private func recordInvalid(at path: StrictPath) {
        self.record(
            Violation(detail: StrictIssue.invalid.detail, pointer: path.pointer),
            tokens: path.tokens,
            positions: path.positions
        )
    }

    /// The positions of a pointer's tokens in a value, `Int.max` from the first that is not there.
    static func positions(of tokens: some Collection<String>, in value: ExtensionValue) -> [Int] {
        var current: ExtensionValue? = value
        var positions: [Int] = []
        positions.reserveCapacity(tokens.count)
        for token in tokens {
            switch current {
            case .object(let object)?:
                if let position = object.firstIndex(where: { $0.name == token }) {
                    positions.append(position)
                    current = object[position].value
                    continue
                }
            case .array(let elements)?:
                if let index = Int(token), elements.indices.contains(index) {
                    positions.append(index)
                    current = elements[index]
                    continue
                }
            default:
                break
            }
            positions.append(.max)
            current = nil
        }
        return positions
    }

    // MARK: Objects and unknown members

    private func newBoundary() -> Int {
        self.boundarySucceeded.append(false)
        return self.boundarySucceeded.count - 1
    }

    private func objectRecord(at tokens: [String], owner: Int) -> ObjectRecord {
        let record: ObjectRecord
        if let existing = self.objects[tokens] {
            record = existing
        } else {
            record = ObjectRecord()
            self.objects[tokens] = record
        }
        if record.owners.last != owner { record.owners.append(owner) }
        return record
    }

    /// Records every member of every object in the body that its type never looked up.
    ///
    /// Only objects whose type's `init(from:)` finished are checked: one that threw part-way may
    /// have had more members to ask for. An unknown member is reported once; what it holds is not
    /// looked into.
    private func collectUnknownMembers(in value: ExtensionValue, tokens: inout [String], positions: inout [Int]) {
        guard !self.isFull else { return }
        switch value {
        case .object(let object):
            let record = self.objects[tokens]
            let checked = record?.owners.contains { self.boundarySucceeded[$0] } ?? false
            for (position, member) in object.enumerated() {
                tokens.append(member.name)
                positions.append(position)
                if checked, let record, !record.known.contains(member.name) {
                    self.record(
                        Violation(detail: "is not a known member", pointer: JSONPointer(tokens: tokens)),
                        tokens: tokens,
                        positions: positions
                    )
                } else {
                    self.collectUnknownMembers(in: member.value, tokens: &tokens, positions: &positions)
                }
                tokens.removeLast()
                positions.removeLast()
            }
        case .array(let elements):
            for (index, element) in elements.enumerated() {
                tokens.append(String(index))
                positions.append(index)
                self.collectUnknownMembers(in: element, tokens: &tokens, positions: &positions)
                tokens.removeLast()
                positions.removeLast()
            }
        default:
            break
        }
    }

    // MARK: Containers

    /// A keyed container over a value.
    ///
    /// Over anything but an object, a decoder's request throws, as `JSONDecoder`'s does, so a type
    /// that tries one shape after another works and the container that asked for the value
    /// records it; a nested request records the mismatch and answers silently as if the object were
    /// empty, so the rest of the enclosing type is still read.
    func keyedContainer<Key: CodingKey>(
        _ type: Key.Type,
        value: ExtensionValue,
        isAbsent: Bool,
        path: StrictPath,
        scope: Scope,
        throwing: Bool
    ) throws -> StrictKeyedContainer<Key> {
        let value = self.container(from: value, empty: .object([:]))
        guard !isAbsent, case .object(let object) = value else {
            let issue = Self.containerIssue(value, isAbsent: isAbsent, expected: .object)
            if throwing { throw issue.decodingError(for: [String: Any].self, codingPath: path.codingPath) }
            self.record(issue.detail, at: path, scope: scope)
            return StrictKeyedContainer(session: self, object: [:], path: path, scope: .silent, record: nil)
        }
        var record: ObjectRecord?
        if case .recording(let boundary) = scope { record = self.objectRecord(at: path.tokens, owner: boundary) }
        return StrictKeyedContainer(session: self, object: object, path: path, scope: scope, record: record)
    }

    /// An unkeyed container over a value; over anything but an array, a decoder's request throws
    /// and a nested one records the mismatch and answers as if the array were empty, as for
    /// ``keyedContainer(_:value:isAbsent:path:scope:throwing:)``.
    func unkeyedContainer(
        value: ExtensionValue,
        isAbsent: Bool,
        path: StrictPath,
        scope: Scope,
        throwing: Bool
    ) throws -> StrictUnkeyedContainer {
        let value = self.container(from: value, empty: .array([]))
        guard !isAbsent, case .array(let elements) = value else {
            let issue = Self.containerIssue(value, isAbsent: isAbsent, expected: .array)
            if throwing { throw issue.decodingError(for: [Any].self, codingPath: path.codingPath) }
            self.record(issue.detail, at: path, scope: scope)
            return StrictUnkeyedContainer(session: self, elements: [], path: path, scope: .silent)
        }
        return StrictUnkeyedContainer(session: self, elements: elements, path: path, scope: scope)
    }

    /// XML writes an empty array or object as an empty element, which reads as "": where a
    /// container is asked for, that is the empty one.
    private func container(from value: ExtensionValue, empty: ExtensionValue) -> ExtensionValue {
        self.readsScalarsFromText && value == .string("") ? empty : value
    }

    private static func containerIssue(
        _ value: ExtensionValue,
        isAbsent: Bool,
        expected: JSONValueKind
    ) -> StrictIssue {
        if isAbsent { return .required }
        if value.isNull { return .null }
        return .expected(expected)
    }

    // MARK: Values

    /// Decodes a member of a keyed or unkeyed container: a failure is recorded and a placeholder
    /// returned.
    ///
    /// - Throws: ``Abort`` when no placeholder can be made, or decoding has stopped.
    func decodeMember<T: Decodable>(
        _ type: T.Type,
        from value: ExtensionValue,
        at path: StrictPath,
        scope: Scope
    ) throws -> T {
        if let result = self.attempt(T.self, from: value, at: path, scope: scope) { return result }
        return try self.placeholderOrAbort(T.self)
    }

    /// Decodes a value, or records what is wrong and returns `nil`.
    ///
    /// Primitives are read directly; Foundation's special types are rewritten into the form their
    /// `init(from:)` reads; any other type builds itself through a ``StrictDecoder``, and whatever
    /// it throws is recorded here.
    func attempt<T: Decodable>(
        _ type: T.Type,
        from value: ExtensionValue,
        isAbsent: Bool = false,
        at path: StrictPath,
        scope: Scope
    ) -> T? {
        guard !self.isFull else { return nil }
        if let primitive = T.self as? any StrictPrimitive.Type {
            let value = self.readsScalarsFromText && T.self != String.self ? Self.scalar(fromText: value) : value
            switch Self.read(primitive, as: T.self, from: value, isAbsent: isAbsent) {
            case .success(let result):
                return result
            case .failure(let issue):
                self.record(issue.detail, at: path, scope: scope)
                return nil
            }
        }
        var input = value
        var adapted = false
        if let foundation = self.foundationValue(T.self) {
            if isAbsent || value.isNull {
                self.record((isAbsent ? StrictIssue.required : .null).detail, at: path, scope: scope)
                return nil
            }
            switch foundation.adapt(self.foundationInput(foundation, value), dateStrategy: self.dateStrategy) {
            case nil:
                break
            case .success(let rewritten)?:
                input = rewritten
                adapted = true
            case .failure(let issue)?:
                self.record(issue.detail, at: path, scope: scope)
                return nil
            }
        }
        // A rewritten value is not the client's: nothing in it is tracked or recorded.
        let boundary = scope.isRecording && !adapted ? self.newBoundary() : nil
        let decoder = StrictDecoder(
            session: self,
            value: input,
            isAbsent: isAbsent,
            path: path,
            scope: boundary.map { .recording(boundary: $0) } ?? .silent
        )
        do {
            let result = try T(from: decoder)
            if let boundary { self.boundarySucceeded[boundary] = true }
            return result
        } catch {
            if scope.isRecording { self.recordThrown(error, at: path, value: value, adapted: adapted) }
            return nil
        }
    }

    /// Decodes a value for a single-value container, throwing what `JSONDecoder` would throw (with
    /// the client's words as the underlying error) instead of recording it.
    func decodeSingle<T: Decodable>(
        _ type: T.Type,
        from value: ExtensionValue,
        isAbsent: Bool,
        at path: StrictPath,
        scope: Scope
    ) throws -> T {
        if self.isFull { throw Abort() }
        if let primitive = T.self as? any StrictPrimitive.Type {
            let value = self.readsScalarsFromText && T.self != String.self ? Self.scalar(fromText: value) : value
            switch Self.read(primitive, as: T.self, from: value, isAbsent: isAbsent) {
            case .success(let result): return result
            case .failure(let issue): throw issue.decodingError(for: T.self, codingPath: path.codingPath)
            }
        }
        if let foundation = self.foundationValue(T.self) {
            if isAbsent || value.isNull {
                throw (isAbsent ? StrictIssue.required : .null).decodingError(for: T.self, codingPath: path.codingPath)
            }
            switch foundation.adapt(self.foundationInput(foundation, value), dateStrategy: self.dateStrategy) {
            case nil:
                break
            case .success(let rewritten)?:
                let decoder = StrictDecoder(
                    session: self,
                    value: rewritten,
                    isAbsent: false,
                    path: path,
                    scope: .silent
                )
                do {
                    return try T(from: decoder)
                } catch {
                    // Whatever the type says about the rewritten value is about the client's value.
                    throw StrictIssue.invalid.decodingError(for: T.self, codingPath: path.codingPath)
                }
            case .failure(let issue)?:
                throw issue.decodingError(for: T.self, codingPath: path.codingPath)
            }
        }
        return try T(from: StrictDecoder(session: self, value: value, isAbsent: isAbsent, path: path, scope: scope))
    }

    /// The number or Boolean a string spells, for values read from XML; an empty string, which
    /// is how XML writes null, is null.
    /// What a Foundation value is read from: in XML, where every scalar is text, a `Decimal`, or
    /// a `Date` under a numeric strategy, reads the number the text spells, as a primitive does.
    private func foundationInput(_ foundation: StrictFoundationValue, _ value: ExtensionValue) -> ExtensionValue {
        guard self.readsScalarsFromText else { return value }
        switch foundation {
        case .decimal:
            return Self.scalar(fromText: value)
        case .date:
            let kind = self.dateStrategy.kind
            return kind == .secondsSince1970 || kind == .millisecondsSince1970 ? Self.scalar(fromText: value) : value
        default:
            return value
        }
    }

    private static func scalar(fromText value: ExtensionValue) -> ExtensionValue {
        guard case .string(let text) = value else { return value }
        if text.isEmpty { return .null }
        guard text.utf8.count <= 64,
            case .success(let parsed) = JSONSyntaxError.parse(text.utf8, maximumSize: 64, maximumDepth: 1)
        else { return value }
        switch parsed {
        case .integer, .double, .bigNumber, .bool: return parsed
        default: return value
        }
    }

    private static func read<P: StrictPrimitive, T>(
        _ primitive: P.Type,
        as type: T.Type,
        from value: ExtensionValue,
        isAbsent: Bool
    ) -> Result<T, StrictIssue> {
        if isAbsent { return .failure(.required) }
        if value.isNull { return .failure(.null) }
        switch P.strictRead(value) {
        case .success(let result):
            guard let result = result as? T else { return .failure(.invalid) }
            return .success(result)
        case .failure(let issue):
            return .failure(issue)
        }
    }

    private func foundationValue(_ type: Any.Type) -> StrictFoundationValue? {
        let identifier = ObjectIdentifier(type)
        if let known = self.foundationValues[identifier] { return known }
        let value = StrictFoundationValue(type)
        self.foundationValues[identifier] = value
        return value
    }

    // MARK: Placeholders

    /// A placeholder for a value that failed, or ``Abort``.
    func placeholderOrAbort<T: Decodable>(_ type: T.Type) throws -> T {
        guard !self.isFull, let placeholder = self.placeholder(T.self) else { throw Abort() }
        return placeholder
    }

    /// A value of `T` to carry on with: a primitive's zero, `nil`, an enumeration's first case, or
    /// the first of ``placeholderCandidates`` that `T` decodes from silently; `nil` when there is
    /// none. Results are kept per type, and a type needing itself as a placeholder has none.
    private func placeholder<T: Decodable>(_ type: T.Type) -> T? {
        if let primitive = T.self as? any StrictPrimitive.Type { return Self.placeholder(primitive, as: T.self) }
        if let optional = T.self as? any StrictOptional.Type { return Self.none(optional, as: T.self) }
        if let enumeration = T.self as? any CaseIterable.Type, let first = Self.firstCase(enumeration, as: T.self) {
            return first
        }
        let identifier = ObjectIdentifier(T.self)
        if let known = self.placeholders[identifier] { return known as? T }
        guard !self.placeholderless.contains(identifier), !self.placeholdersUnderway.contains(identifier) else {
            return nil
        }
        self.placeholdersUnderway.insert(identifier)
        defer { self.placeholdersUnderway.remove(identifier) }
        for candidate in Self.placeholderCandidates where self.placeholderAttempts < Self.placeholderAttemptLimit {
            self.placeholderAttempts += 1
            if let value = self.attempt(T.self, from: candidate, at: .root, scope: .silent) {
                self.placeholders[identifier] = value
                return value
            }
        }
        self.placeholderless.insert(identifier)
        return nil
    }

    private static func placeholder<P: StrictPrimitive, T>(_ primitive: P.Type, as type: T.Type) -> T? {
        P.strictPlaceholder as? T
    }

    private static func none<O: StrictOptional, T>(_ optional: O.Type, as type: T.Type) -> T? {
        O.strictNone as? T
    }

    private static func firstCase<C: CaseIterable, T>(_ enumeration: C.Type, as type: T.Type) -> T? {
        C.allCases.first as? T
    }
}
