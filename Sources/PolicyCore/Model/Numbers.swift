@_exported import PolicyNumbers

/// The number layer's comparator, named here so that it wins over
/// Foundation's `Comparator` protocol in this module and its clients.
public typealias Comparator = PolicyNumbers.Comparator
