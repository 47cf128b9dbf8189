-- How finely each issue's date is known, as in the SQLite file (its
-- migration 0012): a monthly's issue (2025年10月号), a quarterly's
-- (2025年第3季度) or one naming only its year keeps the period's first day
-- in issue_date and the period here.
ALTER TABLE issues ADD COLUMN date_precision text NOT NULL DEFAULT 'day'
    CHECK (date_precision IN ('day', 'month', 'quarter', 'year'));
COMMENT ON COLUMN issues.date_precision IS 'How finely issue_date is known: day, month, quarter or year; issue_date is then the period''s first day (2025-10-01 for 2025年10月号), and the issue covers the whole period.';

-- Issues pushed before this migration said so in a warning instead.
UPDATE issues SET date_precision = 'month'
WHERE id IN (SELECT issue_id FROM issue_warnings WHERE kind = 'dated-by-month');
UPDATE issues SET date_precision = 'quarter'
WHERE id IN (SELECT issue_id FROM issue_warnings WHERE kind = 'dated-by-quarter');
DELETE FROM issue_warnings WHERE kind IN ('dated-by-month', 'dated-by-quarter');
