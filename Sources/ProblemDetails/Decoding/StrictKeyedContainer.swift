/// The strict decoder's keyed container: one object of the body.
///
/// Every member looked up (with `contains`, `decode`, `decodeIfPresent`, `decodeNil` or a nested
/// container) is noted as known; after decoding, the others are unknown members. A missing or
/// failing member is recorded and replaced by a placeholder instead of thrown, so decoding goes on.
struct StrictKeyedContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let session: StrictDecodingSession
    let object: ExtensionValue.Object
    let path: StrictPath
    let scope: StrictDecodingSession.Scope
    /// Where looked-up members are noted; `nil` in a silent scope.
    let record: StrictDecodingSession.ObjectRecord?
    /// Positions by name, for objects too large to search member by member.
    private let index: [String: Int]?

    init(
        session: StrictDecodingSession,
        object: ExtensionValue.Object,
        path: StrictPath,
        scope: StrictDecodingSession.Scope,
        record: StrictDecodingSession.ObjectRecord?
    ) {
        self.session = session
        self.object = object
        self.path = path
        self.scope = scope
        self.record = record
        // A dictionary type looks up every member: without an index a large object goes quadratic.
        if object.count > 16 {
            var index: [String: Int] = [:]
            index.reserveCapacity(object.count)
            for (position, member) in object.enumerated() where index[member.name] == nil {
                index[member.name] = position
            }
            self.index = index
        } else {
            self.index = nil
        }
    }

    var codingPath: [any CodingKey] { self.path.codingPath }

    var allKeys: [Key] { self.object.names.compactMap { Key(stringValue: $0) } }

    func contains(_ key: Key) -> Bool { self.lookUp(key) != nil }

    func decodeNil(forKey key: Key) throws -> Bool {
        guard let member = self.lookUp(key) else {
            self.recordMissing(key)
            return true
        }
        return member.value.isNull
    }

    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try self.decodeValue(type, key) }
    func decode(_ type: String.Type, forKey key: Key) throws -> String { try self.decodeValue(type, key) }
    func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try self.decodeValue(type, key) }
    func decode(_ type: Float.Type, forKey key: Key) throws -> Float { try self.decodeValue(type, key) }
    func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try self.decodeValue(type, key) }
    func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try self.decodeValue(type, key) }
    func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { try self.decodeValue(type, key) }
    func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { try self.decodeValue(type, key) }
    func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try self.decodeValue(type, key) }
    func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try self.decodeValue(type, key) }
    func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { try self.decodeValue(type, key) }
    func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { try self.decodeValue(type, key) }
    func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { try self.decodeValue(type, key) }
    func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { try self.decodeValue(type, key) }

    @available(macOS 15.0, iOS 18.0, watchOS 11.0, tvOS 18.0, visionOS 2.0, *)
    func decode(_ type: Int128.Type, forKey key: Key) throws -> Int128 { try self.decodeValue(type, key) }

    @available(macOS 15.0, iOS 18.0, watchOS 11.0, tvOS 18.0, visionOS 2.0, *)
    func decode(_ type: UInt128.Type, forKey key: Key) throws -> UInt128 { try self.decodeValue(type, key) }

    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T { try self.decodeValue(type, key) }

    func decodeIfPresent(_ type: Bool.Type, forKey key: Key) throws -> Bool? { self.decodeOptional(type, key) }
    func decodeIfPresent(_ type: String.Type, forKey key: Key) throws -> String? { self.decodeOptional(type, key) }
    func decodeIfPresent(_ type: Double.Type, forKey key: Key) throws -> Double? { self.decodeOptional(type, key) }
    func decodeIfPresent(_ type: Float.Type, forKey key: Key) throws -> Float? { self.decodeOptional(type, key) }
    func decodeIfPresent(_ type: Int.Type, forKey key: Key) throws -> Int? { self.decodeOptional(type, key) }
    func decodeIfPresent(_ type: Int8.Type, forKey key: Key) throws -> Int8? { self.decodeOptional(type, key) }
    func decodeIfPresent(_ type: Int16.Type, forKey key: Key) throws -> Int16? { self.decodeOptional(type, key) }
    func decodeIfPresent(_ type: Int32.Type, forKey key: Key) throws -> Int32? { self.decodeOptional(type, key) }
    func decodeIfPresent(_ type: Int64.Type, forKey key: Key) throws -> Int64? { self.decodeOptional(type, key) }
    func decodeIfPresent(_ type: UInt.Type, forKey key: Key) throws -> UInt? { self.decodeOptional(type, key) }
    func decodeIfPresent(_ type: UInt8.Type, forKey key: Key) throws -> UInt8? { self.decodeOptional(type, key) }
    func decodeIfPresent(_ type: UInt16.Type, forKey key: Key) throws -> UInt16? { self.decodeOptional(type, key) }
    func decodeIfPresent(_ type: UInt32.Type, forKey key: Key) throws -> UInt32? { self.decodeOptional(type, key) }
    func decodeIfPresent(_ type: UInt64.Type, forKey key: Key) throws -> UInt64? { self.decodeOptional(type, key) }

    @available(macOS 15.0, iOS 18.0, watchOS 11.0, tvOS 18.0, visionOS 2.0, *)
    func decodeIfPresent(_ type: Int128.Type, forKey key: Key) throws -> Int128? {
        self.decodeOptional(type, key)
    }

    @available(macOS 15.0, iOS 18.0, watchOS 11.0, tvOS 18.0, visionOS 2.0, *)
    func decodeIfPresent(_ type: UInt128.Type, forKey key: Key) throws -> UInt128? {
        self.decodeOptional(type, key)
    }

    func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
        self.decodeOptional(type, key)
    }

    func nestedContainer<NestedKey: CodingKey>(
        keyedBy type: NestedKey.Type,
        forKey key: Key
    ) throws -> KeyedDecodingContainer<NestedKey> {
        let member = self.lookUp(key)
        return KeyedDecodingContainer(
            try self.session.keyedContainer(
                NestedKey.self,
                value: member?.value ?? .null,
                isAbsent: member == nil,
                path: self.path.appending(key, position: member?.position ?? .max),
                scope: self.scope,
                throwing: false
            )
        )
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        let member = self.lookUp(key)
        return try self.session.unkeyedContainer(
            value: member?.value ?? .null,
            isAbsent: member == nil,
            path: self.path.appending(key, position: member?.position ?? .max),
            scope: self.scope,
            throwing: false
        )
    }

    func superDecoder() throws -> any Decoder { self.decoder(for: StrictCodingKey.super) }

    func superDecoder(forKey key: Key) throws -> any Decoder { self.decoder(for: key) }

    // MARK: Lookup and decoding

    /// The member for a key, noting the key as known.
    private func lookUp(_ key: some CodingKey) -> (value: ExtensionValue, position: Int)? {
        let name = key.stringValue
        self.record?.known.insert(name)
        if let index = self.index {
            return index[name].map { (self.object[$0].value, $0) }
        }
        guard let position = self.object.firstIndex(where: { $0.name == name }) else { return nil }
        return (self.object[position].value, position)
    }

    private func recordMissing(_ key: Key) {
        let path = self.path.appending(key, position: .max)
        self.session.record(StrictIssue.required.detail, at: path, scope: self.scope)
    }

    private func decoder(for key: some CodingKey) -> StrictDecoder {
        let member = self.lookUp(key)
        return StrictDecoder(
            session: self.session,
            value: member?.value ?? .null,
            isAbsent: member == nil,
            path: self.path.appending(key, position: member?.position ?? .max),
            scope: self.scope
        )
    }

    private func decodeValue<T: Decodable>(_ type: T.Type, _ key: Key) throws -> T {
        guard let member = self.lookUp(key) else {
            self.recordMissing(key)
            return try self.session.placeholderOrAbort(T.self)
        }
        return try self.session.decodeMember(
            T.self,
            from: member.value,
            at: self.path.appending(key, position: member.position),
            scope: self.scope
        )
    }

    /// Absent and `null` are `nil`; a value that fails is recorded and is `nil` too.
    private func decodeOptional<T: Decodable>(_ type: T.Type, _ key: Key) -> T? {
        guard let member = self.lookUp(key), !member.value.isNull else { return nil }
        // XML writes null as an empty element, which reads as "": for anything but a string,
        // that is absent.
        if self.session.readsScalarsFromText, T.self != String.self, member.value == .string("") { return nil }
        return self.session.attempt(
            T.self,
            from: member.value,
            at: self.path.appending(key, position: member.position),
            scope: self.scope
        )
    }
}
