/**
 * In-memory adapters for the storage ports of {@link org.warrantykit.spi}: thread-safe, lost on
 * restart, for tests, demos and single-process tools. {@link org.warrantykit.memory.InMemoryStores}
 * sets them all on a service builder; {@link org.warrantykit.memory.InMemoryDeviceRegistry} also
 * reads supply data from CSV.
 */
package org.warrantykit.memory;
