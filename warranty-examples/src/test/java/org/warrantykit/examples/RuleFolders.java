package org.warrantykit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.warrantykit.rules.DroolsWarrantyRules;

/** Copies of rule folders for tests, and edits of their files that must hit exactly once. */
final class RuleFolders {
    static final String DEFAULT = "classpath:" + DroolsWarrantyRules.DEFAULT_FOLDER;
    static final String CUSTOM = "classpath:" + CustomRules.FOLDER;

    private RuleFolders() {
    }

    /** Copies the shipped default DRL folder (wherever it lives: jar or directory) into {@code target}. */
    static Path copyDefault(Path target) {
        return copyClasspathFolder(DroolsWarrantyRules.DEFAULT_FOLDER, target);
    }

    static Path copyClasspathFolder(String folder, Path target) {
        URL url = RuleFolders.class.getClassLoader().getResource(folder);
        assertThat(url).as("classpath folder %s", folder).isNotNull();
        try {
            URI uri = url.toURI();
            Files.createDirectories(target);
            if ("jar".equals(uri.getScheme())) {
                try (FileSystem fs = FileSystems.newFileSystem(uri, Map.of())) {
                    copyFiles(fs.getPath(folder), target);
                }
            } else {
                copyFiles(Path.of(uri), target);
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void copyFiles(Path source, Path target) throws IOException {
        try (Stream<Path> files = Files.list(source)) {
            for (Path file : files.toList()) {
                Files.copy(file, target.resolve(file.getFileName().toString()));
            }
        }
    }

    /** Replaces the one occurrence of {@code old} in the file; fails if there is none or several. */
    static void replaceOnce(Path file, String old, String replacement) {
        String text = read(file);
        int first = text.indexOf(old);
        assertThat(first).as("'%s' in %s", old, file).isNotNegative();
        assertThat(text.indexOf(old, first + 1)).as("a second '%s' in %s", old, file).isNegative();
        write(file, text.replace(old, replacement));
    }

    /** The 1-based number of the one line of the file that contains {@code text}. */
    static int lineOf(Path file, String text) {
        List<String> lines = read(file).lines().toList();
        int found = 0;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                assertThat(found).as("a second line with '%s' in %s", text, file).isZero();
                found = i + 1;
            }
        }
        assertThat(found).as("a line with '%s' in %s", text, file).isPositive();
        return found;
    }

    /** Rule declarations, counted the simple way: lines that start with {@code rule "}. */
    static int ruleHeaders(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(".drl"))
                    .mapToInt(f -> (int) read(f).lines().filter(l -> l.startsWith("rule \"")).count()).sum();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static long drlFiles(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(".drl")).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void write(Path file, String text) {
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
