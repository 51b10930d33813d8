-- The streaming catalog. Genres and movies mirror TMDB (its integer ids are ours); packages,
-- subscriptions and watch history are Marquee's own rows. Listings, entitlement and reports are
-- single indexed queries over these tables.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TABLE IF NOT EXISTS genres (
    id          integer      PRIMARY KEY,
    name        varchar(100) NOT NULL,
    active      boolean      NOT NULL DEFAULT true,
    updated_at  timestamptz  NOT NULL
);

CREATE TABLE IF NOT EXISTS movies (
    id              integer      PRIMARY KEY,
    title           varchar(300) NOT NULL,
    genre_ids       integer[]    NOT NULL,
    release_date    date,
    poster_path     varchar(200),
    popularity      double precision NOT NULL DEFAULT 0,
    runtime_minutes integer,
    fetched_at      timestamptz  NOT NULL
);
-- Entitlement is "shares a genre with the allowed set" (&&); title filters are substring matches.
CREATE INDEX IF NOT EXISTS ix_movies_genre_ids ON movies USING gin (genre_ids);
CREATE INDEX IF NOT EXISTS ix_movies_title_trgm ON movies USING gin (lower(title) gin_trgm_ops);
CREATE INDEX IF NOT EXISTS ix_movies_popularity ON movies (popularity DESC, id);

-- One row: when the catalog last synced, for the reminder's next due time and for operators.
CREATE TABLE IF NOT EXISTS catalog_sync (
    id              smallint     PRIMARY KEY CHECK (id = 1),
    synced_at       timestamptz  NOT NULL,
    source          varchar(20)  NOT NULL,
    genres          integer      NOT NULL,
    movies          integer      NOT NULL
);

CREATE TABLE IF NOT EXISTS packages (
    id           uuid         PRIMARY KEY,
    name         varchar(100) NOT NULL,
    description  varchar(2000) NOT NULL,
    price_cents  bigint       NOT NULL CHECK (price_cents >= 0),
    genre_ids    integer[]    NOT NULL CHECK (cardinality(genre_ids) > 0),
    created_at   timestamptz  NOT NULL,
    updated_at   timestamptz  NOT NULL,
    version      integer      NOT NULL,
    retired      boolean      NOT NULL DEFAULT false
);
CREATE UNIQUE INDEX IF NOT EXISTS ux_packages_name ON packages (lower(name));
CREATE INDEX IF NOT EXISTS ix_packages_genre_ids ON packages USING gin (genre_ids);

CREATE TABLE IF NOT EXISTS subscriptions (
    user_id        uuid         NOT NULL,
    package_id     uuid         NOT NULL REFERENCES packages (id),
    subscribed_at  timestamptz  NOT NULL,
    cancelled_at   timestamptz,
    PRIMARY KEY (user_id, package_id)
);
CREATE INDEX IF NOT EXISTS ix_subscriptions_package ON subscriptions (package_id) WHERE cancelled_at IS NULL;

-- seq orders marks made within the same clock tick, so "most recent" is never a coin toss.
CREATE TABLE IF NOT EXISTS watched (
    user_id     uuid         NOT NULL,
    movie_id    integer      NOT NULL REFERENCES movies (id),
    watched_at  timestamptz  NOT NULL,
    seq         bigserial    NOT NULL,
    PRIMARY KEY (user_id, movie_id)
);
CREATE INDEX IF NOT EXISTS ix_watched_user_seq ON watched (user_id, seq DESC);
