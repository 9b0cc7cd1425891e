-- portfolio.custom_plan
-- written in service/store/portfolio.c; rewrite with scripts/golden
SELECT set_config('plan_cache_mode', 'force_custom_plan', true)
       AS plan_cache_mode
