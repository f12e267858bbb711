package dev.herald.processor;

import static dev.herald.processor.Sources.source;

import com.google.testing.compile.Compilation;
import java.util.List;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

final class ProbeTest {

    static final JavaFileObject ITEM = source("Item", "public record Item(String sku, int quantity) {}");

    static void probe(String title, JavaFileObject... sources) {
        List<JavaFileObject> all = new java.util.ArrayList<>(List.of(sources));
        all.add(ITEM);
        RecordingProcessor p = new RecordingProcessor(new HeraldProcessor());
        Compilation c = Sources.compiler(p).compile(all);
        StringBuilder out = new StringBuilder("### " + title + " status=" + c.status() + " generated=" + p.generatedFiles());
        out.append('\n');
        for (Diagnostic<? extends JavaFileObject> d : c.diagnostics()) {
            out.append("  ").append(d.getKind()).append(" line ").append(d.getLineNumber()).append(" col ").append(d.getColumnNumber())
               .append(": ").append(d.getMessage(null)).append('\n');
        }
        System.out.println(out);
    }

    static final class Gen extends javax.annotation.processing.AbstractProcessor {
        boolean done;
        @Override public java.util.Set<String> getSupportedAnnotationTypes() { return java.util.Set.of("test.GeneratePayload"); }
        @Override public javax.lang.model.SourceVersion getSupportedSourceVersion() { return javax.lang.model.SourceVersion.latestSupported(); }
        @Override public boolean process(java.util.Set<? extends javax.lang.model.element.TypeElement> a, javax.annotation.processing.RoundEnvironment r) {
            if (!done && !a.isEmpty()) {
                done = true;
                try (java.io.Writer w = processingEnv.getFiler().createSourceFile("test.GeneratedPayload").openWriter()) {
                    w.write("package test; public record GeneratedPayload(String id) { public static final String CHANNEL = \"gen:channel\"; }");
                } catch (java.io.IOException e) { throw new java.io.UncheckedIOException(e); }
            }
            return false;
        }
    }

    static void probe2(String title, JavaFileObject... sources) {
        RecordingProcessor p = new RecordingProcessor(new HeraldProcessor());
        Compilation c = Sources.compiler(p, new Gen()).compile(sources);
        StringBuilder out = new StringBuilder("### " + title + " status=" + c.status() + " generated=" + p.generatedFiles() + "\n");
        for (Diagnostic<? extends JavaFileObject> d : c.diagnostics()) {
            out.append("  ").append(d.getKind()).append(" ").append(d.getSource() == null ? "" : d.getSource().getName()).append(" line ").append(d.getLineNumber()).append(" col ").append(d.getColumnNumber())
               .append(": ").append(d.getMessage(null)).append('\n');
        }
        if (c.status() == Compilation.Status.SUCCESS) {
            c.generatedSourceFile("test.ABinding").ifPresent(f -> { try { out.append(f.getCharContent(true)); } catch (java.io.IOException e) { throw new java.io.UncheckedIOException(e); } });
        }
        System.out.println(out);
    }

    @Test
    void probes() {
        JavaFileObject marker = source("GeneratePayload", "public @interface GeneratePayload {}");
        probe2("constFromGenerated", marker, ITEM, source("A", "@GeneratePayload", "public interface A {", "  @Channel(GeneratedPayload.CHANNEL)", "  void a(Item p);", "}"));
    }
}
