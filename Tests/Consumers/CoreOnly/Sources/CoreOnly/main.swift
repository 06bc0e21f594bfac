import ProblemDetails

let problem = Problem(status: .notFound, detail: "Built without any web framework.")
print(String(decoding: ProblemJSONEncoder().encode(problem), as: UTF8.self))
