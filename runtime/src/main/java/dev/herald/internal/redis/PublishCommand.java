package dev.herald.internal.redis;

import dev.herald.PublishFailedException;
import dev.herald.PublishOutcomeUnknownException;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisCommandTimeoutException;
import io.lettuce.core.output.CommandOutput;
import io.lettuce.core.protocol.Command;
import io.lettuce.core.protocol.CommandArgs;
import io.lettuce.core.protocol.CompleteableCommand;
import io.lettuce.core.protocol.ProtocolKeyword;
import io.lettuce.core.protocol.RedisCommand;
import io.netty.buffer.ByteBuf;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * One PUBLISH (or SPUBLISH) handed to Lettuce, and the caller's stage: what Lettuce's {@code AsyncCommand} is, plus two
 * things it cannot do. It gives its room in {@link PendingPublishes} back when it completes, however it
 * completes, with no callback of its own; and it tells a publish that was never written to the socket
 * ({@link PublishFailedException}: not delivered) from one that was written and got no answer
 * ({@link PublishOutcomeUnknownException}: may have been delivered). Lettuce encodes a command on the
 * connection's event loop right before writing it, and fails the commands of a closed connection on the
 * same thread, so "written" is known without a race there; a timeout fires on another thread and is
 * always reported as unknown.
 */
final class PublishCommand<T> extends CompletableFuture<T>
        implements RedisCommand<String, byte[], T>, CompleteableCommand<T> {

    @SuppressWarnings("rawtypes") // the updater is per class
    private static final AtomicIntegerFieldUpdater<PublishCommand> RELEASED =
            AtomicIntegerFieldUpdater.newUpdater(PublishCommand.class, "released");

    private final Command<String, byte[], T> command;
    private final String channel;
    private final PendingPublishes pending;
    private final long size;
    /** Told the failure of a fire-and-forget publish, whose stage nobody holds; null for a stage someone waits on. */
    private final Consumer<? super Throwable> onFailure;
    private volatile boolean written;
    private volatile int released;

    PublishCommand(Command<String, byte[], T> command, String channel, PendingPublishes pending, long size,
            Consumer<? super Throwable> onFailure) {
        this.command = command;
        this.channel = channel;
        this.pending = pending;
        this.size = size;
        this.onFailure = onFailure;
    }

    private void release() {
        if (RELEASED.compareAndSet(this, 0, 1)) {
            pending.release(size);
        }
    }

    /** The reply was read: Redis's answer, or its refusal (NOPERM, OOM, ...), which means not delivered. */
    @Override
    public void complete() {
        release();
        CommandOutput<String, byte[], T> output = command.getOutput();
        if (output.hasError()) {
            fail(new PublishFailedException("Redis refused " + command.getType() + " to '" + channel + "': "
                    + output.getError(), new RedisCommandExecutionException(output.getError())));
        } else {
            super.complete(output.get());
        }
    }

    @Override
    public boolean complete(T value) {
        release();
        return super.complete(value);
    }

    @Override
    public boolean completeExceptionally(Throwable failure) {
        release();
        return !isDone() && fail(classify(failure));
    }

    private boolean fail(Throwable failure) {
        boolean failed = super.completeExceptionally(failure);
        if (failed && onFailure != null) {
            onFailure.accept(failure);
        }
        return failed;
    }

    /** Lettuce's cancel, when its connection closes: failed, or unknown when the command was written. */
    @Override
    public void cancel() {
        completeExceptionally(new CancellationException("the connection was closed"));
    }

    /** The caller's cancel: the publish may still be sent. */
    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
        release();
        return super.cancel(mayInterruptIfRunning);
    }

    private Throwable classify(Throwable failure) {
        if (failure instanceof PublishFailedException || failure instanceof PublishOutcomeUnknownException) {
            return failure;
        }
        if (failure instanceof RedisCommandTimeoutException) {
            return new PublishOutcomeUnknownException(command.getType() + " to '" + channel + "' got no reply in time ("
                    + failure.getMessage() + "); it may have been delivered", failure);
        }
        if (written) {
            return new PublishOutcomeUnknownException(command.getType() + " to '" + channel + "' was sent but got no reply ("
                    + failure.getMessage() + "); it may have been delivered", failure);
        }
        return new PublishFailedException(command.getType() + " to '" + channel + "' was not sent: " + failure.getMessage(), failure);
    }

    @Override
    public void encode(ByteBuf buf) {
        written = true;
        command.encode(buf);
    }

    @Override
    public CommandOutput<String, byte[], T> getOutput() {
        return command.getOutput();
    }

    @Override
    public void setOutput(CommandOutput<String, byte[], T> output) {
        command.setOutput(output);
    }

    @Override
    public CommandArgs<String, byte[]> getArgs() {
        return command.getArgs();
    }

    @Override
    public ProtocolKeyword getType() {
        return command.getType();
    }

    @Override
    public void onComplete(Consumer<? super T> action) {
        thenAccept(action);
    }

    @Override
    public void onComplete(BiConsumer<? super T, Throwable> action) {
        whenComplete(action);
    }

    @Override
    public String toString() {
        return "PublishCommand[" + channel + (written ? ", written" : "") + "]";
    }
}
