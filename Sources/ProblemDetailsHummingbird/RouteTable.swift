#if Hummingbird
import HTTPTypes
import Hummingbird
import Synchronization

/// The methods each registered path accepts, to answer a known path with the wrong method with
/// 405 and `Allow` instead of Hummingbird's 404.
///
/// Only requests that matched no route get here, so a linear match over the distinct paths is
/// enough. The routes are read once, on first use: by then the application has built its
/// responder from the router, so every route is registered.
final class RouteTable: Sendable {
    struct Entry: Sendable {
        var path: RouterPath
        var methods: [HTTPRequest.Method]
    }

    private let source: RouteSource
    private let entries: Mutex<[Entry]?>

    init(source: RouteSource) {
        self.source = source
        self.entries = Mutex(nil)
    }

    /// The methods the path accepts, or `nil` when no route has it.
    func methods(for path: String) -> [HTTPRequest.Method]? {
        let entries = self.entries.withLock { entries in
            if let entries { return entries }
            let built = Self.entries(of: self.source.routes())
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

    static func matches(_ pattern: RouterPath, _ components: [Substring]) -> Bool {
        var index = 0
        for element in pattern {
            if element.description == "**" { return true }
            guard index < components.count, element ~= components[index] else { return false }
            index += 1
        }
        return index == components.count
    }

    static func entries(of routes: [(path: RouterPath, method: HTTPRequest.Method)]) -> [Entry] {
        var entries: [Entry] = []
        for (path, method) in routes {
            if let position = entries.firstIndex(where: { $0.path == path }) {
                if !entries[position].methods.contains(method) { entries[position].methods.append(method) }
            } else {
                entries.append(Entry(path: path, methods: [method]))
            }
        }
        return entries
    }
}

/// Where a ``RouteTable`` reads the routes from: a router, read once.
struct RouteSource: Sendable {
    let routes: @Sendable () -> [(path: RouterPath, method: HTTPRequest.Method)]
}
#endif
