package org.warrantykit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.warrantykit.fixtures.Fixtures.ALICE;
import static org.warrantykit.fixtures.Fixtures.device;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;
import org.warrantykit.fixtures.MutableClock;
import org.warrantykit.fixtures.TestPolicy;
import org.warrantykit.memory.InMemoryDeviceRegistry;
import org.warrantykit.memory.InMemoryStores;

/**
 * A swap splits one warranty in two and loses or adds nothing (issue 17): on any day the faulty unit
 * is covered, its lines up to the day before and the replacement's from that day are together the
 * lines it had, cut at the swap day, each with its kind, source and scope; the faulty unit ends the
 * day before, the replacement starts on it, and each side's lines stay contiguous. A chain of
 * swaps cuts again.
 */
class ReplacementPropertiesTest {
    static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");
    static final String FAULTY = "PROPFAULTY01";
    static final List<String> SPARES = List.of("PROPSPARE001", "PROPSPARE002", "PROPSPARE003");

    /** A unit installed some day, upgraded (while its standard term ran) or extended or neither, swapped up to three times. */
    record Situation(int installedDaysAgo, boolean upgrade, boolean extend, List<Integer> swapFractions) {
    }

    static Gen<Situation> situations() {
        Gen<Integer> installed = integers().between(2, 9 * 365);
        Gen<Boolean> flags = Generate.booleans();
        Gen<List<Integer>> fractions = Generate.intArrays(integers().between(1, 3), integers().between(0, 1000))
                .map(a -> java.util.Arrays.stream(a).boxed().toList());
        return installed.zip(flags, flags, fractions, Situation::new);
    }

    @Test
    void aSwapCutsTheWarrantyInTwoAtTheSwapDayAndLosesNothing() {
        qt().withExamples(300).forAll(situations()).checkAssert(this::cutsInTwo);
    }

    void cutsInTwo(Situation s) {
        MutableClock clock = new MutableClock(NOW);
        LocalDate today = LocalDate.ofInstant(NOW, ZoneOffset.UTC);
        LocalDate installed = today.minusDays(s.installedDaysAgo());
        List<Device> devices = new ArrayList<>();
        devices.add(device(FAULTY).model("X1-BOOST").installed(installed).online(installed.atStartOfDay().toInstant(ZoneOffset.UTC))
                .build());
        SPARES.forEach(spare -> devices.add(device(spare).model("X1-BOOST").unowned().neverInstalled()
                .produced(LocalDate.of(2026, 6, 1)).build()));
        WarrantyService service = InMemoryStores.configure(WarrantyService.builder()).rules(new TestPolicy())
                .devices(InMemoryDeviceRegistry.of(devices)).clock(clock).build();
        if (s.upgrade()) {
            clock.set(installed.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC));
            service.requestUpgrade(ALICE, FAULTY);
            if (s.extend() && !service.offers(ALICE, FAULTY).isEmpty()) {
                Order order = service.purchase(ALICE, FAULTY, service.offers(ALICE, FAULTY).get(0).offerId(), "key");
                service.confirmPayment(order.orderId(), "PAY");
            }
            clock.set(NOW);
        }

        String carrier = FAULTY;
        for (int i = 0; i < s.swapFractions().size(); i++) {
            WarrantyView before = service.inquire(carrier);
            LocalDate first = before.start().plusDays(1);
            LocalDate last = before.end().isBefore(today) ? before.end() : today;
            if (last.isBefore(first)) {
                return; // not covered on any day a swap may name
            }
            long span = last.toEpochDay() - first.toEpochDay();
            LocalDate on = first.plusDays(span * s.swapFractions().get(i) / 1000);
            String spare = SPARES.get(i);

            WarrantyView replacement = service.replaceDevice(carrier, spare, on);
            WarrantyView faulty = service.inquire(carrier);

            assertThat(faulty.state()).isEqualTo(WarrantyState.REPLACED);
            assertThat(faulty.end()).isEqualTo(on.minusDays(1));
            assertThat(replacement.start()).isEqualTo(on);
            assertThat(replacement.end()).isEqualTo(before.end());
            assertThat(joined(faulty.coverages(), replacement.coverages())).isEqualTo(before.coverages());
            assertThat(service.claimCheck(spare, on).covered()).isTrue();
            assertThat(service.claimCheck(carrier, on).covered()).isFalse();
            carrier = spare;
        }
    }

    /** The two sides put back together: a line cut at the swap joined again. */
    static List<Coverage> joined(List<Coverage> before, List<Coverage> after) {
        List<Coverage> all = new ArrayList<>(before);
        Coverage last = all.get(all.size() - 1);
        Coverage next = after.get(0);
        if (last.kind() == next.kind() && last.source().equals(next.source()) && last.covers().equals(next.covers())
                && last.abuts(next)) {
            all.set(all.size() - 1, new Coverage(last.kind(), last.start(), next.end(), last.source(), last.covers()));
            all.addAll(after.subList(1, after.size()));
        } else {
            all.addAll(after);
        }
        return all;
    }
}
