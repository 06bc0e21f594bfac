public import Foundation

/// A book as the API sends it: `{"id", "title", "isbn", "year", "tags"}`.
///
/// The id is written in lowercase, as in the `Location` of a created book.
public struct Book: Codable, Sendable, Hashable {
    /// The server-made id.
    public var id: UUID
    /// The title, trimmed.
    public var title: String
    /// The ISBN-13, unique among books.
    public var isbn: String
    /// The year of publication.
    public var year: Int
    /// The tags, possibly none.
    public var tags: [String]

    /// Creates a book.
    ///
    /// - Parameters:
    ///   - id: The id.
    ///   - title: The title.
    ///   - isbn: The ISBN-13.
    ///   - year: The year of publication.
    ///   - tags: The tags.
    public init(id: UUID, title: String, isbn: String, year: Int, tags: [String]) {
        self.id = id
        self.title = title
        self.isbn = isbn
        self.year = year
        self.tags = tags
    }

    /// The path of the book, `/books/{id}`, as sent in `Location`.
    public var path: String { "/books/" + Self.text(of: self.id) }

    /// An id as the API writes it: lowercase.
    ///
    /// - Parameter id: A book id.
    public static func text(of id: UUID) -> String { id.uuidString.lowercased() }

    private enum CodingKeys: String, CodingKey {
        case id, title, isbn, year, tags
    }

    /// Decodes a book, as a client of the API would.
    ///
    /// - Parameter decoder: The decoder.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let text = try container.decode(String.self, forKey: .id)
        guard let id = UUID(uuidString: text) else {
            throw DecodingError.dataCorruptedError(forKey: .id, in: container, debugDescription: "not a UUID")
        }
        self.id = id
        self.title = try container.decode(String.self, forKey: .title)
        self.isbn = try container.decode(String.self, forKey: .isbn)
        self.year = try container.decode(Int.self, forKey: .year)
        self.tags = try container.decode([String].self, forKey: .tags)
    }

    /// Encodes the book with its id in lowercase.
    ///
    /// - Parameter encoder: The encoder.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(Self.text(of: self.id), forKey: .id)
        try container.encode(self.title, forKey: .title)
        try container.encode(self.isbn, forKey: .isbn)
        try container.encode(self.year, forKey: .year)
        try container.encode(self.tags, forKey: .tags)
    }
}
