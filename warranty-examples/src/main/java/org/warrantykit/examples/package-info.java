/**
 * Runnable tools on top of the API, not a library: the demo ({@link org.warrantykit.examples.Demo}),
 * the warranty CLI ({@link org.warrantykit.examples.WarrantyCli}), the rule authors' check / explain /
 * diff tools ({@link org.warrantykit.examples.RulesCli}) and a custom rule set example
 * ({@link org.warrantykit.examples.CustomRules}).
 */
package org.warrantykit.examples;
