-- Seats per order, so the demand forecast reads each upcoming showtime's sales in one grouped scan.
ALTER TABLE orders ADD COLUMN IF NOT EXISTS seats integer NOT NULL DEFAULT 0;
CREATE INDEX IF NOT EXISTS ix_orders_showtime ON orders (showtime_id, created_at) WHERE showtime_id IS NOT NULL;
