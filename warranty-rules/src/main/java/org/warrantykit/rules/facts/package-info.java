/**
 * The facts DRL rules see and insert: inputs the adapter inserts for each device (such as
 * {@link org.warrantykit.rules.facts.DeviceFact}, {@link org.warrantykit.rules.facts.CodeDevice}) and
 * outputs the rules insert as their decisions (such as {@link org.warrantykit.rules.facts.StandardYears},
 * {@link org.warrantykit.rules.facts.UpgradeGrant}, {@link org.warrantykit.rules.facts.OfferPrice}).
 * Public because rule authors name them in DRL; every fact is
 * {@link org.warrantykit.rules.facts.DeviceScoped}, and an output that cannot hold its values throws
 * {@link org.warrantykit.rules.facts.InvalidFactException}. docs/rule-authoring.md lists them all.
 */
package org.warrantykit.rules.facts;
