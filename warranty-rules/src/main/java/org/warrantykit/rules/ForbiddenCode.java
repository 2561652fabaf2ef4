package org.warrantykit.rules;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.warrantykit.Quoted;
import org.warrantykit.RuleProblem;

/**
 * The check of a rule folder's text before it is compiled: what no bound inside the JVM can stop
 * ({@code System.exit}, threads, waiting, reflection and class loading, file and network I/O) is
 * refused at load, before any of it runs. It is a guard against mistakes, not a sandbox: a rule
 * folder is code and must come from a trusted author.
 *
 * <p>Comments and the contents of string literals are blanked first (line breaks kept, so lines
 * stay right), since a rule's name or reason may say "exit"; Java unicode escapes are refused
 * everywhere, comments included, because Java decodes them before it sees comments or strings.
 */
final class ForbiddenCode {
    /** Longer rule names are refused: every trace repeats them, and Drools builds class names from them. */
    static final int MAX_RULE_NAME = 200;
    /** Problems reported per folder; one is enough to act on, a few show the pattern. */
    private static final int MAX_PROBLEMS = 20;

    private static final String PART = "\\p{javaJavaIdentifierPart}";
    /** Names no rule needs and that reach what cannot be bounded; matched as whole identifiers. */
    private static final List<String> NAMES = List.of(
            "System", "Runtime", "exit", "halt", "Shutdown",
            "Thread", "ThreadGroup", "ThreadLocal", "InheritableThreadLocal", "Executors", "ExecutorService",
            "ForkJoinPool", "CompletableFuture", "Timer", "TimeUnit", "LockSupport", "wait", "notify", "notifyAll",
            "Process", "ProcessBuilder", "ProcessHandle",
            "Class", "ClassLoader", "Module", "ModuleLayer", "StackWalker", "SecurityManager", "Unsafe",
            "forName", "getClass", "getClassLoader", "loadClass", "defineClass", "newInstance", "setAccessible",
            "getMethod", "getMethods", "getDeclaredMethod", "getDeclaredMethods", "getField", "getFields",
            "getDeclaredField", "getDeclaredFields", "getConstructor", "getConstructors", "getDeclaredConstructor",
            "getDeclaredConstructors", "invoke", "MethodHandle", "MethodHandles", "VarHandle",
            "ScriptEngine", "ScriptEngineManager",
            "getKieRuntime", "getKnowledgeRuntime", "getWorkingMemory");
    /** Packages no rule needs: I/O, networking, reflection, concurrency, the JDK's internals. */
    private static final List<String> PACKAGES = List.of(
            "java.io", "java.nio", "java.net", "java.lang.reflect", "java.lang.invoke", "java.lang.management",
            "java.lang.ref", "java.util.concurrent", "java.rmi", "java.sql", "javax", "jdk", "sun", "com.sun");
    private static final Pattern FORBIDDEN = Pattern.compile(forbidden());
    private static final Pattern UNICODE_ESCAPE = Pattern.compile("\\\\u+[0-9a-fA-F]{4}");
    /** Possessive, without alternation inside the repetition: a name of 100,000 characters must not overflow the stack. */
    private static final Pattern RULE_HEADER = Pattern.compile("^\\s*+rule\\s++(\"[^\"]*+\"?|'[^']*+'?|\\S++)");

    private ForbiddenCode() {
    }

    private static String forbidden() {
        List<String> alternatives = new ArrayList<>();
        for (String name : NAMES) {
            alternatives.add("(?<!" + PART + ")" + name + "(?!" + PART + ")");
        }
        // a class literal, e.g. String.class
        alternatives.add("\\.\\s*class(?!" + PART + ")");
        for (String pkg : PACKAGES) {
            // java . io is the same package to Java as java.io
            alternatives.add("(?<![" + PART + ".])" + pkg.replace(".", "\\s*\\.\\s*")
                    + "\\s*\\.");
        }
        return String.join("|", alternatives);
    }

    /** Every forbidden use and over-long rule name in the sources, as {@code file:line} problems. */
    static List<RuleProblem> problems(List<RuleSource> sources) {
        List<RuleProblem> problems = new ArrayList<>();
        for (RuleSource source : sources) {
            String text = source.text();
            List<String> lines = text.lines().toList();
            Matcher escape = UNICODE_ESCAPE.matcher(text);
            while (escape.find()) {
                int line = lineAt(text, escape.start());
                problems.add(new RuleProblem(source.path(), line, in(lines, line) + "uses the unicode escape "
                        + escape.group() + ", which Java decodes before anything else, so it can hide code; "
                        + "write the character itself (rule files are UTF-8)"));
            }
            for (int i = 0; i < lines.size(); i++) {
                Matcher header = RULE_HEADER.matcher(lines.get(i));
                if (header.find() && header.group(1).length() > MAX_RULE_NAME + 2) {
                    problems.add(new RuleProblem(source.path(), i + 1, "the rule name "
                            + Quoted.of(unquoted(header.group(1))) + " is " + (header.group(1).length() - 2)
                            + " characters long; rule names are shown in every decision's trace, keep them to "
                            + MAX_RULE_NAME + " characters"));
                }
            }
            // one problem per line, naming everything forbidden on it
            Map<Integer, Set<String>> byLine = new TreeMap<>();
            String code = blanked(text);
            Matcher use = FORBIDDEN.matcher(code);
            while (use.find()) {
                byLine.computeIfAbsent(lineAt(code, use.start()), l -> new LinkedHashSet<>())
                        .add(use.group().replaceAll("\\s+", ""));
            }
            byLine.forEach((line, names) -> problems.add(new RuleProblem(source.path(), line, in(lines, line) + "uses "
                    + String.join(", ", names) + ", which rules may not: no exiting, threads, waiting, reflection, "
                    + "class loading, file or network I/O in a rule folder; rules read their facts and insert results")));
        }
        return problems.size() <= MAX_PROBLEMS ? problems : problems.subList(0, MAX_PROBLEMS);
    }

    /** {@code rule "name" } for the rule declared at or before the line, or nothing outside rules. */
    private static String in(List<String> lines, int line) {
        for (int i = Math.min(line, lines.size()) - 1; i >= 0; i--) {
            String stripped = lines.get(i).strip();
            if (stripped.equals("end")) {
                return "";
            }
            Matcher header = RULE_HEADER.matcher(lines.get(i));
            if (header.find()) {
                return "rule " + Quoted.of(unquoted(header.group(1))) + " ";
            }
        }
        return "";
    }

    private static String unquoted(String name) {
        String text = name;
        if (text.startsWith("\"") || text.startsWith("'")) {
            text = text.substring(1);
        }
        if (text.endsWith("\"") || text.endsWith("'")) {
            text = text.substring(0, text.length() - 1);
        }
        return text;
    }

    private static int lineAt(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    /**
     * The text with comments and the insides of string and character literals replaced by spaces,
     * line breaks kept. A literal ends at its line's end, as in Java: a lexer that ran on past it
     * could take code for a string, and so miss it.
     */
    static String blanked(String text) {
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            char next = i + 1 < n ? text.charAt(i + 1) : '\0';
            if (c == '/' && next == '/') {
                while (i < n && text.charAt(i) != '\n') {
                    out.append(' ');
                    i++;
                }
            } else if (c == '/' && next == '*') {
                out.append("  ");
                i += 2;
                while (i < n && !(text.charAt(i) == '*' && i + 1 < n && text.charAt(i + 1) == '/')) {
                    out.append(text.charAt(i) == '\n' ? '\n' : ' ');
                    i++;
                }
                if (i < n) {
                    out.append("  ");
                    i += 2;
                }
            } else if (c == '"' || c == '\'') {
                out.append(c);
                i++;
                while (i < n && text.charAt(i) != c && text.charAt(i) != '\n') {
                    if (text.charAt(i) == '\\' && i + 1 < n && text.charAt(i + 1) != '\n') {
                        out.append(' ');
                        i++;
                    }
                    out.append(' ');
                    i++;
                }
                if (i < n && text.charAt(i) == c) {
                    out.append(c);
                    i++;
                }
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }
}
