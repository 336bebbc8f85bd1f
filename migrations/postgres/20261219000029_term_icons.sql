-- Categories and audiences are the district's to edit (names, order, icon): each gets an icon
-- from the platform's own drawings (domain::vocabulary::Icon), the defaults a fitting one.

ALTER TABLE categories ADD COLUMN icon TEXT NOT NULL DEFAULT 'star';
ALTER TABLE audiences ADD COLUMN icon TEXT NOT NULL DEFAULT 'star';

UPDATE categories SET icon = CASE slug
    WHEN 'performance' THEN 'stage'
    WHEN 'exhibition'  THEN 'frame'
    WHEN 'training'    THEN 'lecture'
    WHEN 'reading'     THEN 'book'
    WHEN 'heritage'    THEN 'paper_cut'
    WHEN 'community'   THEN 'people'
    WHEN 'film'        THEN 'film'
    WHEN 'digital'     THEN 'screen'
    ELSE 'star' END;

UPDATE audiences SET icon = CASE slug
    WHEN 'all'      THEN 'everyone'
    WHEN 'children' THEN 'child'
    WHEN 'youth'    THEN 'youth'
    WHEN 'elderly'  THEN 'elder'
    WHEN 'disabled' THEN 'access'
    ELSE 'star' END;

-- What uses a term is counted on the console, checked before deleting it, and stamped when it
-- is renamed: each by the term's id.
CREATE INDEX service_items_category ON service_items (category_id);
CREATE INDEX service_items_audience ON service_items (audience_id);
CREATE INDEX demands_category ON demands (category_id);
