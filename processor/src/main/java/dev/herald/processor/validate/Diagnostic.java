package dev.herald.processor.validate;

import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.tools.Diagnostic.Kind;

/**
 * One problem found by validation, with the place javac should point at.
 *
 * @param kind error or warning
 * @param text the formatted message, id included
 * @param element the element
 * @param annotation the annotation on it, or {@code null}
 * @param value the annotation value, or {@code null}
 */
public record Diagnostic(Kind kind, String text, Element element, AnnotationMirror annotation, AnnotationValue value) {
}
