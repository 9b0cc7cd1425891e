-- refresh.sweep
-- written in service/store/refresh.c; rewrite with scripts/golden
SELECT rapport_assess_sweep($1, $2::integer * interval '1 second',
                            $3::integer * interval '1 day') AS queued
