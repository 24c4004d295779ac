package io.jenkins.plugins.circleci.jenkinsplugins;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.jar.Attributes;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The default build compiles the plugin against the .jpi files of ../shared/jenkins/plugins; the real build
 * (-Pjenkins, plugin/pom.xml) resolves Jenkins core and the plugins from the Jenkins repository. These checks keep the
 * two on the same line: plugin/pom.xml's core is one every .jpi runs on, its BOM line is that core's, the plugins it
 * declares are the ones compiled against here, and the .jpi set is complete.
 */
class PluginFilesTest {

    /** Core 2.545 and later need Java 21 (maven-hpi-plugin then raises the release); this project builds on 17. */
    private static final String FIRST_CORE_NEEDING_JAVA_21 = "2.545";

    /**
     * Plugins the .jpi files depend on that plugins/README.md says are not there (too large, only a running controller
     * needs them). Nothing here compiles against them.
     */
    private static final Set<String> KNOWN_ABSENT = Set.of("bouncycastle-api", "durable-task");

    /**
     * Optional plugins of plugin/pom.xml that have no .jpi here: jenkins-stubs always stands in for the classes the
     * plugin uses (its README, "Sources"), and the plugin must load without them, so they must stay optional.
     */
    private static final Set<String> OPTIONAL_STAND_INS_ONLY = Set.of("junit");

    private static Path root;
    private static Map<String, Attributes> jpis;
    private static Element pluginPom;

    @BeforeAll
    static void readFiles() throws Exception {
        root = Path.of(System.getProperty("project.root.dir")).toRealPath();
        Path plugins = Path.of(System.getProperty("jenkins.shared.dir"), "plugins");
        jpis = new TreeMap<>();
        try (Stream<Path> files = Files.list(plugins)) {
            for (Path jpi : files.filter(f -> f.toString().endsWith(".jpi")).toList()) {
                Attributes main = manifestOf(jpi);
                jpis.put(main.getValue("Short-Name"), main);
            }
        }
        pluginPom = xml(root.resolve("plugin/pom.xml"));
    }

    @Test
    void everyPluginFileRunsOnTheCoreThatPluginPomBuildsAgainst() {
        String jenkinsVersion = pluginProperty("jenkins.version");
        assertThat(jpis).as(".jpi files").isNotEmpty();
        jpis.forEach((name, main) -> assertThat(compare(main.getValue("Jenkins-Version"), jenkinsVersion))
                .as("%s %s needs Jenkins %s, newer than plugin/pom.xml's jenkins.version %s", name,
                        main.getValue("Plugin-Version"), main.getValue("Jenkins-Version"), jenkinsVersion)
                .isLessThanOrEqualTo(0));
    }

    @Test
    void theBomLineIsTheCoreLineAndStillBuildsOnJava17() throws Exception {
        String jenkinsVersion = pluginProperty("jenkins.version");
        String line = jenkinsVersion.replaceAll("^(\\d+\\.\\d+).*$", "$1");
        List<String> boms = new ArrayList<>();
        NodeList deps = pluginPom.getElementsByTagName("dependency");
        for (int i = 0; i < deps.getLength(); i++) {
            Element dep = (Element) deps.item(i);
            if ("io.jenkins.tools.bom".equals(text(dep, "groupId"))) {
                boms.add(resolve(text(dep, "artifactId")));
            }
        }
        assertThat(boms).as("BOM of plugin/pom.xml").containsExactly("bom-" + line + ".x");

        String release = text(xml(root.resolve("pom.xml")), "maven.compiler.release");
        if ("17".equals(release)) {
            assertThat(compare(jenkinsVersion, FIRST_CORE_NEEDING_JAVA_21))
                    .as("jenkins.version %s needs Java 21, the reactor builds for Java 17", jenkinsVersion)
                    .isLessThan(0);
        }
    }

    @Test
    void thePluginsPluginPomDeclaresAreTheOnesCompiledAgainstHere() throws Exception {
        Map<String, String> declared = new TreeMap<>(); // artifactId -> groupId, main jars only
        NodeList deps = pluginPom.getElementsByTagName("dependency");
        for (int i = 0; i < deps.getLength(); i++) {
            Element dep = (Element) deps.item(i);
            String groupId = text(dep, "groupId");
            boolean ownOrLibrary = groupId.equals("io.jenkins.tools.bom")
                    || text(dep, "artifactId").startsWith("circleci-trigger")
                    || groupId.equals("org.assertj");
            if (!ownOrLibrary && text(dep, "classifier") == null) {
                declared.put(text(dep, "artifactId"), groupId);
            }
        }
        assertThat(declared).as("plugins in plugin/pom.xml").isNotEmpty();
        declared.forEach((artifactId, groupId) -> {
            if (OPTIONAL_STAND_INS_ONLY.contains(artifactId)) {
                assertThat(optional(artifactId)).as("%s:%s is declared <optional>true</optional>", groupId, artifactId)
                        .isTrue();
                return;
            }
            assertThat(jpis).as("a .jpi for %s:%s", groupId, artifactId).containsKey(artifactId);
            assertThat(jpis.get(artifactId).getValue("Group-Id")).as("group of %s", artifactId).isEqualTo(groupId);
        });

        Set<String> attached = new TreeSet<>();
        Matcher m = Pattern.compile("plugin-jars/([\\w.-]+)\\.jar\" classifier=\"([\\w.-]+)\"")
                .matcher(Files.readString(root.resolve("jenkins-plugins/pom.xml")));
        while (m.find()) {
            assertThat(m.group(2)).as("classifier of %s.jar", m.group(1)).isEqualTo(m.group(1));
            attached.add(m.group(1));
        }
        Set<String> withJpi = new TreeSet<>(declared.keySet());
        withJpi.removeAll(OPTIONAL_STAND_INS_ONLY);
        assertThat(attached).as("plugin jars jenkins-plugins/pom.xml hands to the offline build").isEqualTo(withJpi);
        for (String name : attached) {
            assertThat(Path.of(System.getProperty("plugin-jars.dir"), name + ".jar")).as("extracted jar").isRegularFile();
        }
    }

    @Test
    void everyPluginTheFilesNeedIsThereAtTheVersionTheyNeed() {
        jpis.forEach((name, main) -> {
            String deps = main.getValue("Plugin-Dependencies");
            if (deps == null) {
                return;
            }
            for (String dep : deps.split(",")) {
                if (dep.contains("resolution:=optional")) {
                    continue;
                }
                String[] nameAndVersion = dep.trim().split(":", 2);
                if (KNOWN_ABSENT.contains(nameAndVersion[0])) {
                    continue;
                }
                assertThat(jpis).as("%s needs %s", name, dep).containsKey(nameAndVersion[0]);
                String present = jpis.get(nameAndVersion[0]).getValue("Plugin-Version");
                assertThat(compare(present, nameAndVersion[1]))
                        .as("%s needs %s, the file has %s", name, dep, present)
                        .isGreaterThanOrEqualTo(0);
            }
        });
    }

    /**
     * core/ reads YAML (the parameter pre-flight check) with jackson-dataformat-yaml, which Jenkins' jackson2-api plugin
     * bundles (and SnakeYAML through its dependency snakeyaml-api): the hpi must use those, never carry a second copy.
     * So every library core/ uses at run time is excluded from plugin/pom.xml's core dependency, and the YAML reader is
     * in these .jpi files at core's Jackson line.
     */
    @Test
    void coresLibrariesComeFromPluginsAndTheYamlReaderFromJackson2Api() throws Exception {
        Set<String> excluded = new TreeSet<>();
        NodeList deps = pluginPom.getElementsByTagName("dependency");
        for (int i = 0; i < deps.getLength(); i++) {
            Element dep = (Element) deps.item(i);
            if ("circleci-trigger-core".equals(text(dep, "artifactId"))) {
                NodeList exclusions = dep.getElementsByTagName("exclusion");
                for (int j = 0; j < exclusions.getLength(); j++) {
                    Element e = (Element) exclusions.item(j);
                    excluded.add(text(e, "groupId") + ":" + text(e, "artifactId"));
                }
            }
        }
        NodeList coreDeps = xml(root.resolve("core/pom.xml")).getElementsByTagName("dependency");
        for (int i = 0; i < coreDeps.getLength(); i++) {
            Element dep = (Element) coreDeps.item(i);
            if (text(dep, "scope") == null) {
                String groupId = text(dep, "groupId");
                assertThat(excluded).as("plugin/pom.xml excludes core's %s:%s", groupId, text(dep, "artifactId"))
                        .containsAnyOf(groupId + ":*", groupId + ":" + text(dep, "artifactId"));
            }
        }
        assertThat(excluded).contains("com.fasterxml.jackson.dataformat:*", "org.yaml:snakeyaml");

        String jacksonLine = text(xml(root.resolve("pom.xml")), "jackson.version")
                .replaceAll("^(\\d+\\.\\d+).*", "$1");
        assertThat(libraries("jackson2-api")).as("libraries of jackson2-api.jpi")
                .anyMatch(jar -> jar.startsWith("jackson-dataformat-yaml-" + jacksonLine + "."));
        assertThat(jpis.get("jackson2-api").getValue("Plugin-Dependencies").split(","))
                .as("jackson2-api needs snakeyaml-api, not optionally")
                .anyMatch(dep -> dep.startsWith("snakeyaml-api:") && !dep.contains("optional"));
        assertThat(libraries("snakeyaml-api")).anyMatch(jar -> jar.startsWith("snakeyaml-"));
    }

    /** The jar names in WEB-INF/lib of a plugin's .jpi. */
    private static List<String> libraries(String plugin) throws IOException {
        Path jpi = Path.of(System.getProperty("jenkins.shared.dir"), "plugins", plugin + ".jpi");
        try (ZipFile zip = new ZipFile(jpi.toFile())) {
            return zip.stream().map(e -> e.getName()).filter(n -> n.startsWith("WEB-INF/lib/") && n.endsWith(".jar"))
                    .map(n -> n.substring("WEB-INF/lib/".length())).toList();
        }
    }

    /** Whether plugin/pom.xml declares the (main jar of the) dependency {@code artifactId} optional. */
    private static boolean optional(String artifactId) {
        NodeList deps = pluginPom.getElementsByTagName("dependency");
        for (int i = 0; i < deps.getLength(); i++) {
            Element dep = (Element) deps.item(i);
            if (artifactId.equals(text(dep, "artifactId")) && text(dep, "classifier") == null) {
                return "true".equals(text(dep, "optional"));
            }
        }
        return false;
    }

    @Test
    void versionsCompareByTheirNumbersFirst() {
        assertThat(compare("2.504.3", "2.541.3")).isLessThan(0);
        assertThat(compare("2.541.3", "2.541.3")).isZero();
        assertThat(compare("2.545", "2.541.3")).isGreaterThan(0);
        assertThat(compare("1487.va_d001ede2c31", "1415.v8")).isGreaterThan(0);
        assertThat(compare("3.20.0-109.ve43756e2d2b_4", "3.18.0-98.v3a_674c06072d")).isGreaterThan(0);
    }

    /**
     * Compares Jenkins versions by their leading numbers ("2.504.3", "1487.va_d001ede2c31", "3.20.0-109.v…"): plugin
     * versions of one plugin grow in those numbers; the hash that follows orders nothing.
     */
    static int compare(String a, String b) {
        List<Long> x = leadingNumbers(a);
        List<Long> y = leadingNumbers(b);
        for (int i = 0; i < Math.max(x.size(), y.size()); i++) {
            long p = i < x.size() ? x.get(i) : 0;
            long q = i < y.size() ? y.get(i) : 0;
            if (p != q) {
                return Long.compare(p, q);
            }
        }
        return 0;
    }

    private static List<Long> leadingNumbers(String version) {
        List<Long> numbers = new ArrayList<>();
        for (String part : version.split("[.-]")) {
            if (!part.matches("\\d+")) {
                break;
            }
            numbers.add(Long.parseLong(part));
        }
        return numbers;
    }

    private static String pluginProperty(String name) {
        return resolve(text(pluginPom, name));
    }

    /** Resolves ${jenkins.baseline}-style references to plugin/pom.xml's own properties. */
    private static String resolve(String value) {
        Matcher m = Pattern.compile("\\$\\{([\\w.-]+)}").matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(pluginProperty(m.group(1))));
        }
        return m.appendTail(out).toString();
    }

    private static String text(Element parent, String tag) {
        NodeList nodes = parent.getElementsByTagName(tag);
        return nodes.getLength() == 0 ? null : nodes.item(0).getTextContent().trim();
    }

    private static Element xml(Path file) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document doc = factory.newDocumentBuilder().parse(file.toFile());
        return doc.getDocumentElement();
    }

    private static Attributes manifestOf(Path jpi) throws IOException {
        try (ZipFile zip = new ZipFile(jpi.toFile());
                InputStream in = zip.getInputStream(zip.getEntry("META-INF/MANIFEST.MF"))) {
            return new Manifest(in).getMainAttributes();
        }
    }
}
