-- Showtimes are rows: listings by cinema, movie and date are range scans, and the exclusion
-- constraint is what refuses two overlapping showtimes in one auditorium, even when two managers
-- create them at the same instant.
CREATE EXTENSION IF NOT EXISTS btree_gist;

CREATE TABLE IF NOT EXISTS showtimes (
    id             uuid         PRIMARY KEY,
    cinema_id      uuid         NOT NULL REFERENCES cinemas (id),
    auditorium_id  uuid         NOT NULL REFERENCES auditoriums (id),
    movie_id       integer      NOT NULL REFERENCES movies (id),
    movie_title    varchar(300) NOT NULL,
    starts_at      timestamptz  NOT NULL,
    ends_at        timestamptz  NOT NULL CHECK (ends_at > starts_at),
    format         varchar(2)   NOT NULL CHECK (format IN ('2D', '3D')),
    audio          varchar(10)  NOT NULL CHECK (audio IN ('dubbed', 'subtitled')),
    -- Full prices in cents by seat kind, e.g. {"standard": 3200, "premium": 4800}; half price is derived.
    prices         jsonb        NOT NULL,
    capacity       integer      NOT NULL,
    created_at     timestamptz  NOT NULL,
    CONSTRAINT ex_showtimes_auditorium_overlap EXCLUDE USING gist (auditorium_id WITH =, tstzrange(starts_at, ends_at) WITH &&)
);
CREATE INDEX IF NOT EXISTS ix_showtimes_cinema_start ON showtimes (cinema_id, starts_at);
CREATE INDEX IF NOT EXISTS ix_showtimes_movie_start ON showtimes (movie_id, starts_at);
CREATE INDEX IF NOT EXISTS ix_showtimes_start ON showtimes (starts_at);

-- Which seed datasets were loaded, so ./run.sh seeds once.
CREATE TABLE IF NOT EXISTS seed_runs (
    name     varchar(100) PRIMARY KEY,
    ran_at   timestamptz  NOT NULL
);
