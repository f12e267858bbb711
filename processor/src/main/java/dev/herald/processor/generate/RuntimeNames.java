package dev.herald.processor.generate;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;

/** Names of the runtime types generated code uses; the processor never loads them. */
final class RuntimeNames {

    static final ClassName HERALD = ClassName.get("dev.herald", "Herald");
    static final ClassName HERALD_EXCEPTION = ClassName.get("dev.herald", "HeraldException");
    static final ClassName SUBSCRIPTION = ClassName.get("dev.herald", "Subscription");
    static final ClassName SUBSCRIPTION_OPTIONS = ClassName.get("dev.herald", "SubscriptionOptions");
    static final ClassName MESSAGE_HANDLER = ClassName.get("dev.herald", "MessageHandler");
    static final ClassName TYPED_CHANNEL = ClassName.get("dev.herald", "TypedChannel");
    static final ClassName TEMPLATE_CHANNEL = ClassName.get("dev.herald", "TemplateChannel");
    static final ClassName CHANNEL_DESCRIPTOR = ClassName.get("dev.herald", "ChannelDescriptor");
    static final ClassName PAYLOAD_TYPE = ClassName.get("dev.herald", "PayloadType");
    static final ClassName REQUEST_DESCRIPTOR = ClassName.get("dev.herald", "RequestDescriptor");
    static final ClassName REQUEST_CHANNEL = ClassName.get("dev.herald", "RequestChannel");
    static final ClassName REQUEST_TEMPLATE = ClassName.get("dev.herald", "RequestTemplate");
    static final ClassName RESPONDER = ClassName.get("dev.herald", "Responder");
    static final ClassName ASYNC_RESPONDER = ClassName.get("dev.herald", "AsyncResponder");
    static final ClassName HERALD_BUILDER = ClassName.get("dev.herald", "HeraldBuilder");
    static final ClassName REQUEST_TIMEOUT_EXCEPTION = ClassName.get("dev.herald", "RequestTimeoutException");
    static final ClassName NO_RESPONDER_EXCEPTION = ClassName.get("dev.herald", "NoResponderException");
    static final ClassName REMOTE_HANDLER_EXCEPTION = ClassName.get("dev.herald", "RemoteHandlerException");
    static final ClassName PUBLISH_FAILED_EXCEPTION = ClassName.get("dev.herald", "PublishFailedException");
    static final ClassName BINDING_SUPPORT = ClassName.get("dev.herald.binding", "BindingSupport");
    static final ClassName BINDING_SUBSCRIPTIONS = BINDING_SUPPORT.nestedClass("Subscriptions");
    static final ClassName GENERATED_BINDING = ClassName.get("dev.herald.binding", "GeneratedBinding");
    static final ClassName GENERATED_SUBSCRIBER = ClassName.get("dev.herald.binding", "GeneratedSubscriber");
    static final ClassName OBJECTS = ClassName.get("java.util", "Objects");
    static final ClassName DURATION = ClassName.get("java.time", "Duration");

    static final String PROCESSOR = "dev.herald.processor.HeraldProcessor";

    static final AnnotationSpec GENERATED = AnnotationSpec.builder(
                    ClassName.get("javax.annotation.processing", "Generated"))
            .addMember("value", "$S", PROCESSOR)
            .build();

    /**
     * Written in full ({@code @javax.annotation.processing.Generated(...)}) rather than imported: used once per
     * file, its import would be one more line in each.
     */
    static final String GENERATED_SIMPLE_NAME = "Generated";

    private RuntimeNames() {
    }
}
