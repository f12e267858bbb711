package dev.herald.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static java.nio.charset.StandardCharsets.UTF_8;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Compares everything the processor generates for a fixture, byte for byte, with the golden files in
 * {@code src/test/resources/goldens/<fixture>/}: each source at its package path
 * ({@code test/OrderEventsPublisher.java}) and the service registration at
 * {@code META-INF/services/dev.herald.binding.HeraldBinding}. A golden file that is no longer generated fails too.
 *
 * <p>After an intended change to the generated code, rewrite the goldens, then review them and their diff
 * like hand-written code:
 *
 * <pre>
 * mvn -o -q -B -pl processor test -Dtest=GoldenFilesTest -Dherald.updateGoldens=true
 * </pre>
 *
 * With {@code herald.updateGoldens=true} each test replaces its fixture's directory under the directory
 * named by the system property {@code herald.goldens} (the pom points it at
 * {@code processor/src/test/resources/goldens}) instead of comparing.
 */
final class GoldenFilesTest {

    private static final boolean UPDATE = Boolean.getBoolean("herald.updateGoldens");
    /** The house limit for source lines, generated ones included. */
    private static final int MAX_LINE = 120;
    private static final Path GOLDENS = Path.of(System.getProperty("herald.goldens", "src/test/resources/goldens"));

    @Test
    void orderEvents() {
        assertMatchesGoldens("orderEvents", orderEventsSources());
    }

    @Test
    void nestedInterfaceFlattensItsName() {
        assertMatchesGoldens("nestedInterface", nestedInterfaceSources());
    }

    @Test
    void packagePrivateInterfaceGetsPackagePrivateClasses() {
        assertMatchesGoldens("packagePrivateInterface", packagePrivateInterfaceSources());
    }

    @Test
    void channelTemplates() {
        assertMatchesGoldens("templates", templateSources());
    }

    @Test
    void requestReply() {
        assertMatchesGoldens("requestReply", requestReplySources());
    }

    @Test
    void durableChannels() {
        assertMatchesGoldens("durable", durableSources());
    }

    @Test
    void sameInputGivesTheSameBytes() {
        List<JavaFileObject> sources = allSources();
        List<JavaFileObject> reversed = new ArrayList<>(sources);
        Collections.reverse(reversed);

        SortedMap<String, String> first = generated(Sources.compiler(new HeraldProcessor()).compile(sources));
        SortedMap<String, String> second = generated(Sources.compiler(new HeraldProcessor()).compile(sources));
        SortedMap<String, String> reversedOrder = generated(Sources.compiler(new HeraldProcessor()).compile(reversed));

        assertThat(first).hasSize(6 * 3 + 1);
        assertThat(second).containsExactlyEntriesIn(first);
        assertThat(reversedOrder).containsExactlyEntriesIn(first);
    }

    @Test
    void noGeneratedLineIsLongerThan120Characters() {
        List<JavaFileObject> sources = allSources();
        SortedMap<String, String> generated = generated(Sources.compiler(new HeraldProcessor()).compile(sources));

        List<String> tooLong = new ArrayList<>();
        generated.forEach((path, text) -> text.lines()
                .filter(line -> line.length() > MAX_LINE)
                .forEach(line -> tooLong.add(path + " (" + line.length() + "): " + line)));
        assertThat(generated).isNotEmpty();
        assertWithMessage("generated lines longer than %s characters", MAX_LINE).that(tooLong).isEmpty();
    }

    /** Every golden fixture, for the tests that look at all of them at once. */
    private static List<JavaFileObject> allSources() {
        List<JavaFileObject> sources = new ArrayList<>();
        sources.addAll(orderEventsSources());
        sources.addAll(nestedInterfaceSources());
        sources.addAll(packagePrivateInterfaceSources());
        sources.addAll(templateSources());
        sources.addAll(requestReplySources());
        sources.addAll(durableSources());
        return sources;
    }

    private static void assertMatchesGoldens(String fixture, List<JavaFileObject> sources) {
        Compilation compilation = Sources.compiler(new HeraldProcessor()).compile(sources);
        assertThat(compilation).succeededWithoutWarnings();
        SortedMap<String, String> generated = generated(compilation);
        Path directory = GOLDENS.resolve(fixture);
        if (UPDATE) {
            rewrite(directory, generated);
            return;
        }
        SortedMap<String, String> goldens = read(directory);
        assertWithMessage("generated files of %s (goldens in %s)", fixture, directory)
                .that(generated.keySet()).containsExactlyElementsIn(goldens.keySet());
        for (Map.Entry<String, String> golden : goldens.entrySet()) {
            assertWithMessage("%s/%s", fixture, golden.getKey())
                    .that(generated.get(golden.getKey())).isEqualTo(golden.getValue());
        }
    }

    /** Generated sources and resources by path under their output location; class files left out. */
    private static SortedMap<String, String> generated(Compilation compilation) {
        SortedMap<String, String> files = new TreeMap<>();
        for (JavaFileObject file : compilation.generatedFiles()) {
            if (file.getKind() == JavaFileObject.Kind.CLASS) {
                continue;
            }
            String path = file.toUri().getPath(); // "/SOURCE_OUTPUT/test/OrderEventsPublisher.java"
            try (InputStream in = file.openInputStream()) {
                files.put(path.substring(path.indexOf('/', 1) + 1), new String(in.readAllBytes(), UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return files;
    }

    private static SortedMap<String, String> read(Path directory) {
        SortedMap<String, String> files = new TreeMap<>();
        assertWithMessage("golden directory %s exists", directory).that(Files.isDirectory(directory)).isTrue();
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.filter(Files::isRegularFile).toList()) {
                String relative = directory.relativize(path).toString().replace('\\', '/');
                files.put(relative, Files.readString(path, UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    private static void rewrite(Path directory, Map<String, String> files) {
        try {
            if (Files.exists(directory)) {
                try (Stream<Path> old = Files.walk(directory)) {
                    for (Path path : old.sorted(Collections.reverseOrder()).toList()) {
                        Files.delete(path);
                    }
                }
            }
            for (Map.Entry<String, String> file : files.entrySet()) {
                Path target = directory.resolve(file.getKey());
                Files.createDirectories(target.getParent());
                Files.writeString(target, file.getValue(), UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The payload records and {@code test.OrderEvents}; {@link IncrementalBuildTest} compiles them too. */
    static List<JavaFileObject> orderEventsSources() {
        return List.of(
                JavaFileObjects.forSourceLines("test.Item",
                        "package test;",
                        "",
                        "import java.math.BigDecimal;",
                        "",
                        "public record Item(String sku, int quantity, BigDecimal price) {}"),
                JavaFileObjects.forSourceLines("test.OrderCreated",
                        "package test;",
                        "",
                        "import java.math.BigDecimal;",
                        "import java.time.Instant;",
                        "import java.util.List;",
                        "",
                        "public record OrderCreated(",
                        "        String orderId, String userId, List<Item> items, BigDecimal total, Instant timestamp) {}"),
                JavaFileObjects.forSourceLines("test.ShippingCalculated",
                        "package test;",
                        "",
                        "import java.math.BigDecimal;",
                        "",
                        "public record ShippingCalculated(String orderId, BigDecimal cost) {}"),
                JavaFileObjects.forSourceLines("test.OrderEvents",
                        "package test;",
                        "",
                        "import dev.herald.annotation.Channel;",
                        "import java.util.List;",
                        "import java.util.concurrent.CompletionStage;",
                        "",
                        "public interface OrderEvents {",
                        "    @Channel(\"order:created\")",
                        "    void orderCreated(OrderCreated event);",
                        "",
                        "    @Channel(\"order:shipping:calculated\")",
                        "    CompletionStage<Void> shippingCalculated(ShippingCalculated e);",
                        "",
                        "    @Channel(\"order:batch\")",
                        "    void batch(List<OrderCreated> orders);",
                        "}"));
    }

    private static List<JavaFileObject> nestedInterfaceSources() {
        return List.of(JavaFileObjects.forSourceLines("test.Outer",
                "package test;",
                "",
                "import dev.herald.annotation.Channel;",
                "",
                "public final class Outer {",
                "    private Outer() {}",
                "",
                "    public record Ping(long sentAt) {}",
                "",
                "    public interface Inner {",
                "        @Channel(\"outer:ping\")",
                "        void ping(Ping ping);",
                "    }",
                "}"));
    }

    private static List<JavaFileObject> packagePrivateInterfaceSources() {
        return List.of(JavaFileObjects.forSourceLines("test.AuditLog",
                "package test;",
                "",
                "import dev.herald.annotation.Channel;",
                "import java.util.concurrent.CompletionStage;",
                "",
                "interface AuditLog {",
                "    @Channel(\"audit:entry\")",
                "    void entry(String line);",
                "",
                "    @Channel(\"audit:count\")",
                "    CompletionStage<Void> count(int value);",
                "}"));
    }

    /** Template channels: a String placeholder, two placeholders of other types, and a payload declared first. */
    private static List<JavaFileObject> templateSources() {
        return List.of(
                JavaFileObjects.forSourceLines("test.Notification",
                        "package test;",
                        "",
                        "public record Notification(String title, String body) {}"),
                JavaFileObjects.forSourceLines("test.Event",
                        "package test;",
                        "",
                        "import java.time.Instant;",
                        "",
                        "public record Event(String type, Instant at) {}"),
                JavaFileObjects.forSourceLines("test.Level",
                        "package test;",
                        "",
                        "public enum Level { DEBUG, INFO, WARN }"),
                JavaFileObjects.forSourceLines("test.Notifications",
                        "package test;",
                        "",
                        "import dev.herald.annotation.Channel;",
                        "import java.util.UUID;",
                        "import java.util.concurrent.CompletionStage;",
                        "",
                        "public interface Notifications {",
                        "    @Channel(\"notifications:{userId}\")",
                        "    void notification(String userId, Notification n);",
                        "",
                        "    @Channel(\"tenant:{tenantId}:user:{userId}:events\")",
                        "    CompletionStage<Void> userEvent(UUID tenantId, int userId, Event e);",
                        "",
                        "    @Channel(\"levels:{level}\")",
                        "    void level(Event e, Level level);",
                        "}"));
    }

    /**
     * Durable channels: plain ones returning void and CompletionStage&lt;Void&gt;, a template, and a pub/sub
     * channel beside them, which keeps its usual code.
     */
    private static List<JavaFileObject> durableSources() {
        return List.of(
                JavaFileObjects.forSourceLines("test.ShipmentCreated",
                        "package test;",
                        "",
                        "public record ShipmentCreated(String shipmentId, String orderId) {}"),
                JavaFileObjects.forSourceLines("test.ShipmentDelivered",
                        "package test;",
                        "",
                        "import java.time.Instant;",
                        "",
                        "public record ShipmentDelivered(String shipmentId, Instant at) {}"),
                JavaFileObjects.forSourceLines("test.Shipments",
                        "package test;",
                        "",
                        "import dev.herald.annotation.Channel;",
                        "import java.util.concurrent.CompletionStage;",
                        "",
                        "public interface Shipments {",
                        "    @Channel(value = \"shipment:created\", durable = true)",
                        "    void created(ShipmentCreated event);",
                        "",
                        "    @Channel(value = \"shipment:delivered\", durable = true)",
                        "    CompletionStage<Void> delivered(ShipmentDelivered event);",
                        "",
                        "    @Channel(value = \"warehouse:{warehouseId}:shipments\", durable = true)",
                        "    void byWarehouse(String warehouseId, ShipmentCreated event);",
                        "",
                        "    @Channel(value = \"shipment:tracking\", durable = false)",
                        "    void tracking(ShipmentCreated event);",
                        "}"));
    }

    /**
     * Request-reply: a plain channel, a template whose reply is generic, and an ordinary channel beside them,
     * which keeps its usual code.
     */
    private static List<JavaFileObject> requestReplySources() {
        return List.of(
                JavaFileObjects.forSourceLines("test.QuoteRequest",
                        "package test;",
                        "",
                        "public record QuoteRequest(String symbol, int quantity) {}"),
                JavaFileObjects.forSourceLines("test.Quote",
                        "package test;",
                        "",
                        "import java.math.BigDecimal;",
                        "",
                        "public record Quote(String symbol, BigDecimal price) {}"),
                JavaFileObjects.forSourceLines("test.Prices",
                        "package test;",
                        "",
                        "import dev.herald.annotation.Channel;",
                        "import java.util.List;",
                        "import java.util.concurrent.CompletionStage;",
                        "",
                        "public interface Prices {",
                        "    @Channel(\"price:quote\")",
                        "    CompletionStage<Quote> quote(QuoteRequest request);",
                        "",
                        "    @Channel(\"price:{region}:quotes\")",
                        "    CompletionStage<List<Quote>> regionalQuotes(String region, QuoteRequest request);",
                        "",
                        "    @Channel(\"price:tick\")",
                        "    void tick(Quote quote);",
                        "}"));
    }
}
