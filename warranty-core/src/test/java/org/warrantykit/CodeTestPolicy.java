package org.warrantykit;

import java.util.ArrayList;
import java.util.List;
import org.warrantykit.spi.CodeDecision;
import org.warrantykit.spi.CodeQuery;

/**
 * {@link SimplePolicy} plus code rules in plain Java, for core tests (no Drools): an extension
 * code applies to an upgraded device of its model whose warranty runs; SUMMER25 only in DE while
 * the warranty runs; GOODWILL only for devices without an upgrade;
 * campaigns named LIMITED... for every device; every other campaign has no rule.
 */
class CodeTestPolicy extends SimplePolicy {
    static final String EXTENSION_ACCEPTED = "extension accepted";
    static final String OTHER_MODEL = "extension refused: other model";
    static final String NOT_UPGRADED = "extension refused: not upgraded";
    static final String ENDED = "refused: warranty ended";
    static final String SUMMER_ACCEPTED = "SUMMER25 accepted";
    static final String SUMMER_DE_ONLY = "SUMMER25 refused: only DE";
    static final String OPEN_ACCEPTED = "LIMITED* accepted for every device";
    static final String GOODWILL_ACCEPTED = "GOODWILL accepted";
    static final String GOODWILL_UPGRADED = "GOODWILL refused: already upgraded";

    @Override
    public CodeDecision judgeCode(CodeQuery query) {
        List<String> refusals = new ArrayList<>();
        List<String> reasons = new ArrayList<>();
        String accepted = null;
        Device device = query.device();
        switch (query.kind()) {
            case EXTENSION -> {
                accepted = EXTENSION_ACCEPTED;
                if (!query.model().orElseThrow().equals(device.model())) {
                    refusals.add(OTHER_MODEL);
                    reasons.add("The code is for model " + query.model().get() + ".");
                }
                if (!query.upgraded()) {
                    refusals.add(NOT_UPGRADED);
                    reasons.add("Codes apply after the upgrade.");
                }
                if (!query.running()) {
                    refusals.add(ENDED);
                    reasons.add("The warranty ended on " + query.currentEnd() + ".");
                }
            }
            case CAMPAIGN -> {
                if (query.name().equals("SUMMER25")) {
                    accepted = SUMMER_ACCEPTED;
                    if (!device.region().equals("DE")) {
                        refusals.add(SUMMER_DE_ONLY);
                        reasons.add("SUMMER25 is for Germany.");
                    }
                    if (!query.running()) {
                        refusals.add(ENDED);
                        reasons.add("The warranty ended on " + query.currentEnd() + ".");
                    }
                } else if (query.name().startsWith("LIMITED")) {
                    accepted = OPEN_ACCEPTED;
                } else if (query.name().equals("GOODWILL")) {
                    accepted = GOODWILL_ACCEPTED;
                    if (query.upgraded()) {
                        refusals.add(GOODWILL_UPGRADED);
                        reasons.add("GOODWILL is for devices that missed the upgrade.");
                    }
                }
            }
        }
        List<String> fired = new ArrayList<>(refusals);
        if (accepted != null) {
            fired.add(0, accepted);
        }
        DecisionTrace trace = new DecisionTrace(version(), fired);
        if (!refusals.isEmpty()) {
            return CodeDecision.refuse(String.join(" ", reasons), String.join("; ", refusals), trace);
        }
        if (accepted == null) {
            return CodeDecision.refuse("No rule accepts promotion " + query.name() + ".", "no rule accepts "
                    + query.name(), trace);
        }
        return CodeDecision.allow("Accepted.", accepted, trace);
    }
}
