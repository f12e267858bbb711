package dev.herald.it;

import java.io.IOException;
import java.lang.module.FindException;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.regex.Pattern;

/**
 * Checks the jars Herald publishes as a set: each one carries the {@code Automatic-Module-Name} its pom
 * declares ({@code herald.module.name}), the JDK accepts it as an automatic module of that name, no two share
 * a name, and no package is split across two of them (two automatic modules holding one package cannot be on
 * the module path together).
 */
final class PublishedJars {

    private static final Pattern VERSIONED = Pattern.compile("^META-INF/versions/\\d+/");

    /**
     * One published jar.
     *
     * @param artifactId the Maven artifact id, for the messages
     * @param jar the built jar
     * @param moduleName the module name its pom declares; {@code null} when it declares none
     */
    record Jar(String artifactId, Path jar, String moduleName) {
    }

    private PublishedJars() {
    }

    /**
     * Every problem of these jars, one line each; empty when there is none.
     *
     * @param jars the published jars
     * @return the problems, in a stable order
     * @throws IOException if a jar cannot be read
     */
    static List<String> problems(List<Jar> jars) throws IOException {
        List<String> problems = new ArrayList<>();
        Map<String, Set<String>> artifactsByPackage = new TreeMap<>();
        Map<String, Set<String>> artifactsByModuleName = new TreeMap<>();
        for (Jar jar : jars) {
            if (!Files.isRegularFile(jar.jar())) {
                problems.add(jar.artifactId() + ": " + jar.jar() + " is missing");
                continue;
            }
            problems.addAll(moduleNameProblems(jar));
            if (jar.moduleName() != null) {
                artifactsByModuleName.computeIfAbsent(jar.moduleName(), n -> new TreeSet<>()).add(jar.artifactId());
            }
            for (String pkg : packagesOf(jar.jar())) {
                artifactsByPackage.computeIfAbsent(pkg, p -> new TreeSet<>()).add(jar.artifactId());
            }
        }
        artifactsByModuleName.forEach((name, artifacts) -> {
            if (artifacts.size() > 1) {
                problems.add("module name " + name + " is declared by " + String.join(" and ", artifacts));
            }
        });
        artifactsByPackage.forEach((pkg, artifacts) -> {
            if (artifacts.size() > 1) {
                problems.add("package " + pkg + " is split across " + String.join(" and ", artifacts));
            }
        });
        return problems;
    }

    private static List<String> moduleNameProblems(Jar jar) throws IOException {
        String artifact = jar.artifactId();
        if (jar.moduleName() == null) {
            return List.of(artifact + ": its pom sets no herald.module.name");
        }
        try {
            ModuleDescriptor.newAutomaticModule(jar.moduleName());
        } catch (IllegalArgumentException e) {
            return List.of(artifact + ": herald.module.name " + jar.moduleName() + " is not a module name");
        }
        String declared = automaticModuleName(jar.jar());
        if (!jar.moduleName().equals(declared)) {
            return List.of(artifact + ": the manifest's Automatic-Module-Name is " + declared + ", not " + jar.moduleName());
        }
        try {
            String derived = ModuleFinder.of(jar.jar()).findAll().stream()
                    .map(ModuleReference::descriptor).map(ModuleDescriptor::name).findFirst().orElse(null);
            if (!declared.equals(derived)) {
                return List.of(artifact + ": the JDK names it " + derived + ", not " + declared);
            }
        } catch (FindException e) {
            return List.of(artifact + ": the JDK refuses it as a module: " + e.getMessage()
                    + (e.getCause() == null ? "" : " (" + e.getCause().getMessage() + ")"));
        }
        return List.of();
    }

    private static String automaticModuleName(Path jar) throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            Manifest manifest = file.getManifest();
            return manifest == null ? null : manifest.getMainAttributes().getValue(new Attributes.Name("Automatic-Module-Name"));
        }
    }

    /**
     * The packages a jar holds classes in, a multi-release jar's versioned classes included.
     *
     * @param jar the jar
     * @return the package names; the unnamed package is {@code ""}
     * @throws IOException if the jar cannot be read
     */
    static Set<String> packagesOf(Path jar) throws IOException {
        Set<String> packages = new TreeSet<>();
        try (JarFile file = new JarFile(jar.toFile())) {
            for (JarEntry entry : file.stream().toList()) {
                String name = VERSIONED.matcher(entry.getName()).replaceFirst("");
                if (entry.isDirectory() || !name.endsWith(".class") || name.startsWith("META-INF/")
                        || name.endsWith("module-info.class")) {
                    continue;
                }
                int slash = name.lastIndexOf('/');
                packages.add(slash < 0 ? "" : name.substring(0, slash).replace('/', '.'));
            }
        }
        return packages;
    }
}
