package dev.herald.processor;

import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
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
     * Compiles with Herald's processor (plus {@code others}) the way users' builds do: all lint on,
     * warnings are errors, so generated code must be warning-free.
     */
    static Compilation compile(List<Processor> others, List<JavaFileObject> sources) {
        List<Processor> processors = new ArrayList<>(others);
        processors.add(0, new HeraldProcessor());
        return javac().withProcessors(processors).withOptions("-Xlint:all,-processing", "-Werror").compile(sources);
    }

    static Compilation compile(JavaFileObject... sources) {
        return compile(List.of(), List.of(sources));
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
