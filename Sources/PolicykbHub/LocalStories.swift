import PolicyCore
import SQLiteDB

/// The local file's stories of more than one copy, in hub identities
/// (Migrations/postgres/0005_stories_lines.sql): read once per push, for
/// each pushed article's story row and for joining stories in the hub.
struct LocalStories {
    struct Story {
        /// The hub id and sort_date of its earliest copy here: the story's
        /// hub id as this machine sees it.
        var root: (id: Int64, date: String)
        /// Hub ids of every copy here.
        var members: [Int64] = []
    }

    /// By local story id.
    private(set) var stories: [Int64: Story] = [:]
    /// Hub id of every local article in a shared story (what matched_id names).
    private(set) var hubArticle: [Int64: Int64] = [:]

    init(_ database: Database) throws {
        for row in try database.rows("""
            SELECT st.story_id, st.article_id, a.sort_date, a.position, i.sha256
            FROM article_stories st JOIN stories s ON s.id = st.story_id AND s.copies > 1
            JOIN articles a ON a.id = st.article_id JOIN issues i ON i.id = a.issue_id
            ORDER BY st.story_id, st.article_id
            """) {
            let hubID = HubIdentity.article(issue: try row.decode("sha256"), position: try row.decode("position"))
            let date: String = try row.decodeIfPresent("sort_date") ?? ""
            hubArticle[try row.decode("article_id")] = hubID
            let storyID: Int64 = try row.decode("story_id")
            var story = stories[storyID] ?? Story(root: (hubID, date))
            // The least (sort_date, id), compared as the hub compares them (bytes).
            if date.utf8.lexicographicallyPrecedes(story.root.date.utf8)
                || (date.utf8.elementsEqual(story.root.date.utf8) && hubID < story.root.id) {
                story.root = (hubID, date)
            }
            story.members.append(hubID)
            stories[storyID] = story
        }
    }

    /// Every shared story's copies as (article, group) pairs for
    /// policykb_join_stories, the group being the local story id.
    var joinPairs: [(article: Int64, group: Int64)] {
        stories.sorted { $0.key < $1.key }.flatMap { key, story in story.members.map { ($0, key) } }
    }
}
