-- Orleans ADO.NET providers read their SQL from this table by key (rows are written by the migrator from queries/).
CREATE TABLE IF NOT EXISTS OrleansQuery
(
    QueryKey  TEXT NOT NULL PRIMARY KEY,
    QueryText TEXT NOT NULL
);
