import PolicyCore
import PolicykbDigest

/// The hub's identities: content digests, the same on every machine
/// (Migrations/postgres/0001_hub.sql; Docs/ARCHITECTURE.md, "The hub").
enum HubIdentity {
    /// The first 63 bits of SHA-256(`key`), as a positive bigint.
    static func id(_ key: String) -> Int64 {
        var hasher = SHA256()
        hasher.update(Array(key.utf8))
        let digest = hasher.finalize()
        var value: UInt64 = 0
        for byte in digest.prefix(8) { value = value << 8 | UInt64(byte) }
        return Int64(bitPattern: value & 0x7FFF_FFFF_FFFF_FFFF)
    }

    static func issue(sha256: String) -> Int64 { id(sha256) }
    static func article(issue sha256: String, position: Int) -> Int64 { id("\(sha256)/article/\(position)") }
    static func target(issue sha256: String, index: Int) -> Int64 { id("\(sha256)/target/\(index)") }
    static func goal(issue sha256: String, index: Int) -> Int64 { id("\(sha256)/goal/\(index)") }
    static func policy(titleKey: String) -> Int64 { id("policy/\(titleKey)") }
    static func correction(_ key: CorrectionRecord.Key) -> Int64 {
        id("correction/\(key.articleDigest)/\(key.start)/\(key.end)")
    }

    /// What makes a file with other content a new version of an issue
    /// rather than another issue: its publication, date and file name.
    static func replaceKey(publication: String, date: String?, sourceFile: String) -> String {
        "\(publication)|\(date ?? "")|\(sourceFile)"
    }
}
