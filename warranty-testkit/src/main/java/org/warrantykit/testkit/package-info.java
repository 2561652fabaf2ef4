/**
 * Test tools for integrators, used in their own JUnit 5 tests: QuickTheories generators
 * ({@link org.warrantykit.testkit.WarrantyGenerators}, {@link org.warrantykit.testkit.Generators}),
 * the default policy in plain Java ({@link org.warrantykit.testkit.ReferencePolicy}), and contract
 * tests to extend for your own adapters of the ports ({@link org.warrantykit.testkit.RuleSetContract},
 * {@link org.warrantykit.testkit.ReferenceDifferential},
 * {@link org.warrantykit.testkit.CodeAttemptLogContract}).
 */
package org.warrantykit.testkit;
