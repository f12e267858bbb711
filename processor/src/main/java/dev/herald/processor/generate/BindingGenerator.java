package dev.herald.processor.generate;

import static dev.herald.processor.generate.RuntimeNames.BINDING_SUBSCRIPTIONS;
import static dev.herald.processor.generate.RuntimeNames.CHANNEL_DESCRIPTOR;
import static dev.herald.processor.generate.RuntimeNames.GENERATED_BINDING;
import static dev.herald.processor.generate.RuntimeNames.HERALD;
import static dev.herald.processor.generate.RuntimeNames.PAYLOAD_TYPE;
import static dev.herald.processor.generate.RuntimeNames.REQUEST_DESCRIPTOR;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
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
 * {@code listen(made, herald, listener)} behind {@code herald.listen(X.class, impl)}; the rest of the binding is its base class,
 * {@code GeneratedBinding}. Registered as a service.
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
                .alwaysQualify(RuntimeNames.GENERATED_SIMPLE_NAME)
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .superclass(ParameterizedTypeName.get(GENERATED_BINDING, iface))
                .addJavadoc("The channels of {@link $T}, for the runtime (found as a service) and the generated classes.\n",
                        iface);

        CodeBlock.Builder channels = CodeBlock.builder();
        CodeBlock.Builder listen = CodeBlock.builder();
        for (ChannelMethod method : model.methods()) {
            TypeName payload = GeneratedNames.payload(method);
            channels.add(",$W");
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
                    .initializer("$N($S,$W$L,$W$T.class,$W$S)", method.durable() ? "durable" : "channel",
                            method.channel(), payloadClass(method.payload().type(), payload), iface, method.name())
                    .build());
            channels.add("$N", MemberNames.constant(method));
            boolean await = method.returnKind() != ChannelMethod.ReturnKind.VOID;
            if (method.isTemplate()) {
                CodeBlock call = CodeBlock.of("listener.$N($L)", method.name(),
                        TemplateArguments.parsed(method, "values", "message"));
                listen.addStatement("made.add(herald.template($N).subscribeAllAsync((values, message) ->$W$L))",
                        MemberNames.constant(method), await ? CodeBlock.of("await($L)", call) : call);
            } else {
                // plain statements and a lambda with a known target type: javac attributes these far faster
                // than lambdas passed through a generic or varargs method
                CodeBlock handler = await
                        ? CodeBlock.of("message ->$Wawait(listener.$N(message))", method.name())
                        : CodeBlock.of("listener::$N", method.name());
                listen.addStatement("made.add(herald.channel($N).subscribeAsync($L))", MemberNames.constant(method), handler);
            }
        }

        // the interface, its publisher and its channels go to the base class, which implements the binding's
        // methods; the javadoc names ServiceLoader in full rather than importing it for one link
        type.addMethod(MethodSpec.constructorBuilder()
                .addModifiers(Modifier.PUBLIC)
                .addJavadoc("Creates the binding; called by {@link java.util.ServiceLoader}.\n")
                .addStatement("super($T.class,$W$T::new$L)", iface, GeneratedNames.publisher(model), channels.build())
                .build());
        type.addMethod(MethodSpec.methodBuilder("listen")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PROTECTED)
                .addParameter(BINDING_SUBSCRIPTIONS, "made")
                .addParameter(HERALD, "herald")
                .addParameter(iface, "listener")
                .addCode(listen.build())
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
                                    + "listener.$N($L)))", MemberNames.constant(method), method.name(),
                            TemplateArguments.parsed(method, "values", "request"))
                    .build();
        }
        return CodeBlock.builder()
                .addStatement("made.add(herald.requests($N).subscribeResponder(listener::$N))",
                        MemberNames.constant(method), method.name())
                .build();
    }

    /** {@code X.class} for a plain class, {@code new PayloadType<X<Y>>() {}} for a generic type. */
    private static CodeBlock payloadClass(TypeMirror type, TypeName name) {
        return isGeneric(type) ? payloadType(type, name) : CodeBlock.of("$T.class", name);
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
