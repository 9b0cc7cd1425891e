-- schema_migrations.applied
-- written in service/store/migrate.c; rewrite with scripts/golden
SELECT 1 AS applied FROM schema_migrations WHERE version = $1
