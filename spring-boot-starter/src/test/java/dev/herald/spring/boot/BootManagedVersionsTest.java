package dev.herald.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The tests run on the versions a Spring Boot application resolves: every jar on the test class path that Boot's
 * BOM (spring-boot-dependencies, with the BOMs it imports) manages has Boot's version, but Lettuce, which is
 * Herald's on purpose (see the module's pom and the README's Spring Boot section).
 */
class BootManagedVersionsTest {

    private static final Pattern PROPERTY = Pattern.compile("\\$\\{([^}]+)}");
    private static final String LETTUCE = "io.lettuce:lettuce-core";

    private final Path repository = Path.of(System.getProperty("herald.localRepository"));

    @Test
    void theClassPathHasBootsVersionsButHeraldsLettuce() throws Exception {
        Map<String, String> managed = new HashMap<>();
        manage(pom("org.springframework.boot", "spring-boot-dependencies", System.getProperty("herald.springBootVersion")),
                managed);
        assertThat(managed).containsKeys("org.springframework:spring-core", "org.springframework.data:spring-data-redis",
                LETTUCE, "com.fasterxml.jackson.core:jackson-databind", "io.netty:netty-common");

        Map<String, String> onClassPath = classPathArtifacts();
        Map<String, String> differing = new TreeMap<>();
        onClassPath.forEach((artifact, version) -> {
            String boots = managed.get(artifact);
            if (boots != null && !boots.equals(version) && !artifact.equals(LETTUCE)) {
                differing.put(artifact, version + " (Boot: " + boots + ")");
            }
        });
        assertThat(differing).as("jars whose version is not the one Boot manages: set the property the root pom pins"
                + " them with back to Boot's in spring-boot-starter/pom.xml").isEmpty();
        assertThat(onClassPath).containsKeys("org.springframework.data:spring-data-redis", "org.springframework:spring-core");
        assertThat(onClassPath.get(LETTUCE)).as("Herald's Lettuce, not Boot's " + managed.get(LETTUCE))
                .isEqualTo(System.getProperty("herald.lettuceVersion"));
    }

    /** groupId:artifactId to version, for each jar of the class path that comes from the local repository. */
    private Map<String, String> classPathArtifacts() {
        Map<String, String> artifacts = new TreeMap<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path jar = Path.of(entry).toAbsolutePath().normalize();
            if (!jar.startsWith(repository) || !jar.toString().endsWith(".jar")) {
                continue;
            }
            Path relative = repository.relativize(jar);
            int n = relative.getNameCount();
            String version = relative.getName(n - 2).toString();
            String artifactId = relative.getName(n - 3).toString();
            String groupId = relative.subpath(0, n - 3).toString().replace(File.separatorChar, '.');
            artifacts.put(groupId + ":" + artifactId, version);
        }
        assertThat(artifacts).as("jars from " + repository).isNotEmpty();
        return artifacts;
    }

    private Path pom(String groupId, String artifactId, String version) {
        return repository.resolve(groupId.replace('.', File.separatorChar)).resolve(artifactId).resolve(version)
                .resolve(artifactId + "-" + version + ".pom");
    }

    /** Adds what a BOM manages, its imports after its own entries, the first entry for an artifact winning. */
    private void manage(Path pomFile, Map<String, String> managed) throws Exception {
        Element project = read(pomFile);
        Map<String, String> properties = properties(project, pomFile);
        Element management = child(project, "dependencyManagement");
        if (management == null) {
            return;
        }
        List<Path> imports = new ArrayList<>();
        for (Element dependency : children(child(management, "dependencies"), "dependency")) {
            String groupId = resolve(text(dependency, "groupId"), properties);
            String artifactId = resolve(text(dependency, "artifactId"), properties);
            String version = resolve(text(dependency, "version"), properties);
            if ("import".equals(text(dependency, "scope"))) {
                imports.add(pom(groupId, artifactId, version));
            } else {
                managed.putIfAbsent(groupId + ":" + artifactId, version);
            }
        }
        for (Path imported : imports) {
            if (Files.exists(imported)) {
                manage(imported, managed);
            }
        }
    }

    /** The pom's properties and its parents', the pom's own winning; project.version too. */
    private Map<String, String> properties(Element project, Path pomFile) throws Exception {
        Map<String, String> properties = new LinkedHashMap<>();
        Element parent = child(project, "parent");
        if (parent != null) {
            Path parentPom = pom(text(parent, "groupId"), text(parent, "artifactId"), text(parent, "version"));
            if (Files.exists(parentPom)) {
                properties.putAll(properties(read(parentPom), parentPom));
            }
        }
        Element own = child(project, "properties");
        if (own != null) {
            for (Element property : children(own, null)) {
                properties.put(property.getTagName(), property.getTextContent().strip());
            }
        }
        String version = text(project, "version");
        properties.put("project.version", version != null ? version : text(parent, "version"));
        return properties;
    }

    private static String resolve(String value, Map<String, String> properties) {
        if (value == null) {
            return null;
        }
        String resolved = value;
        for (int i = 0; i < 10 && resolved.contains("${"); i++) {
            Matcher matcher = PROPERTY.matcher(resolved);
            StringBuilder out = new StringBuilder();
            while (matcher.find()) {
                matcher.appendReplacement(out, Matcher.quoteReplacement(
                        properties.getOrDefault(matcher.group(1), matcher.group())));
            }
            matcher.appendTail(out);
            resolved = out.toString();
        }
        return resolved;
    }

    private static Element read(Path pomFile) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document document = factory.newDocumentBuilder().parse(pomFile.toFile());
        return document.getDocumentElement();
    }

    private static Element child(Element parent, String name) {
        if (parent == null) {
            return null;
        }
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && element.getTagName().equals(name)) {
                return element;
            }
        }
        return null;
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        if (parent == null) {
            return found;
        }
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i) instanceof Element element && (name == null || element.getTagName().equals(name))) {
                found.add(element);
            }
        }
        return found;
    }

    private static String text(Element parent, String name) {
        Element element = child(parent, name);
        return element == null ? null : element.getTextContent().strip();
    }
}
