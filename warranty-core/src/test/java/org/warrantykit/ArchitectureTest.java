package org.warrantykit;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Keeps the domain readable and testable without the rules engine or other frameworks. */
@AnalyzeClasses(packages = "org.warrantykit", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule coreNeverImportsTheRulesEngine = noClasses().should()
            .dependOnClassesThat().resideInAnyPackage("org.drools..", "org.kie..", "org.mvel2..")
            .because("the policy engine sits behind the WarrantyRules port");

    @ArchTest
    static final ArchRule portsDoNotDependOnAdapters = noClasses().that().resideInAPackage("org.warrantykit.spi..")
            .should().dependOnClassesThat().resideInAPackage("org.warrantykit.memory..")
            .because("ports describe what the core needs, adapters implement them");

    @ArchTest
    static final ArchRule adaptersDoNotReachIntoTheServiceInternals = noClasses().that()
            .resideInAPackage("org.warrantykit.memory..").should().dependOnClassesThat()
            .haveSimpleName("WarrantyService");
}
