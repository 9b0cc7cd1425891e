-- refresh.async_commit
-- written in service/store/refresh.c; rewrite with scripts/golden
SET LOCAL synchronous_commit = off
