-- How finely each issue's date is known. A monthly's issue (2025年10月号),
-- a quarterly's (2025年第3季度) or one naming only its year keeps its
-- period's first day in issue_date (and in its articles' sort_date, which
-- orders them), and here the period: filters take the issue as the whole
-- period, listings print 2025-10, 2025-Q4 or 2025. Articles' own dates
-- (published_on, from bylines and JSON Lines) are always whole days.
ALTER TABLE issues ADD COLUMN date_precision TEXT NOT NULL DEFAULT 'day'
    CHECK (date_precision IN ('day', 'month', 'quarter', 'year'));

-- Issues stored before this migration said so in a warning instead.
UPDATE issues SET date_precision = 'month'
WHERE id IN (SELECT issue_id FROM issue_warnings WHERE kind = 'dated-by-month');
UPDATE issues SET date_precision = 'quarter'
WHERE id IN (SELECT issue_id FROM issue_warnings WHERE kind = 'dated-by-quarter');
DELETE FROM issue_warnings WHERE kind IN ('dated-by-month', 'dated-by-quarter');
