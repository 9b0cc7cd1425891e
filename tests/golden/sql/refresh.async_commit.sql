-- refresh.async_commit
-- written in service/store/refresh.c; rewrite with scripts/golden
SELECT set_config('synchronous_commit', 'off', true) AS synchronous_commit
