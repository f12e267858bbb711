package dev.herald.it;

import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The processor is a compile-time tool: neither it nor JavaPoet reaches the application's class path. */
class ClasspathTest {

    @Test
    void processorAndJavaPoetAreNotOnTheRuntimeClasspath() {
        ClassLoader loader = ClasspathTest.class.getClassLoader();
        assertThrows(ClassNotFoundException.class, () -> Class.forName("dev.herald.processor.HeraldProcessor", false, loader));
        assertThrows(ClassNotFoundException.class, () -> Class.forName("com.palantir.javapoet.JavaFile", false, loader));
    }
}
