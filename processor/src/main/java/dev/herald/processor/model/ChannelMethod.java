package dev.herald.processor.model;

import java.util.List;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.type.TypeMirror;

/**
 * One {@code @Channel} method as declared, before validation.
 *
 * @param element the method, for diagnostics
 * @param annotation the {@code @Channel} mirror, for diagnostics
 * @param annotationValue its {@code value}, so diagnostics point at the channel string
 * @param channel the channel name as written
 * @param name the method name
 * @param parameters the parameters in declaration order
 * @param returnType what the method returns
 * @param returnKind how the processor reads the return type
 * @param replyType for {@link ReturnKind#REQUEST_REPLY}, the reply type; otherwise {@code null}
 * @param generic whether the method declares type parameters
 * @param modifiersProblem a description of a default or static modifier, or {@code null}
 */
public record ChannelMethod(
        ExecutableElement element,
        AnnotationMirror annotation,
        AnnotationValue annotationValue,
        String channel,
        String name,
        List<Parameter> parameters,
        TypeMirror returnType,
        ReturnKind returnKind,
        TypeMirror replyType,
        boolean generic,
        String modifiersProblem) {

    /** How a method's return type is read. */
    public enum ReturnKind {
        /** {@code void}: fire-and-forget. */
        VOID,
        /** {@code CompletionStage<Void>}: completes when Redis accepted the message. */
        COMPLETION,
        /** {@code CompletionStage<R>} with another {@code R}: request-reply. */
        REQUEST_REPLY,
        /** Anything else. */
        INVALID
    }

    /**
     * One method parameter.
     *
     * @param name its name
     * @param type its type
     */
    public record Parameter(String name, TypeMirror type) {
    }

    /** @return the single parameter, the payload, when there is exactly one */
    public Parameter payload() {
        return parameters.get(0);
    }
}
