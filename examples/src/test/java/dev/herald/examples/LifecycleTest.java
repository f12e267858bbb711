package dev.herald.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.Herald;
import java.util.List;
import java.util.concurrent.ExecutionException;

/** Subscriptions before publishes; close() lets the running handler finish and closes Herald. */
class LifecycleTest extends ExampleTestSupport {

    @Override
    String name() {
        return "lifecycle";
    }

    @Override
    void checkOutput(List<String> lines) {
        assertEquals("startup   all subscriptions initialized", lines.get(0));
        assertEquals(1, count(lines, "handler   sent welcome email to ada@example.com"), show(lines));
        int erasing = indexOf(lines, "handler   erasing data of u-1 ...");
        int closing = indexOf(lines, "shutdown  closing Herald while a handler is running");
        int erased = indexOf(lines, "handler   erased data of u-1");
        int closed = indexOf(lines, "shutdown  closed; erase finished first: true");
        assertTrue(0 < erasing && erasing < closing && closing < closed && erasing < erased && erased < closed,
                "close() returns only after the running handler finished:\n" + show(lines));
        assertEquals(6, lines.size(), show(lines));
    }

    @Override
    void checkHerald(Herald herald) {
        ExecutionException refused = assertThrows(ExecutionException.class,
                () -> herald.publish("user:created", "late").toCompletableFuture().get());
        assertTrue(refused.getCause() instanceof dev.herald.PublishFailedException, "the example closed its Herald: " + refused);
    }
}
