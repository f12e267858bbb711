package dev.herald.processor;

import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import java.util.ArrayList;
import java.util.List;
import javax.annotation.processing.Processor;
import javax.tools.JavaFileObject;

/** Fixture sources and the compiler every processor test uses. */
final class Sources {

    private Sources() {
    }

    /**
     * javac with the given processors, configured the way users' builds are: all lint on, warnings are
     * errors, so generated code must be warning-free.
     */
    static Compiler compiler(Processor... processors) {
        return javac().withProcessors(processors).withOptions("-Xlint:all,-processing", "-Werror");
    }

    /**
     * javac with the given processors and all lint on, but without {@code -Werror}: for tests that check a
     * warning is reported while the compilation still succeeds.
     */
    static Compiler compilerAllowingWarnings(Processor... processors) {
        return javac().withProcessors(processors).withOptions("-Xlint:all,-processing");
    }

    /**
     * A source file {@code test.<simpleName>} with the imports fixtures commonly need, so a fixture
     * shows only its declarations; line numbers do not matter, tests find lines by their content.
     */
    static JavaFileObject source(String simpleName, String... lines) {
        List<String> all = new ArrayList<>(List.of(
                "package test;",
                "",
                "import dev.herald.annotation.Channel;",
                "import java.time.Instant;",
                "import java.util.*;",
                "import java.util.concurrent.CompletionStage;",
                ""));
        all.addAll(List.of(lines));
        return JavaFileObjects.forSourceLines("test." + simpleName, all);
    }
}
