import ArgumentParser
import PolicyCore

struct PoliciesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "policies",
        abstract: "List the policy documents the articles name, one row per policy across issues.")

    @OptionGroup var options: StoreOptions

    func run() throws {
        let store = try PolicyStore(path: options.databasePath, access: .read)
        var table = OutputTable(
            columns: ["id", "title", "alias", "region_code", "region_name", "start_year", "end_year", "effective_from",
                      "effective_until", "article_ids"],
            maxWidths: ["title": 56])
        for policy in try store.policies() {
            table.append([
                .int(policy.id), .string(policy.title), OutputValue(policy.alias), OutputValue(policy.regionCode),
                OutputValue(policy.regionName), OutputValue(policy.startYear), OutputValue(policy.endYear),
                OutputValue(policy.effectiveFrom), OutputValue(policy.effectiveUntil),
                .list(policy.articleIDs.map { .int($0) }),
            ])
        }
        Console.out(OutputRenderer.render(table, as: options.format))
    }
}
