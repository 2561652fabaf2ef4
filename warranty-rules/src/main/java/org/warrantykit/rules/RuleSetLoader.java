package org.warrantykit.rules;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;
import org.warrantykit.RuleProblem;
import org.warrantykit.RuleSetException;

/**
 * Reads the files of a rule folder: every {@code *.drl} plus an optional {@code ruleset.properties};
 * from a classpath folder also its {@code ruleset.compiled}, if any (see {@link RuleSetPrecompiler}).
 */
final class RuleSetLoader {
    static final String PROPERTIES = "ruleset.properties";

    private RuleSetLoader() {
    }

    /** @param compiled the folder's precompiled packages; only read from classpath folders */
    record Folder(String name, List<RuleSource> sources, Optional<byte[]> compiled) {
    }

    static Folder fromDirectory(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new RuleSetException("Cannot load rules", List.of(
                    new RuleProblem(dir.toString(), 0, "not a directory")));
        }
        // An operator's folder is always compiled: its DRL is what they edit and what must be checked.
        return read(dir, dir.toString(), false);
    }

    static Folder fromClasspath(String folder, ClassLoader loader) {
        String path = folder.replaceAll("^/+", "").replaceAll("/+$", "");
        URL url = loader.getResource(path);
        if (url == null) {
            throw new RuleSetException("Cannot load rules", List.of(
                    new RuleProblem("classpath:" + path, 0, "no such folder on the classpath")));
        }
        try {
            URI uri = url.toURI();
            if ("jar".equals(uri.getScheme())) {
                // A private file system per load (not the provider's shared one, which another
                // thread loading rules at the same time could close under us).
                String spec = uri.getRawSchemeSpecificPart();
                Path jar = Path.of(URI.create(spec.substring(0, spec.indexOf("!/"))));
                try (FileSystem fs = FileSystems.newFileSystem(jar)) {
                    return read(fs.getPath(path), "classpath:" + path, true);
                }
            }
            return read(Path.of(uri), "classpath:" + path, true);
        } catch (IOException | URISyntaxException e) {
            throw new RuleSetException("Cannot load rules", List.of(
                    new RuleProblem("classpath:" + path, 0, "cannot read: " + e.getMessage())), e);
        }
    }

    private static Folder read(Path dir, String label, boolean precompiledAllowed) {
        List<RuleSource> sources = new ArrayList<>();
        String name = "";
        Optional<byte[]> compiled = Optional.empty();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.sorted().toList()) {
                String fileName = file.getFileName().toString();
                if (fileName.endsWith(".drl")) {
                    sources.add(new RuleSource(fileName, Files.readString(file, StandardCharsets.UTF_8)));
                } else if (fileName.equals(PROPERTIES)) {
                    Properties properties = new Properties();
                    properties.load(new StringReader(Files.readString(file, StandardCharsets.UTF_8)));
                    name = properties.getProperty("name", "").strip();
                } else if (precompiledAllowed && fileName.equals(PrecompiledRuleSet.FILE)) {
                    compiled = Optional.of(Files.readAllBytes(file));
                }
            }
        } catch (IOException e) {
            throw new RuleSetException("Cannot load rules", List.of(
                    new RuleProblem(label, 0, "cannot read: " + e.getMessage())), e);
        }
        if (sources.isEmpty()) {
            throw new RuleSetException("Cannot load rules", List.of(
                    new RuleProblem(label, 0, "the folder holds no .drl file")));
        }
        return new Folder(name, List.copyOf(sources), compiled);
    }

}
