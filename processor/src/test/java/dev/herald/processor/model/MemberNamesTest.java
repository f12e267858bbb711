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

    @Test
    void extraSubscriberMethodsByKind() {
        assertThat(MemberNames.extraSubscriberMethods(named("tick"))).isEmpty();
        assertThat(MemberNames.extraSubscriberMethods(shaped("note", List.of("userId"), ChannelMethod.ReturnKind.VOID)))
                .containsExactly("noteAny");
        assertThat(MemberNames.extraSubscriberMethods(shaped("quote", List.of(), ChannelMethod.ReturnKind.REQUEST_REPLY)))
                .containsExactly("quoteAsync");
        // a request-reply template has no pattern form: herald.listen serves all of its channels
        assertThat(MemberNames.extraSubscriberMethods(
                shaped("quote", List.of("region"), ChannelMethod.ReturnKind.REQUEST_REPLY))).containsExactly("quoteAsync");
        assertThat(MemberNames.asyncMethod(named("quote"))).isEqualTo("quoteAsync");
    }

    /** Only the name matters to these rules; the rest of the model stays empty. */
    private static ChannelMethod named(String name) {
        return shaped(name, List.of(), ChannelMethod.ReturnKind.VOID);
    }

    private static ChannelMethod shaped(String name, List<String> placeholders, ChannelMethod.ReturnKind kind) {
        return new ChannelMethod(null, null, null, "c", true, placeholders, false, name, List.of(), null, kind, null,
                false, false, null);
    }
}
