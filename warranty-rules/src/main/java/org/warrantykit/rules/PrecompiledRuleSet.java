package org.warrantykit.rules;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Optional;
import java.util.Properties;
import org.drools.base.common.DroolsObjectInputStream;
import org.drools.base.common.DroolsObjectOutputStream;
import org.drools.kiesession.rulebase.InternalKnowledgeBase;
import org.drools.kiesession.rulebase.KnowledgeBaseFactory;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The compiled packages of a rule folder, serialized, so that a classpath folder need not be
 * compiled again at start-up (compiling the five default files is most of a cold start). The file
 * names the sources' content hash and the Drools version it was written with; a file that does not
 * match both, or does not load, is ignored and the DRL compiled instead. Uses Drools' internal
 * serialization: Drools' own supported route, the executable model, builds slower (see
 * docs/performance.md).
 */
final class PrecompiledRuleSet {
    static final String FILE = "ruleset.compiled";
    private static final String FORMAT = "warranty-kit compiled rule set 1";
    private static final Logger LOG = LoggerFactory.getLogger(PrecompiledRuleSet.class);

    private PrecompiledRuleSet() {
    }

    static byte[] write(Collection<KiePackage> packages, String version) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DroolsObjectOutputStream out = new DroolsObjectOutputStream(bytes)) {
            out.writeUTF(FORMAT);
            out.writeUTF(droolsVersion());
            out.writeUTF(version);
            out.writeObject(new ArrayList<>(packages));
        } catch (IOException e) {
            throw new IllegalStateException("cannot serialize the compiled packages of " + version, e);
        }
        return bytes.toByteArray();
    }

    /** The KieBase of the precompiled packages, or empty when the file is not for these sources. */
    @SuppressWarnings("unchecked")
    static Optional<KieBase> read(byte[] compiled, String version, ClassLoader loader) {
        try (DroolsObjectInputStream in = new DroolsObjectInputStream(new ByteArrayInputStream(compiled), loader)) {
            String format = in.readUTF();
            String drools = in.readUTF();
            String writtenFor = in.readUTF();
            if (!FORMAT.equals(format) || !droolsVersion().equals(drools) || !version.equals(writtenFor)) {
                LOG.info("{} was written for {} on Drools {}, not {} on Drools {}; compiling the DRL instead",
                        FILE, writtenFor, drools, version, droolsVersion());
                return Optional.empty();
            }
            InternalKnowledgeBase kieBase = KnowledgeBaseFactory.newKnowledgeBase(DroolsWarrantyRules.kieBaseConfiguration());
            kieBase.addPackages((Collection<KiePackage>) in.readObject());
            return Optional.of(kieBase);
        } catch (IOException | ClassNotFoundException | RuntimeException e) {
            LOG.warn("Cannot load {} of {} ({}); compiling the DRL instead", FILE, version, e.toString());
            return Optional.empty();
        }
    }

    static String droolsVersion() {
        try (InputStream in = KnowledgeBaseFactory.class.getResourceAsStream(
                "/META-INF/maven/org.drools/drools-core/pom.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
