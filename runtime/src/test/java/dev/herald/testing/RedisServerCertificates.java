package dev.herald.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;

/**
 * Certificates for a TLS {@code redis-server}, made by the {@code openssl} command line in a
 * directory: a CA, a server certificate for {@code 127.0.0.1} and {@code localhost} signed by it,
 * and a client certificate signed by it. All files are PEM, keys unencrypted PKCS#8. They are valid
 * for two days.
 *
 * @param dir the directory holding the files
 */
public record RedisServerCertificates(Path dir) {

  private static final String OPENSSL = "openssl";
  private static final char[] PKCS12_PASSWORD = "changeit".toCharArray();

  /**
   * Makes a new CA, server and client certificate in {@code dir}.
   *
   * @param dir an existing, empty directory
   * @return the certificates
   * @throws IllegalStateException if {@code openssl} is missing or fails
   */
  public static RedisServerCertificates create(Path dir) {
    RedisServerCertificates certs = new RedisServerCertificates(dir);
    certs.openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
        "-subj", "/CN=Herald test CA", "-keyout", "ca.key", "-out", "ca.crt");
    certs.signed("server", "/CN=127.0.0.1", "subjectAltName=IP:127.0.0.1,DNS:localhost\n");
    certs.signed("client", "/CN=herald-test-client", "extendedKeyUsage=clientAuth\n");
    certs.openssl("pkcs12", "-export", "-in", "client.crt", "-inkey", "client.key",
        "-out", "client.p12", "-passout", "pass:" + new String(PKCS12_PASSWORD));
    return certs;
  }

  /** @return the CA certificate (PEM) that signed the server and client certificates */
  public Path caCertificate() {
    return dir.resolve("ca.crt");
  }

  /** @return the server's certificate (PEM) */
  public Path serverCertificate() {
    return dir.resolve("server.crt");
  }

  /** @return the server's private key (PEM, unencrypted) */
  public Path serverKey() {
    return dir.resolve("server.key");
  }

  /** @return the client's certificate (PEM) */
  public Path clientCertificate() {
    return dir.resolve("client.crt");
  }

  /** @return the client's private key (PEM, unencrypted PKCS#8) */
  public Path clientKey() {
    return dir.resolve("client.key");
  }

  /**
   * A socket factory that trusts the CA and presents the client certificate, for the test helper's
   * own raw connections.
   *
   * @return the factory
   */
  public SSLSocketFactory socketFactory() {
    try {
      KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
      trust.load(null, null);
      try (InputStream in = Files.newInputStream(caCertificate())) {
        Certificate ca = CertificateFactory.getInstance("X.509").generateCertificate(in);
        trust.setCertificateEntry("ca", ca);
      }
      TrustManagerFactory trustManagers =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      trustManagers.init(trust);
      KeyStore keys = KeyStore.getInstance("PKCS12");
      try (InputStream in = Files.newInputStream(dir.resolve("client.p12"))) {
        keys.load(in, PKCS12_PASSWORD);
      }
      KeyManagerFactory keyManagers =
          KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      keyManagers.init(keys, PKCS12_PASSWORD);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(keyManagers.getKeyManagers(), trustManagers.getTrustManagers(), null);
      return context.getSocketFactory();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot load the test certificates in " + dir, e);
    }
  }

  private void signed(String name, String subject, String extensions) {
    try {
      Files.writeString(dir.resolve(name + ".ext"), extensions, StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    openssl("req", "-newkey", "rsa:2048", "-nodes", "-subj", subject,
        "-keyout", name + ".key", "-out", name + ".csr");
    openssl("x509", "-req", "-in", name + ".csr", "-CA", "ca.crt", "-CAkey", "ca.key",
        "-CAcreateserial", "-days", "2", "-extfile", name + ".ext", "-out", name + ".crt");
  }

  private void openssl(String... args) {
    List<String> command = new ArrayList<>();
    command.add(OPENSSL);
    command.addAll(List.of(args));
    try {
      Process process = new ProcessBuilder(command).directory(dir.toFile())
          .redirectErrorStream(true).start();
      process.getOutputStream().close();
      ByteArrayOutputStream output = new ByteArrayOutputStream();
      process.getInputStream().transferTo(output);
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException("openssl did not finish: " + command);
      }
      if (process.exitValue() != 0) {
        throw new IllegalStateException("openssl failed (" + process.exitValue() + "): " + command
            + "\n" + output.toString(StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot run openssl (install it, e.g. `apt-get install"
          + " openssl`): " + command, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running openssl", e);
    }
  }
}
