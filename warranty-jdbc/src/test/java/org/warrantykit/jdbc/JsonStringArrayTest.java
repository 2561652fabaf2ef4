package org.warrantykit.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonStringArrayTest {
    @Test
    void writesCompactJsonEscapingOnlyWhatItMust() {
        assertThat(JsonStringArray.write(List.of())).isEqualTo("[]");
        assertThat(JsonStringArray.write(List.of(""))).isEqualTo("[\"\"]");
        assertThat(JsonStringArray.write(List.of("a, b", "say \"hi\"", "C:\\dir", "[x]", "kůň")))
                .isEqualTo("[\"a, b\",\"say \\\"hi\\\"\",\"C:\\\\dir\",\"[x]\",\"kůň\"]");
        assertThat(JsonStringArray.write(List.of("tab\tline\n\u0001", "\uD83D\uDE00", "lone \uD83D")))
                .isEqualTo("[\"tab\\tline\\n\\u0001\",\"\uD83D\uDE00\",\"lone \\ud83d\"]");
    }

    @Test
    void readsWhatItWritesAndAnyOtherSpellingOfTheSameArray() {
        for (List<String> names : List.of(List.<String>of(), List.of(""), FiredRulesContract.AWKWARD,
                List.of("lone \uDE00 low", "\uD83D"))) {
            assertThat(JsonStringArray.read(JsonStringArray.write(names))).isEqualTo(names);
        }
        assertThat(JsonStringArray.read(" [ \"a\" ,\n\"\\u0041\\/\\ud83d\\ude00\\b\\f\\r\" ] "))
                .containsExactly("a", "A/\uD83D\uDE00\b\f\r");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "[", "]", "[\"a\"", "[\"a\",]", "[,]", "[1]", "[null]", "{}", "\"a\"",
            "[\"a\"] x", "[\"a\"][]", "[\"\\x\"]", "[\"\\u12g4\"]", "[\"\\u+123\"]", "[\"\\u12\"]", "[\"a\tb\"]",
            "[\"a\" \"b\"]", "3:abc", "[\"\\u\u0663\u0663\u0663\u0663\"]"})
    void refusesAnythingButOneArrayOfStrings(String text) {
        assertThatThrownBy(() -> JsonStringArray.read(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("not a JSON array of strings at character ");
    }
}
