package dev.herald.processor.generate;

import static dev.herald.processor.generate.RuntimeNames.ASYNC_RESPONDER;
import static dev.herald.processor.generate.RuntimeNames.GENERATED_SUBSCRIBER;
import static dev.herald.processor.generate.RuntimeNames.HERALD;
import static dev.herald.processor.generate.RuntimeNames.HERALD_EXCEPTION;
import static dev.herald.processor.generate.RuntimeNames.MESSAGE_HANDLER;
import static dev.herald.processor.generate.RuntimeNames.RESPONDER;
import static dev.herald.processor.generate.RuntimeNames.SUBSCRIPTION;
import static dev.herald.processor.generate.RuntimeNames.SUBSCRIPTION_OPTIONS;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import com.palantir.javapoet.WildcardTypeName;
import dev.herald.processor.model.ChannelInterface;
import dev.herald.processor.model.ChannelMethod;
import dev.herald.processor.model.MemberNames;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * Generates {@code XSubscriber}: one method per channel taking a typed handler (two per request-reply channel,
 * taking a responder and an asynchronous one), each one statement over its base class {@code GeneratedSubscriber},
 * which binds the channel, keeps the subscription and has {@code unsubscribeAll()}.
 */
public final class SubscriberGenerator {

    /** What a durable subscription does, where a pub/sub one says it waits for the SUBSCRIBE. */
    private static final CodeBlock DURABLE_DELIVERY = CodeBlock.of(
            "The subscription joins the consumer group ({@code Herald.builder().consumerGroup(...)}, or the\n"
                    + "{@code consumerGroup} of this subscriber's {@link $T}); each message is delivered at\n"
                    + "least once, to one consumer of the group, and acknowledged after the handler returned.\n",
            SUBSCRIPTION_OPTIONS);

    private static final CodeBlock THROWS = CodeBlock.of(
            "@throws $T when Redis refused the subscription or did not acknowledge it in time\n", HERALD_EXCEPTION);

    private static final String THROWS_ILLEGAL_VALUE =
            "@throws IllegalArgumentException when a value is empty or would change the channel's meaning\n";

    private SubscriberGenerator() {
    }

    /** {@code handler}, or the first of {@code messageHandler}, {@code messageHandler2}, ... no placeholder uses. */
    private static String handlerName(ChannelMethod method) {
        return parameterName(method, "handler", "messageHandler");
    }

    /** {@code responder}, or the first of {@code requestResponder}, {@code requestResponder2}, ... no placeholder uses. */
    private static String responderName(ChannelMethod method) {
        return parameterName(method, "responder", "requestResponder");
    }

    private static String parameterName(ChannelMethod method, String preferred, String fallback) {
        if (!method.placeholders().contains(preferred)) {
            return preferred;
        }
        String name = fallback;
        for (int i = 2; method.placeholders().contains(name); i++) {
            name = fallback + i;
        }
        return name;
    }

    /** The typed handler of a template's pattern form: the method's own parameters, in its order. */
    private static TypeSpec handlerInterface(ChannelMethod method, TypeName payload) {
        MethodSpec.Builder onMessage = MethodSpec.methodBuilder("onMessage")
                .addModifiers(Modifier.PUBLIC, Modifier.ABSTRACT)
                .addException(Exception.class)
                .addJavadoc("Handles one message of a channel of {@code $L}.\n\n", method.channel());
        for (ChannelMethod.Parameter parameter : method.parameters()) {
            onMessage.addParameter(TypeName.get(parameter.type()), parameter.name());
            if (method.placeholders().contains(parameter.name())) {
                onMessage.addJavadoc("@param $N the value of {@code {$L}} in the channel\n", parameter.name(),
                        parameter.name());
            } else {
                onMessage.addJavadoc("@param $N the decoded payload\n", parameter.name());
            }
        }
        onMessage.addJavadoc("@throws Exception anything; it goes to the error handler and the subscription lives on\n");
        return TypeSpec.interfaceBuilder(MemberNames.handlerInterface(method))
                .addModifiers(Modifier.PUBLIC)
                .addAnnotation(FunctionalInterface.class)
                .addJavadoc("Receives the messages of every channel of {@code $L},\nwith its placeholder values typed.\n",
                        method.channel())
                .addMethod(onMessage.build())
                .build();
    }

    /**
     * A method that serves a request-reply channel, or for a template one channel of it, with a responder:
     * {@code quote(responder)} or {@code quoteAsync(responder)}.
     */
    private static MethodSpec responderMethod(ChannelMethod method, ClassName binding, String name,
            ClassName responderType, String respond, TypeName payload, TypeName reply, boolean async) {
        String responder = responderName(method);
        MethodSpec.Builder serve = MethodSpec.methodBuilder(name)
                .addModifiers(Modifier.PUBLIC)
                .returns(SUBSCRIPTION);
        serve.addJavadoc("{@return the subscription of a responder to $L{@code $L}, once Redis acknowledged the "
                        + "SUBSCRIBE; ending it stops serving}\n", method.isTemplate() ? "one channel of " : "",
                method.channel());
        for (ChannelMethod.Parameter parameter : method.placeholderParameters()) {
            serve.addParameter(TypeName.get(parameter.type()), parameter.name())
                    .addJavadoc("@param $N the value of {@code {$L}}\n", parameter.name(), parameter.name());
        }
        String request = payload instanceof ClassName ? "{@link $T}" : "{@code $T}";
        String answer = reply instanceof ClassName ? "{@link $T}" : "{@code $T}";
        serve.addParameter(ParameterizedTypeName.get(responderType, WildcardTypeName.supertypeOf(payload),
                        WildcardTypeName.subtypeOf(reply)), responder)
                .addJavadoc(async
                        ? "@param $N starts answering each " + request + "; its stage completes with the " + answer
                                + "\n    to send, and a failure, thrown or in the stage, fails the request\n"
                        : "@param $N answers each " + request + " with the " + answer + " to send;\n    what it "
                                + "throws fails the request\n",
                        responder, payload, reply);
        if (method.isTemplate()) {
            serve.addJavadoc(THROWS_ILLEGAL_VALUE)
                    .addJavadoc(THROWS)
                    .addStatement("return add(requestTemplate($T.$N).$N($N$L))", binding, MemberNames.constant(method),
                            respond, responder, TemplateArguments.values(method));
        } else {
            serve.addJavadoc(THROWS)
                    .addStatement("return add(requests($T.$N).$N($N))", binding, MemberNames.constant(method), respond,
                            responder);
        }
        return serve.build();
    }

    /**
     * Generates the subscriber of an interface.
     *
     * @param model a valid interface
     * @return the type
     */
    public static TypeSpec generate(ChannelInterface model) {
        ClassName iface = GeneratedNames.interfaceName(model);
        ClassName binding = GeneratedNames.binding(model);
        TypeSpec.Builder type = TypeSpec.classBuilder(GeneratedNames.subscriber(model))
                .addOriginatingElement(model.element())
                .addAnnotation(RuntimeNames.GENERATED)
                .alwaysQualify(RuntimeNames.GENERATED_SIMPLE_NAME)
                .addModifiers(Modifier.FINAL)
                .superclass(GENERATED_SUBSCRIBER)
                .addJavadoc("Subscribes typed handlers to the channels of {@link $T}. Handlers run on Herald's threads, "
                        + "one\nmessage at a time per subscription, in publish order. Thread-safe.\n", iface);
        if (model.methods().stream().anyMatch(ChannelMethod::isRequestReply)) {
            type.addJavadoc("Responders serve request-reply channels the same way; what they return is the reply.\n");
        }
        boolean durable = model.methods().stream().anyMatch(ChannelMethod::durable);
        if (durable) {
            type.addJavadoc("Durable channels deliver at least once: a handler may see a message again.\n");
        }
        if (model.isPublic()) {
            type.addModifiers(Modifier.PUBLIC);
        }
        MethodSpec inheriting = MethodSpec.constructorBuilder()
                .addModifiers(Modifier.PUBLIC)
                .addJavadoc("Creates a subscriber with the Herald's buffer, overflow and retry settings.\n")
                .addJavadoc("@param herald the Herald to subscribe on\n")
                .addParameter(HERALD, "herald")
                .addStatement("super(herald, $T.inherit())", SUBSCRIPTION_OPTIONS)
                .build();
        MethodSpec constructor = MethodSpec.constructorBuilder()
                .addModifiers(Modifier.PUBLIC)
                .addJavadoc("Creates a subscriber whose subscriptions use {@code options}.\n")
                .addJavadoc("@param herald the Herald to subscribe on\n")
                .addJavadoc(durable
                        ? "@param options buffer, overflow and retry settings, and the consumer group of durable channels;\n"
                                + "    unset values are the Herald's\n"
                        : "@param options buffer, overflow and retry settings; unset values are the Herald's\n")
                .addParameter(HERALD, "herald")
                .addParameter(SUBSCRIPTION_OPTIONS, "options")
                .addStatement("super(herald, options)")
                .build();
        List<MethodSpec> methods = new ArrayList<>();
        for (ChannelMethod method : model.methods()) {
            TypeName payload = GeneratedNames.payload(method);
            String constant = MemberNames.constant(method);
            boolean template = method.isTemplate();
            if (method.isRequestReply()) {
                TypeName reply = GeneratedNames.reply(method);
                methods.add(responderMethod(method, binding, method.name(), RESPONDER, "respond", payload, reply, false));
                methods.add(responderMethod(method, binding, MemberNames.asyncMethod(method), ASYNC_RESPONDER,
                        "respondAsync", payload, reply, true));
                continue;
            }
            String handler = handlerName(method);
            MethodSpec.Builder concrete = MethodSpec.methodBuilder(method.name())
                    .addModifiers(Modifier.PUBLIC)
                    .returns(SUBSCRIPTION)
                    .addJavadoc("{@return the subscription of a handler to $L$L{@code $L}$L}\n",
                            template ? "one channel of " : "", method.durable() ? "durable " : "", method.channel(),
                            method.durable() ? "" : ", once Redis acknowledged the SUBSCRIBE");
            if (method.durable()) {
                concrete.addJavadoc(DURABLE_DELIVERY);
            }
            for (ChannelMethod.Parameter parameter : method.placeholderParameters()) {
                concrete.addParameter(TypeName.get(parameter.type()), parameter.name())
                        .addJavadoc("@param $N the value of {@code {$L}}\n", parameter.name(), parameter.name());
            }
            concrete.addParameter(ParameterizedTypeName.get(MESSAGE_HANDLER, WildcardTypeName.supertypeOf(payload)), handler)
                    .addJavadoc(payload instanceof ClassName
                            ? "@param $N receives each {@link $T} published on the channel\n"
                            : "@param $N receives each {@code $T} published on the channel\n", handler, payload);
            if (template) {
                concrete.addJavadoc(THROWS_ILLEGAL_VALUE)
                        .addJavadoc(THROWS)
                        .addStatement("return add(template($T.$N).subscribe($N$L))", binding, constant, handler,
                                TemplateArguments.values(method));
            } else {
                concrete.addJavadoc(THROWS)
                        .addStatement("return add(channel($T.$N).subscribe($N))", binding, constant, handler);
            }
            methods.add(concrete.build());
            if (template) {
                TypeSpec handlerType = handlerInterface(method, payload);
                type.addType(handlerType);
                ClassName handlerName = GeneratedNames.subscriber(model).nestedClass(handlerType.name());
                MethodSpec.Builder every = MethodSpec.methodBuilder(MemberNames.patternMethod(method))
                        .addModifiers(Modifier.PUBLIC)
                        .addJavadoc("{@return the subscription of a handler to every channel of $L{@code $L}$L} "
                                        + "The handler receives the placeholder values of each message's channel, typed; "
                                        + "a channel whose values do not parse goes to the error handler.\n",
                                method.durable() ? "durable " : "", method.channel(),
                                method.durable() ? "" : ", with one PSUBSCRIBE that Redis acknowledged");
                if (method.durable()) {
                    every.addJavadoc(DURABLE_DELIVERY);
                }
                methods.add(every
                        .addJavadoc("@param handler receives each message with its channel's values\n")
                        .addJavadoc(THROWS)
                        .addParameter(handlerName, "handler")
                        .returns(SUBSCRIPTION)
                        .addStatement("return add(template($T.$N).subscribeAll((values, message) ->$W"
                                + "handler.onMessage($L)))", binding, constant,
                                TemplateArguments.parsed(method, "values", "message"))
                        .build());
            }
        }
        type.addMethod(inheriting);
        type.addMethod(constructor);
        type.addMethods(methods);
        return type.build();
    }
}
