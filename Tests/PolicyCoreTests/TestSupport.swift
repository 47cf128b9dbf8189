import Foundation
@testable import PolicyCore
@testable import PolicyExtraction
import PolicykbTestSupport

/// A gazetteer from a freshly migrated in-memory database.
enum TestGazetteer {
    static let shared: Gazetteer = {
        do {
            return try PolicyStore(path: ":memory:").gazetteer()
        } catch {
            preconditionFailure("the regions migration must load: \(error)")
        }
    }()
}

/// Extraction on free text, as `policykb extract` runs it.
enum TextExtraction {
    static let extractor: TextExtractor? = try? TextExtractor()

    static func goals(_ text: String, issueYear: Int) throws -> [ExtractedGoal] {
        guard let extractor else { throw ExtractionUnavailable() }
        return extractor.extract(text, issueYear: issueYear).goals
    }

    struct ExtractionUnavailable: Error {}
}
