import Foundation
public import HTTPTypes
public import ProblemDetails

/// The methods each route path accepts, to answer a known path requested with a method it lacks
/// with 405 and `Allow` instead of the 404 a framework's router gives (vapor#2816; Hummingbird
/// does the same).
///
/// Frameworks describe their routes in their own types; an adapter translates each into
/// ``Segment``s and gives the table a way to read them. The routes are read once, on first use,
/// because an application registers its routes after it installs its middleware; the reader is
/// then released, with whatever it holds. Only requests that matched no route are looked up, but
/// those come in floods, so the paths are kept as a tree and a lookup costs the same with five
/// routes or five thousand.
/// ```swift
/// let table = RouteMethodTable {
///     [RouteMethodTable.Route(key: "/books/:id", path: [.literal("books"), .parameter], method: .get)]
/// }
/// table.methods(forPath: "/books/42")  // [GET]
/// ```
public final class RouteMethodTable: @unchecked Sendable {
    // Unchecked because `table` and `readRoutes` are mutable state: every read and write of
    // either holds `lock`, and the closure is `@Sendable`, so the class is safe to share.

    /// One segment of a route's path.
    public enum Segment: Sendable {
        /// A segment that must equal this text.
        case literal(String)
        /// Any one segment, such as a path parameter.
        case parameter
        /// Any one or more segments up to the end, such as a catch-all.
        case rest
        /// One segment for which the predicate holds, such as `*.jpg`.
        case matching(@Sendable (Substring) -> Bool)

        /// How specific the segment is: routers prefer a literal to a pattern, a pattern to a
        /// parameter, and a parameter to a catch-all.
        var specificity: Int {
            switch self {
            case .literal: 3
            case .matching: 2
            case .parameter: 1
            case .rest: 0
            }
        }
    }

    /// A route: a path and one method it accepts.
    public struct Route: Sendable {
        /// Identifies the path among the routes, such as the framework's own spelling of it.
        public var key: String
        /// The path's segments.
        public var path: [Segment]
        /// The method.
        public var method: HTTPRequest.Method

        /// Creates a route.
        ///
        /// - Parameters:
        ///   - key: Identifies the path among the routes; routes with equal keys are one path.
        ///   - path: The path's segments.
        ///   - method: The method.
        public init(key: String, path: [Segment], method: HTTPRequest.Method) {
            self.key = key
            self.path = path
            self.method = method
        }
    }

    /// How a framework's router picks a route, which decides the methods a path accepts.
    public enum Resolution: Sendable {
        /// The router finds the most specific path first, then the method among that path's
        /// routes, as Hummingbird's trie does: with `GET /books/search` and `DELETE /books/:id`,
        /// `/books/search` accepts GET alone.
        case pathFirst
        /// The router keeps one tree per method, as Vapor's does: a path accepts every method
        /// for which any route fits it, so `/books/search` accepts GET and, through `:id`, DELETE.
        case methodFirst
    }

    struct Entry {
        var key: String
        var path: [Segment]
        var methods: [HTTPRequest.Method]
    }

    /// How the framework's router picks a route.
    public let resolution: Resolution
    private var readRoutes: (@Sendable () -> (routes: [Route], ignoringCase: Bool))?
    private let lock = NSLock()
    private var table: (entries: [Entry], tree: RouteTree)?

    /// Creates a table that reads the routes on first use.
    ///
    /// - Parameters:
    ///   - resolution: How the framework's router picks a route.
    ///   - routes: Reads the application's routes.
    public convenience init(resolution: Resolution = .pathFirst, routes: @escaping @Sendable () -> [Route]) {
        self.init(resolution: resolution, ignoringCase: { false }, routes: routes)
    }

    /// Creates a table that reads the routes, and whether the router matches literal segments
    /// ignoring case, on first use: an application may set that option after installing its
    /// middleware, as it adds routes after it.
    ///
    /// A router that ignores case serves `/BOOKS/42` as `/books/42`, so the table must find that
    /// path too, or a wrong method there would be a 404 instead of a 405. Literal segments and
    /// the path's segments are then compared lowercased, and a ``Segment/matching(_:)``
    /// predicate sees the segment lowercased, as the framework's own lowercased pattern does.
    /// - Parameters:
    ///   - resolution: How the framework's router picks a route.
    ///   - ignoringCase: Reads whether the router matches literal segments ignoring case.
    ///   - routes: Reads the application's routes.
    public init(
        resolution: Resolution = .pathFirst,
        ignoringCase: @escaping @Sendable () -> Bool,
        routes: @escaping @Sendable () -> [Route]
    ) {
        self.resolution = resolution
        self.readRoutes = { (routes(), ignoringCase()) }
    }

    /// The methods a path accepts, in ``canonicalOrder``, or `nil` when no route has the path.
    ///
    /// When several routes fit the path, the ``resolution`` decides: with ``Resolution/pathFirst``
    /// the most specific one counts, as the router chooses it; with ``Resolution/methodFirst``
    /// each of them does.
    /// - Parameter path: The request's path, without the query.
    public func methods(forPath path: String) -> [HTTPRequest.Method]? {
        let (entries, tree) = self.lock.withLock {
            if let table = self.table { return table }
            let (routes, ignoringCase) = self.readRoutes?() ?? ([], false)
            let entries = Self.entries(of: routes)
            var tree = RouteTree(ignoringCase: ignoringCase)
            for (index, entry) in entries.enumerated() { tree.insert(entry.path, entry: index) }
            self.table = (entries, tree)
            self.readRoutes = nil
            return (entries, tree)
        }
        let fitting = tree.entries(fitting: path)
        guard !fitting.isEmpty else { return nil }
        if self.resolution == .methodFirst {
            var methods: [HTTPRequest.Method] = []
            for index in fitting {
                for method in entries[index].methods where !methods.contains(method) { methods.append(method) }
            }
            return methods.sorted { Self.rank(of: $0) < Self.rank(of: $1) }
        }
        var best = entries[fitting[0]]
        for index in fitting.dropFirst() where Self.isMoreSpecific(entries[index].path, than: best.path) {
            best = entries[index]
        }
        return best.methods
    }

    /// The problem for a request no route matched: 405 with `Allow` when its path has routes for
    /// other methods, else a 404 `about:blank` for an unknown route.
    ///
    /// A path whose routes include the request's own method gets the 404 too: the router
    /// matched it and a handler found nothing (Hummingbird's file middleware answers a missing
    /// file as an unmatched route).
    /// - Parameters:
    ///   - method: The request's method.
    ///   - path: The request's path, without the query.
    public func problem(forUnmatched method: HTTPRequest.Method, path: String) -> (problem: Problem, isUnknownRoute: Bool) {
        if let methods = self.methods(forPath: path), !methods.contains(method) {
            return (Problem.methodNotAllowed(allowedMethods: methods), false)
        }
        return (Problem(status: .notFound), true)
    }

    /// The order `Allow` lists methods in, whatever order a framework reports its routes in, so
    /// every framework sends the same field: the RFC 9110 methods, then others alphabetically.
    public static let canonicalOrder: [HTTPRequest.Method] = [.get, .head, .post, .put, .patch, .delete, .options]

    static func rank(of method: HTTPRequest.Method) -> (Int, String) {
        (Self.canonicalOrder.firstIndex(of: method) ?? Self.canonicalOrder.count, method.rawValue)
    }

    static func isMoreSpecific(_ pattern: [Segment], than other: [Segment]) -> Bool {
        for (segment, otherSegment) in zip(pattern, other) where segment.specificity != otherSegment.specificity {
            return segment.specificity > otherSegment.specificity
        }
        return pattern.count > other.count
    }

    /// The non-empty segments of a path, in order, as `path.split(separator: "/")` gives them.
    package struct PathComponents: IteratorProtocol {
        let path: Substring
        var position: Substring.Index

        package init(_ path: String) {
            self.path = path[...]
            self.position = self.path.startIndex
        }

        package mutating func next() -> Substring? {
            let utf8 = self.path.utf8
            while self.position < utf8.endIndex, utf8[self.position] == UInt8(ascii: "/") {
                self.position = utf8.index(after: self.position)
            }
            guard self.position < utf8.endIndex else { return nil }
            let start = self.position
            while self.position < utf8.endIndex, utf8[self.position] != UInt8(ascii: "/") {
                self.position = utf8.index(after: self.position)
            }
            return self.path[start..<self.position]
        }
    }

    static func entries(of routes: [Route]) -> [Entry] {
        var entries: [Entry] = []
        var positions: [String: Int] = [:]
        for route in routes {
            if let position = positions[route.key] {
                if !entries[position].methods.contains(route.method) { entries[position].methods.append(route.method) }
            } else {
                positions[route.key] = entries.count
                entries.append(Entry(key: route.key, path: route.path, methods: [route.method]))
            }
        }
        // Sorted once here rather than for every 404 and 405 answered.
        for index in entries.indices {
            entries[index].methods.sort { Self.rank(of: $0) < Self.rank(of: $1) }
        }
        return entries
    }
}
