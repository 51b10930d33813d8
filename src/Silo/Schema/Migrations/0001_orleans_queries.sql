-- The ADO.NET providers look their SQL up in this table at start (by the exact name OrleansQuery,
-- unquoted, so PostgreSQL folds it to lower case). Column names are read case-insensitively by Npgsql.
CREATE TABLE IF NOT EXISTS orleansquery (
    querykey  varchar(64) PRIMARY KEY,
    querytext text        NOT NULL
);
