package dev.herald.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The runtime's boundaries, as DESIGN.md and STYLE.md draw them, enforced on the compiled classes: three
 * audiences in three packages (the API {@code dev.herald}, the transport SPI {@code dev.herald.spi}, the
 * surface for generated code {@code dev.herald.binding}), the implementation under {@code internal}, no
 * package cycle, and no class that does several jobs.
 */
class RuntimeArchitectureTest {

    private static JavaClasses runtime;

    @BeforeAll
    static void importRuntime() {
        runtime = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.herald");
    }

    /** Every package its own slice: the root package too, which {@code dev.herald.(**)} would leave out. */
    private static final SliceAssignment EACH_PACKAGE = new SliceAssignment() {
        @Override
        public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
            String name = javaClass.getPackageName();
            return name.startsWith("dev.herald") ? SliceIdentifier.of(name) : SliceIdentifier.ignore();
        }

        @Override
        public String getDescription() {
            return "each package of dev.herald";
        }
    };

    @Test
    void noPackageCycles() {
        slices().assignedFrom(EACH_PACKAGE).should().beFreeOfCycles().check(runtime);
    }

    @Test
    void theApiDoesNotReachIntoTheImplementationOrTheGeneratedCodeSurface() {
        noClasses().that().resideInAPackage("dev.herald")
                .should().dependOnClassesThat().resideInAnyPackage("dev.herald.internal..", "dev.herald.binding..")
                .check(runtime);
    }

    @Test
    void theTransportSpiDependsOnTheJdkOnly() {
        classes().that().resideInAPackage("dev.herald.spi..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("dev.herald.spi..", "java..")
                .check(runtime);
    }

    @Test
    void theCoreDoesNotKnowAnyTransport() {
        noClasses().that().resideInAPackage("dev.herald.internal")
                .should().dependOnClassesThat().resideInAnyPackage("dev.herald.internal.redis..",
                        "dev.herald.internal.memory..", "dev.herald.internal.start..", "io.lettuce..")
                .check(runtime);
    }

    @Test
    void transportsDoNotKnowEachOther() {
        noClasses().that().resideInAPackage("dev.herald.internal.memory..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.herald.internal.redis..", "io.lettuce..")
                .check(runtime);
        noClasses().that().resideInAPackage("dev.herald.internal.redis..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.herald.internal.memory..")
                .check(runtime);
    }

    @Test
    void onlyTheServiceLoaderReachesTheStartPackage() {
        noClasses().that().resideOutsideOfPackage("dev.herald.internal.start..")
                .should().dependOnClassesThat().resideInAPackage("dev.herald.internal.start..")
                .check(runtime);
    }

    /**
     * Micrometer is optional: only the classes that load when the application gave a registry name it (the
     * Micrometer instruments, the observation API), and the builder and settings that carry the registries.
     */
    @Test
    void onlyTheMetricsAndObservationPackagesNameMicrometer() {
        noClasses().that().resideOutsideOfPackages("dev.herald.internal.metrics..", "dev.herald.observation..")
                .and().doNotHaveFullyQualifiedName("dev.herald.HeraldBuilder")
                .and().doNotHaveFullyQualifiedName("dev.herald.HeraldSettings")
                .should().dependOnClassesThat().resideInAPackage("io.micrometer..")
                .check(runtime);
        noClasses().that().resideOutsideOfPackages("dev.herald.internal.start..", "dev.herald.internal.metrics..")
                .should().dependOnClassesThat().resideInAPackage("dev.herald.internal.metrics..")
                .check(runtime);
    }

    @Test
    void anInternalClassIsPublicOnlyWhenAnotherPackageUsesIt() {
        classes().that().resideInAPackage("dev.herald.internal..").and().arePublic().and().areTopLevelClasses()
                .should(beUsedFromAnotherPackage()).check(runtime);
    }

    private static ArchCondition<JavaClass> beUsedFromAnotherPackage() {
        return new ArchCondition<>("be used from another package") {
            @Override
            public void check(JavaClass javaClass, ConditionEvents events) {
                boolean used = javaClass.getDirectDependenciesToSelf().stream()
                        .map(Dependency::getOriginClass)
                        .map(origin -> origin.getEnclosingClass().orElse(origin))
                        .anyMatch(origin -> !origin.getPackageName().equals(javaClass.getPackageName()));
                boolean serviceProvider = javaClass.getPackageName().equals("dev.herald.internal.start");
                if (!used && !serviceProvider) {
                    events.add(SimpleConditionEvent.violated(javaClass, javaClass.getName()
                            + " is public but no class outside " + javaClass.getPackageName() + " uses it"));
                }
            }
        };
    }

    @Test
    void theRuntimeIsSmallClassesOfOneJob() throws IOException {
        List<String> tooLong = new ArrayList<>();
        Path sources = Path.of("src/main/java");
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                long code = codeLines(Files.readAllLines(file));
                if (code > MAX_CODE_LINES) {
                    tooLong.add(sources.relativize(file) + ": " + code + " lines of code");
                }
            }
        }
        assertEquals(List.of(), tooLong, "each main class at most " + MAX_CODE_LINES
                + " lines of code (blank lines, comments and Javadoc not counted)");
        assertTrue(runtime.size() > 50, "the runtime was imported: " + runtime.size());
    }

    private static final int MAX_CODE_LINES = 300;

    /** Lines that are neither blank nor comment (block comments and Javadoc included). */
    static long codeLines(List<String> lines) {
        long code = 0;
        boolean inComment = false;
        for (String raw : lines) {
            String line = raw.strip();
            if (inComment) {
                if (line.contains("*/")) {
                    inComment = false;
                    line = line.substring(line.indexOf("*/") + 2).strip();
                } else {
                    continue;
                }
            }
            if (line.startsWith("/*")) {
                if (!line.contains("*/")) {
                    inComment = true;
                }
                continue;
            }
            if (!line.isEmpty() && !line.startsWith("//")) {
                code++;
            }
        }
        return code;
    }

    @Test
    void codeLinesCountsNeitherCommentsNorBlankLines() {
        assertEquals(2, codeLines(List.of("/**", " * doc", " */", "class A {", "", "  // note", "}")));
    }

}
