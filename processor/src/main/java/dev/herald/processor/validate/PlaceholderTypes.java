package dev.herald.processor.validate;

import java.util.Set;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/** The types a placeholder parameter may have: each forms one channel segment and parses back. */
public final class PlaceholderTypes {

    private static final Set<String> DECLARED = Set.of("java.lang.String", "java.lang.Boolean", "java.lang.Byte",
            "java.lang.Short", "java.lang.Integer", "java.lang.Long", "java.lang.Float", "java.lang.Double",
            "java.lang.Character", "java.util.UUID");

    private PlaceholderTypes() {
    }

    /**
     * @param type a placeholder parameter's type
     * @return whether it can form a channel segment
     */
    public static boolean isSupported(TypeMirror type) {
        if (type.getKind().isPrimitive()) {
            return true;
        }
        if (type.getKind() != TypeKind.DECLARED) {
            return false;
        }
        TypeElement element = (TypeElement) ((DeclaredType) type).asElement();
        return element.getKind() == ElementKind.ENUM || DECLARED.contains(element.getQualifiedName().toString());
    }
}
