/**
 * The ports: the interfaces through which {@link org.warrantykit.WarrantyService} reaches everything
 * outside it (supply data, the coverage ledger, codes, orders, certificates, ownership, transactions
 * and the policy, {@link org.warrantykit.spi.WarrantyRules}), with the values that cross them.
 * Adapters implement them: in-memory ones in {@link org.warrantykit.memory}, Drools rules in
 * warranty-rules, JDBC stores in warranty-jdbc.
 */
package org.warrantykit.spi;
