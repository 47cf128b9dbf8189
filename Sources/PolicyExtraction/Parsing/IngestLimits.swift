/// What one file may hold, so that a run over unknown files keeps to a
/// bounded memory (README, Limits): a bulletin of a hundred articles is
/// well under 1 MB of text, a portal page under 2 MB.
public enum IngestLimits {
    /// Bytes of a text, HTML or JSON Lines file, or of a PDF's text layer.
    /// A file at the limit ingests in about 200 MB of memory.
    public static let maxFileBytes = 8 << 20
    /// Bytes of a PDF file itself (images make PDFs large; its text is
    /// held to `maxFileBytes`).
    public static let maxPDFBytes = 256 << 20

    public static func megabytes(_ bytes: Int) -> String {
        let value = Double(bytes) / Double(1 << 20)
        return value >= 10 ? "\(Int(value.rounded())) MB" : "\((value * 10).rounded() / 10) MB"
    }

    /// Why a file of `bytes` is refused, in one line.
    public static func tooLargeMessage(bytes: Int) -> String {
        "\(megabytes(bytes)) of text is more than the \(megabytes(maxFileBytes)) "
            + "a bulletin, page or JSON Lines file may hold; split it (README, Limits)"
    }
}
