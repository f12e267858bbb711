package dev.herald.processor.generate;

import com.palantir.javapoet.JavaFile;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import javax.annotation.processing.Filer;
import javax.lang.model.element.Element;
import javax.tools.JavaFileObject;

/**
 * Writes generated sources laid out as a person would write them where JavaPoet cannot: a Javadoc of one line
 * on one line ({@code /** Channel ... *}{@code /}), Javadoc wrapped at {@value #MAX_LINE} columns, and consecutive
 * fields without a blank line between them.
 * Every generated line is one more for javac to read, and generated code is most of what a build with Herald
 * compiles.
 */
public final class GeneratedSources {

    /** The longest line a collapsed Javadoc may make; the golden tests hold every generated line to it. */
    static final int MAX_LINE = 120;

    /** The first line of a field: modifiers ending in {@code final}, a type, a name, then {@code ;} or {@code =}. */
    private static final Pattern FIELD = Pattern.compile(
            " +(?:(?:public|protected|private|static) )*final [\\w.<>?, \\[\\]]+ \\w+(?:;| = .*)");

    private GeneratedSources() {
    }

    /**
     * Writes one generated type, as {@link JavaFile#writeTo(Filer)} would, laid out by {@link #layout}.
     *
     * @param file the file
     * @param filer where to write it
     * @throws IOException when the file cannot be written
     */
    public static void write(JavaFile file, Filer filer) throws IOException {
        String name = file.packageName().isEmpty() ? file.typeSpec().name()
                : file.packageName() + "." + file.typeSpec().name();
        JavaFileObject source = filer.createSourceFile(name,
                file.typeSpec().originatingElements().toArray(new Element[0]));
        try (Writer writer = source.openWriter()) {
            writer.write(layout(file.toString()));
        } catch (IOException | RuntimeException e) {
            source.delete();
            throw e;
        }
    }

    /**
     * @param javaPoet a source as JavaPoet writes it: a blank line between members, and no line break inside a
     *     string literal
     * @return the same source with one-line Javadoc collapsed, long Javadoc lines wrapped and no blank line
     *     between two fields
     */
    static String layout(String javaPoet) {
        List<String> in = javaPoet.lines().toList();
        List<String> out = new ArrayList<>(in.size());
        for (int i = 0; i < in.size(); i++) {
            String line = in.get(i);
            String collapsed = i + 2 < in.size() ? collapsedJavadoc(line, in.get(i + 1), in.get(i + 2)) : null;
            if (collapsed != null) {
                out.add(collapsed);
                i += 2;
            } else if (line.length() > MAX_LINE && line.stripLeading().startsWith("* ")) {
                wrapJavadoc(line, out);
            } else if (!(line.isEmpty() && betweenFields(out, in, i + 1))) {
                out.add(line);
            }
        }
        return String.join("\n", out) + "\n";
    }

    /**
     * Whether a blank line separates two fields: the member before it ends with {@code ;} (a field, or an abstract
     * method of a nested interface, which no field follows) and the member after it, past its Javadoc, is a field.
     */
    private static boolean betweenFields(List<String> before, List<String> lines, int at) {
        if (before.isEmpty() || !before.get(before.size() - 1).endsWith(";")) {
            return false;
        }
        int declaration = at;
        if (at < lines.size() && lines.get(at).strip().equals("/**")) {
            while (declaration < lines.size() && !lines.get(declaration).strip().equals("*/")) {
                declaration++;
            }
            declaration++;
        }
        return declaration < lines.size() && FIELD.matcher(lines.get(declaration)).matches();
    }

    /**
     * Breaks a Javadoc line longer than {@link #MAX_LINE} at spaces; the lines that continue a block tag are
     * indented by four more spaces.
     */
    private static void wrapJavadoc(String line, List<String> out) {
        int text = line.indexOf("* ") + 2;
        String rest = line.substring(text);
        String prefix = line.substring(0, text);
        String continuation = prefix + (rest.startsWith("@") || rest.startsWith(" ") ? "    " : "");
        String current = line;
        int cut = current.lastIndexOf(' ', MAX_LINE);
        while (current.length() > MAX_LINE && cut > continuation.length()) {
            out.add(current.substring(0, cut));
            current = continuation + current.substring(cut + 1);
            cut = current.lastIndexOf(' ', MAX_LINE);
        }
        out.add(current);
    }

    /** {@code /** text *}{@code /} for a Javadoc of three lines whose middle one is its only text, if it fits. */
    private static String collapsedJavadoc(String open, String text, String close) {
        String indent = open.substring(0, open.length() - open.stripLeading().length());
        if (!open.equals(indent + "/**") || !close.equals(indent + " */") || !text.startsWith(indent + " * ")) {
            return null;
        }
        String line = indent + "/** " + text.substring(indent.length() + 3) + " */";
        return line.length() <= MAX_LINE ? line : null;
    }
}
