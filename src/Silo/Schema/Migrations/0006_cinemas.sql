-- Read models of cinemas and auditoriums for public listings (grains own the truth).
CREATE TABLE IF NOT EXISTS cinemas (
    id            uuid         PRIMARY KEY,
    name          varchar(100) NOT NULL,
    neighbourhood varchar(100) NOT NULL,
    address       varchar(200) NOT NULL,
    created_at    timestamptz  NOT NULL
);
CREATE UNIQUE INDEX IF NOT EXISTS ux_cinemas_name ON cinemas (lower(name));

CREATE TABLE IF NOT EXISTS auditoriums (
    id          uuid         PRIMARY KEY,
    cinema_id   uuid         NOT NULL REFERENCES cinemas (id),
    name        varchar(100) NOT NULL,
    capacity    integer      NOT NULL,
    created_at  timestamptz  NOT NULL
);
CREATE UNIQUE INDEX IF NOT EXISTS ux_auditoriums_cinema_name ON auditoriums (cinema_id, lower(name));
