package org.warrantykit.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Copies of the shipped default rule folder, for tests that edit or repackage one. */
final class DefaultRuleFolder {
    /** The DRL files and properties of the default folder (not its build-time {@code ruleset.compiled}). */
    static final List<String> FILES = List.of("product-lines.drl", "standard-terms.drl", "upgrade.drl", "pricing.drl",
            "codes.drl", "transfer.drl", "scope.drl", "replacement.drl", "ruleset.properties");

    private DefaultRuleFolder() {
    }

    /** Copies {@link #FILES} into {@code folder} (created if missing) and returns it. */
    static Path copyTo(Path folder) throws IOException {
        Files.createDirectories(folder);
        for (String file : FILES) {
            copyFile(file, folder);
        }
        return folder;
    }

    static InputStream open(String file) {
        InputStream in = DefaultRuleFolder.class.getResourceAsStream("/" + DroolsWarrantyRules.DEFAULT_FOLDER + "/" + file);
        assertThat(in).as(file + " of the default folder on the test classpath").isNotNull();
        return in;
    }

    static void copyFile(String file, Path folder) throws IOException {
        try (InputStream in = open(file)) {
            Files.copy(in, folder.resolve(file));
        }
    }

    /** Edits a copied file; the text to replace must be there, so a changed default fails loudly. */
    static void replaceIn(Path file, String from, String to) throws IOException {
        String text = Files.readString(file);
        assertThat(text).contains(from);
        Files.writeString(file, text.replace(from, to));
    }
}
