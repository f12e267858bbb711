package dev.herald.it;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/**
 * The processor is a compile-time tool: neither it nor JavaPoet nor its relocated copy of the grammar reaches the
 * application's class path; the grammar itself does, as the runtime's dependency.
 */
class ClasspathTest {

    @Test
    void processorAndJavaPoetAreNotOnTheRuntimeClasspath() {
        ClassLoader loader = ClasspathTest.class.getClassLoader();
        assertThrows(ClassNotFoundException.class, () -> Class.forName("dev.herald.processor.HeraldProcessor", false, loader));
        assertThrows(ClassNotFoundException.class, () -> Class.forName("com.palantir.javapoet.JavaFile", false, loader));
        assertThrows(ClassNotFoundException.class,
                () -> Class.forName("dev.herald.processor.shaded.grammar.ChannelSyntax", false, loader));
        assertDoesNotThrow(() -> Class.forName("dev.herald.grammar.ChannelSyntax", false, loader));
    }

    @Test
    void theProcessorJarHoldsTheGrammarRelocatedOnly() throws IOException {
        try (JarFile jar = new JarFile(Path.of(System.getProperty("herald.processor.jar")).toFile())) {
            List<String> names = jar.stream().map(e -> e.getName()).filter(n -> n.endsWith(".class")).toList();
            assertEquals(List.of(), names.stream().filter(n -> n.startsWith("dev/herald/grammar/")).toList(),
                    "unrelocated grammar classes would clash with the runtime's");
            assertTrue(names.contains("dev/herald/processor/shaded/grammar/ChannelSyntax.class"), names.toString());
            assertEquals(List.of(), names.stream().filter(n -> n.startsWith("dev/herald/") && !n.startsWith("dev/herald/processor/"))
                    .toList(), "the processor jar holds only the processor's own packages");
        }
    }
}
