package io.jenkins.plugins.circleci.offline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/**
 * The offline build (plugin-offline) compiles and tests the plugin against real jars where ../shared holds them and
 * against stand-ins (jenkins-stubs) for the rest. A class on its test class path twice, a stand-in beside the real
 * class or two copies of a library (say Jackson from Maven Central and from the jackson2-api plugin), would make what
 * runs depend on the order of the class path. This module's own tests live here, not in ../plugin/src/test: the real
 * build (-Pjenkins) has a class path of its own.
 */
class ClassPathUniquenessTest {

    @Test
    void noClassIsOnTheTestClassPathTwice() {
        List<Path> entries = classPathEntries();
        assertThat(entries).as("test class path").isNotEmpty();

        Map<String, List<String>> origins = new TreeMap<>();
        for (Path entry : entries) {
            for (String className : classesIn(entry)) {
                origins.computeIfAbsent(className, k -> new ArrayList<>()).add(entry.toString());
            }
        }
        Map<String, List<String>> twice = new TreeMap<>();
        origins.forEach((name, where) -> {
            if (where.size() > 1) {
                twice.put(name, where);
            }
        });
        assertThat(twice)
                .as("classes found in more than one class path entry (a stand-in beside its real class, or a "
                        + "library twice): remove the stand-in or exclude the second copy")
                .isEmpty();
        assertThat(origins).as("classes seen").containsKey("io/jenkins/plugins/circleci/offline/ClassPathUniquenessTest");
    }

    /** Surefire's class path (it may start the JVM through a manifest-only jar, so java.class.path is not it). */
    private static List<Path> classPathEntries() {
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<Path> entries = new ArrayList<>();
        for (String element : classPath.split(File.pathSeparator)) {
            Path path = Path.of(element);
            if (!element.isBlank() && Files.exists(path)) {
                entries.add(path);
            }
        }
        return entries;
    }

    /** Class names (slashes, no .class) in a directory or jar; module descriptors and versioned copies skipped. */
    private static List<String> classesIn(Path entry) {
        List<String> names = new ArrayList<>();
        try {
            if (Files.isDirectory(entry)) {
                try (Stream<Path> files = Files.walk(entry)) {
                    files.filter(f -> f.toString().endsWith(".class"))
                            .map(f -> entry.relativize(f).toString().replace(File.separatorChar, '/'))
                            .forEach(n -> addClass(names, n));
                }
            } else {
                try (ZipFile zip = new ZipFile(entry.toFile())) {
                    zip.stream().map(ZipEntry::getName).forEach(n -> addClass(names, n));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read class path entry " + entry, e);
        }
        return names;
    }

    private static void addClass(List<String> names, String entryName) {
        if (entryName.endsWith(".class")
                && !entryName.endsWith("module-info.class")
                && !entryName.startsWith("META-INF/")) {
            names.add(entryName.substring(0, entryName.length() - ".class".length()));
        }
    }
}
