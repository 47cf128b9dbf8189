import PolicykbFTS5
import SQLiteDB
import PolicyExtraction

extension PolicyStore {
    /// Makes every connection the process opens know policykb's FTS5
    /// tokenizer and its SQL functions (`policykb_fold`, `policykb_rank`,
    /// `policykb_collect`). The schema names the tokenizer, so a connection
    /// without it cannot read or write the full-text index. Called before
    /// the first connection opens; later calls do nothing.
    public static func registerExtension() throws {
        try registration.get()
    }

    private static let registration = Result { () throws(SQLiteError) in
        guard let entryPoint = policykb_fts5_entry_point() else {
            throw SQLiteError(.error, message: "the policykb extension has no entry point")
        }
        try Database.addAutomaticExtension(entryPoint)
    }
}
