package org.warrantykit.jdbc;

import static org.warrantykit.fixtures.Fixtures.ALICE;
import static org.warrantykit.fixtures.Fixtures.device;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.h2.jdbcx.JdbcConnectionPool;
import org.warrantykit.Campaign;
import org.warrantykit.CodeRejectedException;
import org.warrantykit.Device;
import org.warrantykit.InvalidValueException;
import org.warrantykit.Order;
import org.warrantykit.WarrantyService;
import org.warrantykit.fixtures.TestPolicy;
import org.warrantykit.memory.InMemoryDeviceRegistry;

/**
 * The child JVM of {@link CrashSafetyTest}: runs a fixed stream of service operations on a file H2
 * database, printing {@code ack <operation>} after each one returned, until it is killed or (with
 * {@code finish}) has run the whole stream. Every operation is repeatable, so each run starts the
 * stream from the top and completes what an earlier, killed run left half-done.
 */
public final class CrashWorkload {
    static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");
    static final int DEVICES = 40;
    static final String CAMPAIGN = "CRASH1";
    static final byte[] PEPPER = "a crash pepper of 32 bytes......".getBytes(StandardCharsets.UTF_8);

    static String serial(int i) {
        return String.format("CRASH%06d", i);
    }

    /** Devices with even numbers buy and pay an extension; odd ones place an order and cancel it. */
    static boolean pays(int i) {
        return i % 2 == 0;
    }

    static InMemoryDeviceRegistry registry() {
        List<Device> devices = new ArrayList<>();
        for (int i = 0; i < DEVICES; i++) {
            devices.add(device(serial(i)).model("X1-BOOST").installed(LocalDate.of(2024, 6, 1)).build());
        }
        return InMemoryDeviceRegistry.of(devices);
    }

    public static void main(String[] args) {
        String url = args[0];
        boolean finish = args.length > 1 && args[1].equals("finish");
        PrintStream out = System.out;
        JdbcConnectionPool pool = JdbcConnectionPool.create(url, "sa", "");
        JdbcWarrantyStores.migrate(pool);
        WarrantyService service = JdbcWarrantyStores.configure(WarrantyService.builder(), pool)
                .rules(new TestPolicy().withOpenCampaigns("CRASH")).devices(registry()).clock(Clock.fixed(NOW, ZoneOffset.UTC))
                .codePepper(PEPPER).codeLockout(1_000_000, java.time.Duration.ofMinutes(1)).build();
        try {
            service.codeIssuer().createCampaign(Campaign.of(CAMPAIGN, LocalDate.of(2026, 1, 1),
                    LocalDate.of(2026, 12, 31), 10_000, 6));
        } catch (InvalidValueException exists) {
            // created by an earlier run
        }
        out.println("ready");
        out.flush();
        for (int i = 0; i < DEVICES; i++) {
            String sn = serial(i);
            service.requestUpgrade(ALICE, sn);
            ack(out, "upgrade " + sn);
            Order order = service.purchase(ALICE, sn, "EXT-60M", "key-" + sn);
            ack(out, "order " + order.orderId() + " " + sn);
            if (pays(i)) {
                service.confirmPayment(order.orderId(), "pay-" + sn);
                ack(out, "paid " + order.orderId() + " " + sn);
            } else {
                service.cancel(ALICE, order.orderId());
                ack(out, "cancelled " + order.orderId() + " " + sn);
            }
            try {
                service.redeem(ALICE, sn, CAMPAIGN.toLowerCase(java.util.Locale.ROOT));
                ack(out, "promoted " + sn);
            } catch (CodeRejectedException e) {
                if (e.reason() != CodeRejectedException.Reason.ALREADY_USED) {
                    throw e;
                }
                ack(out, "promoted-before " + sn);
            }
        }
        out.println(finish ? "finished" : "looping");
        out.flush();
        pool.dispose();
        if (!finish) {
            // keep the process alive until the parent kills it
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void ack(PrintStream out, String what) {
        out.println("ack " + what);
        out.flush();
    }
}
