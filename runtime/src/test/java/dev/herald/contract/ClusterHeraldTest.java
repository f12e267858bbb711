package dev.herald.contract;

import static dev.herald.contract.Waiting.done;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.Health;
import dev.herald.Herald;
import dev.herald.HeraldBuilder;
import dev.herald.testing.RedisCluster;
import dev.herald.testing.RedisClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.function.Executable;

/**
 * The contract on a real Redis Cluster with sharded pub/sub. Every point holds except those that subscribe to a
 * pattern ({@code psubscribe}, a template's {@code subscribeAll}, a request template's
 * {@code subscribeResponderAll}), which are single-server by nature: sharded
 * pub/sub has no pattern form. Those are adapted, not skipped: each must stop at its first pattern subscription
 * with {@code [HeraldClusterPattern]}, leaving no pattern subscribed.
 */
@ExtendWith(RedisClusterExtension.class)
class ClusterHeraldTest extends HeraldContract {

    private final RedisCluster cluster;
    /** The contract's own pattern points, run on this test's fixture and Herald. */
    private final PatternPoints singleServer = new PatternPoints();

    ClusterHeraldTest(RedisCluster cluster) {
        this.cluster = cluster;
    }

    @Override
    protected TransportFixture newFixture() {
        return new ClusterFixture(cluster);
    }

    /** The pattern points as the contract wrote them, on this test's fixture, Herald and prefix. */
    private final class PatternPoints implements PatternContract, DeadLetterContract, RequestReplyContract {

        @Override
        public TransportFixture fixture() {
            return ClusterHeraldTest.this.fixture();
        }

        @Override
        public Herald herald() {
            return ClusterHeraldTest.this.herald();
        }

        @Override
        public RecordingErrors errors() {
            return ClusterHeraldTest.this.errors();
        }

        @Override
        public String prefix() {
            return ClusterHeraldTest.this.prefix();
        }

        @Override
        public Herald open(HeraldBuilder builder) {
            return ClusterHeraldTest.this.open(builder);
        }

        @Override
        public void closeEveryHerald() {
            ClusterHeraldTest.this.closeEveryHerald();
        }
    }

    /** Runs a single-server contract point and checks that it is refused at its pattern subscription. */
    private void assertPatternRefused(Executable singleServerPoint) throws Exception {
        UnsupportedOperationException refused = assertThrows(UnsupportedOperationException.class, singleServerPoint);
        assertTrue(refused.getMessage().startsWith("[HeraldClusterPattern] pattern \""), refused.getMessage());
        Health health = done(herald().health());
        assertEquals(0, health.expectedPatterns() + health.serverPatterns(), health.toString());
    }

    @Test
    @Override
    public void psubscribeReceivesEveryMatchingChannelWithItsNameWithoutPrefix() throws Exception {
        assertPatternRefused(singleServer::psubscribeReceivesEveryMatchingChannelWithItsNameWithoutPrefix);
    }

    @Test
    @Override
    public void patternSubscriptionsShareOnePsubscribeAndTheLastSendsPunsubscribe() throws Exception {
        assertPatternRefused(singleServer::patternSubscriptionsShareOnePsubscribeAndTheLastSendsPunsubscribe);
    }

    @Test
    @Override
    public void punsubscribeEndsEveryHandlerOfThePattern() throws Exception {
        assertPatternRefused(singleServer::punsubscribeEndsEveryHandlerOfThePattern);
    }

    @Test
    @Override
    public void aChannelAndAMatchingPatternEachReceive() throws Exception {
        assertPatternRefused(singleServer::aChannelAndAMatchingPatternEachReceive);
    }

    @Test
    @Override
    public void templateSubscribeAllHandsOverTheValuesOfEachChannel() throws Exception {
        assertPatternRefused(singleServer::templateSubscribeAllHandsOverTheValuesOfEachChannel);
    }

    @Test
    @Override
    public void aTemplateFromADescriptorTakesOptionsAndSubscribesToAllItsChannelsAsynchronously() throws Exception {
        assertPatternRefused(singleServer::aTemplateFromADescriptorTakesOptionsAndSubscribesToAllItsChannelsAsynchronously);
    }

    @Test
    @Override
    public void aChannelThatDoesNotParseBackIsReportedAndTheSubscriptionLivesOn() throws Exception {
        assertPatternRefused(singleServer::aChannelThatDoesNotParseBackIsReportedAndTheSubscriptionLivesOn);
    }

    @Test
    @Override
    public void valuesWithUnpairedSurrogatesAreRefusedButAPairIsOneCharacter() throws Exception {
        assertPatternRefused(singleServer::valuesWithUnpairedSurrogatesAreRefusedButAPairIsOneCharacter);
    }

    @Test
    @Override
    public void foreignChannelsWithValuesNoPublisherCouldSendAreReportedNotDelivered() throws Exception {
        assertPatternRefused(singleServer::foreignChannelsWithValuesNoPublisherCouldSendAreReportedNotDelivered);
    }

    @Test
    @Override
    public void aPrefixedPatternSubscriptionReceivesItsOwnMessagesAndNeverAnotherPrefixs() throws Exception {
        assertPatternRefused(singleServer::aPrefixedPatternSubscriptionReceivesItsOwnMessagesAndNeverAnotherPrefixs);
    }

    @Test
    @Override
    public void aTemplatesConcreteAndPatternSubscriptionsKeepTheirDeadLettersUnderTheTemplate() throws Exception {
        assertPatternRefused(singleServer::aTemplatesConcreteAndPatternSubscriptionsKeepTheirDeadLettersUnderTheTemplate);
    }

    @Test
    @Override
    public void anUntypedPatternSubscriptionKeepsItsDeadLettersUnderThePattern() throws Exception {
        assertPatternRefused(singleServer::anUntypedPatternSubscriptionKeepsItsDeadLettersUnderThePattern);
    }

    @Test
    @Override
    public void aTemplateResponderForAllChannelsGetsTheValuesOfEach() throws Exception {
        assertPatternRefused(singleServer::aTemplateResponderForAllChannelsGetsTheValuesOfEach);
    }
}
