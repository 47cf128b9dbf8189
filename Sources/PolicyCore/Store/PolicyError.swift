import SQLiteDB

/// An error a command reports in one line.
public struct PolicyError: Error, CustomStringConvertible, Sendable {
    public let message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}

extension PolicyError {
    /// Wraps an SQLite error with what was being done.
    init(_ doing: String, _ error: any Error) {
        if let error = error as? SQLiteError {
            self.init("\(doing): \(error.message) (SQLite \(error.codeDescription), code \(error.extendedCode))")
        } else {
            self.init("\(doing): \(error)")
        }
    }
}
