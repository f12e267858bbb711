package dev.herald.processor.validate;

import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;

/**
 * One problem found by validation, with the place javac should point at.
 *
 * @param message the catalogue entry, which gives the kind and the id
 * @param text the formatted message, id included
 * @param element the element
 * @param annotation the annotation on it, or {@code null}
 * @param value the annotation value, or {@code null}
 */
public record Diagnostic(Message message, String text, Element element, AnnotationMirror annotation,
        AnnotationValue value) {
}
