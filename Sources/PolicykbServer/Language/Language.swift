import Foundation

/// The languages pages and API errors are written in. Chinese for readers
/// whose browser asks for any Chinese, English otherwise; `?lang=` decides
/// over the browser.
enum Language: String, Sendable, CaseIterable {
    case zh, en

    /// The value of `<html lang>` and `Content-Language`.
    var tag: String {
        switch self {
        case .zh: "zh-CN"
        case .en: "en"
        }
    }

    /// The language's name in itself, for the switcher.
    var ownName: String {
        switch self {
        case .zh: "中文"
        case .en: "English"
        }
    }

    /// This language's messages.
    var table: MessageTable {
        switch self {
        case .zh: .chinese
        case .en: .english
        }
    }

    /// The language an `Accept-Language` header prefers among the two
    /// (RFC 9110 12.5.4): the range with the highest q-value that names
    /// Chinese (`zh`, `zh-CN`, `zh-TW`, `zh-HK`, …) or English, the first of
    /// equals winning; q=0 refuses. English when neither is asked for.
    static func preferred(acceptLanguage header: String?) -> Language {
        guard let header else { return .en }
        var best: (language: Language, quality: Double)?
        for range in header.split(separator: ",") {
            let parts = range.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
            guard let tag = parts.first?.lowercased(), !tag.isEmpty else { continue }
            let primary = tag.split(separator: "-").first.map(String.init) ?? tag
            guard let language = Language(rawValue: primary) else { continue }
            var quality = 1.0
            for parameter in parts.dropFirst() where parameter.lowercased().hasPrefix("q=") {
                quality = Double(parameter.dropFirst(2)) ?? 0
            }
            guard quality > 0, quality <= 1 else { continue }
            if quality > (best?.quality ?? 0) { best = (language, quality) }
        }
        return best?.language ?? .en
    }
}
