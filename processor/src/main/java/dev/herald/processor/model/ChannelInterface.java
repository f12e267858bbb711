package dev.herald.processor.model;

import java.util.List;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;

/**
 * A channel interface: an interface with at least one {@code @Channel} method.
 *
 * @param element the interface, for diagnostics and as the originating element of generated files
 * @param packageName its package
 * @param simpleNames its simple name and those of enclosing types, outermost first
 * @param isPublic whether code in another package can see it
 * @param declaredPrivate whether the interface is private
 * @param generic whether it declares type parameters
 * @param local whether it, or a type enclosing it, is local or anonymous
 * @param privateEnclosingTypes the simple names of private types enclosing it, innermost first
 * @param inheritedChannelMethods {@code @Channel} methods it inherits from other interfaces
 * @param methods its {@code @Channel} methods in declaration order
 * @param unannotatedMethods abstract methods without {@code @Channel}, declared or inherited
 */
public record ChannelInterface(
        TypeElement element,
        String packageName,
        List<String> simpleNames,
        boolean isPublic,
        boolean declaredPrivate,
        boolean generic,
        boolean local,
        List<String> privateEnclosingTypes,
        List<ExecutableElement> inheritedChannelMethods,
        List<ChannelMethod> methods,
        List<ExecutableElement> unannotatedMethods) {

    /** @return the base of generated names: nested interfaces flatten as {@code Outer_Inner} */
    public String flatName() {
        return String.join("_", simpleNames);
    }

    /** @return the interface's canonical name */
    public String qualifiedName() {
        return element.getQualifiedName().toString();
    }
}
