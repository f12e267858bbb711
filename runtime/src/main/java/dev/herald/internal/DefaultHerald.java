package dev.herald.internal;

import dev.herald.ChannelDescriptor;
import dev.herald.ChannelTemplate;
import dev.herald.CodecFactory;
import dev.herald.DeadLetters;
import dev.herald.Health;
import dev.herald.Herald;
import dev.herald.HeraldException;
import dev.herald.HeraldSettings;
import dev.herald.MessageHandler;
import dev.herald.PatternHandler;
import dev.herald.PayloadType;
import dev.herald.RequestChannel;
import dev.herald.RequestCounts;
import dev.herald.RequestDescriptor;
import dev.herald.RequestTemplate;
import dev.herald.ShutdownReport;
import dev.herald.Subscription;
import dev.herald.SubscriptionOptions;
import dev.herald.TemplateChannel;
import dev.herald.TypedChannel;
import dev.herald.binding.SubscriptionBatching;
import dev.herald.spi.Transport;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The front door: the one {@link Herald} implementation, which puts its parts together and hands each
 * call to the part whose job it is (names, codecs, the outbound path, the subscriber and its table, the
 * dispatcher, dead letters, health), and which owns the order of shutdown.
 */
public final class DefaultHerald implements Herald, SubscriptionBatching {

    private static final Logger LOG = LoggerFactory.getLogger(DefaultHerald.class);

    private final Transport transport;
    private final Duration shutdownTimeout;
    private final ChannelNames names;
    private final Codecs codecs;
    private final HandlerPool handlers;
    private final Outbound outbound;
    private final SubscriptionTable table;
    private final Subscriber subscriber;
    private final ChannelParts channelParts;
    private final DeadLetterKeeper deadLetters;
    private final HealthCheck healthCheck;
    private final PendingRequests pendingRequests;
    private final RequestParts requestParts;
    private final Instruments instruments;
    private final DurableParts durable;
    /** The first shutdown's report, once it is made; a second call waits for it. */
    private final CompletableFuture<ShutdownReport> shutdownReport = new CompletableFuture<>();

    /**
     * Puts a Herald together and starts its transport.
     *
     * @param settings what the builder was told
     * @param transport the transport, not yet started; closed here when the Herald cannot start
     * @param codecFactory makes a codec per payload type
     * @param instruments measures its traffic; {@link Instruments#NONE} when no registry was given
     * @throws IllegalArgumentException when the channel prefix is not valid
     * @throws HeraldException when the generated bindings on the class path disagree
     */
    public DefaultHerald(HeraldSettings settings, Transport transport, CodecFactory codecFactory, Instruments instruments) {
        this.transport = transport;
        this.instruments = instruments;
        this.shutdownTimeout = settings.shutdownTimeout();
        try {
            this.names = new ChannelNames(settings.channelPrefix());
            checkBindings();
        } catch (RuntimeException e) {
            transport.close();
            throw e;
        }
        this.codecs = new Codecs(codecFactory);
        Failures failures = new Failures(settings.errorHandler());
        this.handlers = new HandlerPool(new HandlerPool.Config(settings.handlerThreads(), settings.virtualThreads(),
                settings.handlerThreadFactory()), failures::report);
        failures.runOn(handlers.callbacks());
        this.outbound = new Outbound(transport, settings.maxPayloadBytes(), failures);
        this.table = new SubscriptionTable(transport, failures.executor());
        this.deadLetters = new DeadLetterKeeper(transport, settings, names::fullPattern);
        DeliveryContext context = new DeliveryContext(handlers, failures, deadLetters, settings.maxPayloadBytes(),
                settings.commandTimeout(), table, instruments, codecs::sharesDecoded);
        this.subscriber = new Subscriber(table, context, transport, settings.subscriptionDefaults());
        this.channelParts = new ChannelParts(names, outbound, subscriber, instruments);
        this.durable = new DurableParts(settings, transport, handlers, failures, deadLetters);
        this.pendingRequests = new PendingRequests(handlers.threadName("requests"), failures.executor(), instruments);
        ReplyChannel replies = new ReplyChannel(names, subscriber, pendingRequests,
                settings.subscriptionDefaults().bufferCapacity());
        this.requestParts = new RequestParts(names, new Requester(outbound, replies, pendingRequests),
                new Responders(subscriber, outbound, failures), settings.requestTimeout(), instruments);
        ConnectionEvents events = new ConnectionEvents(settings.connectionListener(), failures.executor(), table::isEmpty,
                table::closed, instruments);
        this.healthCheck = new HealthCheck(table, transport, events);
        transport.start(new Dispatcher(table, events, failures.executor()));
        instruments.start(new HeraldFigures(table, events, pendingRequests));
        LOG.info("Herald started, {}{}", transport.description(), settings.channelPrefix().isEmpty()
                ? ", no channel prefix" : ", channel prefix '" + settings.channelPrefix() + "'");
    }

    /**
     * Checks, before anything connects to a channel, that the generated bindings visible to the
     * application agree on one payload type per channel, even when they come from different jars.
     */
    private static void checkBindings() {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        Bindings.of(context != null ? context : DefaultHerald.class.getClassLoader());
    }

    @Override
    public <T> TypedChannel<T> channel(ChannelDescriptor<T> descriptor) {
        Objects.requireNonNull(descriptor, "descriptor");
        if (descriptor.isDurable()) {
            return new DurableTypedChannel<>(channelParts, durable.channels(descriptor.name()), names.fullName(descriptor.name()),
                    codecs.of(descriptor.payloadType()), SubscriptionOptions.inherit());
        }
        return channel(descriptor.name(), descriptor.payloadType());
    }

    @Override
    public <T> TypedChannel<T> channel(String channel, PayloadType<T> type) {
        Objects.requireNonNull(type, "type");
        return new DefaultTypedChannel<>(channelParts, names.fullName(channel), codecs.of(type),
                SubscriptionOptions.inherit());
    }

    @Override
    public <T> TemplateChannel<T> template(ChannelDescriptor<T> descriptor) {
        Objects.requireNonNull(descriptor, "descriptor");
        if (descriptor.isDurable()) {
            return new DurableTemplateChannel<>(channelParts, durable.channels(descriptor.name()), ChannelTemplate.of(descriptor.name()),
                    codecs.of(descriptor.payloadType()), SubscriptionOptions.inherit());
        }
        return template(descriptor.name(), descriptor.payloadType());
    }

    @Override
    public <T> TemplateChannel<T> template(String template, PayloadType<T> type) {
        Objects.requireNonNull(type, "type");
        return new DefaultTemplateChannel<>(channelParts, ChannelTemplate.of(template), codecs.of(type),
                SubscriptionOptions.inherit());
    }

    @Override
    public <T, R> RequestChannel<T, R> requests(RequestDescriptor<T, R> descriptor) {
        Objects.requireNonNull(descriptor, "descriptor");
        return requests(descriptor.name(), descriptor.requestType(), descriptor.replyType());
    }

    @Override
    public <T, R> RequestChannel<T, R> requests(String channel, PayloadType<T> requestType, PayloadType<R> replyType) {
        Objects.requireNonNull(requestType, "requestType");
        Objects.requireNonNull(replyType, "replyType");
        return new DefaultRequestChannel<>(requestParts, names.fullName(channel), codecs.of(requestType),
                codecs.of(replyType), requestParts.timeout(), SubscriptionOptions.inherit());
    }

    @Override
    public <T, R> RequestTemplate<T, R> requestTemplate(RequestDescriptor<T, R> descriptor) {
        Objects.requireNonNull(descriptor, "descriptor");
        return new DefaultRequestTemplate<>(requestParts, ChannelTemplate.of(descriptor.name()),
                codecs.of(descriptor.requestType()), codecs.of(descriptor.replyType()), requestParts.timeout(),
                SubscriptionOptions.inherit());
    }

    @Override
    public RequestCounts requestCounts() {
        return pendingRequests.counts();
    }

    @Override
    public CompletionStage<Long> publish(String channel, Object payload) {
        Objects.requireNonNull(payload, "payload");
        String fullName = names.fullName(channel);
        return outbound.publish(fullName, codecs.ofValue(payload), payload, instruments.channel(channel));
    }

    @Override
    public <T> Subscription subscribe(String channel, Class<T> type, MessageHandler<? super T> handler) {
        return subscribe(channel, PayloadType.of(type), handler);
    }

    @Override
    public <T> Subscription subscribe(String channel, PayloadType<T> type, MessageHandler<? super T> handler) {
        return channel(channel, type).subscribe(handler);
    }

    @Override
    public <T> Subscription psubscribe(String pattern, Class<T> type, PatternHandler<? super T> handler) {
        return psubscribe(pattern, PayloadType.of(type), handler);
    }

    @Override
    public <T> Subscription psubscribe(String pattern, PayloadType<T> type, PatternHandler<? super T> handler) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(handler, "handler");
        Registry.Key key = new Registry.Key(names.fullPattern(pattern), true);
        return subscriber.subscribe(key, key.name(), instruments.channel(pattern), codecs.of(type),
                (channel, message) -> handler.onMessage(names.withoutPrefix(channel), message), handler,
                SubscriptionOptions.inherit());
    }

    @Override
    public <T> Subscription subscribeAll(Map<String, ? extends MessageHandler<? super T>> handlers, Class<T> type) {
        Objects.requireNonNull(handlers, "handlers");
        return subscriber.subscribeAll(handlers, codecs.of(PayloadType.of(type)), names::fullName);
    }

    @Override
    public <T> CompletionStage<Subscription> subscribeAllAsync(Map<String, ? extends MessageHandler<? super T>> handlers,
            Class<T> type) {
        Objects.requireNonNull(handlers, "handlers");
        return subscriber.subscribeAllAsync(handlers, codecs.of(PayloadType.of(type)), names::fullName);
    }

    @Override
    public Runnable holdSubscribes() {
        return transport.holdSubscribes();
    }

    @Override
    public Subscription awaitSubscribed(List<? extends CompletionStage<Subscription>> subscriptions) {
        return subscriber.awaitSubscribed(subscriptions);
    }

    @Override
    public CompletionStage<Void> unsubscribe(String channel, MessageHandler<?> handler) {
        Objects.requireNonNull(handler, "handler");
        return table.removeMatching(new Registry.Key(names.fullName(channel), false), handler);
    }

    @Override
    public CompletionStage<Void> unsubscribe(String channel) {
        return table.removeMatching(new Registry.Key(names.fullName(channel), false), null);
    }

    @Override
    public CompletionStage<Void> punsubscribe(String pattern, PatternHandler<?> handler) {
        Objects.requireNonNull(handler, "handler");
        return table.removeMatching(new Registry.Key(names.fullPattern(pattern), true), handler);
    }

    @Override
    public CompletionStage<Void> punsubscribe(String pattern) {
        return table.removeMatching(new Registry.Key(names.fullPattern(pattern), true), null);
    }

    @Override
    public <T> Subscription listen(Class<T> channelInterface, T implementation) {
        Objects.requireNonNull(implementation, "implementation");
        return Bindings.forInterface(channelInterface).listen(this, implementation);
    }

    @Override
    public CompletionStage<Health> health() {
        return healthCheck.check();
    }

    @Override
    public DeadLetters deadLetters() {
        return deadLetters;
    }

    @Override
    public CompletionStage<String> ping() {
        if (table.closed()) {
            return CompletableFuture.failedFuture(new IllegalStateException("Herald is closed"));
        }
        return transport.ping();
    }

    @Override
    public void close() {
        shutdown(shutdownTimeout);
    }

    /**
     * Shuts down in this order: no publish is accepted, every request waiting for its reply fails, every
     * subscription ends and its channel is unsubscribed, the handlers running finish (up to the deadline), then
     * the transport closes. A second call waits for the first call's report.
     */
    @Override
    public ShutdownReport shutdown(Duration deadline) {
        Objects.requireNonNull(deadline, "deadline");
        long start = System.nanoTime();
        long end = start + deadline.toNanos();
        outbound.close();
        pendingRequests.close();
        SubscriptionTable.Closed closed = table.closeAll();
        if (closed == null) {
            return firstShutdownReport();
        }
        try {
            closed.unsubscribed().get(Math.max(end - System.nanoTime(), 0), TimeUnit.NANOSECONDS);
        } catch (Exception e) {
            LOG.debug("Herald: UNSUBSCRIBE on close did not complete: {}", e.toString());
        }
        durable.close(end);
        ShutdownReport report = new ShutdownReport(closed.unhandled(), false, Duration.ZERO);
        try {
            HandlerPool.Stopped stopped = handlers.shutdown(end, deadline);
            durable.stopTimer();
            if (closed.unhandled() > 0) {
                LOG.warn("Herald: closed with {} buffered message(s) not handled", closed.unhandled());
            }
            transport.close();
            instruments.close();
            report = new ShutdownReport(closed.unhandled(), stopped.interrupted(),
                    Duration.ofNanos(System.nanoTime() - start), stopped.stillRunning());
            return report;
        } finally {
            shutdownReport.complete(report); // a concurrent or later call returns it
        }
    }

    /**
     * Waits for the shutdown under way and returns its report. A caller interrupted meanwhile (a handler the
     * first shutdown gave up waiting for) stops waiting and gets an empty report, its interrupt kept.
     */
    private ShutdownReport firstShutdownReport() {
        try {
            return shutdownReport.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new ShutdownReport(0, false, Duration.ZERO);
        } catch (ExecutionException e) {
            throw new IllegalStateException("unreachable: the report is never completed exceptionally", e);
        }
    }

    @Override
    public String toString() {
        return "Herald[" + transport + (table.closed() ? ", closed" : "") + "]";
    }
}
