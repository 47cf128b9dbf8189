-- Taiwan's special municipalities, cities and counties, as names of Taiwan
-- (710000): GB/T 2260 gives Taiwan one code and none below it, so a text
-- from 臺北市 or 高雄市 is placed in Taiwan. Full names only: a short form
-- (台中) also stands inside ordinary words (平台中). Traditional forms
-- (臺北市, 屏東縣) fold to these before they are matched.
INSERT INTO region_names (name, code, kind, priority) VALUES
    ('台北市', '710000', 'name', 5),
    ('新北市', '710000', 'name', 5),
    ('桃园市', '710000', 'name', 5),
    ('台中市', '710000', 'name', 5),
    ('台南市', '710000', 'name', 5),
    ('高雄市', '710000', 'name', 5),
    ('基隆市', '710000', 'name', 5),
    ('新竹市', '710000', 'name', 5),
    ('嘉义市', '710000', 'name', 5),
    ('新竹县', '710000', 'name', 5),
    ('苗栗县', '710000', 'name', 5),
    ('彰化县', '710000', 'name', 5),
    ('南投县', '710000', 'name', 5),
    ('云林县', '710000', 'name', 5),
    ('嘉义县', '710000', 'name', 5),
    ('屏东县', '710000', 'name', 5),
    ('宜兰县', '710000', 'name', 5),
    ('花莲县', '710000', 'name', 5),
    ('台东县', '710000', 'name', 5),
    ('澎湖县', '710000', 'name', 5),
    ('金门县', '710000', 'name', 5),
    ('连江县', '710000', 'name', 5);
