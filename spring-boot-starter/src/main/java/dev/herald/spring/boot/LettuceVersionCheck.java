package dev.herald.spring.boot;

import io.lettuce.core.LettuceVersion;
import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Warns when the application resolved a Lettuce older than 7, which Spring Boot 4.0's dependency management does
 * (6.8): Herald runs there, but does not follow a Sentinel failover by itself and gets no adaptive cluster topology
 * refresh. The README's Spring Boot section says what to set.
 */
final class LettuceVersionCheck {

    private static final Logger LOG = LoggerFactory.getLogger(LettuceVersionCheck.class);
    /** The Lettuce Herald is built with, from {@code herald-versions.properties}. */
    static final String BUILT_WITH = builtWith();

    private LettuceVersionCheck() {
    }

    private static String builtWith() {
        Properties versions = new Properties();
        try (InputStream in = LettuceVersionCheck.class.getResourceAsStream("herald-versions.properties")) {
            if (in != null) {
                versions.load(in);
            }
        } catch (IOException e) {
            LOG.debug("Herald: cannot read herald-versions.properties: {}", e.toString());
        }
        return versions.getProperty("lettuce", "7");
    }

    /** Logs the warning once per Herald the starter builds, when there is one to log. */
    static void warnIfTooOld() {
        String problem = problem(LettuceVersion.getVersion());
        if (problem != null) {
            LOG.warn(problem);
        }
    }

    /**
     * The warning for a Lettuce version.
     *
     * @param version Lettuce's implementation version, such as {@code 6.8.2.RELEASE/34f8700}; {@code null} when the
     *     jar does not say (a repackaged Lettuce), which gets no warning
     * @return the warning, or {@code null} for Lettuce 7 or newer
     */
    static @Nullable String problem(@Nullable String version) {
        if (version == null) {
            return null;
        }
        int end = 0;
        while (end < version.length() && Character.isDigit(version.charAt(end))) {
            end++;
        }
        if (end == 0 || Integer.parseInt(version.substring(0, end)) >= 7) {
            return null;
        }
        return "Herald: Lettuce " + version + " is on the class path, but Herald needs Lettuce 7 (it is built and tested"
                + " with " + BUILT_WITH + "): on Lettuce 6 it does not follow a Sentinel failover"
                + " by itself and a Redis Cluster's topology is not refreshed on redirects. Spring Boot 4.0 manages"
                + " Lettuce 6.8: set the lettuce.version property to " + BUILT_WITH
                + " (Maven, with spring-boot-starter-parent) or ext['lettuce.version'] (Gradle)";
    }
}
