package dev.herald.processor.model;

import dev.herald.grammar.ChannelSyntax;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Builds the model of a channel interface from its elements, once. Nothing is judged here; the
 * validators read the model and decide.
 */
public final class ModelBuilder {

    /** The annotation's canonical name; the processor never loads the annotation class. */
    public static final String CHANNEL = "dev.herald.annotation.Channel";

    private static final String COMPLETION_STAGE = "java.util.concurrent.CompletionStage";

    private final Elements elements;
    private final Types types;

    /**
     * Creates a builder.
     *
     * @param elements the compilation's elements
     * @param types the compilation's types
     */
    public ModelBuilder(Elements elements, Types types) {
        this.elements = elements;
        this.types = types;
    }

    /**
     * Builds the model of the type that encloses {@code @Channel} methods.
     *
     * @param type the enclosing type
     * @return its model
     */
    public ChannelInterface build(TypeElement type) {
        List<String> privateEnclosing = new ArrayList<>();
        boolean local = false;
        List<String> simpleNames = new ArrayList<>();
        boolean visible = true;
        Element current = type;
        while (current instanceof TypeElement t) {
            simpleNames.add(0, t.getSimpleName().toString());
            if (t.getNestingKind() == NestingKind.LOCAL || t.getNestingKind() == NestingKind.ANONYMOUS) {
                local = true;
                break;
            }
            if (t != type && t.getModifiers().contains(Modifier.PRIVATE)) {
                privateEnclosing.add(t.getSimpleName().toString());
            }
            visible &= t.getModifiers().contains(Modifier.PUBLIC);
            current = t.getEnclosingElement();
        }
        PackageElement pkg = elements.getPackageOf(type);

        List<ChannelMethod> methods = new ArrayList<>();
        for (ExecutableElement method : ElementFilter.methodsIn(type.getEnclosedElements())) {
            AnnotationMirror annotation = channelAnnotation(method);
            if (annotation != null) {
                methods.add(method(method, annotation));
            }
        }
        List<ExecutableElement> unannotated = new ArrayList<>();
        List<ExecutableElement> inherited = new ArrayList<>();
        if (type.getKind() == ElementKind.INTERFACE) {
            for (ExecutableElement method : ElementFilter.methodsIn(elements.getAllMembers(type))) {
                if (!method.getModifiers().contains(Modifier.ABSTRACT) || isObjectMethod(method)) {
                    continue;
                }
                if (channelAnnotation(method) == null) {
                    unannotated.add(method);
                } else if (method.getEnclosingElement() != type) {
                    inherited.add(method);
                }
            }
        }
        return new ChannelInterface(type, pkg.getQualifiedName().toString(), List.copyOf(simpleNames), visible,
                type.getModifiers().contains(Modifier.PRIVATE), !type.getTypeParameters().isEmpty(), local,
                List.copyOf(privateEnclosing), List.copyOf(inherited), List.copyOf(methods), List.copyOf(unannotated));
    }

    /**
     * The {@code @Channel} annotation of an element.
     *
     * @param element any element
     * @return its mirror, or {@code null}
     */
    public static AnnotationMirror channelAnnotation(Element element) {
        for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
            TypeElement annotationType = (TypeElement) mirror.getAnnotationType().asElement();
            if (annotationType.getQualifiedName().contentEquals(CHANNEL)) {
                return mirror;
            }
        }
        return null;
    }

    private ChannelMethod method(ExecutableElement method, AnnotationMirror annotation) {
        AnnotationValue value = null;
        boolean durable = false;
        for (var entry : annotation.getElementValues().entrySet()) {
            if (entry.getKey().getSimpleName().contentEquals("value")) {
                value = entry.getValue();
            } else if (entry.getKey().getSimpleName().contentEquals("durable")) {
                durable = Boolean.TRUE.equals(entry.getValue().getValue());
            }
        }
        String channel = value != null && value.getValue() instanceof String s ? s : "";
        // javac hands over a constant it cannot resolve yet (one generated in a later round) as "<error>"
        // (a resolved value prints as a quoted literal, an unresolved one does not)
        boolean resolved = value != null && value.getValue() instanceof String && value.toString().startsWith("\"");
        List<String> placeholders = ChannelSyntax.parse(channel).placeholders();
        List<ChannelMethod.Parameter> parameters = new ArrayList<>();
        for (VariableElement parameter : method.getParameters()) {
            parameters.add(new ChannelMethod.Parameter(parameter.getSimpleName().toString(), parameter.asType(),
                    parameters.size()));
        }
        TypeMirror returnType = method.getReturnType();
        ChannelMethod.ReturnKind kind = ChannelMethod.ReturnKind.INVALID;
        TypeMirror reply = null;
        if (returnType.getKind() == TypeKind.VOID) {
            kind = ChannelMethod.ReturnKind.VOID;
        } else if (returnType.getKind() == TypeKind.DECLARED) {
            DeclaredType declared = (DeclaredType) returnType;
            TypeElement element = (TypeElement) declared.asElement();
            if (element.getQualifiedName().contentEquals(COMPLETION_STAGE) && declared.getTypeArguments().size() == 1) {
                TypeMirror argument = declared.getTypeArguments().get(0);
                if (isVoid(argument)) {
                    kind = ChannelMethod.ReturnKind.COMPLETION;
                } else if (argument.getKind() != TypeKind.WILDCARD) {
                    // any other type names the reply, which is checked like a payload: a type variable is reported
                    // there, and an error type (a reply generated in a later round) is deferred like a payload
                    kind = ChannelMethod.ReturnKind.REQUEST_REPLY;
                    reply = argument;
                }
            }
        }
        ChannelMethod.Misplacement misplaced = null;
        if (method.getModifiers().contains(Modifier.STATIC)) {
            misplaced = ChannelMethod.Misplacement.STATIC;
        } else if (method.isDefault()) {
            misplaced = ChannelMethod.Misplacement.DEFAULT;
        } else if (method.getModifiers().contains(Modifier.PRIVATE)) {
            misplaced = ChannelMethod.Misplacement.PRIVATE;
        } else if (!method.getModifiers().contains(Modifier.ABSTRACT)) {
            misplaced = ChannelMethod.Misplacement.NOT_ABSTRACT;
        }
        return new ChannelMethod(method, annotation, value, channel, resolved, placeholders, durable,
                method.getSimpleName().toString(), List.copyOf(parameters), returnType, kind, reply,
                !method.getTypeParameters().isEmpty(), method.isVarArgs(), misplaced);
    }

    private boolean isVoid(TypeMirror type) {
        return type.getKind() == TypeKind.DECLARED
                && ((TypeElement) types.asElement(type)).getQualifiedName().contentEquals("java.lang.Void");
    }

    /**
     * {@code toString()}, {@code hashCode()} and {@code equals(Object)} redeclared abstract by an interface;
     * {@code Object}'s own methods never get here, since they are not abstract.
     */
    private boolean isObjectMethod(ExecutableElement method) {
        String name = method.getSimpleName().toString();
        List<? extends VariableElement> parameters = method.getParameters();
        return parameters.isEmpty() && (name.equals("toString") || name.equals("hashCode"))
                || name.equals("equals") && parameters.size() == 1
                        && types.isSameType(parameters.get(0).asType(),
                                elements.getTypeElement("java.lang.Object").asType());
    }
}
