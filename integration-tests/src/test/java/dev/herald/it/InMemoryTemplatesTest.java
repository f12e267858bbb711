package dev.herald.it;

import dev.herald.Herald;
import dev.herald.HeraldBuilder;
import dev.herald.internal.DefaultHerald;
import java.nio.charset.StandardCharsets;

/** Templates in memory. */
class InMemoryTemplatesTest extends TemplatesContract {

    @Override
    HeraldBuilder transport() {
        return Herald.builder();
    }

    @Override
    void publishForeign(String fullChannel, String payload) {
        ((DefaultHerald) herald).transport().publish(fullChannel, payload.getBytes(StandardCharsets.UTF_8));
    }
}
