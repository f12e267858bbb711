package dev.herald.bench.report;

/**
 * The known causes of each kind of miss, printed under the targets a run misses. They come from reading
 * the runtime and the processor, from this harness's diagnostics (the cost-per-message table, the
 * diagnostic contender {@code lettuce-herald-options}, the compile-cost split) and from JFR profiles
 * taken while writing it. They name code, not figures, so they stay true from run to run until that
 * code changes.
 */
final class Why {

    static final String DELIVERED = """
            **End-to-end delivered throughput.** Herald coalesces writes like hand-batched Lettuce (the \
            "cmds/read" columns) and every flush runs on the publish connection's own event loop, so a batch's \
            writes go straight into the pipeline and no second thread is woken per burst. What Herald adds on \
            top of raw Lettuce is the receiving hand-off, by design: handlers never run on the event loop, so \
            `Delivery.offer` costs a `ConcurrentLinkedQueue` node, an `AtomicInteger` and a CAS per message, \
            and whenever the subscription's drainer had let its thread go, a `ThreadPoolExecutor.execute` \
            that wakes a worker. Raw Lettuce decodes on the event loop and pays none of this. A drainer that \
            spun a few µs before letting its thread go was tried and dropped: on two cores the spinning took \
            CPU from the event loop and Redis. Next step, if the ratio slips: a long-lived drainer per busy \
            subscription that parks instead of returning its thread.

            Not a cause: the per-command timeout (`TimeoutOptions.fixedTimeout` in `RedisTransport.connect`). \
            The diagnostic contender `lettuce-herald-options` is batched Lettuce with exactly Herald's client \
            options, and it measures the same as batched Lettuce. Redisson and Spring Data Redis run with \
            their defaults. Redisson sends one command per read (no pipelining across `publishAsync`), and \
            Spring's listener container starts a thread per message. Those ratios move with Herald's own \
            throughput.""";


    static final String PUBLISH = """
            **Publish throughput at the same flushing.** Both coalesce writes. Herald's confirmed publish is \
            one Lettuce command future per message, as with raw Lettuce (`sendAsync` dispatches a PUBLISH \
            whose output drops the receiver count, so no second stage maps it to `CompletionStage<Void>`), \
            plus Herald's encode-and-check (payload size) and one `AtomicBoolean` check per message to \
            schedule the flush. Hand-written batching flushes on the publishing thread every 1,000 commands; \
            Herald flushes on the event loop, which can split a burst into more, smaller batches when the \
            loop is idle. The per-command timeout is not a cause: see the diagnostic contender.""";


    static final String LATENCY = """
            **p99 at the fixed rate.** At 20,000 msg/s every message finds the subscriber idle, so Herald pays \
            its full receiving hand-off each time: `Delivery.offer`, then `ThreadPoolExecutor.execute`, then \
            waking a handler thread; on a busy two-core machine that wake-up can wait for a core. Raw Lettuce \
            decodes on the event loop. The tails of every contender on this machine also carry GC pauses and \
            scheduling stalls from other processes: the p99 of each contender moves by 2–3× from run to run. \
            Compare the p50 column, and rerun on a quiet machine before reading much into p99.""";


    static final String IN_MEMORY = """
            **In-memory throughput.** DESIGN.md promises the in-memory Herald the same semantics as Redis, so \
            it encodes every message on the publishing thread and decodes it on each subscription's handler \
            thread: a handler gets its own copy, and a payload that would not survive the wire fails in \
            memory too. The codec rows of the JMH table are therefore a hard ceiling: one decode of this \
            order takes longer than the 200 ns per message that 5 M msg/s allows (Jackson builds a record and \
            parses an `Instant` and a `BigDecimal`, allocating about 3 KB), and one → one runs at about the \
            rate of one decoding thread. What would close the gap, each a change of semantics to decide on, \
            not a fix: (a) in memory, hand the subscriptions the published object instead of a decoded copy \
            (shared, so safe only for immutable payloads), encoding once only to check the payload is \
            encodable, or not at all; (b) decode once per message and codec in `DefaultHerald`'s dispatch, \
            not once per subscription, which helps one → eight up to eightfold with the same sharing caveat. \
            Without (a), 5 M msg/s is out of reach with Jackson.""";

    static final String CODEC = """
            **Codec.** Herald's `JacksonCodecFactory` codec is the pre-bound `ObjectWriter.writeValueAsBytes` \
            / `ObjectReader.readValue`, plus a `null` check on decode. The configuration is the same, and so \
            are the bytes and the allocation per operation (`-prof gc`). A ratio above 1.05 here is \
            measurement noise: compare the min–max ranges in the JMH table, and rerun on a quiet machine. \
            Nothing in Herald's codec path is left to remove.""";

    static final String COMPILE = """
            **Compile cost.** The split under the compile-cost table has three parts. Compiling the generated \
            sources, which javac would pay for hand-written equivalents too. javac's own cost of having any \
            processor generate sources, measured with a processor that has no logic and only writes the same \
            files: a second round that enters every compilation unit again, and per-file work in the `Filer` \
            and the new round (about 0.35 ms a file, measured by adding empty files to that replay). And \
            Herald's processor itself: loading the jar into a fresh class loader (so its code and the shaded \
            JavaPoet run cold, as under Maven), the model, the checks and JavaPoet. Only the last part is \
            Herald's to cut, and removing it entirely would still leave javac far above +20 %.
            - *The fixture is the worst case for the ratio.* Its hand-written code is nothing but interface \
            and record declarations, which javac only parses and enters. The generated publisher, subscriber \
            and binding have method bodies to attribute. In a project whose hand-written code has bodies, the \
            relative cost is much smaller.
            - *Already done.* The generated `listen` is plain statements (`made.add(herald.channel(X) \
            .subscribeAsync(listener::m))`), not a varargs call of lambdas, which cut the time javac spends \
            on the generated sources by about a sixth; generated `CompletionStage<Void>` methods call `sendAsync` \
            without a lambda; the overlap check is no longer quadratic. The generated subscriber and binding \
            extend base classes in `dev.herald.binding`, and Javadoc of one line takes one line: about 34 \
            generated lines per channel instead of 59, which took about a tenth off javac's time with the \
            processor (medians of 10 runs each on a shared 2-core VM: 7.4 s before, 6.7 s after).
            - *What is left.* Three files per interface: one generated file per interface (the binding nested \
            in it) would save the per-file work of 400 files, about 0.15 s here. Each channel's line in \
            `listen`, a method reference passed to `subscribe`, still costs javac about 0.3 ms.""";

    private Why() {
    }
}
