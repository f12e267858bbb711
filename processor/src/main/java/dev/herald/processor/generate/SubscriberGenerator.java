package dev.herald.processor.generate;

import static dev.herald.processor.generate.RuntimeNames.ASYNC_RESPONDER;
import static dev.herald.processor.generate.RuntimeNames.COMPLETION_STAGE;
import static dev.herald.processor.generate.RuntimeNames.HERALD;
import static dev.herald.processor.generate.RuntimeNames.HERALD_EXCEPTION;
import static dev.herald.processor.generate.RuntimeNames.MESSAGE_HANDLER;
import static dev.herald.processor.generate.RuntimeNames.OBJECTS;
import static dev.herald.processor.generate.RuntimeNames.REQUEST_CHANNEL;
import static dev.herald.processor.generate.RuntimeNames.REQUEST_TEMPLATE;
import static dev.herald.processor.generate.RuntimeNames.RESPONDER;
import static dev.herald.processor.generate.RuntimeNames.SUBSCRIPTION;
import static dev.herald.processor.generate.RuntimeNames.SUBSCRIPTION_GROUP;
import static dev.herald.processor.generate.RuntimeNames.SUBSCRIPTION_OPTIONS;
import static dev.herald.processor.generate.RuntimeNames.TEMPLATE_CHANNEL;
import static dev.herald.processor.generate.RuntimeNames.TYPED_CHANNEL;

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
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * Generates {@code XSubscriber}: one method per channel taking a typed handler (two per request-reply channel,
 * taking a responder and an asynchronous one), and {@code unsubscribeAll()}.
 */
public final class SubscriberGenerator {

    /** What a durable subscription does, where a pub/sub one says it waits for the SUBSCRIBE. */
    private static final CodeBlock DURABLE_DELIVERY = CodeBlock.of(
            "The subscription joins the consumer group ({@code Herald.builder().consumerGroup(...)}, or the\n"
                    + "{@code consumerGroup} of this subscriber's {@link $T}); each message is delivered at\n"
                    + "least once, to one consumer of the group, and acknowledged after the handler returned.\n\n",
            SUBSCRIPTION_OPTIONS);

    private static final CodeBlock THROWS = CodeBlock.of(
            "@throws $T when Redis refused the subscription or did not acknowledge it in time\n", HERALD_EXCEPTION);

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
    private static MethodSpec responderMethod(ChannelMethod method, String name, ClassName responderType,
            String respond, TypeName payload, TypeName reply, boolean async) {
        String responder = responderName(method);
        MethodSpec.Builder serve = MethodSpec.methodBuilder(name)
                .addModifiers(Modifier.PUBLIC)
                .returns(SUBSCRIPTION);
        if (method.isTemplate()) {
            serve.addJavadoc("Serves the requests of one channel of {@code $L}", method.channel());
        } else {
            serve.addJavadoc("Serves the requests of {@code $L}", method.channel());
        }
        serve.addJavadoc(async
                        ? " with a responder\nwhose replies complete later. Returns once Redis acknowledged the SUBSCRIBE.\n\n"
                        : ":\nthe responder's return value is the reply. Returns once Redis acknowledged the SUBSCRIBE.\n\n");
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
                        responder, payload, reply)
                .addJavadoc("@return the subscription; ending it stops serving\n");
        if (method.isTemplate()) {
            serve.addJavadoc("@throws IllegalArgumentException when a value is empty or holds a character that "
                            + "would change\n    the channel's meaning\n")
                    .addJavadoc(THROWS)
                    .addStatement("return this.subscriptions.add(this.$N.$N($N$L))", MemberNames.channelField(method),
                            respond, responder, TemplateArguments.values(method));
        } else {
            serve.addJavadoc(THROWS)
                    .addStatement("return this.subscriptions.add(this.$N.$N($N))", MemberNames.channelField(method),
                            respond, responder);
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
                .addModifiers(Modifier.FINAL)
                .addJavadoc("Subscribes typed handlers to the channels of {@link $T}.\n", iface)
                .addJavadoc("Handlers run on Herald's threads, one message at a time per subscription, in publish order.\n")
                .addJavadoc("Thread-safe.\n");
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
                .addJavadoc("Creates a subscriber with the Herald's buffer, overflow and retry settings.\n\n")
                .addJavadoc("@param herald the Herald to subscribe on\n")
                .addParameter(HERALD, "herald")
                .addStatement("this(herald, $T.inherit())", SUBSCRIPTION_OPTIONS)
                .build();
        MethodSpec.Builder constructor = MethodSpec.constructorBuilder()
                .addModifiers(Modifier.PUBLIC)
                .addJavadoc("Creates a subscriber whose subscriptions use {@code options}; binds each channel's codec once.\n\n")
                .addJavadoc("@param herald the Herald to subscribe on\n")
                .addJavadoc(durable
                        ? "@param options buffer, overflow and retry settings, and the consumer group of durable channels;\n"
                                + "    unset values are the Herald's\n"
                        : "@param options buffer, overflow and retry settings; unset values are the Herald's\n")
                .addParameter(HERALD, "herald")
                .addParameter(SUBSCRIPTION_OPTIONS, "options")
                .addStatement("$T.requireNonNull(herald, $S)", OBJECTS, "herald")
                .addStatement("$T.requireNonNull(options, $S)", OBJECTS, "options");
        type.addField(FieldSpec.builder(SUBSCRIPTION_GROUP, "subscriptions", Modifier.PRIVATE, Modifier.FINAL)
                .initializer("new $T()", SUBSCRIPTION_GROUP)
                .build());
        List<MethodSpec> methods = new ArrayList<>();
        for (ChannelMethod method : model.methods()) {
            TypeName payload = GeneratedNames.payload(method);
            String field = MemberNames.channelField(method);
            boolean template = method.isTemplate();
            if (method.isRequestReply()) {
                TypeName reply = GeneratedNames.reply(method);
                type.addField(ParameterizedTypeName.get(template ? REQUEST_TEMPLATE : REQUEST_CHANNEL, payload, reply),
                        field, Modifier.PRIVATE, Modifier.FINAL);
                constructor.addStatement("this.$N = herald.$N($T.$N).withOptions(options)", field,
                        template ? "requestTemplate" : "requests", binding, MemberNames.constant(method));
                methods.add(responderMethod(method, method.name(), RESPONDER, "respond", payload, reply, false));
                methods.add(responderMethod(method, MemberNames.asyncMethod(method), ASYNC_RESPONDER, "respondAsync",
                        payload, reply, true));
                continue;
            }
            type.addField(ParameterizedTypeName.get(template ? TEMPLATE_CHANNEL : TYPED_CHANNEL, payload), field,
                    Modifier.PRIVATE, Modifier.FINAL);
            constructor.addStatement("this.$N = herald.$N($T.$N).withOptions(options)", field,
                    template ? "template" : "channel", binding, MemberNames.constant(method));
            String handler = handlerName(method);
            MethodSpec.Builder concrete = MethodSpec.methodBuilder(method.name())
                    .addModifiers(Modifier.PUBLIC)
                    .returns(SUBSCRIPTION);
            if (method.durable()) {
                concrete.addJavadoc(template
                        ? "Subscribes a handler to one channel of durable {@code $L}.\n"
                        : "Subscribes a handler to durable {@code $L}.\n", method.channel())
                        .addJavadoc(DURABLE_DELIVERY);
            }
            if (template) {
                if (!method.durable()) {
                    concrete.addJavadoc("Subscribes a handler to one channel of {@code $L};\nreturns once Redis "
                            + "acknowledged the SUBSCRIBE.\n\n", method.channel());
                }
                for (ChannelMethod.Parameter parameter : method.placeholderParameters()) {
                    concrete.addParameter(TypeName.get(parameter.type()), parameter.name())
                            .addJavadoc("@param $N the value of {@code {$L}}\n", parameter.name(), parameter.name());
                }
            } else if (!method.durable()) {
                concrete.addJavadoc("Subscribes a handler to {@code $L}; returns once Redis acknowledged the SUBSCRIBE.\n\n",
                        method.channel());
            }
            concrete.addParameter(ParameterizedTypeName.get(MESSAGE_HANDLER, WildcardTypeName.supertypeOf(payload)), handler)
                    .addJavadoc(payload instanceof ClassName
                            ? "@param $N receives each {@link $T} published on the channel\n"
                            : "@param $N receives each {@code $T} published on the channel\n", handler, payload)
                    .addJavadoc("@return the subscription\n");
            if (template) {
                concrete.addJavadoc("@throws IllegalArgumentException when a value is empty or holds a character that "
                                + "would change\n    the channel's meaning\n")
                        .addJavadoc(THROWS)
                        .addStatement("return this.subscriptions.add(this.$N.subscribe($N$L))", field, handler,
                                TemplateArguments.values(method));
            } else {
                concrete.addJavadoc(THROWS)
                        .addStatement("return this.subscriptions.add(this.$N.subscribe($N))", field, handler);
            }
            methods.add(concrete.build());
            if (template) {
                TypeSpec handlerType = handlerInterface(method, payload);
                type.addType(handlerType);
                ClassName handlerName = GeneratedNames.subscriber(model).nestedClass(handlerType.name());
                MethodSpec.Builder every = MethodSpec.methodBuilder(MemberNames.patternMethod(method))
                        .addModifiers(Modifier.PUBLIC);
                if (method.durable()) {
                    every.addJavadoc("Subscribes a handler to every channel of durable {@code $L}.\n"
                                    + "The handler receives the placeholder values of each message's channel, typed. "
                                    + "A channel whose\nvalues do not parse goes to the error handler.\n", method.channel())
                            .addJavadoc(DURABLE_DELIVERY);
                } else {
                    every.addJavadoc("Subscribes a handler to every channel of {@code $L} with one PSUBSCRIBE;\n"
                            + "returns once Redis acknowledged it. The handler receives the placeholder values of\n"
                            + "each message's channel, typed. A channel whose values do not parse goes to the error\n"
                            + "handler.\n\n", method.channel());
                }
                methods.add(every
                        .addJavadoc("@param handler receives each message with its channel's values\n")
                        .addJavadoc("@return the subscription\n")
                        .addJavadoc(THROWS)
                        .addParameter(handlerName, "handler")
                        .returns(SUBSCRIPTION)
                        .addStatement("return this.subscriptions.add(this.$N.subscribeAll((values, message) ->$W"
                                + "handler.onMessage($L)))", field, TemplateArguments.parsed(method, "values", "message"))
                        .build());
            }
        }
        methods.add(MethodSpec.methodBuilder(MemberNames.UNSUBSCRIBE_ALL)
                .addModifiers(Modifier.PUBLIC)
                .addJavadoc("Ends every subscription this subscriber made.\n\n")
                .addJavadoc(durable
                        ? "@return a stage that completes when Redis acknowledged the resulting UNSUBSCRIBEs and every\n"
                                + "    durable subscription stopped reading its stream\n"
                        : "@return a stage that completes when Redis acknowledged the resulting UNSUBSCRIBEs\n")
                .returns(ParameterizedTypeName.get(COMPLETION_STAGE, ClassName.get(Void.class)))
                .addStatement("return this.subscriptions.unsubscribeAll()")
                .build());
        type.addMethod(inheriting);
        type.addMethod(constructor.build());
        type.addMethods(methods);
        return type.build();
    }
}
