package dev.herald.processor.generate;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import dev.herald.processor.model.ChannelMethod;
import java.util.Map;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/** The argument lists generated code passes for template methods. */
final class TemplateArguments {

    private static final Map<String, String> PARSERS = Map.ofEntries(
            Map.entry("java.lang.String", "string"), Map.entry("java.lang.Integer", "asInt"),
            Map.entry("java.lang.Long", "asLong"), Map.entry("java.lang.Short", "asShort"),
            Map.entry("java.lang.Byte", "asByte"), Map.entry("java.lang.Double", "asDouble"),
            Map.entry("java.lang.Float", "asFloat"), Map.entry("java.lang.Boolean", "asBoolean"),
            Map.entry("java.lang.Character", "asChar"), Map.entry("java.util.UUID", "asUuid"));

    private TemplateArguments() {
    }

    /** The placeholder parameters in placeholder order: what {@code ChannelTemplate.resolve} takes. */
    static CodeBlock values(ChannelMethod method) {
        CodeBlock.Builder values = CodeBlock.builder();
        for (String placeholder : method.placeholders()) {
            values.add(", $N", method.parameterFor(placeholder).name());
        }
        return values.build();
    }

    /**
     * The method's arguments in declaration order, read back from a received channel: each placeholder
     * parsed from {@code values}, the payload as {@code message}.
     */
    static CodeBlock parsed(ChannelMethod method, String values, String message) {
        CodeBlock.Builder arguments = CodeBlock.builder();
        for (ChannelMethod.Parameter parameter : method.parameters()) {
            if (parameter.index() > 0) {
                arguments.add(", ");
            }
            int placeholder = method.placeholders().indexOf(parameter.name());
            if (placeholder < 0) {
                arguments.add("$N", message);
            } else {
                arguments.add(parse(parameter.type(), values, placeholder));
            }
        }
        return arguments.build();
    }

    private static CodeBlock parse(TypeMirror type, String values, int index) {
        if (type.getKind().isPrimitive()) {
            String kind = type.getKind().name();
            String parser = type.getKind() == TypeKind.BOOLEAN ? "asBoolean"
                    : "as" + kind.charAt(0) + kind.substring(1).toLowerCase(java.util.Locale.ROOT);
            return CodeBlock.of("$N.$N($L)", values, parser, index);
        }
        TypeElement element = (TypeElement) ((DeclaredType) type).asElement();
        if (element.getKind() == ElementKind.ENUM) {
            return CodeBlock.of("$N.asEnum($L, $T.class)", values, index, ClassName.get(element));
        }
        return CodeBlock.of("$N.$N($L)", values, PARSERS.get(element.getQualifiedName().toString()), index);
    }
}
