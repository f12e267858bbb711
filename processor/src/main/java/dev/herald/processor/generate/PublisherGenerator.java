package dev.herald.processor.generate;

import static dev.herald.processor.generate.RuntimeNames.HERALD;
import static dev.herald.processor.generate.RuntimeNames.OBJECTS;
import static dev.herald.processor.generate.RuntimeNames.TEMPLATE_CHANNEL;
import static dev.herald.processor.generate.RuntimeNames.TYPED_CHANNEL;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.herald.processor.model.ChannelInterface;
import dev.herald.processor.model.ChannelMethod;
import dev.herald.processor.model.MemberNames;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;

/** Generates {@code XPublisher implements X}: each method encodes with its bound codec and publishes. */
public final class PublisherGenerator {

    private PublisherGenerator() {
    }

    /**
     * Generates the publisher of an interface.
     *
     * @param model a valid interface
     * @return the type
     */
    public static TypeSpec generate(ChannelInterface model) {
        ClassName iface = GeneratedNames.interfaceName(model);
        ClassName binding = GeneratedNames.binding(model);
        TypeSpec.Builder type = TypeSpec.classBuilder(GeneratedNames.publisher(model))
                .addOriginatingElement(model.element())
                .addAnnotation(RuntimeNames.GENERATED)
                .addModifiers(Modifier.FINAL)
                .addSuperinterface(iface)
                .addJavadoc("Publishes the channels of {@link $T} through a {@link $T}.\n", iface, HERALD)
                .addJavadoc("Thread-safe; publishing never blocks.\n");
        if (model.isPublic()) {
            type.addModifiers(Modifier.PUBLIC);
        }
        MethodSpec.Builder constructor = MethodSpec.constructorBuilder()
                .addModifiers(Modifier.PUBLIC)
                .addJavadoc("Creates a publisher; binds each channel's codec once.\n\n")
                .addJavadoc("@param herald the Herald to publish through\n")
                .addParameter(HERALD, "herald")
                .addStatement("$T.requireNonNull(herald, $S)", OBJECTS, "herald");
        List<MethodSpec> methods = new ArrayList<>();
        for (ChannelMethod method : model.methods()) {
            TypeName payload = GeneratedNames.payload(method);
            String field = MemberNames.channelField(method);
            boolean template = method.isTemplate();
            type.addField(ParameterizedTypeName.get(template ? TEMPLATE_CHANNEL : TYPED_CHANNEL, payload), field,
                    Modifier.PRIVATE, Modifier.FINAL);
            constructor.addStatement("this.$N = herald.$N($T.$N)", field, template ? "template" : "channel", binding,
                    MemberNames.constant(method));

            MethodSpec.Builder publish = MethodSpec.methodBuilder(method.name())
                    .addAnnotation(Override.class)
                    .addModifiers(Modifier.PUBLIC)
                    .varargs(method.varargs())
                    .returns(TypeName.get(method.returnType()));
            for (ChannelMethod.Parameter parameter : method.parameters()) {
                publish.addParameter(TypeName.get(parameter.type()), parameter.name());
            }
            CodeBlock arguments = CodeBlock.of("$N$L", method.payload().name(),
                    template ? TemplateArguments.values(method) : CodeBlock.of(""));
            if (method.returnKind() == ChannelMethod.ReturnKind.VOID) {
                publish.addJavadoc("Publishes to {@code $L}, fire-and-forget; failures to send go to the error handler.\n",
                                method.channel())
                        .addStatement("this.$N.send($L)", field, arguments);
            } else {
                publish.addJavadoc("Publishes to {@code $L}; the stage completes when Redis accepted the message.\n",
                                method.channel())
                        .addStatement("return this.$N.sendAsync($L)", field, arguments);
            }
            if (template) {
                publish.addJavadoc("\n@throws IllegalArgumentException when a value is empty or holds a character that "
                        + "would change\n    the channel's meaning; nothing is sent\n");
            }
            methods.add(publish.build());
        }
        type.addMethod(constructor.build());
        type.addMethods(methods);
        return type.build();
    }
}
