-- Orleans ADO.NET providers read their SQL from this table by key (rows are written by the migrator from queries/).
CREATE TABLE IF NOT EXISTS OrleansQuery
(
    QueryKey  varchar(64)   NOT NULL PRIMARY KEY,
    QueryText varchar(8000) NOT NULL
);
