package dev.herald.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The checker behind {@link PublishedArtifactsTest}, on jars made up for each case: it passes a good set and fails each bad one. */
class PublishedJarsTest {

    @TempDir
    Path dir;

    @Test
    void aGoodSetHasNoProblem() throws IOException {
        PublishedJars.Jar a = jar("a", "dev.a", "dev.a", "dev/a/A.class", "dev/a/b/B.class", "META-INF/x.properties");
        PublishedJars.Jar b = jar("b", "dev.b", "dev.b", "dev/b/B.class", "META-INF/versions/11/dev/b/C.class");
        assertEquals(List.of(), PublishedJars.problems(List.of(a, b)));
    }

    @Test
    void aPackageInTwoJarsIsSplit() throws IOException {
        PublishedJars.Jar a = jar("a", "dev.a", "dev.a", "dev/a/A.class", "dev/shared/One.class");
        PublishedJars.Jar b = jar("b", "dev.b", "dev.b", "dev/b/B.class", "dev/shared/Two.class");
        assertEquals(List.of("package dev.shared is split across a and b"), PublishedJars.problems(List.of(a, b)));
    }

    @Test
    void aVersionedClassCountsForItsPackage() throws IOException {
        PublishedJars.Jar a = jar("a", "dev.a", "dev.a", "dev/a/A.class");
        PublishedJars.Jar b = jar("b", "dev.b", "dev.b", "dev/b/B.class", "META-INF/versions/17/dev/a/Late.class");
        assertEquals(List.of("package dev.a is split across a and b"), PublishedJars.problems(List.of(a, b)));
    }

    @Test
    void aSubpackageIsNotTheSamePackage() throws IOException {
        PublishedJars.Jar a = jar("a", "dev.a", "dev.a", "dev/a/A.class");
        PublishedJars.Jar b = jar("b", "dev.a.b", "dev.a.b", "dev/a/b/B.class");
        assertEquals(Set.of("dev.a.b"), PublishedJars.packagesOf(b.jar()));
        assertEquals(List.of(), PublishedJars.problems(List.of(a, b)));
    }

    @Test
    void theManifestMustCarryTheDeclaredName() throws IOException {
        PublishedJars.Jar none = jar("none", "dev.none", null, "dev/none/N.class");
        PublishedJars.Jar other = jar("other", "dev.other", "dev.elsewhere", "dev/other/O.class");
        assertEquals(List.of("none: the manifest's Automatic-Module-Name is null, not dev.none",
                "other: the manifest's Automatic-Module-Name is dev.elsewhere, not dev.other"),
                PublishedJars.problems(List.of(none, other)));
    }

    @Test
    void everyJarDeclaresAValidNameOfItsOwn() throws IOException {
        PublishedJars.Jar undeclared = jar("undeclared", null, "dev.u", "dev/u/U.class");
        PublishedJars.Jar invalid = jar("invalid", "dev.1nvalid", "dev.1nvalid", "dev/i/I.class");
        PublishedJars.Jar first = jar("first", "dev.same", "dev.same", "dev/f/F.class");
        PublishedJars.Jar second = jar("second", "dev.same", "dev.same", "dev/s/S.class");
        assertEquals(List.of("undeclared: its pom sets no herald.module.name",
                "invalid: herald.module.name dev.1nvalid is not a module name",
                "module name dev.same is declared by first and second"),
                PublishedJars.problems(List.of(undeclared, invalid, first, second)));
    }

    @Test
    void aJarTheJdkCannotLoadAsAModuleFails() throws IOException {
        PublishedJars.Jar unnamedPackage = jar("flat", "dev.flat", "dev.flat", "Flat.class");
        List<String> problems = PublishedJars.problems(List.of(unnamedPackage));
        assertEquals(1, problems.size(), problems.toString());
        assertEquals(true, problems.get(0).startsWith("flat: the JDK refuses it as a module"), problems.get(0));
    }

    @Test
    void aMissingJarIsAProblem() throws IOException {
        Path absent = dir.resolve("absent.jar");
        assertEquals(List.of("absent: " + absent + " is missing"),
                PublishedJars.problems(List.of(new PublishedJars.Jar("absent", absent, "dev.absent"))));
    }

    /** A jar named {@code artifact.jar} holding the given (empty) entries; {@code manifestName} null leaves the attribute out. */
    private PublishedJars.Jar jar(String artifact, String declaredName, String manifestName, String... entries) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        if (manifestName != null) {
            manifest.getMainAttributes().put(new Attributes.Name("Automatic-Module-Name"), manifestName);
        }
        Path file = dir.resolve(artifact + ".jar");
        try (OutputStream out = Files.newOutputStream(file); JarOutputStream jar = new JarOutputStream(out, manifest)) {
            for (String entry : entries) {
                jar.putNextEntry(new JarEntry(entry));
                jar.closeEntry();
            }
        }
        return new PublishedJars.Jar(artifact, file, declaredName);
    }
}
