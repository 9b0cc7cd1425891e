-- tenant.read
-- written in service/store/tx.c; rewrite with scripts/golden
SELECT set_config('app.org_id', $1, true) AS org_id,
       set_config('transaction_read_only', 'on', true) AS read_only
