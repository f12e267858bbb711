package dev.herald.spring.boot;

import dev.herald.Herald;
import dev.herald.ShutdownReport;
import dev.herald.Subscription;
import dev.herald.binding.HeraldBinding;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.util.ClassUtils;

/**
 * Herald in Spring's lifecycle. On start, once every singleton exists, it subscribes each
 * {@link HeraldListener @HeraldListener} bean to its channel interfaces. On stop, when the context closes, it
 * unsubscribes them, then shuts Herald down gracefully ({@link Herald#shutdown(Duration)}): no new publish, every
 * subscription ended, running handlers given until {@code spring.lifecycle.timeout-per-shutdown-phase} to finish,
 * then Herald's connections closed.
 *
 * <p>Its {@linkplain #PHASE phase} stops it after the web server's graceful shutdown (so requests still being
 * served can publish) and before beans of lower phases, such as Spring Data Redis's
 * {@code LettuceConnectionFactory} (phase 0), close: a handler that is finishing can still use them.
 *
 * <p>Why a lifecycle and not {@code ApplicationReadyEvent}: the lifecycle starts and stops in every application
 * context (a test's, a plain one), its stop is ordered against the other lifecycles, and start and stop are
 * symmetric. Listeners are subscribed before {@code ApplicationRunner}s run and before the context reports ready.
 *
 * <p>Herald cannot start again once shut down: a context that is stopped and started again fails on the start. It
 * is not {@linkplain #isPauseable() pauseable}.
 */
public final class HeraldLifecycle implements SmartLifecycle {

    /**
     * The phase: {@code SmartLifecycle.DEFAULT_PHASE - 4096}, below the web server's graceful shutdown
     * ({@code DEFAULT_PHASE - 1024}) and its stop ({@code DEFAULT_PHASE - 2048}), above the default of
     * {@code 0}.
     */
    public static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 4096;

    private static final Logger LOG = LoggerFactory.getLogger(HeraldLifecycle.class);

    private final Herald herald;
    private final ListableBeanFactory beanFactory;
    private final ClassLoader classLoader;
    private final Duration shutdownDeadline;
    private final List<Subscription> listeners = new ArrayList<>();
    /** Read without the lock: the lifecycle processor and health checks ask while a stop drains handlers. */
    private volatile boolean running;
    private boolean shutDown;

    /**
     * Creates the lifecycle of a Herald.
     *
     * @param herald the Herald
     * @param beanFactory where the {@link HeraldListener @HeraldListener} beans are found
     * @param classLoader where the generated bindings are found
     * @param shutdownDeadline how long running handlers may take to finish on stop
     */
    public HeraldLifecycle(Herald herald, ListableBeanFactory beanFactory, ClassLoader classLoader,
            Duration shutdownDeadline) {
        this.herald = Objects.requireNonNull(herald, "herald");
        this.beanFactory = Objects.requireNonNull(beanFactory, "beanFactory");
        this.classLoader = Objects.requireNonNull(classLoader, "classLoader");
        this.shutdownDeadline = Objects.requireNonNull(shutdownDeadline, "shutdownDeadline");
    }

    /**
     * Subscribes every {@link HeraldListener @HeraldListener} bean.
     *
     * @throws IllegalStateException when a marked bean implements no channel interface, or names one that it does
     *     not implement or that has no generated binding, or when Herald was shut down by an earlier stop
     */
    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        if (shutDown) {
            throw new IllegalStateException("Herald was shut down when this context stopped and cannot start again");
        }
        Map<Class<?>, HeraldBinding<?>> bindings = ChannelBindings.load(classLoader);
        try {
            for (String name : beanFactory.getBeanNamesForAnnotation(HeraldListener.class)) {
                Object bean = beanFactory.getBean(name);
                HeraldListener marker = beanFactory.findAnnotationOnBean(name, HeraldListener.class);
                for (Class<?> channelInterface : channelInterfaces(name, bean, marker, bindings)) {
                    listeners.add(listen(bindings.get(channelInterface), bean));
                    LOG.debug("Herald: bean '{}' listens to {}", name, channelInterface.getName());
                }
            }
        } catch (RuntimeException | Error e) {
            unsubscribeListeners();
            throw e;
        }
        running = true;
    }

    private static Set<Class<?>> channelInterfaces(String name, Object bean, HeraldListener marker,
            Map<Class<?>, HeraldBinding<?>> bindings) {
        Class<?> type = ClassUtils.getUserClass(AopUtils.getTargetClass(bean));
        Set<Class<?>> chosen = new LinkedHashSet<>();
        if (marker != null && marker.value().length > 0) {
            for (Class<?> named : marker.value()) {
                if (!bindings.containsKey(named)) {
                    throw new IllegalStateException("bean '" + name + "' is marked @HeraldListener(" + named.getName()
                            + ".class), but " + named.getName() + " has no generated Herald binding: is it an interface"
                            + " with @Channel methods, compiled with herald-processor on the annotation processor path?");
                }
                if (!named.isInstance(bean)) {
                    throw new IllegalStateException("bean '" + name + "' is marked @HeraldListener(" + named.getName()
                            + ".class) but does not implement " + named.getName());
                }
                chosen.add(named);
            }
            return chosen;
        }
        for (Class<?> implemented : ClassUtils.getAllInterfacesAsSet(bean)) {
            if (bindings.containsKey(implemented)) {
                chosen.add(implemented);
            }
        }
        if (chosen.isEmpty()) {
            throw new IllegalStateException("bean '" + name + "' (" + type.getName() + ") is marked @HeraldListener but"
                    + " implements no channel interface with a generated Herald binding: implement an interface with"
                    + " @Channel methods, compiled with herald-processor on the annotation processor path");
        }
        return chosen;
    }

    private <T> Subscription listen(HeraldBinding<T> binding, Object bean) {
        return binding.listen(herald, binding.channelInterface().cast(bean));
    }

    /**
     * Unsubscribes the listeners, then shuts Herald down, waiting up to the deadline for running handlers.
     */
    @Override
    public synchronized void stop() {
        if (!running) {
            return;
        }
        running = false;
        shutDown = true;
        unsubscribeListeners();
        ShutdownReport report = herald.shutdown(shutdownDeadline);
        if (report.handlersInterrupted() || report.unhandled() > 0) {
            LOG.warn("Herald: shut down in {} ms; {} buffered message(s) not handled{}{}", report.took().toMillis(),
                    report.unhandled(), report.handlersInterrupted()
                            ? ", handlers still running after " + shutdownDeadline + " were interrupted" : "",
                    report.stillRunning().isEmpty() ? "" : ", still running: " + report.stillRunning());
        } else {
            LOG.info("Herald: shut down in {} ms", report.took().toMillis());
        }
    }

    private void unsubscribeListeners() {
        for (Subscription subscription : listeners) {
            subscription.unsubscribe().whenComplete((done, failure) -> {
                if (failure != null) {
                    LOG.debug("Herald: unsubscribing {} failed: {}", subscription.channel(), failure.toString());
                }
            });
        }
        listeners.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }

    /** @return {@code false}: a paused context keeps Herald running, since Herald cannot start again */
    @Override
    public boolean isPauseable() {
        return false;
    }
}
