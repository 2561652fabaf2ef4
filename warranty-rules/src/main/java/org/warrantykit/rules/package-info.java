/**
 * The Drools adapter of the policy port: {@link org.warrantykit.rules.DroolsWarrantyRules} implements
 * {@link org.warrantykit.spi.WarrantyRules} on DRL rule folders (the shipped default policy or your
 * own), checks a folder before it may serve and bounds every engine session
 * ({@link org.warrantykit.rules.RuleLimits}), and {@link org.warrantykit.rules.RuleFolderWatcher}
 * swaps an edited folder into a running service. {@link org.warrantykit.rules.RuleSetPrecompiler} is
 * the build-time tool that ships a folder precompiled.
 */
package org.warrantykit.rules;
