package org.warrantykit;

import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * The generators core's properties share. The testkit's {@code Generators} offers the same string
 * combinator to rule authors, but the testkit depends on core, so core's own tests cannot use it.
 */
final class Gens {

    private Gens() {
    }

    /** Strings of {@code min} to {@code max} characters of {@code alphabet}, shrinking to short ones. */
    static Gen<String> strings(String alphabet, int min, int max) {
        List<Character> chars = alphabet.chars().mapToObj(c -> (char) c).toList();
        return lists().of(Generate.pick(chars)).ofSizeBetween(min, max)
                .map(list -> list.stream().map(String::valueOf).collect(Collectors.joining()));
    }

    /** Any text up to {@code max} code points: any Unicode code point, surrogates and controls included. */
    static Gen<String> anyText(int max) {
        return org.quicktheories.generators.SourceDSL.strings().allPossible().ofLengthBetween(0, max);
    }

    /** Well-formed extension codes: 15 random symbols, their check character, grouped as typed. */
    static Gen<String> validCodes() {
        return strings(CodeFormat.ALPHABET, 15, 15).map(body -> CodeFormat.group(body + CodeFormat.checkCharacter(body)));
    }

    /** {@code count} values of {@code generator}, the same ones for the same seed. */
    static <T> List<T> sample(Gen<T> generator, int count, long seed) {
        List<T> values = new ArrayList<>(count);
        qt().withFixedSeed(seed).withExamples(count).forAll(generator).checkAssert(values::add);
        return values;
    }
}
