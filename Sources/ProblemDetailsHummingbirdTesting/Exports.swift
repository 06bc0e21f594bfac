// One import gives a test the assertions, the rules behind them and the core types they return.
@_exported public import ProblemDetails
@_exported public import ProblemDetailsTesting
