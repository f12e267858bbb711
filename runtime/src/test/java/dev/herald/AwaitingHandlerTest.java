package dev.herald;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

/**
 * {@link MessageHandler#awaiting}: the adapted handler hands each message over, and its stage's failure is
 * thrown as the handler's own, unwrapped from the {@link CompletionException}s around it.
 */
class AwaitingHandlerTest {

    private static Exception failureOf(CompletableFuture<?> stage) {
        MessageHandler<String> handler = MessageHandler.awaiting(message -> stage);
        return assertThrows(Exception.class, () -> handler.onMessage("m"));
    }

    @Test
    void eachMessageIsHandedOverAndACompletedStageIsSuccess() throws Exception {
        List<String> seen = new ArrayList<>();
        MessageHandler<String> handler = MessageHandler.awaiting(message -> {
            seen.add(message);
            return CompletableFuture.completedFuture(null);
        });
        handler.onMessage("a");
        handler.onMessage("b");
        assertEquals(List.of("a", "b"), seen);
    }

    @Test
    void aFailedStageThrowsItsCause() {
        IOException cause = new IOException("disk full");
        assertSame(cause, failureOf(CompletableFuture.failedFuture(cause)));
    }

    @Test
    void completionExceptionsAroundTheCauseAreTakenOff() {
        IOException cause = new IOException("disk full");
        CompletableFuture<Void> nested = new CompletableFuture<>();
        nested.completeExceptionally(new CompletionException(new CompletionException(new CompletionException(cause))));
        assertSame(cause, failureOf(nested));
    }

    @Test
    void aCompletionExceptionWithoutCauseIsThrownItself() {
        CompletionException bare = new CompletionException((Throwable) null);
        CompletableFuture<Void> nested = new CompletableFuture<>();
        nested.completeExceptionally(new CompletionException(bare));
        assertSame(bare, failureOf(nested));
    }

    @Test
    void anErrorIsThrownWrappedSinceAHandlerThrowsExceptions() {
        AssertionError error = new AssertionError("broken");
        Exception thrown = failureOf(CompletableFuture.failedFuture(error));
        assertEquals(CompletionException.class, thrown.getClass());
        assertSame(error, thrown.getCause());
    }

    @Test
    void noHandlerAndNoStageAreRefused() {
        NullPointerException noHandler = assertThrows(NullPointerException.class, () -> MessageHandler.awaiting(null));
        assertEquals("handler", noHandler.getMessage());
        MessageHandler<String> handler = MessageHandler.awaiting(message -> null);
        NullPointerException noStage = assertThrows(NullPointerException.class, () -> handler.onMessage("m"));
        assertEquals("the handler returned null instead of a CompletionStage", noStage.getMessage());
    }
}
