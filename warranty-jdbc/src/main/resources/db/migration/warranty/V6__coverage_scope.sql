-- warranty-kit schema, part 6: what each coverage line covers (its scope), as Covered.format writes
-- it: the names PARTS, LABOUR and TRANSPORT joined by commas in that order, e.g. 'PARTS,LABOUR'.
-- Portable SQL for H2 2.x and PostgreSQL 12+.
--
-- The columns are nullable and no row is rewritten: rows written before this migration keep NULL.
--   wk_coverage: a NULL line is read as what the default policy granted for its kind and the
--     device's region (Covered.grantedBeforeScopes): standard, extensions and promotions cover parts
--     and labour, plus transport in the EU/EEA, GB and CH; the online upgrade covers parts only. So
--     nothing already granted is lost. The store reads such a line as not recorded
--     (LedgerEntry.scopeRecorded() false) and the service supplies the device's region.
--   wk_order_line: a NULL line (placed before scopes) covers what the device's standard line covers.
--   wk_certificate_coverage: a NULL line was signed without a scope (certificate format v1); it is
--     read as Covered.grantedBeforeScopes(kind, "") and the certificate verifies over its v1 form.
-- Every row written after this migration holds its scope. An instance that has not been upgraded yet
-- still writes NULL, which reads as above.
ALTER TABLE wk_coverage ADD COLUMN covers VARCHAR(64);
ALTER TABLE wk_order_line ADD COLUMN covers VARCHAR(64);
ALTER TABLE wk_certificate_coverage ADD COLUMN covers VARCHAR(64);
