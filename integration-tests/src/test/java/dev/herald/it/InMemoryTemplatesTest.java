package dev.herald.it;

import dev.herald.Herald;
import dev.herald.HeraldBuilder;
import dev.herald.internal.memory.InMemoryTransport;
import dev.herald.spi.Transport;
import java.nio.charset.StandardCharsets;

/** Templates in memory. */
class InMemoryTemplatesTest extends TemplatesContract {

    /** The transport of this test's Herald, plugged in here so that a foreign publish can reach it. */
    private Transport transport;

    @Override
    HeraldBuilder transport() {
        transport = new InMemoryTransport();
        return Herald.builder().transport(transport);
    }

    @Override
    void publishForeign(String fullChannel, String payload) {
        transport.publish(fullChannel, payload.getBytes(StandardCharsets.UTF_8));
    }
}
