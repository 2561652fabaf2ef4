package org.warrantykit.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rule folders inside a jar (how integrators ship them) load, also from several threads at once. */
class JarLoadingTest {

    @Test
    void aRuleFolderInAJarLoadsConcurrentlyWithTheSameVersionAsTheDefaults(@TempDir Path dir) throws Exception {
        Path jar = dir.resolve("acme-rules.jar");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(jar))) {
            for (String folder : List.of("com/", "com/acme/", "com/acme/rules/")) { // as a jar tool writes them
                zip.putNextEntry(new ZipEntry(folder));
                zip.closeEntry();
            }
            for (String file : DefaultRuleFolder.FILES) {
                try (InputStream in = DefaultRuleFolder.open(file)) {
                    zip.putNextEntry(new ZipEntry("com/acme/rules/" + file));
                    in.transferTo(zip);
                    zip.closeEntry();
                }
            }
        }
        String expected = DroolsWarrantyRules.defaults().version();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, getClass().getClassLoader())) {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<String>> versions = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                versions.add(pool.submit(() -> {
                    Thread.currentThread().setContextClassLoader(loader);
                    start.await();
                    return DroolsWarrantyRules.fromClasspath("com/acme/rules").version();
                }));
            }
            start.countDown();
            for (Future<String> version : versions) {
                assertThat(version.get()).isEqualTo(expected);
            }
        } finally {
            pool.shutdownNow();
        }
    }

}
