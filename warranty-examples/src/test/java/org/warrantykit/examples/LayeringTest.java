package org.warrantykit.examples;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import java.util.Arrays;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;

/**
 * The layering across every published module (this module sees them all): the core (API and its
 * ports) depends on no adapter, adapters depend on the core and never on each other, and the slices
 * have no cycles. API and ports are one slice on purpose: the ports speak the API's values and the
 * service is assembled from ports; inside it the core's own test keeps the ports off the service.
 */
@AnalyzeClasses(packages = "org.warrantykit", importOptions = ImportOption.DoNotIncludeTests.class)
class LayeringTest {

    private static final String[] ADAPTERS = {"org.warrantykit.memory..", "org.warrantykit.rules..",
        "org.warrantykit.jdbc..", "org.warrantykit.pdf..", "org.warrantykit.testkit..", "org.warrantykit.examples.."};

    /** One slice per module-level package; {@code org.warrantykit} and {@code .spi} form the core. */
    static final SliceAssignment MODULE_SLICES = new SliceAssignment() {
        @Override
        public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
            String pkg = javaClass.getPackageName();
            if (pkg.equals("org.warrantykit") || pkg.equals("org.warrantykit.spi")) {
                return SliceIdentifier.of("core");
            }
            if (!pkg.startsWith("org.warrantykit.")) {
                return SliceIdentifier.ignore();
            }
            String rest = pkg.substring("org.warrantykit.".length());
            return SliceIdentifier.of(rest.contains(".") ? rest.substring(0, rest.indexOf('.')) : rest);
        }

        @Override
        public String getDescription() {
            return "core (API and ports), memory, rules, jdbc, pdf, testkit, examples";
        }
    };

    @ArchTest
    static final ArchRule modulesHaveNoCycles = slices().assignedFrom(MODULE_SLICES).should().beFreeOfCycles();

    @ArchTest
    static final ArchRule coreDependsOnNoAdapter = noClasses()
            .that().resideInAnyPackage("org.warrantykit", "org.warrantykit.spi")
            .should().dependOnClassesThat().resideInAnyPackage(ADAPTERS)
            .because("integrators swap adapters; the core must compile without any of them");

    @ArchTest
    static final ArchRule rulesAdapterStandsAlone = adapterStandsAlone("org.warrantykit.rules..");

    @ArchTest
    static final ArchRule jdbcAdapterStandsAlone = adapterStandsAlone("org.warrantykit.jdbc..");

    @ArchTest
    static final ArchRule pdfAdapterStandsAlone = adapterStandsAlone("org.warrantykit.pdf..");

    @ArchTest
    static final ArchRule memoryAdapterStandsAlone = adapterStandsAlone("org.warrantykit.memory..");

    private static ArchRule adapterStandsAlone(String adapter) {
        String[] others = Arrays.stream(ADAPTERS).filter(a -> !a.equals(adapter))
                .toArray(String[]::new);
        return noClasses().that().resideInAPackage(adapter).should().dependOnClassesThat()
                .resideInAnyPackage(others)
                .because("each adapter needs only the core, so an integrator can take one without the others");
    }
}
