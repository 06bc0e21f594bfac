#if Vapor
import HTTPTypes
import NIOConcurrencyHelpers
import Vapor

/// The methods each registered path accepts, to answer a known path with the wrong method with
/// 405 and `Allow` instead of Vapor's 404 (vapor#2816).
///
/// The routes are read on first use, after `configure` has registered them all. Only requests
/// that matched no route get here, so a linear match over the distinct paths is enough.
final class AllowedMethods: Sendable {
    struct Entry: Sendable {
        var path: [PathComponent]
        var methods: [HTTPRequest.Method]
    }

    private let routes: Routes
    private let entries: NIOLockedValueBox<[Entry]?>

    init(routes: Routes) {
        self.routes = routes
        self.entries = NIOLockedValueBox(nil)
    }

    /// The methods the path accepts, or `nil` when no route has it.
    func methods(for path: String) -> [HTTPRequest.Method]? {
        let entries = self.entries.withLockedValue { entries in
            if let entries { return entries }
            let built = Self.entries(of: self.routes)
            entries = built
            return built
        }
        let components = path.split(separator: "/", omittingEmptySubsequences: true)
        var methods: [HTTPRequest.Method] = []
        for entry in entries where Self.matches(entry.path, components) {
            for method in entry.methods where !methods.contains(method) { methods.append(method) }
        }
        return methods.isEmpty ? nil : methods
    }

    private static func matches(_ pattern: [PathComponent], _ components: [Substring]) -> Bool {
        var index = 0
        for component in pattern {
            switch component {
            case .catchall:
                return index < components.count
            case .constant(let constant):
                guard index < components.count, components[index] == constant else { return false }
            case .parameter, .anything:
                guard index < components.count else { return false }
            }
            index += 1
        }
        return index == components.count
    }

    private static func entries(of routes: Routes) -> [Entry] {
        var entries: [Entry] = []
        for route in routes.all {
            guard let method = HTTPRequest.Method(route.method.rawValue) else { continue }
            let key = route.path.map(\.description)
            let position =
                entries.firstIndex { $0.path.map(\.description) == key }
                ?? {
                    entries.append(Entry(path: route.path, methods: []))
                    return entries.count - 1
                }()
            if !entries[position].methods.contains(method) { entries[position].methods.append(method) }
            // Vapor answers HEAD for every GET route.
            if method == .get, !entries[position].methods.contains(.head) { entries[position].methods.append(.head) }
        }
        return entries
    }
}
#endif
