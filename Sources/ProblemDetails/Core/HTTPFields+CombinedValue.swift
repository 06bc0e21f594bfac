package import HTTPTypes

extension HTTPFields {
    /// The value of the field `name`: its one line's value, or its lines' values joined with
    /// ", ", exactly as `self[name]` gives it for every field but `Cookie`.
    ///
    /// The subscript scans the fields twice and joins even a single line into a new string; the
    /// responder reads `Accept` and `Accept-Language` and the identity reads three fields on
    /// every request, so this reads them in one pass and returns a single line as it is.
    /// - Parameter name: The field's name; not `Cookie`, whose lines the subscript joins with
    ///   "; ".
    /// - Returns: The value, or `nil` when the request has no such field.
    package func combinedValue(of name: HTTPField.Name) -> String? {
        var value: String?
        for field in self where field.name == name {
            if let earlier = value {
                value = earlier + ", " + field.value
            } else {
                value = field.value
            }
        }
        return value
    }
}
