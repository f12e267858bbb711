package dev.herald.plugged;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.herald.DeadLetter;
import dev.herald.Herald;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A dead letter keeps the failure's class and message, at most 1,000 characters of it. */
class DeadLetterTextTest {

    private static final String PREFIX = IllegalStateException.class.getName() + ": ";

    private final Herald herald = Herald.builder().transport(new ScriptedTransport()).errorHandler(error -> { })
            .build();

    @AfterEach
    void close() {
        herald.close();
    }

    private String errorKeptFor(String message) throws Exception {
        herald.subscribe("orders", String.class, m -> {
            throw new IllegalStateException(message);
        });
        herald.publish("orders", "x");
        await().atMost(Duration.ofSeconds(20)).until(() -> !letters().isEmpty());
        return letters().get(0).error();
    }

    private List<DeadLetter> letters() throws Exception {
        return herald.deadLetters().read("orders", 10).toCompletableFuture().get(20, TimeUnit.SECONDS);
    }

    @Test
    void anErrorOfExactly1000CharactersIsKeptWhole() throws Exception {
        String message = "m".repeat(1000 - PREFIX.length());
        assertEquals(PREFIX + message, errorKeptFor(message));
    }

    @Test
    void aLongerErrorIsCutAt1000Characters() throws Exception {
        String message = "m".repeat(1001 - PREFIX.length());
        String kept = errorKeptFor(message);
        assertEquals((PREFIX + message).substring(0, 1000) + "...", kept);
    }
}
