package dev.herald.processor.model;

import static com.google.common.truth.Truth.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The member names both the generators and the name-clash rule use. */
final class MemberNamesTest {

    @ParameterizedTest
    @CsvSource({"orderCreated, ORDER_CREATED", "ping, PING", "a1B, A1_B", "userEventV2, USER_EVENT_V2",
            "URLChanged, URLCHANGED", "x, X"})
    void constants(String method, String constant) {
        assertThat(MemberNames.constant(named(method))).isEqualTo(constant);
    }

    @Test
    void derivedMemberNames() {
        ChannelMethod method = named("notification");

        assertThat(MemberNames.channelField(method)).isEqualTo("notificationChannel");
        assertThat(MemberNames.patternMethod(method)).isEqualTo("notificationAny");
        assertThat(MemberNames.handlerInterface(method)).isEqualTo("NotificationHandler");
        assertThat(MemberNames.handlerInterface(named("x"))).isEqualTo("XHandler");
        assertThat(MemberNames.RESERVED).containsExactly(MemberNames.UNSUBSCRIBE_ALL);
        assertThat(MemberNames.UNSUBSCRIBE_ALL).isEqualTo("unsubscribeAll");
    }

    /** Only the name matters to these rules; the rest of the model stays empty. */
    private static ChannelMethod named(String name) {
        return new ChannelMethod(null, null, null, "c", true, List.of(), name, List.of(), null,
                ChannelMethod.ReturnKind.VOID, null, false, false, null);
    }
}
