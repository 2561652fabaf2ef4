package org.warrantykit.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.warrantykit.spi.PolicyDecision;
import org.warrantykit.spi.PolicyQuery;

/**
 * {@link DroolsWarrantyRules#decideAll} reuses pooled engine sessions: a reused session must decide
 * exactly as a fresh one did (no facts, fired rules or listeners left over from the last call),
 * sequentially and concurrently.
 */
class SessionReuseTest {
    private static DroolsWarrantyRules rules;
    private static List<PolicyQuery> queries;
    private static List<PolicyDecision> firstDecisions;

    @BeforeAll
    static void decideOnce() {
        rules = DroolsWarrantyRules.defaults();
        queries = SampleCheck.sample();
        firstDecisions = new ArrayList<>();
        for (PolicyQuery query : queries) {
            firstDecisions.add(rules.decide(query));
        }
    }

    @Test
    void aReusedSessionDecidesAsTheFirstOneDid() {
        for (int round = 0; round < 5; round++) {
            for (int i = 0; i < queries.size(); i++) {
                assertSameDecision(rules.decide(queries.get(i)), firstDecisions.get(i));
            }
        }
    }

    @Test
    void aBatchDecidesEachDeviceAsASingleCallDoes() {
        for (int round = 0; round < 3; round++) {
            // a device's fresh and upgraded queries share a serial, so batch them apart
            List<PolicyQuery> fresh = queries.stream().filter(q -> !q.upgraded()).toList();
            List<PolicyQuery> upgraded = queries.stream().filter(PolicyQuery::upgraded).toList();
            List<PolicyDecision> freshDecisions = rules.decideAll(fresh);
            List<PolicyDecision> upgradedDecisions = rules.decideAll(upgraded);
            for (int i = 0; i < fresh.size(); i++) {
                assertSameDecision(freshDecisions.get(i), firstDecisions.get(queries.indexOf(fresh.get(i))));
                assertSameDecision(upgradedDecisions.get(i), firstDecisions.get(queries.indexOf(upgraded.get(i))));
            }
        }
    }

    @Test
    void concurrentCallersGetTheSameDecisions() throws InterruptedException {
        ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            int offset = t;
            Thread thread = new Thread(() -> {
                try {
                    for (int round = 0; round < 10; round++) {
                        for (int i = 0; i < queries.size(); i++) {
                            int k = (i + offset * 5) % queries.size();
                            assertSameDecision(rules.decide(queries.get(k)), firstDecisions.get(k));
                        }
                    }
                } catch (Throwable e) {
                    failures.add(e);
                }
            });
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        assertThat(failures).isEmpty();
    }

    /** Equal decisions; fired rules compared as multisets, since firing order is not guaranteed. */
    private static void assertSameDecision(PolicyDecision actual, PolicyDecision expected) {
        assertThat(actual.standard()).isEqualTo(expected.standard());
        assertThat(actual.upgrade()).isEqualTo(expected.upgrade());
        assertThat(actual.offers()).isEqualTo(expected.offers());
        assertThat(actual.noOfferReason()).isEqualTo(expected.noOfferReason());
        assertThat(actual.trace().ruleSetVersion()).isEqualTo(expected.trace().ruleSetVersion());
        assertThat(actual.trace().firedRules()).containsExactlyInAnyOrderElementsOf(expected.trace().firedRules());
    }
}
