CREATE TABLE flyway_only (id integer);
