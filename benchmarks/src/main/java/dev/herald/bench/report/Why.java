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
            **End-to-end delivered throughput.** Herald's write coalescing works: Redis sees about as many \
            commands per read from Herald as from batched Lettuce (the "cmds/read" columns), and Redis spends \
            the same CPU per message. The gap is in the JVM. Herald spends more CPU per message and makes \
            context switches that batched Lettuce does not (the cost table). Three causes:
            1. *The receiving hand-off.* `DefaultHerald`'s transport listener calls `Delivery.offer` on the \
            Lettuce event loop. Each message costs a `ConcurrentLinkedQueue` node, an `AtomicInteger` \
            increment and a CAS on `draining`. Whenever the handler thread had emptied the queue, it also \
            costs `ThreadPoolExecutor.execute` through a `SynchronousQueue` (core size 0), which wakes a \
            parked worker or starts a thread. Raw Lettuce decodes on the event loop and pays none of this. \
            Fix: give each subscription a long-lived drainer. It drains in batches and spins briefly \
            (`Thread.onSpinWait`, a few µs) before it parks. The event loop unparks it only when a `volatile` \
            state says it is parked, so a busy drainer costs the event loop one volatile read per message. \
            The bounded buffer and its overflow policy stay as they are.
            2. *The flush hop.* `RedisTransport.flushSoon` runs `flushCommands()` as a task on \
            `client.getResources().eventExecutorGroup().next()`. That is a third thread, which then hands the \
            batch to the connection's I/O event loop. Every burst therefore costs two thread wake-ups, and on \
            two cores the flusher competes with the publisher, the event loops and Redis. Hand-written \
            batching calls `flushCommands()` on the publishing thread: one hop. Fix: flush on the publishing \
            thread once N commands are pending (a counter next to `flushPending`, e.g. N = 512). Keep the \
            scheduled flush only as the idle fallback. Better still, schedule that fallback on the \
            connection's own event loop, not on the computation pool.
            3. *Per-message allocation in the typed layer.* `DefaultTypedChannel.send` registers a capturing \
            `whenComplete` lambda per message just to report failures. One `BiConsumer` per channel, \
            created in the constructor, would do (it only needs `name`).

            Not a cause: the per-command timeout (`TimeoutOptions.fixedTimeout` in `RedisTransport.connect`). \
            The diagnostic contender `lettuce-herald-options` is batched Lettuce with exactly Herald's client \
            options, and it measures the same as batched Lettuce. Redisson and Spring Data Redis run with \
            their defaults. Redisson sends one command per read (no pipelining across `publishAsync`), and \
            Spring's listener container starts a thread per message. Those ratios move with Herald's own \
            throughput.""";

    static final String PUBLISH = """
            **Publish throughput at the same flushing.** Both Herald and batched Lettuce coalesce writes, and \
            Redis sees similar batches (cmds/read). Herald's confirmed publish costs more JVM CPU per message \
            and makes context switches batched Lettuce does not. The main causes: the flush hop described \
            above (publisher → `eventExecutorGroup` thread → I/O event loop, two wake-ups per burst against \
            one), and the generated confirmed method's `thenRun(() -> { })`, which adds a `CompletableFuture` \
            and a completion per message on the event loop. Fixes: flush on the publishing thread every N \
            commands, with the scheduled flush as the idle fallback on the connection's own event loop. For \
            the generated method, a `TypedChannel` method could return the transport's stage already typed \
            `CompletionStage<Void>` (one `thenApply` with a shared function inside the runtime), and the \
            generated code would return it as is. The per-command timeout is not a cause: see the diagnostic \
            contender.""";

    static final String LATENCY = """
            **p99 at the fixed rate.** At 20,000 msg/s every message finds the subscriber idle, so Herald pays \
            its full receiving hand-off each time: `Delivery.offer`, then `ThreadPoolExecutor.execute` through \
            a `SynchronousQueue`, then waking a parked handler thread. On a busy two-core machine that wake-up \
            can wait for a core. Raw Lettuce decodes on the event loop. Fix: the long-lived, briefly spinning \
            drainer described above. The tails of every contender on this machine also carry GC pauses \
            (10–80 ms with G1 here) and scheduling stalls from other processes. Compare the p50 column, and \
            rerun on a quiet machine before reading much into p99.""";

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
            - *The processor's hot spot is the overlap check.* A JFR profile of this harness shows \
            `ChannelRegistry.checkOverlaps` → `ChannelNames.shape` as the largest part of the processor's \
            own time, ahead of all JavaPoet output. For every channel it walks every channel registered \
            before it and computes `ChannelNames.shape` of both names for each pair: quadratic in channels \
            (1,000 here), although only a template can overlap another name. Fix: compute each \
            declaration's shape once and keep it in `Declaration`. Keep the templates in a list of their own \
            and check a literal channel only against that list, with a template checked against everything. \
            A fixture without templates then does no pairwise work at all.
            - *Generated volume.* Three classes per interface, about 3.5 generated lines per hand-written \
            one. One generated class per interface holding the descriptors, publisher and subscriber would \
            cut the class and symbol work. So would plain statements instead of varargs of lambdas in \
            `listen`, and explicit type arguments where javac would otherwise infer them.
            - The processor jar is loaded in a fresh class loader for every compilation, so its code and the \
            shaded JavaPoet always run cold. Maven does the same.""";

    private Why() {
    }
}
