package dev.herald.processor.generate;

import static dev.herald.processor.generate.RuntimeNames.COMPLETION_STAGE;
import static dev.herald.processor.generate.RuntimeNames.HERALD;
import static dev.herald.processor.generate.RuntimeNames.MESSAGE_HANDLER;
import static dev.herald.processor.generate.RuntimeNames.OBJECTS;
import static dev.herald.processor.generate.RuntimeNames.SUBSCRIPTION;
import static dev.herald.processor.generate.RuntimeNames.SUBSCRIPTION_GROUP;
import static dev.herald.processor.generate.RuntimeNames.TYPED_CHANNEL;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import com.palantir.javapoet.WildcardTypeName;
import dev.herald.processor.model.ChannelInterface;
import dev.herald.processor.model.ChannelMethod;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;

/** Generates {@code XSubscriber}: one method per channel taking a typed handler, and {@code unsubscribeAll()}. */
public final class SubscriberGenerator {

    private SubscriberGenerator() {
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
        if (model.isPublic()) {
            type.addModifiers(Modifier.PUBLIC);
        }
        MethodSpec.Builder constructor = MethodSpec.constructorBuilder()
                .addModifiers(Modifier.PUBLIC)
                .addJavadoc("Creates a subscriber; binds each channel's codec once.\n\n")
                .addJavadoc("@param herald the Herald to subscribe on\n")
                .addParameter(HERALD, "herald")
                .addStatement("$T.requireNonNull(herald, $S)", OBJECTS, "herald");
        type.addField(FieldSpec.builder(SUBSCRIPTION_GROUP, "subscriptions", Modifier.PRIVATE, Modifier.FINAL)
                .initializer("new $T()", SUBSCRIPTION_GROUP)
                .build());
        List<MethodSpec> methods = new ArrayList<>();
        for (ChannelMethod method : model.methods()) {
            TypeName payload = GeneratedNames.payload(method);
            String field = GeneratedNames.channelField(method);
            type.addField(ParameterizedTypeName.get(TYPED_CHANNEL, payload), field, Modifier.PRIVATE, Modifier.FINAL);
            constructor.addStatement("this.$N = herald.channel($T.$N)", field, binding, GeneratedNames.constant(method));
            methods.add(MethodSpec.methodBuilder(method.name())
                    .addModifiers(Modifier.PUBLIC)
                    .addJavadoc("Subscribes a handler to {@code $L}; returns once Redis acknowledged the SUBSCRIBE.\n\n",
                            method.channel())
                    .addJavadoc(payload instanceof ClassName
                            ? "@param handler receives each {@link $T} published on the channel\n"
                            : "@param handler receives each {@code $T} published on the channel\n", payload)
                    .addJavadoc("@return the subscription\n")
                    .addJavadoc("@throws dev.herald.HeraldException when Redis refused the SUBSCRIBE or did not acknowledge it in time\n")
                    .addParameter(ParameterizedTypeName.get(MESSAGE_HANDLER, WildcardTypeName.supertypeOf(payload)),
                            "handler")
                    .returns(SUBSCRIPTION)
                    .addStatement("return this.subscriptions.add(this.$N.subscribe(handler))", field)
                    .build());
        }
        methods.add(MethodSpec.methodBuilder("unsubscribeAll")
                .addModifiers(Modifier.PUBLIC)
                .addJavadoc("Ends every subscription this subscriber made.\n\n")
                .addJavadoc("@return a stage that completes when Redis acknowledged the resulting UNSUBSCRIBEs\n")
                .returns(ParameterizedTypeName.get(COMPLETION_STAGE, ClassName.get(Void.class)))
                .addStatement("return this.subscriptions.unsubscribeAll()")
                .build());
        type.addMethod(constructor.build());
        type.addMethods(methods);
        return type.build();
    }
}
