package io.jenkins.plugins.circleci.stubs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.spi.ToolProvider;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Where ../shared holds the real jars, src/fallback (the stand-ins used without them) is compiled aside and compared
 * with them through javap: each stand-in class must be declared as the real one (kind, modifiers, type parameters,
 * supertypes), and each of its public and protected members must exist in the real class with the same signature
 * (modifiers, generics, throws). Members may be left out, never added or changed. Runs only where the real jars are.
 */
class FallbackStandInsTest {

    private static final ToolProvider JAVAP = ToolProvider.findFirst("javap").orElseThrow();

    @Test
    void everyFallbackStandInIsDeclaredAsTheRealClassAndAddsNoMember() {
        Path sources = Path.of(System.getProperty("fallback.sources"));
        Path classes = Path.of(System.getProperty("fallback.classes"));
        String realClassPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));

        List<String> standIns = classNamesOf(sources, classes);
        assertThat(standIns).as("fallback stand-ins compiled to %s", classes).hasSizeGreaterThan(40);

        Map<String, List<String>> differences = new TreeMap<>();
        for (String name : standIns) {
            List<String> standIn = javap(classes.toString(), name);
            List<String> real = javap(realClassPath, name);
            List<String> problems = new ArrayList<>();
            if (real.isEmpty()) {
                problems.add("no real class of that name");
            } else {
                if (!standIn.get(0).equals(real.get(0))) {
                    problems.add("declared as " + standIn.get(0) + "\n      upstream " + real.get(0));
                }
                Set<String> realMembers = new LinkedHashSet<>(real.subList(1, real.size()));
                for (String member : standIn.subList(1, standIn.size())) {
                    if (!realMembers.contains(member)) {
                        problems.add("member upstream lacks: " + member);
                    }
                }
            }
            if (!problems.isEmpty()) {
                differences.put(name, problems);
            }
        }
        StringBuilder report = new StringBuilder("src/fallback stand-ins that differ from the real jars:");
        differences.forEach((name, problems) -> problems.forEach(p -> report.append("\n  ").append(name).append(": ").append(p)));
        assertThat(differences).withFailMessage(report.toString()).isEmpty();
    }

    /** Binary names of the classes compiled from src/fallback (nested ones included). */
    private static List<String> classNamesOf(Path sources, Path classes) {
        List<String> names = new ArrayList<>();
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path source : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String relative = sources.relativize(source).toString().replace(File.separatorChar, '/');
                String topLevel = relative.substring(0, relative.length() - ".java".length());
                Path dir = classes.resolve(topLevel).getParent();
                String simple = topLevel.substring(topLevel.lastIndexOf('/') + 1);
                try (Stream<Path> compiled = Files.list(dir)) {
                    compiled.map(p -> p.getFileName().toString())
                            .filter(f -> f.equals(simple + ".class") || f.startsWith(simple + "$"))
                            .filter(f -> !f.substring(simple.length()).matches("\\$\\d+.*\\.class")) // anonymous
                            .map(f -> (topLevel.substring(0, topLevel.length() - simple.length()) + f)
                                    .replace(".class", "").replace('/', '.'))
                            .forEach(names::add);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return names;
    }

    /** The declaration line, then one line per public or protected member; empty if the class is not there. */
    private static List<String> javap(String classPath, String className) {
        StringWriter out = new StringWriter();
        int exit = JAVAP.run(new PrintWriter(out), new PrintWriter(new StringWriter()),
                "-protected", "-cp", classPath, className);
        List<String> lines = new ArrayList<>();
        if (exit != 0) {
            return lines;
        }
        for (String line : out.toString().split("\\R")) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("Compiled from") || trimmed.equals("}")
                    || trimmed.equals("static {};")) {
                continue;
            }
            lines.add(trimmed.endsWith("{") ? trimmed.substring(0, trimmed.length() - 1).strip() : trimmed);
        }
        return lines;
    }
}
