package dev.herald.internal;

import static dev.herald.internal.PoolUnderTest.WAIT;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;

/** What the pool's tests share: the pools a test opened, closed after it, and a gate its blocked handlers wait on. */
abstract class PoolTestSupport {

    private final List<PoolUnderTest> opened = new ArrayList<>();
    /** Holds the blocked handlers until the test ends. */
    final CountDownLatch gate = new CountDownLatch(1);

    PoolUnderTest open(int maxRunning, ThreadFactory threadFactory) {
        PoolUnderTest pool = new PoolUnderTest(maxRunning, threadFactory);
        opened.add(pool);
        return pool;
    }

    @AfterEach
    void closeEverything() {
        gate.countDown();
        opened.forEach(PoolUnderTest::close);
    }

    static void awaitLatch(CountDownLatch latch) throws InterruptedException {
        assertTrue(latch.await(WAIT.toSeconds(), TimeUnit.SECONDS), "timed out");
    }
}
