-- Taiwan's central bodies as names of Taiwan (710000), so that a text whose
-- first actor is 行政院 or 國發會 is placed there, as one from 臺北市 is
-- (migration 8), and its years are read on the ROC calendar (115年 = 2026).
-- Only names no other Chinese-speaking government uses: the mainland's
-- bodies are 国务院, 国家发展改革委, 国家监委; 经济部 and 交通部 are left
-- out because translations give them to other countries too. Traditional
-- forms (行政院, 國發會, 數位發展部) fold to these before they are matched.
INSERT INTO region_names (name, code, kind, priority) VALUES
    ('行政院', '710000', 'name', 5),
    ('立法院', '710000', 'name', 5),
    ('监察院', '710000', 'name', 5),
    ('考试院', '710000', 'name', 5),
    ('国家发展委员会', '710000', 'name', 5),
    ('国发会', '710000', 'name', 5),
    ('数位发展部', '710000', 'name', 5),
    ('数位部', '710000', 'name', 5),
    ('国家科学及技术委员会', '710000', 'name', 5),
    ('国科会', '710000', 'name', 5),
    ('金融监督管理委员会', '710000', 'name', 5),
    ('金管会', '710000', 'name', 5),
    ('中华民国', '710000', 'name', 5);
