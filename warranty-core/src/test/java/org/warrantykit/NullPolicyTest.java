package org.warrantykit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The one null policy: a null argument of a public value or service call is an
 * {@link InvalidValueException} naming it ({@link InvalidSerialNumberException} for a serial number), a null given to the builder a {@link ConfigurationException};
 * never a NullPointerException. Checked on every public record of the API and its ports, and on every
 * public method of the service and its builder.
 */
class NullPolicyTest {

    private static List<Class<?>> apiRecords() {
        List<Class<?>> records = new ArrayList<>();
        for (JavaClass c : new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.warrantykit", "org.warrantykit.spi")) {
            Class<?> type = c.reflect();
            boolean apiPackage = c.getPackageName().equals("org.warrantykit") || c.getPackageName().equals("org.warrantykit.spi");
            if (apiPackage && type.isRecord() && Modifier.isPublic(type.getModifiers())) {
                records.add(type);
            }
        }
        return records;
    }

    private static Object[] nullsFor(Class<?>[] types) {
        Object[] args = new Object[types.length];
        for (int i = 0; i < types.length; i++) {
            args[i] = primitiveSample(types[i]);
        }
        return args;
    }

    /** A harmless value for a primitive parameter (each boxed on its own: a ternary would widen them all). */
    private static Object primitiveSample(Class<?> type) {
        if (!type.isPrimitive()) {
            return null;
        }
        if (type == boolean.class) {
            return Boolean.FALSE;
        }
        if (type == long.class) {
            return Long.valueOf(1);
        }
        return Integer.valueOf(1);
    }

    /** A missing serial number is refused as a malformed one; every other value as invalid. */
    private static boolean refusedAsValue(Throwable thrown) {
        return thrown instanceof InvalidValueException || thrown instanceof InvalidSerialNumberException;
    }

    private static Throwable thrownBy(ThrowingCall call) {
        try {
            call.run();
            return null;
        } catch (InvocationTargetException e) {
            return e.getCause();
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    interface ThrowingCall {
        void run() throws ReflectiveOperationException;
    }

    @Test
    void everyApiRecordRefusesNullComponentsWithATypedError() {
        List<Class<?>> records = apiRecords();
        assertThat(records).as("the scan found the API's records").hasSizeGreaterThan(20)
                .contains(Coverage.class, Order.class, Device.class, CoverageSource.class);
        List<String> untyped = new ArrayList<>();
        for (Class<?> record : records) {
            Class<?>[] types = Arrays.stream(record.getRecordComponents())
                    .map(RecordComponent::getType).toArray(Class<?>[]::new);
            if (Arrays.stream(types).allMatch(Class::isPrimitive)) {
                continue;
            }
            Throwable thrown;
            try {
                Constructor<?> canonical = record.getDeclaredConstructor(types);
                thrown = thrownBy(() -> canonical.newInstance(nullsFor(types)));
            } catch (NoSuchMethodException e) {
                throw new AssertionError(e);
            }
            if (!refusedAsValue(thrown)) {
                untyped.add(record.getSimpleName() + " -> " + thrown);
            }
        }
        assertThat(untyped).as("records whose null components are not refused with InvalidValueException").isEmpty();
    }

    @Test
    void everyServiceMethodRefusesNullArgumentsWithATypedError() {
        WarrantyService service = new PurchaseFixture().service;
        List<String> untyped = new ArrayList<>();
        for (Method method : WarrantyService.class.getMethods()) {
            if (method.getDeclaringClass() != WarrantyService.class || Modifier.isStatic(method.getModifiers())
                    || Arrays.stream(method.getParameterTypes()).allMatch(Class::isPrimitive)) {
                continue;
            }
            Throwable thrown = thrownBy(() -> method.invoke(service, nullsFor(method.getParameterTypes())));
            if (!refusedAsValue(thrown)) {
                untyped.add(method + " -> " + thrown);
            }
        }
        assertThat(untyped).as("service methods whose null arguments are not refused with InvalidValueException").isEmpty();
    }

    @Test
    void everyBuilderSetterRefusesNullWithAConfigurationError() {
        List<String> untyped = new ArrayList<>();
        for (Method method : WarrantyService.Builder.class.getMethods()) {
            if (method.getDeclaringClass() != WarrantyService.Builder.class
                    || Arrays.stream(method.getParameterTypes()).allMatch(Class::isPrimitive)) {
                continue;
            }
            Throwable thrown = thrownBy(() -> method.invoke(WarrantyService.builder(), nullsFor(method.getParameterTypes())));
            if (!(thrown instanceof ConfigurationException)) {
                untyped.add(method.getName() + " -> " + thrown);
            }
        }
        assertThat(untyped).isEmpty();
        assertThatThrownBy(() -> WarrantyService.builder().ledger(null)).isInstanceOf(ConfigurationException.class)
                .hasMessage("ledger(...) needs a value, was null");
    }

    @Test
    void anAbsentOptionalIsEmptyNotNullAndTheMessageSaysSo() {
        assertThatThrownBy(() -> new Device(SerialNumber.parse("H1B50A1234567"), "X1", Category.INVERTER, "DE",
                LocalDate.of(2024, 1, 1), LocalDate.of(2024, 1, 2), null, Optional.empty(), Optional.empty()))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("installDate: is required but was null; use Optional.empty() for none");
    }
}
