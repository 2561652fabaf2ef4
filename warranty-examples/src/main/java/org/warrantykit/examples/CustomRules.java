package org.warrantykit.examples;

import org.warrantykit.memory.InMemoryStores;
import org.warrantykit.rules.DroolsWarrantyRules;

/**
 * An example of a custom policy shipped on the classpath: a copy of the default DRL with two
 * documented changes (see {@code custom-rules/ruleset.properties}):
 *
 * <ol>
 *   <li>batteries are covered 12 years instead of 10;</li>
 *   <li>online extensions of the power class up to 10 kW cost 10 % more: EUR 297 / 594 for +5 /
 *       +10 years (was 270 / 540), in GB GBP 252 / 505 (0.85 of the EUR price, half-up).</li>
 * </ol>
 *
 * <pre>{@code
 * WarrantyService service = InMemoryStores.configure(WarrantyService.builder())
 *         .rules(CustomRules.load())
 *         .devices(SampleData.devices())
 *         .build();
 * }</pre>
 *
 * <p>Its contract test and its differential test against the reference policy are in this
 * module's tests ({@code CustomRulesContractTest}, {@code CustomRulesDifferentialTest}); review
 * the change with {@code warranty-rules diff classpath:org/warrantykit/rules/default
 * classpath:org/warrantykit/examples/custom-rules}.
 */
public final class CustomRules {
    /** Classpath folder of the custom policy. */
    public static final String FOLDER = "org/warrantykit/examples/custom-rules";
    /** The name in its {@code ruleset.properties}: versions read {@code acme-2027.01@<hash>}. */
    public static final String NAME = "acme-2027.01";

    private CustomRules() {
    }

    /** Compiles the custom policy and checks it on the built-in sample, like any rule folder. */
    public static DroolsWarrantyRules load() {
        return DroolsWarrantyRules.fromClasspath(FOLDER);
    }
}
