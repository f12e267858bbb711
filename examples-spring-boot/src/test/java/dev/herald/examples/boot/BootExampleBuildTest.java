package dev.herald.examples.boot;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/**
 * This application's pom is a user's (Boot's parent, not Herald's), so its versions are written out: they must
 * stay those of the Herald it is built with.
 */
class BootExampleBuildTest {

    @Test
    void itsHeraldVersionIsTheReactorsAndLettuceIsHeralds() throws Exception {
        Document own = read(Path.of("pom.xml"));
        Document root = read(Path.of("..", "pom.xml"));
        String heraldVersion = value(root, "/project/version");
        assertThat(value(own, "/project/version")).isEqualTo(heraldVersion);
        assertThat(value(own, "/project/properties/herald.version")).isEqualTo(heraldVersion);
        // the Lettuce Herald is built and tested with, set over Boot's 6.8.2 (README, Spring Boot)
        assertThat(value(own, "/project/properties/lettuce.version"))
                .isEqualTo(value(root, "/project/properties/lettuce.version"));
        assertThat(io.lettuce.core.RedisClient.class.getPackage().getImplementationVersion())
                .startsWith(value(root, "/project/properties/lettuce.version"));
    }

    private static Document read(Path pom) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(pom.toFile());
    }

    private static String value(Document document, String path) throws Exception {
        return XPathFactory.newInstance().newXPath().evaluate(path, document).trim();
    }
}
