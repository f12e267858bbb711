package dev.herald.processor;

import com.google.auto.service.AutoService;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.TypeSpec;
import dev.herald.processor.generate.BindingGenerator;
import dev.herald.processor.generate.GeneratedNames;
import dev.herald.processor.generate.GeneratedSources;
import dev.herald.processor.generate.PublisherGenerator;
import dev.herald.processor.generate.SubscriberGenerator;
import dev.herald.processor.model.ChannelInterface;
import dev.herald.processor.model.ChannelMethod;
import dev.herald.processor.model.ModelBuilder;
import dev.herald.processor.validate.ChannelRegistry;
import dev.herald.processor.validate.InterfaceValidator;
import dev.herald.processor.validate.Message;
import dev.herald.processor.validate.PayloadTypes;
import dev.herald.processor.validate.ValidationReport;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.Filer;
import javax.annotation.processing.Messager;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * Reads {@code @Channel} interfaces, checks them and generates, for each interface {@code X} without
 * errors, {@code XPublisher}, {@code XSubscriber} and {@code XBinding}, plus the service registration
 * of every binding. Runs model → validate → generate; an interface whose payload or reply type does not
 * exist yet is deferred to the next round.
 *
 * <p>Aggregating for incremental builds: the one-payload-per-channel check and the service file span
 * every interface of the compilation.
 */
@AutoService(Processor.class)
public final class HeraldProcessor extends AbstractProcessor {

    static final String SERVICE_FILE = "META-INF/services/dev.herald.binding.HeraldBinding";

    /**
     * For tests of the processor's own safety net only: {@code -Aherald.internal.failOn=p.Iface} makes the
     * processor throw while it works on that interface, which must end as one {@code [HeraldInternal]}
     * error naming it, not as a javac crash.
     */
    static final String FAIL_ON_OPTION = "herald.internal.failOn";

    private ModelBuilder modelBuilder;
    private ChannelRegistry registry;
    private Messager messager;
    private Filer filer;
    private final Set<String> deferred = new LinkedHashSet<>();
    private final SortedSet<String> bindings = new TreeSet<>();
    private final List<Element> bindingOrigins = new ArrayList<>();

    /** Creates the processor; javac calls this through the service loader. */
    public HeraldProcessor() {
    }

    @Override
    public synchronized void init(ProcessingEnvironment processingEnv) {
        super.init(processingEnv);
        this.modelBuilder = new ModelBuilder(processingEnv.getElementUtils(), processingEnv.getTypeUtils());
        this.registry = new ChannelRegistry(processingEnv.getTypeUtils());
        this.messager = processingEnv.getMessager();
        this.filer = processingEnv.getFiler();
    }

    @Override
    public Set<String> getSupportedAnnotationTypes() {
        return Set.of(ModelBuilder.CHANNEL);
    }

    @Override
    public Set<String> getSupportedOptions() {
        return Set.of(FAIL_ON_OPTION);
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
        return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
        Set<TypeElement> types = new LinkedHashSet<>();
        for (String name : deferred) {
            TypeElement type = processingEnv.getElementUtils().getTypeElement(name);
            if (type != null) {
                types.add(type);
            }
        }
        deferred.clear();
        TypeElement channel = processingEnv.getElementUtils().getTypeElement(ModelBuilder.CHANNEL);
        if (channel != null) {
            for (Element annotated : round.getElementsAnnotatedWith(channel)) {
                if (annotated.getEnclosingElement() instanceof TypeElement owner) {
                    types.add(owner);
                }
            }
        }

        Map<String, ValidationReport> reports = new LinkedHashMap<>();
        Map<String, ChannelInterface> models = new LinkedHashMap<>();
        for (TypeElement type : types) {
            try {
                if (type.getQualifiedName().contentEquals(processingEnv.getOptions().getOrDefault(FAIL_ON_OPTION, ""))) {
                    throw new IllegalStateException("failing on purpose (" + FAIL_ON_OPTION + ")");
                }
                ChannelInterface model = modelBuilder.build(type);
                List<ChannelMethod> missing = missingPayloads(model);
                if (!missing.isEmpty()) {
                    if (!round.processingOver()) {
                        deferred.add(model.qualifiedName());
                        continue;
                    }
                    ValidationReport report = new ValidationReport();
                    for (ChannelMethod method : missing) {
                        for (ChannelMethod.Parameter parameter : method.parameters()) {
                            if (PayloadTypes.isMissing(parameter.type())) {
                                report.add(Message.MISSING_TYPE, method.element().getParameters().get(parameter.index()),
                                        null, null, parameter.type(), method.name(), method.channel());
                            }
                        }
                        if (method.replyType() != null && PayloadTypes.isMissing(method.replyType())) {
                            report.add(Message.MISSING_TYPE, method.element(), null, null, method.replyType(),
                                    method.name(), method.channel());
                        }
                        if (!method.channelResolved()) {
                            report.add(Message.UNRESOLVED_CHANNEL, method.element(), method.annotation(),
                                    method.annotationValue(), method.name(), method.annotationValue());
                        }
                    }
                    reports.put(model.qualifiedName(), report);
                    continue;
                }
                ValidationReport report = InterfaceValidator.validate(model);
                registry.register(model, report, reports);
                reports.put(model.qualifiedName(), report);
                models.put(model.qualifiedName(), model);
            } catch (RuntimeException e) {
                internalError(type, e);
            }
        }
        for (Map.Entry<String, ValidationReport> entry : reports.entrySet()) {
            ValidationReport report = entry.getValue();
            report.printTo(messager);
            ChannelInterface model = models.get(entry.getKey());
            if (model != null && !report.hasErrors()) {
                generate(model);
            }
        }
        if (round.processingOver()) {
            writeServiceFile();
        }
        return false;
    }

    /** Methods whose payload or reply type, or whose channel constant, the compiler has not resolved yet. */
    private static List<ChannelMethod> missingPayloads(ChannelInterface model) {
        List<ChannelMethod> missing = new ArrayList<>();
        for (ChannelMethod method : model.methods()) {
            boolean payloadMissing = method.parameters().stream().anyMatch(p -> PayloadTypes.isMissing(p.type()))
                    || method.replyType() != null && PayloadTypes.isMissing(method.replyType());
            if (payloadMissing || !method.channelResolved() && method.annotationValue() != null) {
                missing.add(method);
            }
        }
        return missing;
    }

    private void generate(ChannelInterface model) {
        try {
            for (TypeSpec type : List.of(BindingGenerator.generate(model), PublisherGenerator.generate(model),
                    SubscriberGenerator.generate(model))) {
                GeneratedSources.write(JavaFile.builder(model.packageName(), type)
                        .skipJavaLangImports(true)
                        .indent("    ")
                        .build(), filer);
            }
            bindings.add(GeneratedNames.binding(model).reflectionName());
            bindingOrigins.add(model.element());
        } catch (IOException | RuntimeException e) {
            internalError(model.element(), e);
        }
    }

    private void writeServiceFile() {
        if (bindings.isEmpty()) {
            return;
        }
        SortedSet<String> all = new TreeSet<>(bindings);
        try {
            FileObject existing = filer.getResource(StandardLocation.CLASS_OUTPUT, "", SERVICE_FILE);
            try (BufferedReader reader = new BufferedReader(
                    new InputStreamReader(existing.openInputStream(), StandardCharsets.UTF_8))) {
                reader.lines().map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#"))
                        .forEach(all::add);
            }
        } catch (IOException | RuntimeException e) {
            // no earlier file: this compilation's bindings are all there is
        }
        try {
            FileObject file = filer.createResource(StandardLocation.CLASS_OUTPUT, "", SERVICE_FILE,
                    bindingOrigins.toArray(new Element[0]));
            try (Writer writer = new OutputStreamWriter(file.openOutputStream(), StandardCharsets.UTF_8)) {
                for (String binding : all) {
                    writer.write(binding);
                    writer.write('\n');
                }
            }
        } catch (IOException e) {
            report(Message.SERVICE_FILE_UNWRITABLE, null, SERVICE_FILE, e.getMessage());
        }
    }

    private void internalError(Element element, Exception e) {
        report(Message.INTERNAL, element, element, e);
    }

    /** A problem outside validation, reported at once through the same catalogue and report. */
    private void report(Message message, Element element, Object... args) {
        ValidationReport report = new ValidationReport();
        report.add(message, element, null, null, args);
        report.printTo(messager);
    }
}
