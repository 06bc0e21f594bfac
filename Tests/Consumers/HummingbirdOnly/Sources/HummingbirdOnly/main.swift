import Hummingbird
import ProblemDetailsHummingbird

// Builds a router with problem details and answers one request in memory: proof that the module
// works without Vapor in the build.
let registry = try ProblemRegistry(baseURI: "https://api.example.com")
let router = Router(context: BasicProblemRequestContext.self)
router.addProblemDetails(registry)
router.get("ok") { _, _ in "ok" }
print("ProblemDetailsHummingbird without Vapor: \(router.routes.count) route")
