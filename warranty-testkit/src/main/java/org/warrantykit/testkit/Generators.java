package org.warrantykit.testkit;

import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * The few QuickTheories combinators that warranty-kit's generators need and QuickTheories lacks:
 * strings over an alphabet, lists without duplicate keys, and a reproducible sample of a
 * generator's values. Every {@link Gen} returned shrinks as QuickTheories' own do.
 */
public final class Generators {

    private Generators() {
    }

    /**
     * Strings of {@code minLength} to {@code maxLength} characters, each one of {@code alphabet}'s;
     * they shrink towards the shortest string of the alphabet's first character.
     *
     * @param alphabet  the characters to draw from; null throws NullPointerException
     * @param minLength the shortest length, at least 0
     * @param maxLength the longest length, at least {@code minLength}
     * @return the generator
     * @throws IllegalArgumentException if the alphabet is empty or the lengths are not
     *     {@code 0 <= minLength <= maxLength}
     */
    public static Gen<String> strings(String alphabet, int minLength, int maxLength) {
        Objects.requireNonNull(alphabet, "alphabet");
        if (alphabet.isEmpty()) {
            throw new IllegalArgumentException("the alphabet is empty");
        }
        if (minLength < 0 || maxLength < minLength) {
            throw new IllegalArgumentException("lengths " + minLength + ".." + maxLength + " are not 0 <= min <= max");
        }
        List<Character> chars = alphabet.chars().mapToObj(c -> (char) c).toList();
        return lists().of(Generate.pick(chars)).ofSizeBetween(minLength, maxLength)
                .map(list -> list.stream().map(String::valueOf).collect(Collectors.joining()));
    }

    /**
     * Lists of {@code minSize} to {@code maxSize} values of {@code values} in which no two share a
     * {@code key}. A list with a repeated key is generated anew (and never offered while
     * shrinking), so keys should rarely collide: serial numbers, not booleans.
     *
     * @param <T>     the element type
     * @param values  the element generator
     * @param key     what must differ between any two elements; null throws NullPointerException
     * @param minSize the smallest list size
     * @param maxSize the largest list size
     * @return the generator of lists with distinct keys
     */
    public static <T> Gen<List<T>> distinctLists(Gen<T> values, Function<? super T, ?> key, int minSize, int maxSize) {
        Objects.requireNonNull(key, "key");
        return lists().of(values).ofSizeBetween(minSize, maxSize).assuming(list -> distinct(list, key));
    }

    private static <T> boolean distinct(List<T> list, Function<? super T, ?> key) {
        Set<Object> seen = new HashSet<>();
        for (T value : list) {
            if (!seen.add(key.apply(value))) {
                return false;
            }
        }
        return true;
    }

    /**
     * {@code count} values of {@code generator}, the same ones for the same seed: to look at what a
     * generator makes, or to assert that it reaches the cases it is meant to reach. QuickTheories
     * skips a draw it has already made, so a generator of few distinct values may give fewer.
     *
     * @param <T>       the value type
     * @param generator the generator to draw from
     * @param count     how many values to draw at most
     * @param seed      the QuickTheories seed
     * @return the drawn values in draw order; at most {@code count}
     */
    public static <T> List<T> sample(Gen<T> generator, int count, long seed) {
        List<T> values = new ArrayList<>(count);
        qt().withFixedSeed(seed).withExamples(count).forAll(generator).checkAssert(values::add);
        return values;
    }
}
