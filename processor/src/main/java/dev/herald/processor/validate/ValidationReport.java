package dev.herald.processor.validate;

import java.util.ArrayList;
import java.util.List;
import javax.annotation.processing.Messager;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.tools.Diagnostic.Kind;

/** Collects every problem of one interface; generation runs only when it holds no error. */
public final class ValidationReport {

    private final List<Diagnostic> diagnostics = new ArrayList<>();

    /**
     * Adds an error.
     *
     * @param message the message
     * @param element where
     * @param annotation the annotation on {@code element}, or {@code null}
     * @param value the annotation value, or {@code null}
     * @param args the message's arguments
     */
    public void error(Message message, Element element, AnnotationMirror annotation, AnnotationValue value,
            Object... args) {
        diagnostics.add(new Diagnostic(Kind.ERROR, message.format(args), element, annotation, value));
    }

    /**
     * Adds a warning unless the element, or an element enclosing it, carries
     * {@code @SuppressWarnings("herald:<id>")}.
     *
     * @param message the message
     * @param element where
     * @param annotation the annotation on {@code element}, or {@code null}
     * @param value the annotation value, or {@code null}
     * @param args the message's arguments
     */
    public void warning(Message message, Element element, AnnotationMirror annotation, AnnotationValue value,
            Object... args) {
        for (Element e = element; e != null; e = e.getEnclosingElement()) {
            SuppressWarnings suppressed = e.getAnnotation(SuppressWarnings.class);
            if (suppressed != null && java.util.Arrays.asList(suppressed.value()).contains("herald:" + message.id())) {
                return;
            }
        }
        diagnostics.add(new Diagnostic(Kind.WARNING, message.format(args), element, annotation, value));
    }

    /** @return whether any error was added */
    public boolean hasErrors() {
        return diagnostics.stream().anyMatch(d -> d.kind() == Kind.ERROR);
    }

    /**
     * Reports every diagnostic to javac.
     *
     * @param messager the compilation's messager
     */
    public void printTo(Messager messager) {
        for (Diagnostic d : diagnostics) {
            if (d.annotation() != null && d.value() != null) {
                messager.printMessage(d.kind(), d.text(), d.element(), d.annotation(), d.value());
            } else if (d.annotation() != null) {
                messager.printMessage(d.kind(), d.text(), d.element(), d.annotation());
            } else {
                messager.printMessage(d.kind(), d.text(), d.element());
            }
        }
    }
}
