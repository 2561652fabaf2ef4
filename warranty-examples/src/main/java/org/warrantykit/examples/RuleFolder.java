package org.warrantykit.examples;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.warrantykit.RuleProblem;
import org.warrantykit.RuleSetException;
import org.warrantykit.rules.DroolsWarrantyRules;

/**
 * A rule folder named on the command line: a directory ({@code rules/acme}) or a folder on the
 * classpath ({@code classpath:org/warrantykit/rules/default}, the shipped default policy).
 */
record RuleFolder(String argument) {
    static final String CLASSPATH = "classpath:";
    /** {@code rule "name"} or {@code rule name} at the start of a line: one rule declaration. */
    private static final Pattern RULE = Pattern.compile("^\\s*rule\\s+(\"[^\"]*\"|'[^']*'|[A-Za-z_][\\w.-]*)");

    RuleFolder {
        Objects.requireNonNull(argument, "argument");
    }

    boolean onClasspath() {
        return argument.startsWith(CLASSPATH);
    }

    private String classpathFolder() {
        return argument.substring(CLASSPATH.length()).replaceAll("^/+", "").replaceAll("/+$", "");
    }

    /** Compiles and sample-checks the folder; a refused folder is a {@link RuleSetException}. */
    DroolsWarrantyRules load() {
        return onClasspath() ? DroolsWarrantyRules.fromClasspath(classpathFolder())
                : DroolsWarrantyRules.fromDirectory(Path.of(argument));
    }

    /** The number of rules declared in the folder's {@code *.drl} files (not its sub-folders), by file name. */
    Map<String, Integer> ruleCounts() {
        if (!onClasspath()) {
            return ruleCounts(Path.of(argument));
        }
        String folder = classpathFolder();
        URL url = Thread.currentThread().getContextClassLoader().getResource(folder);
        if (url == null) {
            throw new RuleSetException("Cannot load rules", List.of(
                    new RuleProblem(argument, 0, "no such folder on the classpath")));
        }
        try {
            URI uri = url.toURI();
            if (!"jar".equals(uri.getScheme())) {
                return ruleCounts(Path.of(uri));
            }
            try {
                try (FileSystem fs = FileSystems.newFileSystem(uri, Map.of())) {
                    return ruleCounts(fs.getPath(folder));
                }
            } catch (FileSystemAlreadyExistsException e) {
                return ruleCounts(FileSystems.getFileSystem(uri).getPath(folder));
            }
        } catch (IOException | URISyntaxException e) {
            throw new RuleSetException("Cannot load rules", List.of(
                    new RuleProblem(argument, 0, "cannot read: " + e.getMessage())), e);
        }
    }

    private Map<String, Integer> ruleCounts(Path dir) {
        Map<String, Integer> counts = new TreeMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".drl")).toList()) {
                counts.put(file.getFileName().toString(), countRules(Files.readString(file, StandardCharsets.UTF_8)));
            }
        } catch (IOException e) {
            throw new RuleSetException("Cannot load rules", List.of(
                    new RuleProblem(argument, 0, "cannot read: " + e.getMessage())), e);
        }
        return counts;
    }

    /** Rule declarations in DRL text, outside {@code //} and {@code /* *}{@code /} comments. */
    static int countRules(String drl) {
        int count = 0;
        boolean inBlockComment = false;
        for (String line : drl.split("\\R")) {
            StringBuilder code = new StringBuilder();
            int i = 0;
            while (i < line.length()) {
                if (inBlockComment) {
                    int end = line.indexOf("*/", i);
                    if (end < 0) {
                        i = line.length();
                    } else {
                        inBlockComment = false;
                        i = end + 2;
                    }
                } else if (line.startsWith("/*", i)) {
                    inBlockComment = true;
                    i += 2;
                } else if (line.startsWith("//", i)) {
                    i = line.length();
                } else {
                    code.append(line.charAt(i++));
                }
            }
            Matcher matcher = RULE.matcher(code);
            if (matcher.find()) {
                count++;
            }
        }
        return count;
    }

    @Override
    public String toString() {
        return argument;
    }
}
