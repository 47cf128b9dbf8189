import Foundation
import SQLiteDB

/// One copy of a story: where and when it appeared.
public struct StoryAppearance: Sendable, Equatable {
    public let storyID: Int64
    public let articleID: Int64
    public let title: String
    public let publication: String
    public let issueNumber: Int?
    public let issueDate: String?
    public let sourceFile: String
    /// The copy it was matched to when it joined, and how much of the
    /// shorter text the two share (nil for the copy that began the story).
    public let matchedID: Int64?
    public let containment: Double?
}

extension StoryAppearance: OutputRecord {
    public static let columns = ["story_id", "article_id", "publication", "issue_number", "issue_date", "title",
                                 "source_file", "matched_id", "containment"]
    public var values: [RecordValue] {
        [.int(storyID), .int(articleID), .string(publication), RecordValue(issueNumber), RecordValue(issueDate),
         .string(title), .string(sourceFile), RecordValue(matchedID),
         containment.map { .double(($0 * 1000).rounded() / 1000) } ?? .null]
    }
}

extension PolicyStore {
    /// Every appearance of the story article `articleID` belongs to, oldest
    /// first (by date, then id); empty for an article without a story.
    public func storyAppearances(ofArticle articleID: Int64) throws -> [StoryAppearance] {
        try database.cached("""
            SELECT story_id, article_id, title, publication, issue_number, issue_date, source_file, matched_id, containment
            FROM v_story_copies WHERE story_id = (SELECT story_id FROM article_stories WHERE article_id = ?)
            ORDER BY issue_date IS NULL, issue_date, article_id
            """).rows([articleID]).map { row in
                StoryAppearance(storyID: try row.decode("story_id"), articleID: try row.decode("article_id"),
                                title: try row.decode("title"), publication: try row.decode("publication"),
                                issueNumber: try row.decodeIfPresent("issue_number"),
                                issueDate: try row.decodeIfPresent("issue_date"), sourceFile: try row.decode("source_file"),
                                matchedID: try row.decodeIfPresent("matched_id"),
                                containment: try row.decodeIfPresent("containment"))
            }
    }
}
