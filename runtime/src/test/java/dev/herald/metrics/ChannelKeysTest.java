package dev.herald.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.observation.DefaultHeraldProcessObservationConvention;
import dev.herald.observation.DefaultHeraldPublishObservationConvention;
import dev.herald.observation.HeraldChannelKeys;
import dev.herald.observation.HeraldProcessContext;
import dev.herald.observation.HeraldPublishContext;
import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;
import org.junit.jupiter.api.Test;

/**
 * The contexts of one declared channel share its key values: the default conventions answer every message with the
 * same instances, made once (issue 15, point 5: no allocation of Herald's own per observation), and with the values
 * a context made on its own would have.
 */
class ChannelKeysTest {

    private static final DefaultHeraldPublishObservationConvention PUBLISH = DefaultHeraldPublishObservationConvention.INSTANCE;
    private static final DefaultHeraldProcessObservationConvention PROCESS = DefaultHeraldProcessObservationConvention.INSTANCE;

    @Test
    void everyPublishOfAChannelSharesItsKeyValuesAndName() {
        HeraldChannelKeys keys = new HeraldChannelKeys("order:created", "redis");
        HeraldPublishContext first = new HeraldPublishContext(keys, "p:order:created", "publish", null, null);
        HeraldPublishContext second = new HeraldPublishContext(keys, "p:order:created", "publish", null, null);

        assertThat(PUBLISH.getLowCardinalityKeyValues(second)).isSameAs(PUBLISH.getLowCardinalityKeyValues(first));
        assertThat(PUBLISH.getHighCardinalityKeyValues(second)).isSameAs(PUBLISH.getHighCardinalityKeyValues(first));
        assertThat(PUBLISH.getContextualName(second)).isSameAs(PUBLISH.getContextualName(first));

        HeraldPublishContext alone = new HeraldPublishContext("order:created", "p:order:created", "redis", "publish",
                null, null);
        assertThat(PUBLISH.getLowCardinalityKeyValues(first)).isEqualTo(PUBLISH.getLowCardinalityKeyValues(alone))
                .containsExactlyInAnyOrder(KeyValue.of("messaging.system", "redis"),
                        KeyValue.of("messaging.operation.type", "send"), KeyValue.of("messaging.operation.name", "publish"),
                        KeyValue.of("messaging.destination.name", "order:created"));
        assertThat(PUBLISH.getContextualName(first)).isEqualTo("publish order:created");
    }

    @Test
    void aRequestKeepsItsOwnOperationAndMessageId() {
        HeraldChannelKeys keys = new HeraldChannelKeys("price:quote", "herald");
        HeraldPublishContext request = new HeraldPublishContext(keys, "price:quote", "request", "id-1", null);

        assertThat(PUBLISH.getLowCardinalityKeyValues(request))
                .contains(KeyValue.of("messaging.operation.name", "request"));
        assertThat(PUBLISH.getHighCardinalityKeyValues(request)).containsExactlyInAnyOrder(
                KeyValue.of("herald.channel", "price:quote"), KeyValue.of("messaging.message.id", "id-1"));
        assertThat(PUBLISH.getContextualName(request)).isEqualTo("request price:quote");
    }

    @Test
    void aTemplatesOtherConcreteChannelsGetTheirOwnChannelValue() {
        HeraldChannelKeys keys = new HeraldChannelKeys("notifications:{userId}", "herald");
        HeraldProcessContext u1 = new HeraldProcessContext(keys, "notifications:u-1", null, null);
        HeraldProcessContext u2 = new HeraldProcessContext(keys, "notifications:u-2", null, null);
        HeraldProcessContext u1Again = new HeraldProcessContext(keys, "notifications:u-1", null, null);

        KeyValues first = PROCESS.getHighCardinalityKeyValues(u1);
        assertThat(first).containsExactly(KeyValue.of("herald.channel", "notifications:u-1"));
        assertThat(PROCESS.getHighCardinalityKeyValues(u2)).containsExactly(KeyValue.of("herald.channel", "notifications:u-2"));
        assertThat(PROCESS.getHighCardinalityKeyValues(u1Again)).isSameAs(first);
        assertThat(PROCESS.getLowCardinalityKeyValues(u2)).isSameAs(PROCESS.getLowCardinalityKeyValues(u1))
                .contains(KeyValue.of("messaging.destination.name", "notifications:{userId}"),
                        KeyValue.of("messaging.operation.type", "process"));
        assertThat(PROCESS.getContextualName(u2)).isEqualTo("process notifications:{userId}");
    }
}
