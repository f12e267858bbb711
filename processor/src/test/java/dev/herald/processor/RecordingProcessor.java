package dev.herald.processor;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.annotation.processing.Completion;
import javax.annotation.processing.Filer;
import javax.annotation.processing.Messager;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.QualifiedNameable;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;
import javax.tools.FileObject;
import javax.tools.JavaFileManager;
import javax.tools.JavaFileObject;

/**
 * Runs a processor and records the files it creates, with the originating elements it passes for each.
 * compile-testing hands out generated files only when a compilation succeeded, but the diagnostics tests
 * must check what a failing compilation generated: nothing for the broken interface, everything for the
 * valid one next to it. The originating elements are what Gradle's incremental compilation tracks
 * ({@link IncrementalBuildTest}).
 */
final class RecordingProcessor implements Processor {

    private final Processor delegate;
    private final List<CreatedFile> createdFiles = new ArrayList<>();

    RecordingProcessor(Processor delegate) {
        this.delegate = delegate;
    }

    /**
     * One file created through the {@link Filer}.
     *
     * @param method the {@code Filer} method called: {@code createSourceFile}, {@code createClassFile} or
     *     {@code createResource}
     * @param name the type name for sources and classes ({@code test.ValidPublisher}), the relative name
     *     for resources
     * @param originatingElements the originating elements passed, in order, each by its qualified name if it
     *     has one ({@code test.Valid}), else by its kind and {@code toString()} ({@code METHOD ok(test.Item)})
     */
    record CreatedFile(String method, String name, List<String> originatingElements) {
    }

    /** @return created sources by type name ({@code test.ValidPublisher}), resources by path, in creation order */
    List<String> generatedFiles() {
        return createdFiles.stream().map(CreatedFile::name).toList();
    }

    /** @return every file created through the {@code Filer}, in creation order */
    List<CreatedFile> createdFiles() {
        return List.copyOf(createdFiles);
    }

    private void record(String method, CharSequence name, Element... originatingElements) {
        List<String> origins = new ArrayList<>();
        for (Element element : originatingElements) {
            origins.add(element instanceof QualifiedNameable named
                    ? named.getQualifiedName().toString()
                    : element.getKind() + " " + element);
        }
        createdFiles.add(new CreatedFile(method, name.toString(), List.copyOf(origins)));
    }

    @Override
    public void init(ProcessingEnvironment environment) {
        delegate.init(new RecordingEnvironment(environment));
    }

    @Override
    public Set<String> getSupportedOptions() {
        return delegate.getSupportedOptions();
    }

    @Override
    public Set<String> getSupportedAnnotationTypes() {
        return delegate.getSupportedAnnotationTypes();
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
        return delegate.getSupportedSourceVersion();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
        return delegate.process(annotations, round);
    }

    @Override
    public Iterable<? extends Completion> getCompletions(Element element, AnnotationMirror annotation,
            ExecutableElement member, String userText) {
        return delegate.getCompletions(element, annotation, member, userText);
    }

    private final class RecordingEnvironment implements ProcessingEnvironment {
        private final ProcessingEnvironment environment;
        private final Filer filer;

        RecordingEnvironment(ProcessingEnvironment environment) {
            this.environment = environment;
            this.filer = new RecordingFiler(environment.getFiler());
        }

        @Override
        public Map<String, String> getOptions() {
            return environment.getOptions();
        }

        @Override
        public Messager getMessager() {
            return environment.getMessager();
        }

        @Override
        public Filer getFiler() {
            return filer;
        }

        @Override
        public Elements getElementUtils() {
            return environment.getElementUtils();
        }

        @Override
        public Types getTypeUtils() {
            return environment.getTypeUtils();
        }

        @Override
        public SourceVersion getSourceVersion() {
            return environment.getSourceVersion();
        }

        @Override
        public Locale getLocale() {
            return environment.getLocale();
        }
    }

    private final class RecordingFiler implements Filer {
        private final Filer filer;

        RecordingFiler(Filer filer) {
            this.filer = filer;
        }

        @Override
        public JavaFileObject createSourceFile(CharSequence name, Element... originatingElements) throws IOException {
            record("createSourceFile", name, originatingElements);
            return filer.createSourceFile(name, originatingElements);
        }

        @Override
        public JavaFileObject createClassFile(CharSequence name, Element... originatingElements) throws IOException {
            record("createClassFile", name, originatingElements);
            return filer.createClassFile(name, originatingElements);
        }

        @Override
        public FileObject createResource(JavaFileManager.Location location, CharSequence moduleAndPackage,
                CharSequence relativeName, Element... originatingElements) throws IOException {
            record("createResource", relativeName, originatingElements);
            return filer.createResource(location, moduleAndPackage, relativeName, originatingElements);
        }

        @Override
        public FileObject getResource(JavaFileManager.Location location, CharSequence moduleAndPackage,
                CharSequence relativeName) throws IOException {
            return filer.getResource(location, moduleAndPackage, relativeName);
        }
    }
}
