package dev.herald.processor.model;

import java.util.ArrayList;
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
 * @param channelResolved {@code false} when the value is a constant javac could not resolve yet
 * @param placeholders the placeholder names of the channel, in order; empty when it has none or is malformed
 * @param durable the annotation's {@code durable}: a stream read through consumer groups instead of pub/sub
 * @param name the method name
 * @param parameters the parameters in declaration order
 * @param returnType what the method returns
 * @param returnKind how the processor reads the return type
 * @param replyType for {@link ReturnKind#REQUEST_REPLY}, the reply type; otherwise {@code null}
 * @param generic whether the method declares type parameters
 * @param varargs whether the last parameter is varargs
 * @param misplaced why the method cannot carry {@code @Channel} (static, default, ...), or {@code null}
 */
public record ChannelMethod(
        ExecutableElement element,
        AnnotationMirror annotation,
        AnnotationValue annotationValue,
        String channel,
        boolean channelResolved,
        List<String> placeholders,
        boolean durable,
        String name,
        List<Parameter> parameters,
        TypeMirror returnType,
        ReturnKind returnKind,
        TypeMirror replyType,
        boolean generic,
        boolean varargs,
        Misplacement misplaced) {

    /** A method that is not an abstract interface method, so {@code @Channel} does not belong on it. */
    public enum Misplacement {
        /** A static method. */
        STATIC,
        /** A default method. */
        DEFAULT,
        /** A private method. */
        PRIVATE,
        /** Any other method with a body. */
        NOT_ABSTRACT
    }

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
     * @param index its position
     */
    public record Parameter(String name, TypeMirror type, int index) {
    }

    /** @return whether the method is request-reply: it returns {@code CompletionStage<R>} with an {@code R} other than Void */
    public boolean isRequestReply() {
        return returnKind == ReturnKind.REQUEST_REPLY;
    }

    /** @return whether the channel has placeholders */
    public boolean isTemplate() {
        return !placeholders.isEmpty();
    }

    /** @return the parameters no placeholder names, in declaration order; the payload is the one of them */
    public List<Parameter> nonPlaceholderParameters() {
        List<Parameter> rest = new ArrayList<>();
        for (Parameter parameter : parameters) {
            if (!placeholders.contains(parameter.name())) {
                rest.add(parameter);
            }
        }
        return rest;
    }

    /** @return the payload parameter when exactly one parameter is not a placeholder; otherwise {@code null} */
    public Parameter payload() {
        List<Parameter> rest = nonPlaceholderParameters();
        return rest.size() == 1 ? rest.get(0) : null;
    }

    /**
     * The parameter bound to a placeholder.
     *
     * @param placeholder a placeholder name
     * @return its parameter, or {@code null}
     */
    public Parameter parameterFor(String placeholder) {
        for (Parameter parameter : parameters) {
            if (parameter.name().equals(placeholder)) {
                return parameter;
            }
        }
        return null;
    }

    /** @return the placeholder parameters in declaration order */
    public List<Parameter> placeholderParameters() {
        List<Parameter> bound = new ArrayList<>();
        for (Parameter parameter : parameters) {
            if (placeholders.contains(parameter.name())) {
                bound.add(parameter);
            }
        }
        return bound;
    }
}
