import PolicyExtraction
/// The version of policykb, printed by `policykb --version` and kept in
/// step with the README's changes.
public enum PolicykbVersion {
    public static let string = "0.5.0"
}
