package dev.herald;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.testing.CapturedLog;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The default error handler: a burst of failures makes two lines, the first one and a summary of the rest. */
class LoggingErrorHandlerTest {

    private static final Pattern COUNT = Pattern.compile("(\\d+) x PUBLISH on '([^']+)'");

    @Test
    void aBurstIsOneLineThenOneSummaryThatCountsEveryOtherFailure() {
        ErrorHandler handler = ErrorHandler.logging();
        try (CapturedLog log = new CapturedLog()) {
            String[] channels = {"burst:a", "burst:b", "burst:c"};
            for (int i = 0; i < 1_000; i++) {
                handler.onError(new HeraldError(HeraldError.Kind.PUBLISH, channels[i % 3], null,
                        new HeraldException("connection lost " + i)));
            }
            List<String> lines = await().atMost(Duration.ofSeconds(10)).until(() -> log.lines("Herald:"), l -> l.size() == 2);
            assertTrue(lines.get(0).contains("PUBLISH on channel 'burst:a'") && lines.get(0).contains("connection lost 0"),
                    lines.get(0));
            String summary = lines.get(1);
            assertTrue(summary.contains("999 more failure(s) in the last second"), summary);
            assertTrue(summary.contains("connection lost 999"), "the summary names the last failure: " + summary);
            Matcher counts = COUNT.matcher(summary);
            long sum = 0;
            int channelsSeen = 0;
            while (counts.find()) {
                sum += Long.parseLong(counts.group(1));
                channelsSeen++;
            }
            assertEquals(999, sum, summary);
            assertEquals(3, channelsSeen, summary);
        }
    }

    @Test
    void afterAQuietSecondTheNextFailureIsLoggedInFullAgain() {
        ErrorHandler handler = ErrorHandler.logging();
        try (CapturedLog log = new CapturedLog()) {
            handler.onError(new HeraldError(HeraldError.Kind.DECODE, "quiet:a", "{".getBytes(), new HeraldException("first")));
            handler.onError(new HeraldError(HeraldError.Kind.DECODE, "quiet:a", "{".getBytes(), new HeraldException("second")));
            await().atMost(Duration.ofSeconds(10)).until(() -> log.lines("1 more failure(s)").size() == 1);
            assertTrue(log.lines("1 more failure(s)").get(0).contains("1 x DECODE on 'quiet:a'"));
            // once a second has passed since the summary, a failure is a full line of its own again
            long summaryAt = System.nanoTime();
            await().atMost(Duration.ofSeconds(10)).until(() -> System.nanoTime() - summaryAt > 1_100_000_000L);
            handler.onError(new HeraldError(HeraldError.Kind.DECODE, "quiet:a", "{".getBytes(), new HeraldException("third")));
            assertEquals(1, log.lines("third").size(), "logged at once, not held for a summary");
        }
    }

    @Test
    void eachHeraldsDefaultHandlerCountsOnItsOwn() {
        assertTrue(ErrorHandler.logging() != ErrorHandler.logging());
    }

    @Test
    void theSummaryTotalsAndListsEachKindAndChannelInTheOrderFirstSeen() {
        ErrorHandler handler = ErrorHandler.logging();
        try (CapturedLog log = new CapturedLog()) {
            handler.onError(new HeraldError(HeraldError.Kind.DECODE, "sum:a", "{".getBytes(), new HeraldException("first")));
            handler.onError(new HeraldError(HeraldError.Kind.DECODE, "sum:b", "{".getBytes(), new HeraldException("second")));
            handler.onError(new HeraldError(HeraldError.Kind.DECODE, "sum:a", "{".getBytes(), new HeraldException("third")));
            HeraldError last = new HeraldError(HeraldError.Kind.PUBLISH, "sum:a", null, new HeraldException("fourth"));
            handler.onError(last);
            List<String> summaries = await().atMost(Duration.ofSeconds(10))
                    .until(() -> log.lines("more failure(s)"), l -> l.size() == 1);
            String expected = "Herald: 3 more failure(s) in the last second: 1 x DECODE on 'sum:b', 1 x DECODE on 'sum:a', "
                    + "1 x PUBLISH on 'sum:a'; the last: " + last;
            assertTrue(summaries.get(0).endsWith(expected), summaries.get(0));
        }
    }
}
