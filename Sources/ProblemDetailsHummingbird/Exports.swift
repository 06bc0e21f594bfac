// One `import ProblemDetailsHummingbird` gives an application the core's types and the reporting options.
@_exported public import ProblemDetails
@_exported public import ProblemDetailsServer
