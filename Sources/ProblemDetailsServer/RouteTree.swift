/// The paths of a ``RouteMethodTable``'s entries as a tree of segments, so that finding the
/// entries a request's path fits reads each of the path's segments once, whatever the number of
/// routes, instead of matching the path against every entry.
///
/// A 404 flood is a burst of unmatched requests, each of which the table looks up; a linear
/// match made each of them cost time in proportion to the application's routes.
struct RouteTree {
    struct Node {
        /// Children by literal text. Keyed by `Substring` so that a path's segment, a slice of
        /// the path, is looked up without being copied into a string; `Substring` hashes and
        /// compares as `String` does, so this finds what `component == text` accepts.
        var literals: [Substring: Int] = [:]
        /// Children under predicates, in the order their routes were added; predicates cannot be
        /// compared, so each has its own child.
        var patterns: [(predicate: @Sendable (Substring) -> Bool, child: Int)] = []
        var parameter: Int?
        var rest: Int?
        /// The entries whose paths end at this node.
        var entries: [Int] = []
    }

    private var nodes = [Node()]
    /// Whether literal segments, and the path's segments, are compared lowercased.
    let ignoringCase: Bool

    init(ignoringCase: Bool = false) {
        self.ignoringCase = ignoringCase
    }

    /// Adds an entry's path. Segments after a catch-all are never read, as the catch-all takes
    /// everything to the end.
    ///
    /// - Parameters:
    ///   - path: The entry's path.
    ///   - entry: The entry's index.
    mutating func insert(_ path: [RouteMethodTable.Segment], entry: Int) {
        var node = 0
        for segment in path {
            switch segment {
            case .literal(let text):
                let key = self.ignoringCase ? text.lowercased() : text
                node = self.child(of: node, at: \.literals[Substring(key)])
            case .parameter:
                node = self.child(of: node, at: \.parameter)
            case .rest:
                node = self.child(of: node, at: \.rest)
                self.nodes[node].entries.append(entry)
                return
            case .matching(let predicate):
                let child = self.nodes.count
                self.nodes.append(Node())
                self.nodes[node].patterns.append((predicate, child))
                node = child
            }
        }
        self.nodes[node].entries.append(entry)
    }

    private mutating func child(of node: Int, at slot: WritableKeyPath<Node, Int?>) -> Int {
        if let child = self.nodes[node][keyPath: slot] { return child }
        let child = self.nodes.count
        self.nodes.append(Node())
        self.nodes[node][keyPath: slot] = child
        return child
    }

    /// The entries whose paths the path fits, in the order they were added.
    ///
    /// - Parameter path: The request's path, without the query.
    func entries(fitting path: String) -> [Int] {
        var fitting: [Int] = []
        self.collect(from: 0, components: RouteMethodTable.PathComponents(path), into: &fitting)
        // Each node is reached by one way down only, so no entry is found twice.
        fitting.sort()
        return fitting
    }

    private func collect(from node: Int, components: RouteMethodTable.PathComponents, into fitting: inout [Int]) {
        var components = components
        guard var component = components.next() else {
            fitting.append(contentsOf: self.nodes[node].entries)
            return
        }
        if self.ignoringCase { component = Substring(component.lowercased()) }
        if let child = self.nodes[node].literals[component] {
            self.collect(from: child, components: components, into: &fitting)
        }
        for pattern in self.nodes[node].patterns where pattern.predicate(component) {
            self.collect(from: pattern.child, components: components, into: &fitting)
        }
        if let child = self.nodes[node].parameter {
            self.collect(from: child, components: components, into: &fitting)
        }
        // A catch-all takes one or more segments: here there is at least `component`.
        if let child = self.nodes[node].rest {
            fitting.append(contentsOf: self.nodes[child].entries)
        }
    }
}
