/**
 * A measuring tool, not a library: JMH benchmarks that run the Drools policy and the plain-Java
 * reference policy of the testkit through the same {@link org.warrantykit.WarrantyService} paths on
 * generated devices ({@link org.warrantykit.benchmarks.Fleet}), and
 * {@link org.warrantykit.benchmarks.CpuProbe} for CPU time per operation. See docs/performance.md.
 */
package org.warrantykit.benchmarks;
