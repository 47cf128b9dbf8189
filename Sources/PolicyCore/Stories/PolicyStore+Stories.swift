import Foundation
import PolicyExtraction
import SQLiteDB

/// Assigning articles to stories as they are written (Migrations/0013).
extension PolicyStore {
    /// An article about to be deleted with its issue: its story and its
    /// fingerprint, so that its new version can keep the story's id.
    struct DepartingCopy {
        let articleID: Int64
        let storyID: Int64
        let fingerprint: StoryFingerprint
    }

    /// At most this many candidates (those sharing most bands) are checked
    /// on their texts: formulaic news can share bands with many articles.
    static let storyCandidates = 4

    /// Takes the articles of issue `issueID` out of their stories before the
    /// issue is deleted: their stories lose a copy (their rows, band keys
    /// included, go with the articles).
    /// Returns them, so that `assignStories` can give the story back to a
    /// new version of the same article.
    func leaveStories(issueID: Int64) throws -> [DepartingCopy] {
        candidateFingerprints = StoryCandidateCache()   // ids of deleted articles may come back
        let rows = try database.cached("""
            SELECT a.id, a.title, a.body, st.story_id FROM articles a JOIN article_stories st ON st.article_id = a.id
            WHERE a.issue_id = ?
            """).rows([issueID])
        let leave = try database.cached("UPDATE stories SET copies = copies - 1 WHERE id = ?")
        var departing: [DepartingCopy] = []
        for row in rows {
            let id: Int64 = try row.decode("id"), story: Int64 = try row.decode("story_id")
            let fingerprint = StoryFingerprint(text: StoryFingerprint.text(title: try row.decode("title"), body: try row.decode("body")))
            try leave.execute([story])
            departing.append(DepartingCopy(articleID: id, storyID: story, fingerprint: fingerprint))
        }
        return departing
    }

    /// After copies left: stories left without a copy are deleted (their
    /// ids are never reused: AUTOINCREMENT), and a story whose remaining
    /// copies were held together only by a copy that left is split into
    /// the groups that still match. The largest group (then the one with
    /// the oldest article) keeps the id; the others begin stories of their own.
    func settleStories(_ touched: Set<Int64>) throws {
        try database.cached("DELETE FROM stories WHERE copies <= 0").execute()
        let members = try database.cached("""
            SELECT a.id, a.title, a.body FROM article_stories st JOIN articles a ON a.id = st.article_id
            WHERE st.story_id = ? ORDER BY a.id
            """)
        let begin = try database.cached("INSERT INTO stories (copies) VALUES (?)")
        let shrink = try database.cached("UPDATE stories SET copies = ? WHERE id = ?")
        let move = try database.cached("UPDATE article_stories SET story_id = ?, matched_id = ?, containment = ? WHERE article_id = ?")
        for story in touched.sorted() {
            let rows = try members.rows([story])
            // A story of one copy needs nothing; a very large one is left as
            // it is rather than compared pair by pair inside the write.
            guard rows.count > 1, rows.count <= 64 else { continue }
            let ids = try rows.map { try $0.decode("id", as: Int64.self) }
            let fingerprints = try rows.map {
                StoryFingerprint(text: StoryFingerprint.text(title: try $0.decode("title"), body: try $0.decode("body")))
            }
            var parent = Array(0..<rows.count)
            func root(_ i: Int) -> Int { var i = i; while parent[i] != i { i = parent[i] }; return i }
            var bestMatch = [(index: Int, containment: Double)?](repeating: nil, count: rows.count)
            for i in 0..<rows.count {
                for j in (i + 1)..<rows.count {
                    let match = StoryMatch(fingerprints[i], fingerprints[j])
                    guard match.isSameStory else { continue }
                    parent[root(j)] = root(i)
                    if match.containment > bestMatch[j]?.containment ?? -1 { bestMatch[j] = (i, match.containment) }
                }
            }
            var groups: [Int: [Int]] = [:]
            for i in 0..<rows.count { groups[root(i), default: []].append(i) }
            guard groups.count > 1 else { continue }
            let ordered = groups.values.sorted { $0.count != $1.count ? $0.count > $1.count : $0[0] < $1[0] }
            for (number, group) in ordered.enumerated() {
                var id = story
                if number == 0 {
                    try shrink.execute([group.count, story])
                } else {
                    try begin.execute([group.count])
                    id = database.lastInsertRowID
                }
                for (position, member) in group.enumerated() {
                    let matched = position == 0 ? nil : bestMatch[member]
                    try move.execute([id, matched.map { ids[$0.index] }, matched?.containment, ids[member]])
                }
            }
        }
    }

    /// A written article on its way into a story: its sketch, which finds
    /// its candidates, and its text, whose full fingerprint is made only
    /// when there is a candidate to compare it with.
    struct StoryArrival {
        let id: Int64
        let title: String
        let text: String
        let sketch: StorySketch

        init(id: Int64, title: String, body: String, sketch: StorySketch? = nil) {
            self.id = id
            self.title = title
            text = StoryFingerprint.text(title: title, body: body)
            self.sketch = sketch ?? StorySketch(text: text)
        }
    }

    /// Joins each written article to the story of the copy it matches best,
    /// or begins a story.
    func assignStories(_ written: [(article: PreparedArticle, id: Int64)], departing: [DepartingCopy] = []) throws {
        try assignStories(written.map { article, id in
            StoryArrival(id: id, title: article.parsed.title, body: article.parsed.body, sketch: article.story)
        }, departing: departing)
    }

    /// A band key shared by more articles than this is left out of the
    /// candidates, as a search engine leaves out a stop word: formulaic news
    /// makes a few keys common to hundreds of articles, which say nothing of
    /// a copy (a copy shares its other bands too) and would make every new
    /// article compare itself with all of them.
    static let commonBand = 32

    /// Candidates are the articles sharing an LSH band (earlier articles of
    /// the same file included; bands too common skipped), then `departing`
    /// (the previous version of a replaced file, whose story it keeps).
    func assignStories(_ written: [StoryArrival], departing: [DepartingCopy] = []) throws {
        guard !written.isEmpty else { return }
        try loadStoryBands()
        let candidate = try database.cached("""
            SELECT a.title, st.story_id FROM articles a JOIN article_stories st ON st.article_id = a.id WHERE a.id = ?
            """)
        let candidateBody = try database.cached("SELECT body FROM articles WHERE id = ?")
        let join = try database.cached("""
            INSERT INTO article_stories (article_id, story_id, matched_id, containment, bands) VALUES (?, ?, ?, ?, ?)
            """)
        let grow = try database.cached("UPDATE stories SET copies = copies + 1 WHERE id = ?")
        let begin = try database.cached("INSERT INTO stories (copies) VALUES (1)")
        for arrival in written {
            let id = arrival.id
            var best: (story: Int64, matched: Int64?, containment: Double)?
            // Articles sharing bands, and how many: a short list (a few
            // postings per band), counted in place.
            var shared: [(id: Int64, bands: Int)] = []
            var posted: [Int64] = []
            let keys = arrival.sketch.bandKeys
            for index in keys.indices where !StoryBandIndex.repeats(keys, at: index) {
                let key = keys[index]
                posted.removeAll(keepingCapacity: true)
                let count = storyBands?.postings(of: UInt32(truncatingIfNeeded: key), limit: Self.commonBand) { posted.append($0) } ?? 0
                guard count <= Self.commonBand else { continue }
                for article in posted {
                    if let at = shared.firstIndex(where: { $0.id == article }) { shared[at].bands += 1 } else { shared.append((article, 1)) }
                }
            }
            let ranked = shared.sorted { $0.bands != $1.bands ? $0.bands > $1.bands : $0.id > $1.id }.prefix(Self.storyCandidates)
            var made: StoryFingerprint?
            func fingerprint() -> StoryFingerprint {
                if let made { return made }
                let fingerprint = StoryFingerprint(text: arrival.text)
                made = fingerprint
                return fingerprint
            }
            for (candidateID, _) in ranked {
                // Most candidates met the new text on one band by chance:
                // their signatures refuse them before anything is read.
                if let signature = storyBands?.signature(of: candidateID),
                   !StoryMatch.likely(arrival.sketch.signature, signature) { continue }
                guard let stored = try candidate.rows([candidateID]).first else { continue }   // a row left behind
                let title: String = try stored.decode("title")
                let other: StoryFingerprint
                if let cached = candidateFingerprints.fingerprint(candidateID, title: title) {
                    other = cached
                } else {
                    guard let body: String = try candidateBody.rows([candidateID]).first?.decode("body") else { continue }
                    other = StoryFingerprint(text: StoryFingerprint.text(title: title, body: body))
                    candidateFingerprints.keep(other, candidateID, title: title)
                }
                let match = StoryMatch(fingerprint(), other)
                if match.isSameStory, match.containment > best?.containment ?? -1 {
                    best = (try stored.decode("story_id"), candidateID, match.containment)
                }
            }
            if best == nil {
                for copy in departing {
                    let match = StoryMatch(fingerprint(), copy.fingerprint)
                    if match.isSameStory, match.containment > best?.containment ?? -1 {
                        best = (copy.storyID, copy.articleID, match.containment)
                    }
                }
                // The departing copy is gone: the new version heads the story.
                if let found = best { best = (found.story, nil, found.containment) }
            }
            let story: Int64
            let bands = StoryBandIndex.blob(arrival.sketch.bandKeys, signature: arrival.sketch.signature)
            if let best {
                story = best.story
                try join.execute([id, story, best.matched, best.matched == nil ? nil : best.containment as Double?, bands])
                try grow.execute([story])
            } else {
                try begin.execute()
                story = database.lastInsertRowID
                try join.execute([id, story, nil as Int64?, nil as Double?, bands])
            }
            storyBands?.add(arrival.sketch.bandKeys, signature: arrival.sketch.signature, id: id)
            // A text compared once may well be a candidate again (a copy
            // follows its original closely).
            if let made { candidateFingerprints.keep(made, id, title: arrival.title) }
        }
    }

    /// Articles stored before stories were (an upgraded file: migration 13
    /// lists them in `stories_pending`) are given their stories by the
    /// first write after the upgrade, oldest first, so that new copies can
    /// meet them. One query when none is pending.
    func assignPendingStories() throws {
        guard try !database.cached("SELECT 1 AS pending FROM stories_pending LIMIT 1").rows().isEmpty else { return }
        let rows = try database.rows("""
            SELECT a.id, a.title, a.body FROM stories_pending p JOIN articles a ON a.id = p.article_id ORDER BY a.id
            """)
        let pending = try rows.map { row in
            StoryArrival(id: try row.decode("id"), title: try row.decode("title"), body: try row.decode("body"))
        }
        try assignStories(pending)
        try database.execute("DELETE FROM stories_pending")
    }
}
