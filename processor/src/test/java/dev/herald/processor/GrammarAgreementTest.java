package dev.herald.processor;

import static com.google.common.truth.Truth.assertWithMessage;
import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import dev.herald.ChannelTemplate;
import dev.herald.Herald;
import dev.herald.PayloadType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The processor and the runtime accept the same channel names and templates: every printable ASCII character
 * and a sample of Unicode, placed in a literal segment, as a whole segment, in a template's literal and in a
 * placeholder name, goes through the real processor (one javac run, one interface per case) and through an
 * in-memory Herald ({@code channel(...)} for a plain name, {@code template(...)} for a template). Both must
 * agree case by case; so must the processor's overlap check and the runtime's PSUBSCRIBE matching.
 *
 * <p>The runtime is a test dependency of the processor only; the processor never loads it.
 */
final class GrammarAgreementTest {

    private static Herald herald;

    @BeforeAll
    static void openHerald() {
        herald = Herald.inMemory();
    }

    @AfterAll
    static void closeHerald() {
        herald.close();
    }

    /** Printable ASCII, then Unicode: whitespace, controls, format characters, U+FFFD, surrogates, letters. */
    static List<String> samples() {
        List<String> samples = new ArrayList<>();
        for (char c = 0x20; c <= 0x7e; c++) {
            samples.add(String.valueOf(c));
        }
        for (int c : new int[] {0x00, 0x01, 0x09, 0x0a, 0x0d, 0x1f, 0x7f, 0x85, 0x9f, 0xa0, 0x1680, 0x2003, 0x2028,
                0x2029, 0x3000, 0x200b, 0xfeff, 0x00ad, 0x0300, 0xfffd, 0xd800, 0xdbff, 0xdc00, 0xdfff, 0xe9, 0xdf,
                0xb5, 0x65e5, 0x0663, 0x2160, 0x00bd, 0x2014, 0xff1a, 0xff0a}) {
            samples.add(String.valueOf((char) c));
        }
        samples.add(new String(Character.toChars(0x1f600))); // emoji: a surrogate pair
        samples.add(new String(Character.toChars(0x1d400))); // a letter beyond the Basic Multilingual Plane
        samples.add("\udfff\ud800");                          // two halves, the wrong way round
        return samples;
    }

    /** A declared channel and the parameters its method needs. */
    record Case(String channel, String parameters) {
    }

    static List<Case> cases() {
        List<Case> cases = new ArrayList<>();
        for (String s : samples()) {
            cases.add(new Case("a" + s + "b:c", "String payload"));            // inside a literal segment
            cases.add(new Case("a:" + s, "String payload"));                   // a whole segment
            cases.add(new Case(s + "x:{id}", "String id, String payload"));    // a template's literal
            String name = "a" + s;
            boolean identifier = name.matches("[A-Za-z_][A-Za-z0-9_]*");
            cases.add(new Case("t:{" + name + "}", (identifier ? "String " + name : "String p") + ", String payload"));
        }
        return cases;
    }

    @Test
    void theProcessorAndTheRuntimeAcceptTheSameNamesAndTemplates() {
        List<Case> cases = cases();
        List<String> lines = new ArrayList<>(List.of("package test;", "import dev.herald.annotation.Channel;"));
        int firstLine = lines.size() + 1;
        for (int i = 0; i < cases.size(); i++) {
            lines.add("interface C" + i + " { @Channel(" + javaExpression(cases.get(i).channel()) + ") void m("
                    + cases.get(i).parameters() + "); }");
        }
        // javac stops reporting after 100 errors unless told otherwise
        Compilation compilation = javac().withProcessors(new HeraldProcessor())
                .withOptions("-Xmaxerrs", "100000", "-Xmaxwarns", "100000")
                .compile(JavaFileObjects.forSourceLines("test.Cases", lines));

        Map<Integer, String> refusedByProcessor = new TreeMap<>();
        for (Diagnostic<? extends JavaFileObject> d : compilation.diagnostics()) {
            String message = d.getMessage(Locale.ROOT);
            if (d.getKind() == Diagnostic.Kind.ERROR) {
                assertWithMessage("only Herald's diagnostics: the cases must compile as Java").that(message)
                        .contains("[Herald");
            }
            if (message.contains("[HeraldChannelName]")) {
                refusedByProcessor.put((int) d.getLineNumber() - firstLine, message);
            }
        }
        List<String> disagreements = new ArrayList<>();
        int refused = 0;
        for (int i = 0; i < cases.size(); i++) {
            String channel = cases.get(i).channel();
            String runtime = refusedByRuntime(channel);
            String processor = refusedByProcessor.get(i);
            refused += runtime != null ? 1 : 0;
            if ((runtime == null) != (processor == null)) {
                disagreements.add(escaped(channel) + ": processor " + (processor == null ? "accepts" : processor)
                        + ", runtime " + (runtime == null ? "accepts" : runtime));
            }
        }
        assertWithMessage("cases the two sides judge differently").that(disagreements).isEmpty();
        // the sample must exercise both answers, or it proves nothing
        assertWithMessage("refused cases").that(refused).isGreaterThan(cases.size() / 4);
        assertWithMessage("accepted cases").that(refused).isLessThan(cases.size() * 3 / 4);
    }

    /** How the runtime judges a declared channel the way generated code uses it, or null when it accepts it. */
    private static String refusedByRuntime(String channel) {
        boolean template = channel.indexOf('{') >= 0 || channel.indexOf('}') >= 0;
        try {
            if (template) {
                herald.template(channel, PayloadType.of(String.class));
                String pattern = ChannelTemplate.of(channel).pattern();
                // every accepted template's pattern is an accepted pattern
                herald.psubscribe(pattern, String.class, (c, m) -> { });
                herald.punsubscribe(pattern).toCompletableFuture().get(5, TimeUnit.SECONDS);
            } else {
                herald.channel(channel, PayloadType.of(String.class));
                ChannelTemplate.of(channel); // a plain name is a template without placeholders
            }
            return null;
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void theProcessorsOverlapCheckAgreesWithTheRuntimesPatternMatching() throws Exception {
        Map<String, List<String>> pairs = new LinkedHashMap<>();
        pairs.put("feed:{userId}", List.of("feed:global", "feed:u:likes", "feeds:global", "feed"));
        pairs.put("a:{p}:c", List.of("a:b:x:c", "a:b:d", "a:b:c:d", "a:c"));
        pairs.put("user:{id}", List.of("user:{id}:events", "users:{id}", "user:{a}:{b}"));
        pairs.put("x:{p}:{q}", List.of("x:y", "x:y:z", "x:{a}:z:w"));
        List<String> disagreements = new ArrayList<>();
        for (Map.Entry<String, List<String>> pair : pairs.entrySet()) {
            for (String other : pair.getValue()) {
                boolean processor = processorWarnsOfOverlap(pair.getKey(), other);
                boolean runtime = receives(pair.getKey(), other) || receives(other, pair.getKey());
                if (processor != runtime) {
                    disagreements.add(pair.getKey() + " / " + other + ": processor " + processor + ", runtime " + runtime);
                }
            }
        }
        assertWithMessage("pairs the two sides judge differently").that(disagreements).isEmpty();
    }

    private static boolean processorWarnsOfOverlap(String template, String other) {
        List<String> lines = new ArrayList<>(List.of("package test;", "import dev.herald.annotation.Channel;",
                "interface Pair {"));
        lines.add("@Channel(\"" + template + "\") void first(" + parameters(template) + ");");
        lines.add("@Channel(\"" + other + "\") void second(" + parameters(other) + ");");
        lines.add("}");
        Compilation compilation = Sources.compilerAllowingWarnings(new HeraldProcessor())
                .compile(JavaFileObjects.forSourceLines("test.Pair", lines));
        assertWithMessage("%s / %s", template, other).that(compilation.errors()).isEmpty();
        return compilation.warnings().stream().anyMatch(w -> w.getMessage(Locale.ROOT).contains("[HeraldChannelOverlap]"));
    }

    /** Whether a subscriber of the template's pattern receives a message on a channel of the other declaration. */
    private static boolean receives(String template, String other) throws Exception {
        ChannelTemplate subscribed = ChannelTemplate.of(template);
        if (subscribed.placeholders().isEmpty()) {
            return false;
        }
        ChannelTemplate published = ChannelTemplate.of(other);
        String channel = published.resolve(published.placeholders().stream().map(p -> "x").toArray());
        herald.psubscribe(subscribed.pattern(), String.class, (c, m) -> { });
        try {
            return herald.publish(channel, "m").toCompletableFuture().get(5, TimeUnit.SECONDS) > 0;
        } finally {
            herald.punsubscribe(subscribed.pattern()).toCompletableFuture().get(5, TimeUnit.SECONDS);
        }
    }

    private static String parameters(String channel) {
        StringBuilder parameters = new StringBuilder();
        for (String placeholder : ChannelTemplate.of(channel).placeholders()) {
            parameters.append("String ").append(placeholder).append(", ");
        }
        return parameters.append("String payload").toString();
    }

    /** A constant expression for any string: characters Java source cannot hold as they are become casts. */
    private static String javaExpression(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 0x20 && c <= 0x7e && c != '"' && c != '\\') {
                out.append(c);
            } else {
                out.append(String.format(Locale.ROOT, "\" + (char) 0x%04x + \"", (int) c));
            }
        }
        return out.append('"').toString();
    }

    private static String escaped(String text) {
        StringBuilder out = new StringBuilder();
        for (char c : text.toCharArray()) {
            out.append(c >= 0x20 && c <= 0x7e ? String.valueOf(c) : String.format(Locale.ROOT, "\\u%04x", (int) c));
        }
        return out.toString();
    }
}
