package org.warrantykit.rules;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
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
                    sources.add(new RuleSource(fileName, utf8(fileName, Files.readAllBytes(file))));
                } else if (fileName.equals(PROPERTIES)) {
                    Properties properties = new Properties();
                    properties.load(new StringReader(utf8(fileName, Files.readAllBytes(file))));
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
        List<RuleProblem> forbidden = ForbiddenCode.problems(sources);
        if (!forbidden.isEmpty()) {
            throw new RuleSetException("The rule set uses what rules may not (see \"What a rule may not do\" in "
                    + "docs/rule-authoring.md)", forbidden);
        }
        return new Folder(name, List.copyOf(sources), compiled);
    }

    /**
     * The text of a rule file. A UTF-8 byte-order mark is dropped (some Windows editors write one and
     * it means nothing more); anything that is not UTF-8 is refused at its line, since guessing
     * another encoding could change what a rule compares against.
     */
    static String utf8(String file, byte[] bytes) {
        int start = 0;
        if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
            start = 3;
        } else if (bytes.length >= 2 && ((bytes[0] & 0xFF) == 0xFE && (bytes[1] & 0xFF) == 0xFF
                || (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE)) {
            throw new RuleSetException("Cannot load rules", List.of(new RuleProblem(file, 1,
                    "the file is UTF-16 (it starts with a UTF-16 byte-order mark); save it as UTF-8")));
        }
        ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            int at = in.position();
            int line = 1;
            int lineStart = start;
            for (int i = start; i < at; i++) {
                if (bytes[i] == '\n') {
                    line++;
                    lineStart = i + 1;
                }
            }
            throw new RuleSetException("Cannot load rules", List.of(new RuleProblem(file, line, String.format(
                    "the file is not UTF-8: byte 0x%02X at byte %d of the line does not belong to a UTF-8 "
                    + "character (an ISO-8859-1 or Windows-1252 file?); save it as UTF-8",
                    bytes[at] & 0xFF, at - lineStart + 1))));
        }
        return out.flip().toString();
    }

}
