/// The strict decoder's unkeyed container: one array of the body.
///
/// A failing element is recorded at its index (`#/tags/3`) and replaced by a placeholder instead of
/// thrown, so the remaining elements are still checked. Reading past the end records the missing
/// element as required.
struct StrictUnkeyedContainer: UnkeyedDecodingContainer {
    let session: StrictDecodingSession
    let elements: [ExtensionValue]
    let path: StrictPath
    let scope: StrictDecodingSession.Scope

    private(set) var currentIndex = 0

    init(
        session: StrictDecodingSession,
        elements: [ExtensionValue],
        path: StrictPath,
        scope: StrictDecodingSession.Scope
    ) {
        self.session = session
        self.elements = elements
        self.path = path
        self.scope = scope
    }

    var codingPath: [any CodingKey] { self.path.codingPath }

    var count: Int? { self.elements.count }

    var isAtEnd: Bool { self.currentIndex >= self.elements.count }

    mutating func decodeNil() throws -> Bool {
        guard !self.isAtEnd else {
            let (_, path) = self.next()
            self.session.record(StrictIssue.required.detail, at: path, scope: self.scope)
            return true
        }
        guard self.elements[self.currentIndex].isNull else { return false }
        self.currentIndex += 1
        return true
    }

    mutating func decode(_ type: Bool.Type) throws -> Bool { try self.decodeValue(type) }
    mutating func decode(_ type: String.Type) throws -> String { try self.decodeValue(type) }
    mutating func decode(_ type: Double.Type) throws -> Double { try self.decodeValue(type) }
    mutating func decode(_ type: Float.Type) throws -> Float { try self.decodeValue(type) }
    mutating func decode(_ type: Int.Type) throws -> Int { try self.decodeValue(type) }
    mutating func decode(_ type: Int8.Type) throws -> Int8 { try self.decodeValue(type) }
    mutating func decode(_ type: Int16.Type) throws -> Int16 { try self.decodeValue(type) }
    mutating func decode(_ type: Int32.Type) throws -> Int32 { try self.decodeValue(type) }
    mutating func decode(_ type: Int64.Type) throws -> Int64 { try self.decodeValue(type) }
    mutating func decode(_ type: UInt.Type) throws -> UInt { try self.decodeValue(type) }
    mutating func decode(_ type: UInt8.Type) throws -> UInt8 { try self.decodeValue(type) }
    mutating func decode(_ type: UInt16.Type) throws -> UInt16 { try self.decodeValue(type) }
    mutating func decode(_ type: UInt32.Type) throws -> UInt32 { try self.decodeValue(type) }
    mutating func decode(_ type: UInt64.Type) throws -> UInt64 { try self.decodeValue(type) }

    @available(macOS 15.0, iOS 18.0, watchOS 11.0, tvOS 18.0, visionOS 2.0, *)
    mutating func decode(_ type: Int128.Type) throws -> Int128 { try self.decodeValue(type) }

    @available(macOS 15.0, iOS 18.0, watchOS 11.0, tvOS 18.0, visionOS 2.0, *)
    mutating func decode(_ type: UInt128.Type) throws -> UInt128 { try self.decodeValue(type) }

    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T { try self.decodeValue(type) }

    mutating func decodeIfPresent(_ type: Bool.Type) throws -> Bool? { self.decodeOptional(type) }
    mutating func decodeIfPresent(_ type: String.Type) throws -> String? { self.decodeOptional(type) }
    mutating func decodeIfPresent(_ type: Double.Type) throws -> Double? { self.decodeOptional(type) }
    mutating func decodeIfPresent(_ type: Float.Type) throws -> Float? { self.decodeOptional(type) }
    mutating func decodeIfPresent(_ type: Int.Type) throws -> Int? { self.decodeOptional(type) }
    mutating func decodeIfPresent(_ type: Int8.Type) throws -> Int8? { self.decodeOptional(type) }
    mutating func decodeIfPresent(_ type: Int16.Type) throws -> Int16? { self.decodeOptional(type) }
    mutating func decodeIfPresent(_ type: Int32.Type) throws -> Int32? { self.decodeOptional(type) }
    mutating func decodeIfPresent(_ type: Int64.Type) throws -> Int64? { self.decodeOptional(type) }
    mutating func decodeIfPresent(_ type: UInt.Type) throws -> UInt? { self.decodeOptional(type) }
    mutating func decodeIfPresent(_ type: UInt8.Type) throws -> UInt8? { self.decodeOptional(type) }
    mutating func decodeIfPresent(_ type: UInt16.Type) throws -> UInt16? { self.decodeOptional(type) }
    mutating func decodeIfPresent(_ type: UInt32.Type) throws -> UInt32? { self.decodeOptional(type) }
    mutating func decodeIfPresent(_ type: UInt64.Type) throws -> UInt64? { self.decodeOptional(type) }

    @available(macOS 15.0, iOS 18.0, watchOS 11.0, tvOS 18.0, visionOS 2.0, *)
    mutating func decodeIfPresent(_ type: Int128.Type) throws -> Int128? { self.decodeOptional(type) }

    @available(macOS 15.0, iOS 18.0, watchOS 11.0, tvOS 18.0, visionOS 2.0, *)
    mutating func decodeIfPresent(_ type: UInt128.Type) throws -> UInt128? { self.decodeOptional(type) }

    mutating func decodeIfPresent<T: Decodable>(_ type: T.Type) throws -> T? { self.decodeOptional(type) }

    mutating func nestedContainer<NestedKey: CodingKey>(
        keyedBy type: NestedKey.Type
    ) throws -> KeyedDecodingContainer<NestedKey> {
        let (value, path) = self.next()
        return KeyedDecodingContainer(
            try self.session.keyedContainer(
                NestedKey.self,
                value: value ?? .null,
                isAbsent: value == nil,
                path: path,
                scope: self.scope,
                throwing: false
            )
        )
    }

    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
        let (value, path) = self.next()
        return try self.session.unkeyedContainer(
            value: value ?? .null,
            isAbsent: value == nil,
            path: path,
            scope: self.scope,
            throwing: false
        )
    }

    mutating func superDecoder() throws -> any Decoder {
        let (value, path) = self.next()
        return StrictDecoder(
            session: self.session,
            value: value ?? .null,
            isAbsent: value == nil,
            path: path,
            scope: self.scope
        )
    }

    // MARK: Decoding

    /// The current element (`nil` past the end) and its path; moves on to the next.
    private mutating func next() -> (value: ExtensionValue?, path: StrictPath) {
        let index = self.currentIndex
        self.currentIndex += 1
        return (index < self.elements.count ? self.elements[index] : nil, self.path.appending(index: index))
    }

    private mutating func decodeValue<T: Decodable>(_ type: T.Type) throws -> T {
        let (value, path) = self.next()
        guard let value else {
            self.session.record(StrictIssue.required.detail, at: path, scope: self.scope)
            return try self.session.placeholderOrAbort(T.self)
        }
        return try self.session.decodeMember(T.self, from: value, at: path, scope: self.scope)
    }

    /// Past the end and `null` are `nil`; an element that fails is recorded and is `nil` too.
    private mutating func decodeOptional<T: Decodable>(_ type: T.Type) -> T? {
        guard !self.isAtEnd else { return nil }
        let (value, path) = self.next()
        guard let value, !value.isNull else { return nil }
        return self.session.attempt(T.self, from: value, at: path, scope: self.scope)
    }
}
