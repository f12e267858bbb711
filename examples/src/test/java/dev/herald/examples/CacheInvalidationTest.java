package dev.herald.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

/** Both instances drop the stale keys, keep the others, and then read the new value. */
class CacheInvalidationTest extends ExampleTestSupport {

    @Override
    String name() {
        return "cache-invalidation";
    }

    @Override
    void checkOutput(List<String> lines) {
        assertEquals("products updated product:1, publishing cache:invalidate", lines.get(0));
        for (String instance : List.of("web-1", "web-2")) {
            assertEquals(1, count(lines, instance
                    + " dropped [product:1, products:list, product:1:related], still cached: [product:2]"), show(lines));
            assertEquals(1, count(lines, instance + " reads product:1 -> Lamp, 19.00"), show(lines));
        }
        assertEquals(5, lines.size(), show(lines));
    }
}
