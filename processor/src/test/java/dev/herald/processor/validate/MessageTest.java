package dev.herald.processor.validate;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import javax.tools.Diagnostic.Kind;
import org.junit.jupiter.api.Test;

/** The catalogue itself: kinds, ids and formatting. */
final class MessageTest {

    @Test
    void formatPutsTheIdInBracketsAndFormatsInTheRootLocale() {
        Locale saved = Locale.getDefault();
        Locale.setDefault(Locale.GERMANY);
        try {
            assertThat(Message.CHANNEL_NAME_CONTROL.format("a\u0001", "m", 1, 1)).isEqualTo("[HeraldChannelName] channel "
                    + "\"a\u0001\" on m(...) contains the control character U+0001 at index 1; write segments of letters, "
                    + "digits and - _ . @ / # separated by single ':', for example \"order:created\"");
            assertThat(Message.PAYLOAD_COUNT.format("m", "c", 1000, "m")).contains("has 1000 payload parameters");
        } finally {
            Locale.setDefault(saved);
        }
    }

    @Test
    void onlyTheSuppressibleRulesAreWarnings() {
        List<Message> warnings = Arrays.stream(Message.values()).filter(m -> m.kind() == Kind.WARNING).toList();

        assertThat(warnings).containsExactly(Message.EMPTY_PAYLOAD, Message.CHANNEL_STYLE, Message.CHANNEL_OVERLAP);
        for (Message message : Message.values()) {
            assertThat(message.isError()).isEqualTo(message.kind() == Kind.ERROR);
            assertThat(message.kind()).isAnyOf(Kind.ERROR, Kind.WARNING);
            assertThat(message.id()).matches("Herald[A-Z][A-Za-z]+");
        }
    }

    @Test
    void findingPutsTheCallersArgumentsFirst() {
        Finding finding = Finding.of(Message.PAYLOAD_RAW_TYPE, "Box", "Box");

        assertThat(finding.message()).isEqualTo(Message.PAYLOAD_RAW_TYPE);
        assertThat(finding.arguments("p.Box", "m", "c")).asList().containsExactly("p.Box", "m", "c", "Box", "Box").inOrder();
        assertThat(Finding.of(Message.PAYLOAD_OBJECT).arguments("a")).asList().containsExactly("a");
        assertThat(finding.args()).containsExactly("Box", "Box").inOrder();
    }

    @Test
    void everyPayloadTypeRuleHasAReplyTypeWording() {
        List<Message> payloadRules = Arrays.stream(Message.values()).filter(m -> m.id().equals("HeraldPayloadType")).toList();
        List<Message> replyRules = Arrays.stream(Message.values()).filter(m -> m.id().equals("HeraldReplyType")).toList();

        assertThat(payloadRules).isNotEmpty();
        assertThat(payloadRules.stream().map(Message::forReply).toList()).containsExactlyElementsIn(replyRules).inOrder();
        Object[] arguments = {"p.T", "m", "c", "x", "y"};
        for (Message payload : payloadRules) {
            String reply = payload.forReply().format(arguments);
            assertThat(reply).startsWith("[HeraldReplyType] reply type p.T of m(...) on channel \"c\" ");
            assertThat(reply).doesNotContain("payload");
            assertThat(reply).doesNotContain("%");
        }
    }

    @Test
    void onlyPayloadTypeRulesHaveAReplyWording() {
        for (Message message : Message.values()) {
            if (!message.id().equals("HeraldPayloadType")) {
                assertThrows(IllegalArgumentException.class, message::forReply,
                        message.name());
            }
        }
    }

    @Test
    void carriedNamesTheReplyOfARequestReplyChannel() {
        assertThat(Message.carried("p.Item", null)).isEqualTo("p.Item");
        assertThat(Message.carried("p.Item", "p.Quote")).isEqualTo("requests of p.Item answered with p.Quote");
    }
}
