-- portfolio.custom_plan
-- written in service/store/portfolio.c; rewrite with scripts/golden
SET LOCAL plan_cache_mode = force_custom_plan
