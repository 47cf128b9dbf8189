@testable import PolicyCore
import Testing

/// Widths in, chosen columns out.
@Suite struct ColumnFittingTests {
    typealias Column = ColumnFitting.Column

    /// id 4, date 10, title 50 (cut down to 20), section 8, urls 40 (cut to 12).
    static let columns = [
        Column(natural: 4, minimum: 4, priority: 0), Column(natural: 10, minimum: 10, priority: 1),
        Column(natural: 50, minimum: 20, priority: 0), Column(natural: 8, minimum: 8, priority: 2),
        Column(natural: 40, minimum: 12, priority: 3),
    ]

    @Test func withoutAWidthEveryColumnIsWhole() {
        let fitted = ColumnFitting.fit(Self.columns, width: nil)
        #expect(fitted.kept == [0, 1, 2, 3, 4])
        #expect(fitted.widths == [4, 10, 50, 8, 40])
    }

    @Test func aWideEnoughLineKeepsEveryColumnWhole() {
        let fitted = ColumnFitting.fit(Self.columns, width: 120)
        #expect(fitted.widths == [4, 10, 50, 8, 40])
    }

    /// At 80 cells every column fits at its minimum: the urls, least
    /// wanted, are cut to theirs first, and the title gets what is left.
    /// At 60 the urls go, so that the title keeps 20 cells or more.
    @Test func theLeastWantedGiveWayFirstAndTheTitleTakesTheRoom() {
        let fitted = ColumnFitting.fit(Self.columns, width: 80)
        #expect(fitted.kept == [0, 1, 2, 3, 4])
        #expect(fitted.widths == [4, 10, 38, 8, 12])
        let narrower = ColumnFitting.fit(Self.columns, width: 60)
        #expect(narrower.kept == [0, 1, 2, 3])
        #expect(narrower.widths == [4, 10, 32, 8])
    }

    @Test func columnsGoInPriorityOrderUntilTheMinimumsFit() {
        // 4 + 10 + 20 + 8 + 3 separators of 2 = 48.
        #expect(ColumnFitting.fit(Self.columns, width: 48).kept == [0, 1, 2, 3])
        #expect(ColumnFitting.fit(Self.columns, width: 47).kept == [0, 1, 2])
        #expect(ColumnFitting.fit(Self.columns, width: 47).widths == [4, 10, 29])
        #expect(ColumnFitting.fit(Self.columns, width: 30).kept == [0, 2])
        #expect(ColumnFitting.fit(Self.columns, width: 30).widths == [4, 24])
    }

    /// Columns that always stay are cut below their minimums only when
    /// nothing is left to leave out, down to 3.
    @Test func columnsThatStayAreCutLast() {
        let fitted = ColumnFitting.fit(Self.columns, width: 20)
        #expect(fitted.kept == [0, 2])
        #expect(fitted.widths == [4, 14])
        #expect(ColumnFitting.fit(Self.columns, width: 5).widths == [3, 3])
    }

    /// Among equal priorities the rightmost goes first.
    @Test func equalPrioritiesGoFromTheRight() {
        let columns = [Column(natural: 10, minimum: 10, priority: 0), Column(natural: 10, minimum: 10, priority: 1),
                       Column(natural: 10, minimum: 10, priority: 1)]
        #expect(ColumnFitting.fit(columns, width: 22).kept == [0, 1])
    }

    /// A table without priorities (every column 0, cut down to 6) only cuts.
    @Test func withoutPrioritiesColumnsAreOnlyCut() {
        let columns = [Column(natural: 30, minimum: 6, priority: 0), Column(natural: 30, minimum: 6, priority: 0)]
        let fitted = ColumnFitting.fit(columns, width: 40)
        #expect(fitted.kept == [0, 1])
        #expect(fitted.widths == [19, 19])
    }
}
