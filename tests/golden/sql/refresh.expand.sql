-- refresh.expand
-- written in service/store/refresh.c; rewrite with scripts/golden
SELECT rapport_assess_expand() AS queued
