-- Who wrote a service item, and the reviewer's comment when it was returned.
ALTER TABLE service_items ADD COLUMN created_by BIGINT REFERENCES staff_accounts(id);
ALTER TABLE service_items ADD COLUMN review_comment TEXT;
ALTER TABLE service_items ADD COLUMN updated_at BIGINT NOT NULL DEFAULT 0;
CREATE INDEX service_items_created_by ON service_items (created_by);
