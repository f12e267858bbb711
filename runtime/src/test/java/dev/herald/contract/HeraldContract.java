package dev.herald.contract;

import dev.herald.Herald;
import dev.herald.HeraldBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * The semantics of DESIGN.md, every part of them, on the transport a subclass names by its fixture. A new transport
 * gets the whole contract from one class:
 *
 * <pre>{@code
 * class ClusterHeraldTest extends HeraldContract {
 *     protected TransportFixture newFixture() {
 *         return new PluggedFixture<>(ClusterTransport::new);
 *     }
 * }
 * }</pre>
 *
 * <p>Each test gets a fixture of its own, a channel prefix of its own and a Herald on them; the Heralds the test
 * opened are closed when it ends.
 */
abstract class HeraldContract implements BasicsContract, HandlingContract, OverflowContract, CloseContract,
        PatternContract, DeliveryContract, DeadLetterContract, PromisesContract, BadInputContract, RequestReplyContract {

    private final RecordingErrors errors = new RecordingErrors();
    private final List<Herald> opened = new ArrayList<>();
    private TransportFixture fixture;
    private String prefix;
    private Herald herald;

    /** @return a new fixture for one test: it makes the transport under test and answers what its server sees */
    protected abstract TransportFixture newFixture();

    @BeforeEach
    final void openHerald() {
        fixture = newFixture();
        prefix = "t" + UUID.randomUUID().toString().substring(0, 8) + ":";
        herald = open(transportBuilder().channelPrefix(prefix).errorHandler(errors));
    }

    @AfterEach
    final void closeHeralds() {
        try {
            closeEveryHerald();
        } finally {
            if (fixture != null) {
                fixture.close();
            }
        }
    }

    @Override
    public final TransportFixture fixture() {
        return fixture;
    }

    @Override
    public final Herald herald() {
        return herald;
    }

    @Override
    public final RecordingErrors errors() {
        return errors;
    }

    @Override
    public final String prefix() {
        return prefix;
    }

    @Override
    public final Herald open(HeraldBuilder builder) {
        Herald h = fixture.build(builder);
        opened.add(h);
        return h;
    }

    @Override
    public final void closeEveryHerald() {
        opened.forEach(Herald::close);
    }
}
