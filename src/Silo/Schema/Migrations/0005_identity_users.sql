-- Read model of accounts for listing and filtering (the grains own the truth). The unique index on
-- the normalized email is a second line behind the email-owner grain.
CREATE TABLE IF NOT EXISTS users (
    id               uuid         PRIMARY KEY,
    email            varchar(320) NOT NULL,
    email_normalized varchar(320) NOT NULL,
    display_name     varchar(100) NOT NULL,
    roles            text[]       NOT NULL,
    created_at       timestamptz  NOT NULL,
    updated_at       timestamptz  NOT NULL
);

CREATE UNIQUE INDEX IF NOT EXISTS ux_users_email_normalized ON users (email_normalized);
CREATE INDEX IF NOT EXISTS ix_users_roles ON users USING gin (roles);
CREATE INDEX IF NOT EXISTS ix_users_created_at ON users (created_at, id);
