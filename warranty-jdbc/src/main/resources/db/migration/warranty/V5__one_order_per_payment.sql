-- A payment reference pays one order: the host's payment id cannot settle a second order
-- (JdbcOrderStore.transition reports a clash as "not moved"). NULLs (unpaid orders) do not clash.
-- Fails if two orders already share a reference: find them with
--   SELECT payment_reference FROM wk_order GROUP BY payment_reference HAVING COUNT(*) > 1
CREATE UNIQUE INDEX wk_order_one_per_payment ON wk_order (payment_reference);
