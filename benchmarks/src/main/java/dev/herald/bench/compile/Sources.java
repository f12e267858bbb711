package dev.herald.bench.compile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Writes the compile-cost fixture: {@code interfaces} channel interfaces in their own packages, each with
 * {@code channels} {@code @Channel} methods (fire-and-forget and confirmed, alternating) and one payload
 * record per channel, of the shape of the benchmark's order.
 */
final class Sources {

    private static final String[] EVENTS = {"created", "paid", "shipped", "delivered", "cancelled", "refunded",
        "updated", "archived"};

    private Sources() {
    }

    /**
     * Writes the sources.
     *
     * @param root the source root
     * @param interfaces how many interfaces
     * @param channels channels per interface
     * @return the files written
     * @throws IOException when a file cannot be written
     */
    static List<Path> write(Path root, int interfaces, int channels) throws IOException {
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < interfaces; i++) {
            String pkg = String.format(Locale.ROOT, "bench.gen.s%03d", i);
            String service = String.format(Locale.ROOT, "S%03d", i);
            Path dir = Files.createDirectories(root.resolve(pkg.replace('.', '/')));
            StringBuilder methods = new StringBuilder();
            for (int c = 0; c < channels; c++) {
                String event = EVENTS[c % EVENTS.length] + (c < EVENTS.length ? "" : Integer.toString(c / EVENTS.length));
                String record = service + capitalize(event);
                Path payload = dir.resolve(record + ".java");
                Files.writeString(payload, """
                        package %s;

                        import java.math.BigDecimal;
                        import java.time.Instant;
                        import java.util.List;

                        /** Payload of {@code %s}. */
                        public record %s(String orderId, String userId, List<String> skus, BigDecimal total, Instant timestamp) {
                        }
                        """.formatted(pkg, event, record), StandardCharsets.UTF_8);
                files.add(payload);
                String channel = String.format(Locale.ROOT, "s%03d:order:%s", i, event);
                if (c % 2 == 0) {
                    methods.append("""

                                /** @param event the event */
                                @Channel("%s")
                                void %s(%s event);
                            """.formatted(channel, event, record));
                } else {
                    methods.append("""

                                /**
                                 * @param event the event
                                 * @return completes when Redis accepted it
                                 */
                                @Channel("%s")
                                CompletionStage<Void> %s(%s event);
                            """.formatted(channel, event, record));
                }
            }
            Path events = dir.resolve(service + "Events.java");
            Files.writeString(events, """
                    package %s;

                    import dev.herald.annotation.Channel;
                    import java.util.concurrent.CompletionStage;

                    /** The channels of service %s. */
                    public interface %sEvents {
                    %s}
                    """.formatted(pkg, service, service, methods), StandardCharsets.UTF_8);
            files.add(events);
        }
        return files;
    }

    private static String capitalize(String word) {
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }
}
