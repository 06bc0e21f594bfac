/// The `Decoder` the strict decoder hands to a type's `init(from:)`: one value of the body and where
/// it is.
///
/// Asking for a container of the wrong kind throws, as with `JSONDecoder`: the value as a whole is
/// wrong, and the container that asked for it records that and carries on with a placeholder.
struct StrictDecoder: Decoder {
    let session: StrictDecodingSession
    /// The value; `null` when absent.
    let value: ExtensionValue
    /// Whether the member is missing from the body rather than present.
    let isAbsent: Bool
    let path: StrictPath
    let scope: StrictDecodingSession.Scope

    var codingPath: [any CodingKey] { self.path.codingPath }

    var userInfo: [CodingUserInfoKey: Any] { self.session.userInfo }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        KeyedDecodingContainer(
            try self.session.keyedContainer(
                Key.self,
                value: self.value,
                isAbsent: self.isAbsent,
                path: self.path,
                scope: self.scope,
                throwing: true
            )
        )
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        try self.session.unkeyedContainer(
            value: self.value,
            isAbsent: self.isAbsent,
            path: self.path,
            scope: self.scope,
            throwing: true
        )
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer {
        StrictSingleValueContainer(decoder: self)
    }
}
