/// The strict decoder's single-value container: it throws, as `JSONDecoder`'s does.
///
/// Types such as `UUID`, `Date` and raw-value enumerations read themselves through it, and types
/// that try one reading after another catch what it throws; an error that leaves the type is
/// recorded by the container that asked for the type.
struct StrictSingleValueContainer: SingleValueDecodingContainer {
    let decoder: StrictDecoder

    var codingPath: [any CodingKey] { self.decoder.codingPath }

    func decodeNil() -> Bool { self.decoder.isAbsent || self.decoder.value.isNull }

    func decode(_ type: Bool.Type) throws -> Bool { try self.decodeValue(type) }
    func decode(_ type: String.Type) throws -> String { try self.decodeValue(type) }
    func decode(_ type: Double.Type) throws -> Double { try self.decodeValue(type) }
    func decode(_ type: Float.Type) throws -> Float { try self.decodeValue(type) }
    func decode(_ type: Int.Type) throws -> Int { try self.decodeValue(type) }
    func decode(_ type: Int8.Type) throws -> Int8 { try self.decodeValue(type) }
    func decode(_ type: Int16.Type) throws -> Int16 { try self.decodeValue(type) }
    func decode(_ type: Int32.Type) throws -> Int32 { try self.decodeValue(type) }
    func decode(_ type: Int64.Type) throws -> Int64 { try self.decodeValue(type) }
    func decode(_ type: UInt.Type) throws -> UInt { try self.decodeValue(type) }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try self.decodeValue(type) }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try self.decodeValue(type) }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try self.decodeValue(type) }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try self.decodeValue(type) }

    @available(macOS 15.0, iOS 18.0, watchOS 11.0, tvOS 18.0, visionOS 2.0, *)
    func decode(_ type: Int128.Type) throws -> Int128 { try self.decodeValue(type) }

    @available(macOS 15.0, iOS 18.0, watchOS 11.0, tvOS 18.0, visionOS 2.0, *)
    func decode(_ type: UInt128.Type) throws -> UInt128 { try self.decodeValue(type) }

    func decode<T: Decodable>(_ type: T.Type) throws -> T { try self.decodeValue(type) }

    private func decodeValue<T: Decodable>(_ type: T.Type) throws -> T {
        try self.decoder.session.decodeSingle(
            T.self,
            from: self.decoder.value,
            isAbsent: self.decoder.isAbsent,
            at: self.decoder.path,
            scope: self.decoder.scope
        )
    }
}
