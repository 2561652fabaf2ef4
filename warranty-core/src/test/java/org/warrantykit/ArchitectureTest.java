package org.warrantykit;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Keeps the domain readable and testable without the rules engine or other frameworks. The layering
 * across all modules (no cycles, adapters apart) is checked where every module is on the class path:
 * warranty-examples' {@code LayeringTest}.
 */
@AnalyzeClasses(packages = "org.warrantykit", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule coreNeverImportsTheRulesEngine = noClasses().should()
            .dependOnClassesThat().resideInAnyPackage("org.drools..", "org.kie..", "org.mvel2..")
            .because("the policy engine sits behind the WarrantyRules port");

    @ArchTest
    static final ArchRule coreNeverImportsAFramework = noClasses().should()
            .dependOnClassesThat().resideInAnyPackage("org.springframework..", "jakarta..", "javax.persistence..")
            .because("hosts embed the core; it must not choose their framework");

    @ArchTest
    static final ArchRule theApiDoesNotBuildItsOwnAdapters = noClasses()
            .that().resideInAnyPackage("org.warrantykit", "org.warrantykit.spi")
            .should().dependOnClassesThat().resideInAPackage("org.warrantykit.memory..")
            .because("the in-memory stores are one adapter among others, wired by InMemoryStores");

    @ArchTest
    static final ArchRule portsStayOffTheService = noClasses().that().resideInAPackage("org.warrantykit.spi..")
            .should().dependOnClassesThat().haveNameMatching("org\\.warrantykit\\.WarrantyService.*")
            .because("ports speak in the API's values; the service is assembled from ports, not the reverse");

    @ArchTest
    static final ArchRule adaptersDoNotReachIntoTheService = noClasses().that()
            .resideInAPackage("org.warrantykit.memory..").and().doNotHaveSimpleName("InMemoryStores")
            .should().dependOnClassesThat().haveNameMatching("org\\.warrantykit\\.WarrantyService.*")
            .because("stores implement ports; only the wiring knows the service");
}
