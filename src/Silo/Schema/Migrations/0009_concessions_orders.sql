-- Concessions are rows: stock moves in single guarded UPDATEs (never below zero), and each order's
-- reservation is a row, so reserving, releasing and committing are idempotent per order.
CREATE TABLE IF NOT EXISTS categories (
    id          serial       PRIMARY KEY,
    name        varchar(60)  NOT NULL,
    created_at  timestamptz  NOT NULL
);
CREATE UNIQUE INDEX IF NOT EXISTS ux_categories_name ON categories (lower(name));

CREATE TABLE IF NOT EXISTS products (
    id            serial        PRIMARY KEY,
    name          varchar(100)  NOT NULL,
    description   varchar(1000) NOT NULL,
    category_id   integer       NOT NULL REFERENCES categories (id),
    price_cents   bigint        NOT NULL CHECK (price_cents > 0),
    image_url     varchar(500),
    active        boolean       NOT NULL DEFAULT true,
    stock         integer       NOT NULL CHECK (stock >= 0),
    sold_units    bigint        NOT NULL DEFAULT 0,
    rating_sum    bigint        NOT NULL DEFAULT 0,
    rating_count  integer       NOT NULL DEFAULT 0,
    group_size    integer       NOT NULL DEFAULT 1 CHECK (group_size BETWEEN 1 AND 10),
    created_at    timestamptz   NOT NULL,
    updated_at    timestamptz   NOT NULL
);
CREATE UNIQUE INDEX IF NOT EXISTS ux_products_name ON products (lower(name));
CREATE INDEX IF NOT EXISTS ix_products_category ON products (category_id, price_cents);
CREATE INDEX IF NOT EXISTS ix_products_name_trgm ON products USING gin (lower(name) gin_trgm_ops);

CREATE TABLE IF NOT EXISTS stock_reservations (
    order_id    uuid        NOT NULL,
    product_id  integer     NOT NULL REFERENCES products (id),
    quantity    integer     NOT NULL CHECK (quantity > 0),
    state       varchar(10) NOT NULL CHECK (state IN ('reserved', 'released', 'committed')),
    PRIMARY KEY (order_id, product_id)
);

-- Read model of orders (the order grains own the truth): listings, dead letters, and what each
-- movie's audience buys, for the checkout offers.
CREATE TABLE IF NOT EXISTS orders (
    id             uuid         PRIMARY KEY,
    user_id        uuid         NOT NULL,
    showtime_id    uuid,
    movie_id       integer,
    status         varchar(10)  NOT NULL,
    amount_cents   bigint       NOT NULL,
    dead_lettered  boolean      NOT NULL DEFAULT false,
    failure        varchar(300),
    created_at     timestamptz  NOT NULL,
    updated_at     timestamptz  NOT NULL
);
CREATE INDEX IF NOT EXISTS ix_orders_user ON orders (user_id, created_at DESC);
CREATE INDEX IF NOT EXISTS ix_orders_dead_letters ON orders (updated_at) WHERE dead_lettered;

CREATE TABLE IF NOT EXISTS order_items (
    order_id    uuid     NOT NULL REFERENCES orders (id),
    product_id  integer  NOT NULL REFERENCES products (id),
    quantity    integer  NOT NULL,
    movie_id    integer,
    approved    boolean  NOT NULL DEFAULT false,
    PRIMARY KEY (order_id, product_id)
);
CREATE INDEX IF NOT EXISTS ix_order_items_movie ON order_items (movie_id, product_id) WHERE approved;

CREATE TABLE IF NOT EXISTS product_ratings (
    product_id  integer      NOT NULL REFERENCES products (id),
    user_id     uuid         NOT NULL,
    order_id    uuid         NOT NULL,
    stars       smallint     NOT NULL CHECK (stars BETWEEN 1 AND 5),
    rated_at    timestamptz  NOT NULL,
    PRIMARY KEY (product_id, order_id)
);
