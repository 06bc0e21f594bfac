#if Hummingbird
import HTTPTypes
import Hummingbird
import ProblemDetailsServer

extension RouteMethodTable {
    /// The table of a Hummingbird router's routes, read on first use.
    ///
    /// - Parameter routes: Reads the router's routes.
    convenience init(hummingbirdRoutes routes: @escaping @Sendable () -> [(path: RouterPath, method: HTTPRequest.Method)]) {
        self.init {
            routes().map { route in
                Route(key: route.path.description, path: route.path.map(Self.segment), method: route.method)
            }
        }
    }

    private static func segment(_ element: RouterPath.Element) -> Segment {
        switch element.description {
        case "**": return .rest
        case "*": return .parameter
        default:
            // `==` holds only for a literal segment, whose description is its text.
            if element == element.description { return .literal(element.description) }
            return .matching { element ~= $0 }
        }
    }
}
#endif
