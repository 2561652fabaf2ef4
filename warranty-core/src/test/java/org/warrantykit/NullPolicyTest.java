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
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.warrantykit.fixtures.Fixtures;

/**
 * The one null policy: a null argument of a public value or service call is an
 * {@link InvalidValueException} naming it ({@link InvalidSerialNumberException} for a serial number), a null given to the builder a {@link ConfigurationException};
 * never a NullPointerException. Checked one argument at a time (the others plausible) on every public
 * record of the API and its ports and every public service method, and on every builder setter.
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

    /** A plausible value for every parameter but {@code nullAt}: then only that null can be refused. */
    private static Object[] samplesWithNullAt(Class<?>[] types, int nullAt) {
        Object[] args = new Object[types.length];
        for (int i = 0; i < types.length; i++) {
            args[i] = i == nullAt ? null : sample(types[i]);
        }
        return args;
    }

    private static Object sample(Class<?> type) {
        if (type.isPrimitive()) {
            return primitiveSample(type);
        }
        if (type.isEnum()) {
            return type.getEnumConstants()[0];
        }
        Map<Class<?>, Object> samples = Map.ofEntries(
                Map.entry(String.class, "EXTEND00001"),
                Map.entry(LocalDate.class, LocalDate.of(2024, 1, 1)),
                Map.entry(Instant.class, Instant.parse("2026-11-27T10:00:00Z")),
                Map.entry(Optional.class, Optional.empty()),
                Map.entry(List.class, List.of()),
                Map.entry(Collection.class, List.of()),
                Map.entry(Set.class, Set.of()),
                Map.entry(SerialNumber.class, SerialNumber.parse("EXTEND00001")),
                Map.entry(AccountId.class, Fixtures.ALICE),
                Map.entry(OrderId.class, new OrderId("O-1")),
                Map.entry(Money.class, Money.of("1", "EUR")),
                Map.entry(Currency.class, Currency.getInstance("EUR")),
                Map.entry(BigDecimal.class, BigDecimal.ONE),
                Map.entry(Duration.class, Duration.ofDays(1)),
                Map.entry(Period.class, Period.ofMonths(1)),
                Map.entry(ZoneId.class, ZoneOffset.UTC),
                Map.entry(DecisionTrace.class, new DecisionTrace("v1", List.of())),
                Map.entry(CoverageSource.class, CoverageSource.standard()),
                Map.entry(Coverage.class, new Coverage(CoverageKind.STANDARD, LocalDate.of(2024, 1, 1),
                        LocalDate.of(2028, 12, 31), CoverageSource.standard(), Covered.scope(Covered.PARTS, Covered.LABOUR))),
                Map.entry(Device.class, Fixtures.device().build()));
        return samples.get(type);
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
    void everyApiRecordRefusesEachNullComponentWithATypedError() {
        List<Class<?>> records = apiRecords();
        assertThat(records).as("the scan found the API's records").hasSizeGreaterThan(20)
                .contains(Coverage.class, Order.class, Device.class, CoverageSource.class);
        List<String> untyped = new ArrayList<>();
        for (Class<?> record : records) {
            Class<?>[] types = Arrays.stream(record.getRecordComponents()).map(RecordComponent::getType)
                    .toArray(Class<?>[]::new);
            Constructor<?> canonical;
            try {
                canonical = record.getDeclaredConstructor(types);
            } catch (NoSuchMethodException e) {
                throw new AssertionError(e);
            }
            for (int i = 0; i < types.length; i++) {
                if (types[i].isPrimitive()) {
                    continue;
                }
                Object[] args = samplesWithNullAt(types, i);
                Throwable thrown = thrownBy(() -> canonical.newInstance(args));
                if (!refusedAsValue(thrown)) {
                    untyped.add(record.getSimpleName() + "." + record.getRecordComponents()[i].getName() + " -> " + thrown);
                }
            }
        }
        assertThat(untyped).as("record components whose null is not refused with InvalidValueException").isEmpty();
    }

    @Test
    void everyServiceMethodRefusesEachNullArgumentWithATypedError() {
        WarrantyService service = new PurchaseFixture().upgradeAll().service;
        List<String> untyped = new ArrayList<>();
        int checked = 0;
        for (Method method : WarrantyService.class.getMethods()) {
            if (method.getDeclaringClass() != WarrantyService.class || Modifier.isStatic(method.getModifiers())) {
                continue;
            }
            Class<?>[] types = method.getParameterTypes();
            for (int i = 0; i < types.length; i++) {
                if (types[i].isPrimitive()) {
                    continue;
                }
                Object[] args = samplesWithNullAt(types, i);
                Throwable thrown = thrownBy(() -> method.invoke(service, args));
                checked++;
                if (method.getName().equals("redeem") && i == 2) {
                    // What an owner types: no code is refused as an empty one is, with the owner's message.
                    assertThat(thrown).isInstanceOfSatisfying(CodeRejectedException.class,
                            e -> assertThat(e.reason()).isEqualTo(CodeRejectedException.Reason.MALFORMED));
                    continue;
                }
                if (!refusedAsValue(thrown)) {
                    untyped.add(method.getName() + Arrays.toString(types) + " null at " + i + " -> " + thrown);
                }
            }
        }
        assertThat(checked).as("arguments checked").isGreaterThan(30);
        assertThat(untyped).as("service arguments whose null is not refused with InvalidValueException").isEmpty();
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
