package dev.herald.processor.generate;

import static dev.herald.processor.generate.RuntimeNames.DURATION;
import static dev.herald.processor.generate.RuntimeNames.HERALD;
import static dev.herald.processor.generate.RuntimeNames.HERALD_BUILDER;
import static dev.herald.processor.generate.RuntimeNames.NO_RESPONDER_EXCEPTION;
import static dev.herald.processor.generate.RuntimeNames.OBJECTS;
import static dev.herald.processor.generate.RuntimeNames.PUBLISH_FAILED_EXCEPTION;
import static dev.herald.processor.generate.RuntimeNames.REMOTE_HANDLER_EXCEPTION;
import static dev.herald.processor.generate.RuntimeNames.REQUEST_CHANNEL;
import static dev.herald.processor.generate.RuntimeNames.REQUEST_TEMPLATE;
import static dev.herald.processor.generate.RuntimeNames.REQUEST_TIMEOUT_EXCEPTION;
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

/**
 * Generates {@code XPublisher implements X}: each method encodes with its bound codec and publishes, or for a
 * request-reply method sends the request and returns the stage of its reply. With request-reply methods it
 * has a second constructor that sets their reply timeout.
 */
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
                .alwaysQualify(RuntimeNames.GENERATED_SIMPLE_NAME)
                .addModifiers(Modifier.FINAL)
                .addSuperinterface(iface)
                .addJavadoc("Publishes the channels of {@link $T} through a {@link $T}; thread-safe, never blocks.\n",
                        iface, HERALD);
        if (model.isPublic()) {
            type.addModifiers(Modifier.PUBLIC);
        }
        boolean requestReply = model.methods().stream().anyMatch(ChannelMethod::isRequestReply);
        MethodSpec.Builder constructor = MethodSpec.constructorBuilder()
                .addModifiers(Modifier.PUBLIC)
                .addJavadoc(requestReply
                        ? CodeBlock.of("Creates a publisher whose requests wait for their replies as long as the Herald's\n"
                                + "{@link $T#requestTimeout($T) request timeout}; binds each channel's codec once.\n",
                                HERALD_BUILDER, DURATION)
                        : CodeBlock.of("Creates a publisher; binds each channel's codec once.\n"))
                .addJavadoc("@param herald the Herald to publish through\n")
                .addParameter(HERALD, "herald");
        MethodSpec.Builder timed = MethodSpec.constructorBuilder()
                .addModifiers(Modifier.PUBLIC)
                .addJavadoc("Creates a publisher whose requests wait for their replies as long as {@code requestTimeout};\n"
                        + "binds each channel's codec once.\n")
                .addJavadoc("@param herald the Herald to publish through\n")
                .addJavadoc("@param requestTimeout how long each request waits for its reply, positive; overrides\n"
                        + "    {@link $T#requestTimeout($T)}\n", HERALD_BUILDER, DURATION)
                .addParameter(HERALD, "herald")
                .addParameter(DURATION, "requestTimeout")
                .addStatement("$T.requireNonNull(requestTimeout, $S)", OBJECTS, "requestTimeout");
        List<MethodSpec> methods = new ArrayList<>();
        for (ChannelMethod method : model.methods()) {
            TypeName payload = GeneratedNames.payload(method);
            String field = MemberNames.channelField(method);
            boolean template = method.isTemplate();
            CodeBlock bound;
            if (method.isRequestReply()) {
                type.addField(ParameterizedTypeName.get(template ? REQUEST_TEMPLATE : REQUEST_CHANNEL, payload,
                        GeneratedNames.reply(method)), field, Modifier.PRIVATE, Modifier.FINAL);
                bound = CodeBlock.of("herald.$N($T.$N)", template ? "requestTemplate" : "requests", binding,
                        MemberNames.constant(method));
                constructor.addStatement("this.$N = $L", field, bound);
                timed.addStatement("this.$N = $L.withTimeout(requestTimeout)", field, bound);
            } else {
                type.addField(ParameterizedTypeName.get(template ? TEMPLATE_CHANNEL : TYPED_CHANNEL, payload), field,
                        Modifier.PRIVATE, Modifier.FINAL);
                bound = CodeBlock.of("herald.$N($T.$N)", template ? "template" : "channel", binding,
                        MemberNames.constant(method));
                constructor.addStatement("this.$N = $L", field, bound);
                timed.addStatement("this.$N = $L", field, bound);
            }

            // no @Override: each method implements the interface's, which the compiler checks all the same
            MethodSpec.Builder publish = MethodSpec.methodBuilder(method.name())
                    .addModifiers(Modifier.PUBLIC)
                    .varargs(method.varargs())
                    .returns(TypeName.get(method.returnType()));
            for (ChannelMethod.Parameter parameter : method.parameters()) {
                publish.addParameter(TypeName.get(parameter.type()), parameter.name());
            }
            CodeBlock arguments = CodeBlock.of("$N$L", method.payload().name(),
                    template ? TemplateArguments.values(method) : CodeBlock.of(""));
            switch (method.returnKind()) {
                case VOID -> publish.addJavadoc(method.durable()
                                ? "Appends to the stream of durable {@code $L}, fire-and-forget; failures go to the error "
                                        + "handler.\n"
                                : "Publishes to {@code $L}, fire-and-forget; failures to send go to the error handler.\n",
                                method.channel())
                        .addStatement("this.$N.send($L)", field, arguments);
                case COMPLETION -> publish.addJavadoc(method.durable()
                                ? "Appends to the stream of durable {@code $L}; the stage completes when Redis stored "
                                        + "the entry.\n"
                                : "Publishes to {@code $L}; the stage completes when Redis accepted the message.\n",
                                method.channel())
                        .addStatement("return this.$N.sendAsync($L)", field, arguments);
                case REQUEST_REPLY -> publish.addJavadoc("Sends a request to {@code $L}; the stage completes with the "
                                + "reply.\n", method.channel())
                        .addJavadoc("@return a stage completed with the first reply; it fails with {@link $T} when none "
                                + "came\n    in time, {@link $T} when nobody served the channel, {@link $T} when the\n"
                                + "    responder failed and {@link $T} when the request could not be sent\n",
                                REQUEST_TIMEOUT_EXCEPTION, NO_RESPONDER_EXCEPTION, REMOTE_HANDLER_EXCEPTION,
                                PUBLISH_FAILED_EXCEPTION)
                        .addStatement("return this.$N.request($L)", field, arguments);
                case INVALID -> throw new IllegalStateException("generating " + method.name() + " of an invalid model");
            }
            if (template) {
                publish.addJavadoc("@throws IllegalArgumentException when a value is empty or would change the channel's "
                        + "meaning; nothing is sent\n");
            }
            methods.add(publish.build());
        }
        type.addMethod(constructor.build());
        if (requestReply) {
            type.addMethod(timed.build());
        }
        type.addMethods(methods);
        return type.build();
    }
}
