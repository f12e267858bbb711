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
            **End-to-end delivered throughput.** Herald coalesces writes (Redis sees dozens of commands per \
            read, the "cmds/read" columns) and Redis spends the same CPU per message as with batched Lettuce. \
            The gap is in the JVM: more CPU per message and some context switches where batched Lettuce has \
            none (the cost table). What is left, after this session's first round of fixes (the publisher \
            flushes itself every 1,024 commands; `send` allocates no lambda; a drainer that spun a few µs \
            before letting its thread go was tried and dropped: on two cores the spinning took CPU from the \
            event loop and Redis, and the figures did not improve):
            1. *The receiving hand-off.* Herald runs handlers off the event loop by design: `Delivery.offer` \
            costs a `ConcurrentLinkedQueue` node, an `AtomicInteger` and a CAS per message, and whenever the \
            drainer had let its thread go, a `ThreadPoolExecutor.execute` that wakes a worker. Raw Lettuce \
            decodes on the event loop and pays none of this. Next step: a long-lived drainer per busy \
            subscription that parks instead of returning its thread, woken only when a `volatile` state says \
            it is parked.
            2. *The idle-fallback flush.* A publish that does not reach 1,024 unflushed commands schedules one \
            flush on Lettuce's computation pool, so a burst shorter than that costs a wake-up of that thread, \
            and the fallback flushes split long bursts into smaller batches than a hand-written flush every \
            1,000 commands. The next step would flush from the connection's own event loop, or give \
            applications an explicit `flush()` when they know a burst ended.

            Not a cause: the per-command timeout (`TimeoutOptions.fixedTimeout` in `RedisTransport.connect`). \
            The diagnostic contender `lettuce-herald-options` is batched Lettuce with exactly Herald's client \
            options, and it measures the same as batched Lettuce. Redisson and Spring Data Redis run with \
            their defaults. Redisson sends one command per read (no pipelining across `publishAsync`), and \
            Spring's listener container starts a thread per message. Those ratios move with Herald's own \
            throughput.""";


    static final String PUBLISH = """
            **Publish throughput at the same flushing.** Both coalesce writes; Herald's confirmed publish \
            costs more JVM CPU per message. The causes: the idle-fallback flush above (a wake-up of a second \
            thread per burst where hand-written batching flushes on the publishing thread), and the generated \
            confirmed method's `thenRun(() -> { })`, which adds a `CompletableFuture` and a completion per \
            message on the event loop, to turn the transport's `CompletionStage<Long>` into the declared \
            `CompletionStage<Void>`. Next steps: flush from the connection's event loop, and a runtime \
            method returning a `CompletionStage<Void>` without the extra stage. The per-command timeout is \
            not a cause: see the diagnostic contender.""";


    static final String LATENCY = """
            **p99 at the fixed rate.** At 20,000 msg/s every message finds the subscriber idle, so Herald pays \
            its full receiving hand-off each time: `Delivery.offer`, then `ThreadPoolExecutor.execute`, then \
            waking a handler thread. On a busy two-core machine that wake-up can wait for a core. Raw Lettuce \
            decodes on the event loop. The tails of every contender on this machine also carry GC pauses \
            (10–80 ms with G1 here) and scheduling stalls from other processes: the p99 of each contender \
            moves by 2–3× from run to run. Compare the p50 column, and rerun on a quiet machine before \
            reading much into p99.""";


    static final String IN_MEMORY = """
            **In-memory throughput.** In memory, Herald still encodes every message on the publishing thread \
            and decodes it on each subscription's handler thread (DESIGN: "messages still encoded and \
            decoded"). The codec rows of the JMH table are therefore a hard ceiling. One decode of this order \
            takes longer than the 200 ns per message that 5 M msg/s allows: Jackson builds a record and \
            parses an `Instant` and a `BigDecimal`, allocating about 3 KB. The hand-off to the handler thread \
            comes on top of that. What would close the gap: (a) in memory, hand the subscriptions the \
            published object instead of a decoded copy, encoding once only to check the payload is \
            encodable, or not at all. That changes the documented semantics. (b) Decode once per message and \
            codec in `DefaultHerald`'s dispatch, not once per subscription. That helps one → eight up to \
            eightfold, but the decoded value is then shared between handlers, which is safe only for \
            immutable payloads. (c) The long-lived drainer described above. Without (a), 5 M msg/s is out of \
            reach with Jackson.""";

    static final String CODEC = """
            **Codec.** Herald's `JacksonCodecFactory` codec is the pre-bound `ObjectWriter.writeValueAsBytes` \
            / `ObjectReader.readValue`, plus a `null` check on decode. The configuration is the same, and so \
            are the bytes and the allocation per operation (`-prof gc`). A ratio above 1.05 here is \
            measurement noise: compare the min–max ranges in the JMH table, and rerun on a quiet machine. \
            Nothing in Herald's codec path is left to remove.""";

    static final String COMPILE = """
            **Compile cost.** The split under the compile-cost table has two parts. One is compiling the \
            generated sources, which javac would pay for hand-written equivalents too. The other is the \
            processor run itself, together with the extra processing round javac makes for the generated \
            files.
            - *The fixture is the worst case for the ratio.* Its hand-written code is nothing but interface \
            and record declarations, which javac only parses and enters. The generated publisher, subscriber \
            and binding have method bodies to attribute, including lambdas and method references passed to \
            generic methods (`BindingSupport.subscribeAll(() -> herald.channel(X).subscribe(impl::m), ...)`, \
            `MessageHandler.awaiting(impl::m)`, `thenRun(() -> { })`), the costliest part of javac's type \
            inference. In a project whose hand-written code has bodies, the relative cost is much smaller.
            - *The overlap check is no longer a hot spot.* It was quadratic (every channel against every \
            earlier one, recomputing shapes); it now computes each shape and pattern once and checks literal \
            channels only against templates, so a fixture without templates does no pairwise work.
            - *Generated volume.* Three classes per interface, about 3.5 generated lines per hand-written \
            one. One generated class per interface holding the descriptors, publisher and subscriber would \
            cut the class and symbol work. So would plain statements instead of varargs of lambdas in \
            `listen`, and explicit type arguments where javac would otherwise infer them.
            - The processor jar is loaded in a fresh class loader for every compilation, so its code and the \
            shaded JavaPoet always run cold. Maven does the same.""";

    private Why() {
    }
}
