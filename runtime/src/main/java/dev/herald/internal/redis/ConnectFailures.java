package dev.herald.internal.redis;

import dev.herald.HeraldException;
import dev.herald.internal.Waits;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisCommandTimeoutException;
import io.lettuce.core.RedisCredentials;
import io.lettuce.core.RedisCredentialsProvider;
import io.lettuce.core.RedisURI;
import io.netty.channel.ConnectTimeoutException;
import io.netty.handler.ssl.NotSslRecordException;
import io.netty.handler.ssl.SslHandshakeTimeoutException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.nio.channels.ClosedChannelException;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;

/**
 * Says why a connection to Redis could not be made, and what to do about it, in one sentence. Lettuce
 * reports every failed connect as "Unable to connect to host:port" with Netty's exception underneath;
 * this reads the chain of causes for the one that matters. The message never holds the password.
 */
final class ConnectFailures {

    private ConnectFailures() {
    }

    /**
     * Explains a failed connect.
     *
     * @param failure what Lettuce threw or failed the connect future with
     * @param uri where Herald tried to connect
     * @param connectTimeout the connect and handshake bound in force
     * @return one exception whose message names the cause and the fix, with {@code failure} as its cause
     */
    static HeraldException explain(Throwable failure, RedisURI uri, Duration connectTimeout) {
        return new HeraldException(redact(message(Waits.unwrap(failure), uri, connectTimeout), uri), failure);
    }

    /**
     * Names where the URI points, never with its password.
     *
     * @param uri the parsed URI
     * @return {@code host:port}, or for a Sentinel URI {@code Sentinel host:port,host:port master name}
     */
    static String describe(RedisURI uri) {
        if (uri.getSentinelMasterId() != null) {
            StringBuilder sentinels = new StringBuilder();
            for (RedisURI sentinel : uri.getSentinels()) {
                sentinels.append(sentinels.length() == 0 ? "" : ",").append(sentinel.getHost()).append(':')
                        .append(sentinel.getPort());
            }
            return "Sentinel " + sentinels + " master " + uri.getSentinelMasterId();
        }
        return uri.getHost() + ":" + uri.getPort();
    }

    /**
     * Says where Herald runs, for its startup line: {@code Redis at host:port} or
     * {@code Redis via Sentinel host:port,... master name}.
     *
     * @param description what {@link #describe} returned
     * @return the phrase
     */
    static String redis(String description) {
        return (description.startsWith("Sentinel ") ? "Redis via " : "Redis at ") + description;
    }

    private static String message(Throwable failure, RedisURI uri, Duration connectTimeout) {
        String at = describe(uri);
        String seconds = seconds(connectTimeout);
        // Redis's own refusal wins wherever it sits: Lettuce may report the channel closing after the refusal first
        RedisCommandExecutionException refused = refusal(failure, 0);
        if (refused != null) {
            return refused(String.valueOf(refused.getMessage()), at);
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SslHandshakeTimeoutException) {
                return "TLS handshake with " + at + " failed: the server does not seem to speak TLS (no answer within "
                        + seconds + "); use redis:// or check the port";
            }
            if (cause instanceof NotSslRecordException) {
                return "TLS handshake with " + at + " failed: the server answered in plain text, not TLS; use redis:// "
                        + "or check the port";
            }
            if (cause instanceof SSLException ssl) {
                return tls(ssl, at);
            }
            if (cause instanceof ConnectTimeoutException) {
                return "connecting to " + at + " timed out after " + seconds + ": check that the host is up and that "
                        + "no firewall drops the port (HeraldBuilder.connectTimeout sets the bound)";
            }
            if (cause instanceof TimeoutException || cause instanceof RedisCommandTimeoutException) {
                return at + " accepted the connection but did not finish the Redis handshake in time: check that it "
                        + "is a Redis server and not overloaded";
            }
            if (cause instanceof ConnectException) {
                return "nothing accepts connections at " + at + ": start redis-server there or point the Redis URI "
                        + "(REDIS_URL) at one";
            }
            if (cause instanceof UnknownHostException) {
                return "cannot resolve the host of " + at + ": check the host in the Redis URI";
            }
            if (cause instanceof ClosedChannelException || cause instanceof SocketException
                    || String.valueOf(cause.getMessage()).contains("closed prematurely")) {
                return uri.isSsl()
                        ? "TLS handshake with " + at + " failed: the server closed the connection (" + cause.getMessage()
                                + "); check the port and the server's TLS settings"
                        : at + " closed the connection before answering: a TLS-only port does that; use rediss:// "
                                + "(with HeraldBuilder.sslOptions for its CA and client certificate) or check the port";
            }
        }
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return "could not connect to Redis at " + at + ": " + root;
    }

    /**
     * Whether a connect failed because the connection closed during Lettuce's handshake with no reply read:
     * {@code Connection closed prematurely}, or {@code RedisHandshakeHandler not registered} when the close won
     * the race against the handler's setup. Redis's refusal may have been sent and lost; a new attempt tells.
     *
     * @param failure what the connect failed with
     * @return {@code true} for such a bare close, {@code false} for anything else, a refusal included
     */
    static boolean closedDuringHandshake(Throwable failure) {
        if (refusal(failure, 0) != null) {
            return false;
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            String text = String.valueOf(cause.getMessage());
            if (text.contains("closed prematurely") || text.contains("RedisHandshakeHandler not registered")) {
                return true;
            }
        }
        return false;
    }

    private static RedisCommandExecutionException refusal(Throwable failure, int depth) {
        if (failure == null || depth > 8) {
            return null;
        }
        if (failure instanceof RedisCommandExecutionException found) {
            return found;
        }
        for (Throwable suppressed : failure.getSuppressed()) {
            RedisCommandExecutionException found = refusal(suppressed, depth + 1);
            if (found != null) {
                return found;
            }
        }
        return failure.getCause() == failure ? null : refusal(failure.getCause(), depth + 1);
    }

    private static String refused(String reply, String at) {
        String code = reply.split(" ", 2)[0];
        switch (code) {
            case "WRONGPASS":
                return "Redis at " + at + " refused the credentials (WRONGPASS): check user and password in the URL";
            case "NOAUTH":
                return "Redis at " + at + " requires a password (NOAUTH): put it in the URL, as "
                        + "redis://:password@host:port or redis://user:password@host:port";
            case "NOPERM":
                return "Redis at " + at + " let the user in but refused it a command of the connection handshake ("
                        + reply + "): grant the user HELLO, CLIENT and PING";
            default:
                return "Redis at " + at + " refused the connection handshake: " + reply;
        }
    }

    private static String tls(SSLException ssl, String at) {
        String text = String.valueOf(ssl.getMessage());
        String lower = text.toLowerCase(Locale.ROOT);
        String prefix = "TLS handshake with " + at + " failed: ";
        if (lower.contains("certificate_required") || lower.contains("bad_certificate")
                || lower.contains("unknown_ca") && !hasCertificateCause(ssl)) {
            return prefix + "the server wants a client certificate it trusts (" + text + "); give one with "
                    + "HeraldBuilder.sslOptions(SslOptions.builder().keyManager(certFile, keyFile, password).build())";
        }
        if (lower.contains("subject alternative") || lower.contains("no name matching")) {
            return prefix + "the server's certificate does not name the host (" + text + "); connect by a name or "
                    + "address that the certificate holds";
        }
        if (hasCertificateCause(ssl) || lower.contains("pkix") || lower.contains("certification path")) {
            return prefix + "the server's certificate is not trusted (" + text + "); give its CA with "
                    + "HeraldBuilder.sslOptions(SslOptions.builder().trustManager(caFile).build())";
        }
        return prefix + text;
    }

    private static boolean hasCertificateCause(Throwable failure) {
        for (Throwable cause = failure.getCause(); cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof CertificateException || cause instanceof CertPathValidatorException
                    || cause instanceof CertPathBuilderException) {
                return true;
            }
        }
        return false;
    }

    private static String seconds(Duration timeout) {
        return timeout.toMillis() % 1000 == 0 ? timeout.toSeconds() + " s" : timeout.toMillis() + " ms";
    }

    /** Takes out the URI's password, should any message from below have quoted it. */
    private static String redact(String message, RedisURI uri) {
        char[] password = null;
        if (uri.getCredentialsProvider() instanceof RedisCredentialsProvider.ImmediateRedisCredentialsProvider given) {
            RedisCredentials credentials = given.resolveCredentialsNow();
            password = credentials == null ? null : credentials.getPassword();
        }
        if (password == null || password.length < 4) {
            return message; // shorter ones would blank out ordinary words; no message here quotes a password
        }
        return message.replace(new String(password), "***");
    }
}
