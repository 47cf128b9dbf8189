import ArgumentParser
import PolicyCore

struct TargetsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "targets",
        abstract: "List policy targets: what a policy means to reach by a horizon year (到2027年…).")

    @OptionGroup var options: StoreOptions

    func run() throws {
        let store = try PolicyStore(path: options.databasePath, access: .read)
        var table = OutputTable(
            columns: ["id", "article_id", "policy_id", "policy_title", "region_code", "year", "year_source", "text",
                      "start", "end", "goal_ids"],
            maxWidths: ["policy_title": 30, "text": 60])
        for target in try store.targets() {
            table.append([
                .int(target.id), .int(target.articleID), OutputValue(target.policyID), OutputValue(target.policyTitle),
                OutputValue(target.regionCode), .int(Int64(target.year)), .string(target.yearSource.rawValue),
                .string(target.text), .int(Int64(target.start)), .int(Int64(target.end)),
                .list(target.goalIDs.map { .int($0) }),
            ])
        }
        Console.out(OutputRenderer.render(table, as: options.format))
    }
}
