/**
 * The durable adapters: every storage port of {@link org.warrantykit.spi} over plain JDBC on a
 * host-given {@link javax.sql.DataSource} (H2, PostgreSQL), schema by Flyway migrations.
 * {@link org.warrantykit.jdbc.JdbcWarrantyStores} migrates the schema and sets all stores and
 * transactions on a service builder.
 */
package org.warrantykit.jdbc;
