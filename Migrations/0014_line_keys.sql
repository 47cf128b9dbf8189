-- Each goal's metric key (`MetricKey`: scripts folded, punctuation, the
-- region's own name and scope words such as 全市/我省 dropped, equivalent
-- forms made one), so that target lines are read by key instead of being
-- grouped from every goal of a region. A line's key is (region_code,
-- metric_key, unit); kind and year are told apart when lines are built.
--
-- The key is computed in Swift, so this migration cannot fill it: goals of
-- an older database keep NULL until the next write opens the file
-- (`PolicyStore.fillLineKeys`, run after migrating), and readers that meet
-- a NULL key compute keys in memory as before. `line_key_rules` records
-- the rules the stored keys were made with; when a binary's rules differ,
-- the next write recomputes every key.
ALTER TABLE goals ADD COLUMN metric_key TEXT;

CREATE INDEX goals_line ON goals(region_code, metric_key, unit);
-- Goals still without a key: empty once keys are filled, so checking for
-- them costs nothing.
CREATE INDEX goals_without_line_key ON goals(id) WHERE metric_key IS NULL;

CREATE TABLE line_key_rules (
    id    INTEGER PRIMARY KEY CHECK (id = 1),
    rules TEXT NOT NULL          -- a digest of MetricKey's word tables
) STRICT;
