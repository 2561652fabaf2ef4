package org.warrantykit.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.warrantykit.RuleSetException;

/**
 * A rule whose condition throws while it is evaluated (here: a substring past the end of the serial)
 * escaped as Drools' own ConstraintEvaluationException; a folder with one is refused at load, typed.
 */
class ConditionFailureTest {

    @Test
    void aConditionThatThrowsIsRefusedAtLoadAsARuleSetProblem(@TempDir Path dir) throws IOException {
        Path folder = DefaultRuleFolder.copyTo(dir.resolve("rules"));
        Files.writeString(folder.resolve("upgrade.drl"), """

                rule "Upgrade: a condition that cannot be evaluated"
                when
                    DeviceFact( serial.substring(500) == "X" )
                then
                end
                """, StandardOpenOption.APPEND);

        RuleSetException e = catchThrowableOfType(RuleSetException.class, () -> DroolsWarrantyRules.fromDirectory(folder));

        assertThat(e).as("the folder is refused with a RuleSetException").isNotNull();
        assertThat(e.getMessage()).contains("A rule's condition could not be evaluated");
        assertThat(e.problems()).singleElement().satisfies(problem ->
                assertThat(problem.message()).contains("a condition that cannot be evaluated"));
    }
}
