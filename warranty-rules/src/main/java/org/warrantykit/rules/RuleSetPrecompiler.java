package org.warrantykit.rules;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.kie.internal.builder.KnowledgeBuilder;
import org.warrantykit.RuleProblem;
import org.warrantykit.RuleSetException;

/**
 * Build-time tool: compiles a rule folder, runs the sample check, and writes the compiled packages
 * to {@code ruleset.compiled} in the same folder, which {@link DroolsWarrantyRules#fromClasspath}
 * then loads instead of compiling. The warranty-rules build runs it on the default policy; a jar
 * of your own rules can do the same (see docs/rule-authoring.md). Exits 1 when the folder is
 * refused, printing each problem as {@code file:line: message}.
 *
 * <pre>java -cp ... org.warrantykit.rules.RuleSetPrecompiler path/to/rule-folder</pre>
 */
public final class RuleSetPrecompiler {
    private RuleSetPrecompiler() {
    }

    /**
         * Precompiles the folder named by the only argument and prints the file written. Exits 1 when the
         * folder is refused (each problem printed as {@code file:line: message}) and 2 on a wrong argument count.
         *
         * @param args the rule folder
         * @throws IOException if the folder cannot be read or the file not written
         */
    public static void main(String[] args) throws IOException {
        int status = run(args, System.out, System.err);
        if (status != 0) {
            System.exit(status);
        }
    }

    /** The tool without exiting: 0 written, 1 the folder is refused, 2 a usage error. */
    static int run(String[] args, PrintStream out, PrintStream err) throws IOException {
        if (args.length != 1) {
            err.println("usage: RuleSetPrecompiler <rule-folder>");
            return 2;
        }
        Path dir = Path.of(args[0]);
        try {
            Path written = precompile(dir);
            out.println("wrote " + written + " (" + Files.size(written) + " bytes)");
            return 0;
        } catch (RuleSetException e) {
            for (RuleProblem problem : e.problems()) {
                err.println(problem);
            }
            err.println("REFUSED " + dir + ": " + e.getMessage());
            return 1;
        }
    }

    /**
     * Compiles and checks the folder, writes its {@code ruleset.compiled}, and returns that file.
     *
     * @param dir the rule folder
     * @return the written {@code ruleset.compiled} in {@code dir}
     * @throws IOException if the file cannot be written
     * @throws RuleSetException if the folder cannot be read, does not compile or fails the sample check
     */
    public static Path precompile(Path dir) throws IOException {
        RuleSetLoader.Folder folder = RuleSetLoader.fromDirectory(dir);
        String version = DroolsWarrantyRules.versionOf(folder);
        KnowledgeBuilder builder = DroolsWarrantyRules.compilePackages(folder);
        // Serialized before any KieBase exists: the first KieBase takes the packages themselves.
        byte[] compiled = PrecompiledRuleSet.write(builder.getKnowledgePackages(), version);
        DroolsWarrantyRules.checked(DroolsWarrantyRules.newKieBase(builder), version, folder, false);
        // What is shipped must load: a file that fails here would silently cost every start-up.
        DroolsWarrantyRules.checked(PrecompiledRuleSet.read(compiled, version, RuleSetPrecompiler.class.getClassLoader())
                .orElseThrow(() -> new IllegalStateException("the file just written for " + version + " does not load")),
                version, folder, true);
        Path file = dir.resolve(PrecompiledRuleSet.FILE);
        Files.write(file, compiled);
        return file;
    }
}
