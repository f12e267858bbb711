package dev.herald.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * What the build publishes, checked on what it built. A published module is one the root pom lists that builds
 * a jar and does not set {@code maven.deploy.skip}; each one's jar carries its {@code herald.module.name} as
 * {@code Automatic-Module-Name}, no package is in two of them, its sources and Javadoc jars are built beside
 * it, and herald-bom, at the parent's version and without a parent, lists it among Herald's artifacts only.
 *
 * <p>It reads the jars the reactor built before this module: a published module that integration-tests does
 * not depend on must be declared here as a {@code pom}-type dependency (as herald-processor is) so that the
 * reactor builds it first.
 */
class PublishedArtifactsTest {

    private static final Path ROOT = Path.of(System.getProperty("herald.root", ".."));
    private static final String VERSION = System.getProperty("herald.version");

    /** A module of the root pom, as its pom declares it. */
    private record Module(String directory, String artifactId, String packaging, String moduleName, boolean deployed) {
        boolean publishesJar() {
            return deployed && !"pom".equals(packaging);
        }

        Path artifact(String classifier) {
            return ROOT.resolve(directory).resolve("target")
                    .resolve(artifactId + "-" + VERSION + (classifier.isEmpty() ? "" : "-" + classifier) + ".jar");
        }
    }

    private static List<Module> modules;
    private static List<Module> published;

    @BeforeAll
    static void readTheReactor() throws IOException {
        assertTrue(VERSION != null && !VERSION.isEmpty(), "surefire passes herald.version");
        modules = new ArrayList<>();
        for (Element module : children(child(read(ROOT.resolve("pom.xml")), "modules"), "module")) {
            modules.add(module(module.getTextContent().trim()));
        }
        published = modules.stream().filter(Module::publishesJar).toList();
    }

    @Test
    void theFourJarsOfTodayArePublishedAndTheRestIsNot() {
        Set<String> names = published.stream().map(Module::artifactId).collect(Collectors.toCollection(TreeSet::new));
        assertTrue(names.containsAll(Set.of("herald-annotations", "herald-grammar", "herald-processor", "herald-runtime")),
                names.toString());
        assertFalse(names.stream().anyMatch(n -> n.contains("examples") || n.contains("benchmarks") || n.contains("integration")),
                "examples, benchmarks and integration-tests are not published: " + names);
    }

    @Test
    void everyPublishedJarHasItsModuleNameAndNoPackageIsSplit() throws IOException {
        List<PublishedJars.Jar> jars = published.stream()
                .map(m -> new PublishedJars.Jar(m.artifactId(), m.artifact(""), m.moduleName())).toList();
        assertEquals(List.of(), PublishedJars.problems(jars),
                "the published jars (a missing one: build from the root with mvn verify; a module integration-tests does "
                        + "not depend on needs a pom-type dependency in integration-tests/pom.xml so that it is built first)");
    }

    @Test
    void everyPublishedJarHasSourcesAndJavadocWithoutTheImplementation() throws IOException {
        for (Module module : published) {
            Path sources = module.artifact("sources");
            Path javadoc = module.artifact("javadoc");
            assertTrue(Files.isRegularFile(sources), sources + " (mvn verify builds it unless -Dmaven.source.skip)");
            assertTrue(Files.isRegularFile(javadoc), javadoc + " (mvn verify builds it unless -Dmaven.javadoc.skip)");
            try (JarFile jar = new JarFile(javadoc.toFile())) {
                List<String> pages = jar.stream().map(e -> e.getName()).toList();
                assertTrue(pages.contains("index.html"), javadoc + " holds index.html");
                assertEquals(List.of(), pages.stream().filter(p -> p.contains("/internal/")).toList(),
                        javadoc + " documents no internal package");
            }
        }
    }

    @Test
    void theBomHasNoParentAndTheParentsVersion() throws IOException {
        Element bom = read(ROOT.resolve("bom/pom.xml"));
        assertNull(child(bom, "parent"),
                "herald-bom inherits nothing: a parent's dependencyManagement would be imported with it");
        assertEquals("dev.herald", text(bom, "groupId"));
        assertEquals("herald-bom", text(bom, "artifactId"));
        assertEquals(VERSION, text(bom, "version"), "herald-bom's version is herald-parent's");
        assertEquals("pom", text(bom, "packaging"));
        assertNull(child(bom, "dependencies"), "herald-bom brings no dependencies, it only manages versions");
        assertTrue(modules.stream().anyMatch(m -> m.artifactId().equals("herald-bom")), "the root pom builds herald-bom");
    }

    @Test
    void theBomManagesEveryPublishedArtifactAndNothingElse() throws IOException {
        Element bom = read(ROOT.resolve("bom/pom.xml"));
        Set<String> managed = new TreeSet<>();
        for (Element dependency : children(child(child(bom, "dependencyManagement"), "dependencies"), "dependency")) {
            String id = text(dependency, "groupId") + ":" + text(dependency, "artifactId");
            assertEquals("dev.herald", text(dependency, "groupId"), id + ": only Herald's own artifacts");
            assertEquals("${project.version}", text(dependency, "version"), id + ": at Herald's version");
            assertNull(text(dependency, "scope"), id + ": no scope (an import would bring its versions along)");
            assertNull(text(dependency, "type"), id + ": a jar");
            assertTrue(managed.add(text(dependency, "artifactId")), id + " is listed once");
        }
        Set<String> expected = published.stream().map(Module::artifactId).collect(Collectors.toCollection(TreeSet::new));
        assertTrue(managed.containsAll(expected), "herald-bom lists " + managed + ", the build publishes " + expected);
    }

    private static Module module(String directory) throws IOException {
        Element pom = read(ROOT.resolve(directory).resolve("pom.xml"));
        Element properties = child(pom, "properties");
        String packaging = text(pom, "packaging");
        return new Module(directory, text(pom, "artifactId"), packaging == null ? "jar" : packaging,
                properties == null ? null : text(properties, "herald.module.name"),
                properties == null || !"true".equals(text(properties, "maven.deploy.skip")));
    }

    private static Element read(Path pom) throws IOException {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Document document = factory.newDocumentBuilder().parse(pom.toFile());
            return document.getDocumentElement();
        } catch (ParserConfigurationException | SAXException e) {
            throw new IOException("cannot read " + pom, e);
        }
    }

    /** The element's first child element of that name, or {@code null}. */
    private static Element child(Element parent, String name) {
        List<Element> found = children(parent, name);
        return found.isEmpty() ? null : found.get(0);
    }

    /** The element's child elements of that name, in order; none when the parent is {@code null}. */
    private static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        if (parent != null) {
            for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
                if (node instanceof Element element && element.getTagName().equals(name)) {
                    found.add(element);
                }
            }
        }
        return found;
    }

    /** The trimmed text of the element's child of that name, or {@code null} when there is none. */
    private static String text(Element parent, String name) {
        Element element = child(parent, name);
        return element == null ? null : element.getTextContent().trim();
    }
}
