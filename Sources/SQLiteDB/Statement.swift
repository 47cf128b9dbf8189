import CSQLite

/// A prepared statement. It belongs to one `Database` and is finalized when
/// released: "The application must finalize every prepared statement in
/// order to avoid resource leaks."
///
/// Parameters are bound by position (1-based, as in SQLite) or by name
/// (`:name`, `@name`, `$name`); nothing is ever spliced into the SQL text.
public final class Statement {
    public let handle: OpaquePointer
    public let sql: String
    /// Keeps the connection open as long as the statement lives.
    let database: Database

    init(database: Database, sql: String) throws(SQLiteError) {
        var handle: OpaquePointer?
        var tail: UnsafePointer<CChar>?
        let code = sql.withCString { text in
            sqlite3_prepare_v3(database.handle, text, -1, 0, &handle, &tail)
        }
        guard code == SQLITE_OK, let handle else {
            throw database.error(code: code, sql: sql)
        }
        self.handle = handle
        self.sql = sql
        self.database = database
    }

    deinit {
        sqlite3_finalize(handle)
    }

    // MARK: Binding

    /// The number of parameters the SQL declares.
    public var parameterCount: Int { Int(sqlite3_bind_parameter_count(handle)) }

    /// Binds one value to the 1-based parameter `index`.
    public func bind(_ value: DatabaseValue, at index: Int) throws(SQLiteError) {
        let position = Int32(index)
        let code: Int32
        switch value {
        case .null:
            code = sqlite3_bind_null(handle, position)
        case .integer(let integer):
            code = sqlite3_bind_int64(handle, position, integer)
        case .real(let real):
            code = sqlite3_bind_double(handle, position, real)
        case .text(let text):
            // A NULL pointer would bind SQL NULL, so the empty string gets
            // a real (empty) C string.
            var text = text
            code = text.isEmpty
                ? csqlite_bind_text_transient(handle, position, "", 0)
                : text.withUTF8 { bytes in
                    bytes.withMemoryRebound(to: CChar.self) { chars in
                        csqlite_bind_text_transient(handle, position, chars.baseAddress, Int32(chars.count))
                    }
                }
        case .blob(let blob):
            code = blob.withUnsafeBytes { bytes in
                csqlite_bind_blob_transient(handle, position, bytes.baseAddress, Int32(bytes.count))
            }
        }
        guard code == SQLITE_OK else { throw database.error(code: code, sql: sql) }
    }

    /// Binds a C pointer for an SQL function that takes one: "the I-th
    /// parameter in prepared statement S [has] an SQL value of NULL, but
    /// [is] also associated with the pointer P of type T", and only a
    /// function asking for type T gets P back. T "should be a static
    /// string, preferably a string literal"; the caller keeps P alive while
    /// the statement runs. `bind(_:)` with an array clears it.
    public func bind(pointer: UnsafeMutableRawPointer, type: UnsafePointer<CChar>, at index: Int) throws(SQLiteError) {
        let code = sqlite3_bind_pointer(handle, Int32(index), pointer, type, nil)
        guard code == SQLITE_OK else { throw database.error(code: code, sql: sql) }
    }

    /// Binds `values` to parameters 1, 2, … in order, after clearing earlier
    /// bindings.
    public func bind(_ values: [any DatabaseValueConvertible]) throws(SQLiteError) {
        guard values.count == parameterCount else {
            throw SQLiteError(extendedCode: SQLITE_RANGE,
                              message: "\(values.count) values for \(parameterCount) parameters", sql: sql)
        }
        sqlite3_clear_bindings(handle)
        for (offset, value) in values.enumerated() {
            try bind(value.databaseValue, at: offset + 1)
        }
    }

    /// Binds values by parameter name, with its prefix (`:id`).
    public func bind(_ values: [String: any DatabaseValueConvertible]) throws(SQLiteError) {
        sqlite3_clear_bindings(handle)
        for (name, value) in values {
            let index = sqlite3_bind_parameter_index(handle, name)
            guard index > 0 else {
                throw SQLiteError(extendedCode: SQLITE_RANGE, message: "no parameter named \(name)", sql: sql)
            }
            try bind(value.databaseValue, at: Int(index))
        }
    }

    // MARK: Stepping

    /// Advances to the next row; returns false when the statement is done.
    @discardableResult
    public func step() throws(SQLiteError) -> Bool {
        let code = sqlite3_step(handle)
        switch code {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        default:
            // "In the legacy interface, the return value will be either
            // SQLITE_BUSY, SQLITE_DONE, SQLITE_ROW, SQLITE_ERROR, or
            // SQLITE_MISUSE. With the 'v2' interface, any of the other result
            // codes or extended result codes might be returned as well."
            let error = database.error(code: code, sql: sql)
            sqlite3_reset(handle)
            throw error
        }
    }

    /// Resets the statement so it can run again; bindings are kept.
    public func reset() {
        sqlite3_reset(handle)
    }

    /// Sets every parameter back to NULL: "Use this routine to reset all
    /// host parameters to NULL."
    public func clearBindings() {
        sqlite3_clear_bindings(handle)
    }

    /// Binds, runs to completion and resets: for INSERT, UPDATE, DELETE.
    public func execute(_ values: [any DatabaseValueConvertible] = []) throws(SQLiteError) {
        defer { sqlite3_reset(handle) }
        try bind(values)
        while try step() {}
    }

    // MARK: Columns

    public var columnCount: Int { Int(sqlite3_column_count(handle)) }

    public func columnName(_ index: Int) -> String {
        String(cString: sqlite3_column_name(handle, Int32(index)))
    }

    public func isNull(_ index: Int) -> Bool {
        sqlite3_column_type(handle, Int32(index)) == SQLITE_NULL
    }

    public func int64(_ index: Int) -> Int64 { sqlite3_column_int64(handle, Int32(index)) }

    public func int(_ index: Int) -> Int { Int(sqlite3_column_int64(handle, Int32(index))) }

    public func double(_ index: Int) -> Double { sqlite3_column_double(handle, Int32(index)) }

    /// The column as text; NULL reads as the empty string (use `isNull` or
    /// `optionalText` to tell them apart).
    public func text(_ index: Int) -> String {
        // "The pointers returned are valid until a type conversion occurs as
        // described above, or until sqlite3_step() or sqlite3_reset() or
        // sqlite3_finalize() is called." The String copies the bytes at once.
        guard let pointer = sqlite3_column_text(handle, Int32(index)) else { return "" }
        let count = Int(sqlite3_column_bytes(handle, Int32(index)))
        return String(decoding: UnsafeBufferPointer(start: pointer, count: count), as: UTF8.self)
    }

    public func optionalText(_ index: Int) -> String? { isNull(index) ? nil : text(index) }

    /// The column's bytes, read in place (valid only inside `body`: "The
    /// pointers returned are valid until … sqlite3_step() or
    /// sqlite3_reset() or sqlite3_finalize() is called"); nil for NULL.
    public func withBlob<T>(_ index: Int, _ body: (UnsafeRawBufferPointer) throws -> T) rethrows -> T? {
        let position = Int32(index)
        guard sqlite3_column_type(handle, position) != SQLITE_NULL else { return nil }
        let pointer = sqlite3_column_blob(handle, position)
        return try body(UnsafeRawBufferPointer(start: pointer, count: Int(sqlite3_column_bytes(handle, position))))
    }

    public func optionalInt(_ index: Int) -> Int? { isNull(index) ? nil : int(index) }

    public func value(_ index: Int) -> DatabaseValue {
        let position = Int32(index)
        switch sqlite3_column_type(handle, position) {
        case SQLITE_INTEGER: return .integer(sqlite3_column_int64(handle, position))
        case SQLITE_FLOAT: return .real(sqlite3_column_double(handle, position))
        case SQLITE_TEXT: return .text(text(index))
        case SQLITE_BLOB:
            let count = Int(sqlite3_column_bytes(handle, position))
            guard count > 0, let pointer = sqlite3_column_blob(handle, position) else { return .blob([]) }
            return .blob(Array(UnsafeRawBufferPointer(start: pointer, count: count)))
        default: return .null
        }
    }
}
