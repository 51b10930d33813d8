-- A showtime's seats as a journal: the layout once, then one row per change (held, released, expired,
-- attached to an order, sold, order released, refunded, sales closed), numbered from 1 without gaps.
-- The primary key on (showtime, sequence) is the seat map's optimistic concurrency: two activations of
-- one map cannot both append the same next event. A snapshot every so many events bounds a recovery's
-- replay; events are never deleted, they are each seat's history.
CREATE TABLE IF NOT EXISTS seat_layouts (
    showtime_id        uuid        PRIMARY KEY,
    rows_front_to_back text[]      NOT NULL,
    seats              jsonb       NOT NULL,
    starts_at          timestamptz,
    created_at         timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE IF NOT EXISTS seat_events (
    showtime_id uuid        NOT NULL REFERENCES seat_layouts (showtime_id),
    sequence    bigint      NOT NULL CHECK (sequence > 0),
    occurred_at timestamptz NOT NULL,
    kind        text        NOT NULL,
    hold_id     uuid,
    user_id     uuid,
    order_id    uuid,
    seats       text[]      NOT NULL,
    expires_at  timestamptz,
    PRIMARY KEY (showtime_id, sequence)
);

CREATE TABLE IF NOT EXISTS seat_snapshots (
    showtime_id uuid        PRIMARY KEY REFERENCES seat_layouts (showtime_id),
    sequence    bigint      NOT NULL,
    state       jsonb       NOT NULL,
    taken_at    timestamptz NOT NULL DEFAULT now()
);
