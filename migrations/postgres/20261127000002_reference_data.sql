-- Default categories (类别) and audiences (服务对象). They are data, not code: staff may rename,
-- reorder or add to them; these are the defaults a new district starts with.

INSERT INTO categories (slug, name, name_en, position) VALUES
    ('performance', '文艺演出',       'Performances',              1),
    ('exhibition',  '展览展示',       'Exhibitions',               2),
    ('training',    '讲座培训',       'Talks and classes',         3),
    ('reading',     '阅读推广',       'Reading',                   4),
    ('heritage',    '非遗体验',       'Intangible heritage',       5),
    ('community',   '群众文化活动',   'Community activities',      6),
    ('film',        '电影放映',       'Film screenings',           7),
    ('digital',     '数字文化',       'Digital culture',           8);

INSERT INTO audiences (slug, name, name_en, position) VALUES
    ('all',      '全体',     'Everyone',                1),
    ('children', '儿童',     'Children',                2),
    ('youth',    '青少年',   'Teenagers',               3),
    ('elderly',  '老年人',   'Older people',            4),
    ('disabled', '残障人士', 'People with disabilities', 5);
