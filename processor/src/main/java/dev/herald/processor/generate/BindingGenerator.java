package dev.herald.processor.generate;

import static dev.herald.processor.generate.RuntimeNames.BINDING_SUBSCRIPTIONS;
import static dev.herald.processor.generate.RuntimeNames.BINDING_SUPPORT;
import static dev.herald.processor.generate.RuntimeNames.CHANNEL_DESCRIPTOR;
import static dev.herald.processor.generate.RuntimeNames.HERALD;
import static dev.herald.processor.generate.RuntimeNames.HERALD_BINDING;
import static dev.herald.processor.generate.RuntimeNames.LIST;
import static dev.herald.processor.generate.RuntimeNames.OBJECTS;
import static dev.herald.processor.generate.RuntimeNames.PAYLOAD_TYPE;
import static dev.herald.processor.generate.RuntimeNames.REQUEST_DESCRIPTOR;
import static dev.herald.processor.generate.RuntimeNames.SERVICE_LOADER;
import static dev.herald.processor.generate.RuntimeNames.SUBSCRIPTION;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import com.palantir.javapoet.WildcardTypeName;
import dev.herald.processor.model.ChannelInterface;
import dev.herald.processor.model.ChannelMethod;
import dev.herald.processor.model.MemberNames;
import javax.lang.model.element.Modifier;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/**
 * Generates {@code XBinding}: one {@code ChannelDescriptor} constant per channel (name, payload type and
 * durability, fixed once), a {@code RequestDescriptor} for a request-reply channel (reply type too), and the
 * {@code listen} behind {@code herald.listen(X.class, impl)}. Registered as a service.
 */
public final class BindingGenerator {

    private BindingGenerator() {
    }

    /**
     * Generates the binding of an interface.
     *
     * @param model a valid interface
     * @return the type
     */
    public static TypeSpec generate(ChannelInterface model) {
        ClassName iface = GeneratedNames.interfaceName(model);
        TypeSpec.Builder type = TypeSpec.classBuilder(GeneratedNames.binding(model))
                .addOriginatingElement(model.element())
                .addAnnotation(RuntimeNames.GENERATED)
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addSuperinterface(ParameterizedTypeName.get(HERALD_BINDING, iface))
                .addJavadoc("The channels of {@link $T}, for the runtime: found through\n", iface)
                .addJavadoc("{@code META-INF/services/dev.herald.binding.HeraldBinding}, used by\n")
                .addJavadoc("{@code herald.listen($T.class, implementation)} and by the generated publisher and subscriber.\n",
                        iface);

        CodeBlock.Builder channels = CodeBlock.builder();
        CodeBlock.Builder listen = CodeBlock.builder();
        for (ChannelMethod method : model.methods()) {
            TypeName payload = GeneratedNames.payload(method);
            if (!channels.isEmpty()) {
                channels.add(",\n");
            }
            if (method.isRequestReply()) {
                TypeName reply = GeneratedNames.reply(method);
                type.addField(FieldSpec.builder(ParameterizedTypeName.get(REQUEST_DESCRIPTOR, payload, reply),
                                MemberNames.constant(method), Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                        .addJavadoc("Request-reply channel {@code $L} of {@link $T#$L}.\n", method.channel(), iface,
                                method.name())
                        .initializer("$T.of($Z$S,$W$L,$W$L,$W$T.class,$W$S)", REQUEST_DESCRIPTOR, method.channel(),
                                payloadType(method.payload().type(), payload), payloadType(method.replyType(), reply),
                                iface, method.name())
                        .build());
                channels.add("$N.channel()", MemberNames.constant(method));
                listen.add(requestReplyListen(method));
                continue;
            }
            type.addField(FieldSpec.builder(ParameterizedTypeName.get(CHANNEL_DESCRIPTOR, payload),
                            MemberNames.constant(method), Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                    .addJavadoc("$L {@code $L} of {@link $T#$L}.\n", method.durable() ? "Durable channel" : "Channel",
                            method.channel(), iface, method.name())
                    .initializer("$T.$N($Z$S,$W$L,$W$T.class,$W$S)", CHANNEL_DESCRIPTOR,
                            method.durable() ? "durable" : "of", method.channel(),
                            payloadType(method.payload().type(), payload), iface, method.name())
                    .build());
            channels.add("$N", MemberNames.constant(method));
            boolean await = method.returnKind() != ChannelMethod.ReturnKind.VOID;
            if (method.isTemplate()) {
                CodeBlock call = CodeBlock.of("implementation.$N($L)", method.name(),
                        TemplateArguments.parsed(method, "values", "message"));
                listen.addStatement("made.add(herald.template($N).subscribeAllAsync((values, message) ->$W$L))",
                        MemberNames.constant(method), await ? CodeBlock.of("$T.await($L)", BINDING_SUPPORT, call) : call);
            } else {
                // plain statements and a lambda with a known target type: javac attributes these far faster
                // than lambdas passed through a generic or varargs method
                CodeBlock handler = await
                        ? CodeBlock.of("message ->$W$T.await(implementation.$N(message))", BINDING_SUPPORT, method.name())
                        : CodeBlock.of("implementation::$N", method.name());
                listen.addStatement("made.add(herald.channel($N).subscribeAsync($L))", MemberNames.constant(method), handler);
            }
        }

        type.addMethod(MethodSpec.constructorBuilder()
                .addModifiers(Modifier.PUBLIC)
                .addJavadoc("Creates the binding; called by {@link $T}.\n", SERVICE_LOADER)
                .build());
        type.addMethod(MethodSpec.methodBuilder("channelInterface")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .returns(ParameterizedTypeName.get(ClassName.get(Class.class), iface))
                .addStatement("return $T.class", iface)
                .build());
        type.addMethod(MethodSpec.methodBuilder("channels")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .returns(ParameterizedTypeName.get(LIST,
                        ParameterizedTypeName.get(CHANNEL_DESCRIPTOR, WildcardTypeName.subtypeOf(Object.class))))
                .addCode("return $T.of(\n$>$>$L$<$<);\n", LIST, channels.build())
                .build());
        type.addMethod(MethodSpec.methodBuilder("listen")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .returns(SUBSCRIPTION)
                .addParameter(HERALD, "herald")
                .addParameter(iface, "implementation")
                .addStatement("$T.requireNonNull(herald, $S)", OBJECTS, "herald")
                .addStatement("$T.requireNonNull(implementation, $S)", OBJECTS, "implementation")
                .addStatement("$T made = new $T(herald)", BINDING_SUBSCRIPTIONS, BINDING_SUBSCRIPTIONS)
                .beginControlFlow("try")
                .addCode(listen.build())
                .nextControlFlow("catch ($T | $T e)", RuntimeException.class, Error.class)
                .addStatement("made.undo(e)")
                .addStatement("throw e")
                .endControlFlow()
                .addStatement("return made.all(herald)")
                .build());
        type.addMethod(MethodSpec.methodBuilder("publisher")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .returns(iface)
                .addParameter(HERALD, "herald")
                .addStatement("return new $T(herald)", GeneratedNames.publisher(model))
                .build());
        return type.build();
    }

    /**
     * Serves a request-reply method: its return value is the reply. A template serves every channel of it
     * with one pattern subscription, like a plain template.
     */
    private static CodeBlock requestReplyListen(ChannelMethod method) {
        if (method.isTemplate()) {
            return CodeBlock.builder()
                    .addStatement("made.add(herald.requestTemplate($N).subscribeResponderAll((values, request) ->$W"
                                    + "implementation.$N($L)))", MemberNames.constant(method), method.name(),
                            TemplateArguments.parsed(method, "values", "request"))
                    .build();
        }
        return CodeBlock.builder()
                .addStatement("made.add(herald.requests($N).subscribeResponder(implementation::$N))",
                        MemberNames.constant(method), method.name())
                .build();
    }

    /** {@code PayloadType.of(X.class)} for a plain class, an anonymous subclass for a generic type. */
    private static CodeBlock payloadType(TypeMirror type, TypeName name) {
        if (isGeneric(type)) {
            return CodeBlock.of("new $T<$T>() {}", PAYLOAD_TYPE, name);
        }
        return CodeBlock.of("$T.of($T.class)", PAYLOAD_TYPE, name);
    }

    /** A parameterized type, or an array of one, has no class literal: {@code List<Item>[].class} does not compile. */
    private static boolean isGeneric(TypeMirror type) {
        if (type.getKind() == TypeKind.ARRAY) {
            return isGeneric(((ArrayType) type).getComponentType());
        }
        return type.getKind() == TypeKind.DECLARED && !((DeclaredType) type).getTypeArguments().isEmpty();
    }
}
