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
