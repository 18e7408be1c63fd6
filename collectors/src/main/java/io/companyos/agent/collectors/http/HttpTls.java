package io.companyos.agent.collectors.http;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * The TLS settings of an https GET: the JDK's trust store ({@link #JDK_DEFAULT}), a private certificate authority
 * ({@link #trusting}) or any certificate ({@link #trustingAnything}, the explicit {@code insecure: true}). Host names
 * are verified against the certificate except for the last. Make one per probe and reuse it: each
 * {@link HttpFetcher} keeps what it builds from it (a JDK client, Vert.x TLS options) here, so it lives as long as the
 * probe.
 */
public final class HttpTls {

  /** The JDK's trust store, protocols and cipher suites, with host-name verification. */
  public static final HttpTls JDK_DEFAULT = new HttpTls(null);

  /** Null: the JDK's default trust. */
  private final X509ExtendedTrustManager trust;
  /** What {@link JdkHttpFetcher} built for these settings (its own client). */
  final AtomicReference<Object> jdk = new AtomicReference<>();
  /** What {@link VertxHttpFetcher} built for these settings (its TLS options). */
  final AtomicReference<Object> vertx = new AtomicReference<>();

  private HttpTls(X509ExtendedTrustManager trust) {
    this.trust = trust;
  }

  /**
   * Trusts exactly the certificates in a PEM (or DER) bundle; host names are still verified against the certificate.
   *
   * @throws IOException when the file cannot be read
   * @throws GeneralSecurityException when it holds no usable certificate
   */
  public static HttpTls trusting(Path caFile) throws IOException, GeneralSecurityException {
    Collection<? extends Certificate> certificates;
    try (InputStream in = Files.newInputStream(caFile)) {
      certificates = CertificateFactory.getInstance("X.509").generateCertificates(in);
    }
    if (certificates.isEmpty()) {
      throw new GeneralSecurityException("no certificate in caFile " + caFile);
    }
    KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
    store.load(null, null);
    int i = 0;
    for (Certificate certificate : certificates) {
      store.setCertificateEntry("ca-" + i++, certificate);
    }
    TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    factory.init(store);
    for (TrustManager manager : factory.getTrustManagers()) {
      if (manager instanceof X509ExtendedTrustManager extended) {
        return new HttpTls(extended);
      }
    }
    throw new GeneralSecurityException("no X.509 trust manager for caFile " + caFile);
  }

  /** Trusts any certificate and any host name. */
  public static HttpTls trustingAnything() {
    return new HttpTls(new AcceptingTrustManager());
  }

  /** The trust manager, or null for the JDK's default trust. */
  X509ExtendedTrustManager trustManager() {
    return trust;
  }

  /** A TLS context with this trust (not for {@link #JDK_DEFAULT}). */
  SSLContext sslContext() throws GeneralSecurityException {
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, new TrustManager[] {trust}, null);
    return context;
  }

  /**
   * A trust manager that checks nothing. Being "extended", it also replaces the JDK's host-name check, which the
   * TLS engine otherwise does in the trust manager.
   */
  private static final class AcceptingTrustManager extends X509ExtendedTrustManager {
    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {}

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {}

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {}

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {}

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return new X509Certificate[0];
    }
  }
}
