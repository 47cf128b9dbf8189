import Foundation
import PolicyCore

/// A message with its arguments, put into words only when the language of
/// the answer is known: what `RequestError` carries.
struct Message: Sendable, Equatable {
    /// A value put in as it is, or a message (a reason) put into words too.
    enum Argument: Sendable, Equatable {
        case text(String)
        case message(Message)
    }

    let id: MessageID
    let arguments: [Argument]

    init(_ id: MessageID, _ arguments: String...) {
        self.id = id
        self.arguments = arguments.map(Argument.text)
    }

    /// `id` whose one argument is another message: 查询有误：括号不配对.
    init(_ id: MessageID, reason: Message) {
        self.id = id
        arguments = [.message(reason)]
    }

    func text(in language: Language) -> String {
        language.table.text(id, arguments.map { argument in
            switch argument {
            case .text(let text): text
            case .message(let message): message.text(in: language)
            }
        })
    }
}

// The core's refusals, which it words in English for the command line,
// as messages of the tables.
extension Message {
    init(_ problem: RecordFilterInput.Problem) {
        switch problem {
        case let .notADate(field, value): self.init(.notADate, field, value)
        case .unknownRegion(let name): self.init(.unknownRegion, name)
        }
    }

    init(_ error: SearchQuery.ParseError) {
        let reason: Message = switch error {
        case .empty: Message(.queryEmpty)
        case .emptyParentheses: Message(.queryEmptyParentheses)
        case .emptyTitleFilter: Message(.queryEmptyTitle)
        case .unbalancedParenthesis: Message(.queryUnbalanced)
        case .danglingOperator(let op): Message(.queryDangling, op)
        case .onlyExclusions: Message(.queryOnlyExclusions)
        case .nothingSearchable(let term): Message(.queryNothingSearchable, term)
        case .tooLong(let characters): Message(.queryTooLong, String(characters), String(SearchQuery.maxCharacters))
        case .tooManyTerms(let count): Message(.queryTooManyTerms, String(count), String(SearchQuery.maxTerms))
        case .tooDeep: Message(.queryTooDeep, String(SearchQuery.maxDepth))
        case .controlCharacter(let value): Message(.queryControlCharacter, String(format: "%04X", value))
        }
        self.init(.malformedQuery, reason: reason)
    }

    /// FTS5's own refusal, its reason as the core words it.
    init(_ error: SearchError) {
        switch error {
        case .syntax(let reason): self.init(.malformedQuery, reason)
        }
    }
}
