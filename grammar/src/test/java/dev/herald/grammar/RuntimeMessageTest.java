package dev.herald.grammar;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The runtime's catalogue: ids in brackets, texts formatted the same on every locale, names shown safely. */
final class RuntimeMessageTest {

    @Test
    void aMessageIsItsIdInBracketsThenItsText() {
        assertEquals("[HeraldTemplateValue] userId is null; channel \"user:{userId}\" needs a value for {userId}",
                RuntimeMessage.TEMPLATE_VALUE_NULL.format("userId", "user:{userId}", "userId"));
        assertEquals("channel \"a:b\" has 2 segment(s) but \"a\" has 1",
                RuntimeMessage.RECEIVED_SEGMENTS.text("a:b", 2, "a", 1));
        assertEquals("HeraldChannelConflict", RuntimeMessage.CHANNEL_CONFLICT_PAIR.id());
    }

    @Test
    void onlyASkippedBindingIsAWarning() {
        Set<RuntimeMessage> warnings = Arrays.stream(RuntimeMessage.values())
                .filter(message -> message.kind() == RuntimeMessage.Kind.WARNING)
                .collect(Collectors.toSet());
        assertEquals(Set.of(RuntimeMessage.BINDING_UNLOADABLE), warnings);
        assertEquals(RuntimeMessage.Kind.ERROR, RuntimeMessage.CHANNEL_NAME.kind());
    }

    @Test
    void printableKeepsSixtyFourCharactersAndEscapesWhatATerminalWouldMangle() {
        assertEquals("order:créé", RuntimeMessage.printable("order:créé"));
        assertEquals("a\\u0007b\\u001bc\\u007f", RuntimeMessage.printable("a\u0007b\u001bc\u007f"));
        assertEquals("x\\ud800\\udc00", RuntimeMessage.printable("x\ud800\udc00"));
        assertEquals("", RuntimeMessage.printable(""));
        assertEquals("y".repeat(64), RuntimeMessage.printable("y".repeat(64)));
        assertEquals("z".repeat(64), RuntimeMessage.printable("z".repeat(65)));
        assertEquals("w".repeat(63) + "\\u0000", RuntimeMessage.printable("w".repeat(63) + "\u0000\u0000"));
    }
}
