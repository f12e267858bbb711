package dev.herald.processor;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The processor's stages, read from its compiled classes: no package cycle among
 * {@code dev.herald.processor..}, rules ({@code validate}) never reach for the writers ({@code generate}),
 * the model knows neither, and the channel grammar is the shared {@code dev.herald.grammar}, never the runtime.
 */
final class ProcessorArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.herald.processor");
    }

    @Test
    void noPackageCycles() {
        slices().matching("dev.herald.processor.(**)").should().beFreeOfCycles().check(classes);
    }

    @Test
    void validateDoesNotUseGenerate() {
        noClasses().that().resideInAPackage("dev.herald.processor.validate..")
                .should().dependOnClassesThat().resideInAPackage("dev.herald.processor.generate..")
                .check(classes);
    }

    @Test
    void theModelUsesNeitherValidateNorGenerate() {
        noClasses().that().resideInAPackage("dev.herald.processor.model..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.herald.processor.validate..",
                        "dev.herald.processor.generate..")
                .check(classes);
    }

    @Test
    void theProcessorNeverLoadsTheRuntime() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("dev.herald", "dev.herald.internal..",
                "dev.herald.spi..", "dev.herald.annotation..")
                .check(classes);
    }
}
