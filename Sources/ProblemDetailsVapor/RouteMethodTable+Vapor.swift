#if Vapor
import HTTPTypes
import ProblemDetailsServer
import Vapor

extension RouteMethodTable {
    /// The table of a Vapor application's routes, read on first use.
    ///
    /// Vapor answers HEAD for every GET route, so each GET route also counts as a HEAD route.
    /// Vapor's router keeps a tree per method, so a path accepts the methods of every route that
    /// fits it, not only the most specific one's. With `routes.caseInsensitive` set, its constants
    /// match in any case, and so do the table's.
    /// - Parameter routes: The application's routes.
    convenience init(vaporRoutes routes: Routes) {
        self.init(resolution: .methodFirst, ignoringCase: { routes.caseInsensitive }) {
            var table: [Route] = []
            for route in routes.all {
                guard let method = HTTPRequest.Method(route.method.rawValue) else { continue }
                let key = route.path.map(\.description).joined(separator: "/")
                let path = route.path.map(Self.segment)
                table.append(Route(key: key, path: path, method: method))
                if method == .get { table.append(Route(key: key, path: path, method: .head)) }
            }
            return table
        }
    }

    private static func segment(_ component: PathComponent) -> Segment {
        switch component {
        case .constant(let text): .literal(text)
        case .parameter, .anything: .parameter
        case .catchall: .rest
        }
    }
}
#endif
