package dev.herald.processor.validate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.annotation.processing.Messager;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;

/**
 * Collects every problem of one interface; generation runs only when it holds no error. The only place that
 * hands diagnostics to javac: every text comes from {@link Message}.
 */
public final class ValidationReport {

    private final List<Diagnostic> diagnostics = new ArrayList<>();

    /**
     * Adds a diagnostic of the message's kind. A warning is dropped when the element, or an element
     * enclosing it, carries {@code @SuppressWarnings("herald:<id>")}.
     *
     * @param message the message, which gives the kind
     * @param element where, or {@code null} for a problem of the whole compilation
     * @param annotation the annotation on {@code element}, or {@code null}
     * @param value the annotation value, or {@code null}
     * @param args the message's arguments
     */
    public void add(Message message, Element element, AnnotationMirror annotation, AnnotationValue value,
            Object... args) {
        if (!message.isError() && suppressed(message, element)) {
            return;
        }
        diagnostics.add(new Diagnostic(message, message.format(args), element, annotation, value));
    }

    private static boolean suppressed(Message message, Element element) {
        for (Element e = element; e != null; e = e.getEnclosingElement()) {
            SuppressWarnings suppressed = e.getAnnotation(SuppressWarnings.class);
            if (suppressed != null && Arrays.asList(suppressed.value()).contains("herald:" + message.id())) {
                return true;
            }
        }
        return false;
    }

    /** @return whether any error was added */
    public boolean hasErrors() {
        return diagnostics.stream().anyMatch(d -> d.message().isError());
    }

    /**
     * Reports every diagnostic to javac.
     *
     * @param messager the compilation's messager
     */
    public void printTo(Messager messager) {
        for (Diagnostic d : diagnostics) {
            if (d.element() == null) {
                messager.printMessage(d.message().kind(), d.text());
            } else if (d.annotation() != null && d.value() != null) {
                messager.printMessage(d.message().kind(), d.text(), d.element(), d.annotation(), d.value());
            } else if (d.annotation() != null) {
                messager.printMessage(d.message().kind(), d.text(), d.element(), d.annotation());
            } else {
                messager.printMessage(d.message().kind(), d.text(), d.element());
            }
        }
    }
}
