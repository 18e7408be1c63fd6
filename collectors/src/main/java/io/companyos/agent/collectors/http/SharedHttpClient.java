package io.companyos.agent.collectors.http;

import java.net.http.HttpClient;
import java.security.KeyManagementException;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLContextSpi;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocketFactory;
import javax.net.ssl.SSLSessionContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;

/**
 * The one JDK {@link HttpClient} the HTTP probes (with the JDK's trust store) and the Prometheus
 * scrapes of a process share.
 *
 * <p>Every {@code HttpClient} has its own selector thread, worker pool, connection pool and
 * default {@code SSLContext}; the daemon had one per HTTP probe and one per scrape. Sharing one
 * keeps a single set (measured in docs/benchmarks.md, "footprint"). Its settings are those all
 * users agree on: redirects are never followed and there is no client-wide connect timeout — each
 * request carries its own {@link java.net.http.HttpRequest.Builder#timeout timeout}, which the JDK
 * starts before connecting, so it bounds connect, TLS and the response head together. Probes with
 * their own TLS settings (a CA bundle, {@code insecure}) keep a client of their own.
 *
 * <p>TLS is the JDK's default ({@link SSLContext#getDefault()}: its trust store, protocols and
 * cipher suites, host name verification), but set up only at the first https connection: a
 * {@code HttpClient} builds the default context (~200 classes, the parsed trust store) when it is
 * created, which a daemon probing and scraping only plain-http endpoints never needs.
 */
public final class SharedHttpClient {

  private SharedHttpClient() {}

  /** The process's shared client, built at the first use. */
  public static HttpClient get() {
    return Holder.CLIENT;
  }

  private static final class Holder {
    static final HttpClient CLIENT =
        HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .sslContext(new DefaultOnFirstUse())
            // empty parameters: each engine keeps the default context's protocols and suites
            .sslParameters(new SSLParameters())
            .build();
  }

  /** {@link SSLContext#getDefault()}, looked up when the first engine or factory is made. */
  static final class DefaultOnFirstUse extends SSLContext {
    DefaultOnFirstUse() {
      super(new Spi(), null, "Default");
    }
  }

  private static final class Spi extends SSLContextSpi {
    private static SSLContext context() {
      try {
        return SSLContext.getDefault();
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException("no default TLS context: " + e.getMessage(), e);
      }
    }

    @Override
    protected void engineInit(KeyManager[] km, TrustManager[] tm, SecureRandom random)
        throws KeyManagementException {
      throw new KeyManagementException("the default TLS context is initialised by the JDK");
    }

    @Override
    protected SSLSocketFactory engineGetSocketFactory() {
      return context().getSocketFactory();
    }

    @Override
    protected SSLServerSocketFactory engineGetServerSocketFactory() {
      return context().getServerSocketFactory();
    }

    @Override
    protected SSLEngine engineCreateSSLEngine() {
      return context().createSSLEngine();
    }

    @Override
    protected SSLEngine engineCreateSSLEngine(String host, int port) {
      return context().createSSLEngine(host, port);
    }

    @Override
    protected SSLSessionContext engineGetServerSessionContext() {
      return context().getServerSessionContext();
    }

    @Override
    protected SSLSessionContext engineGetClientSessionContext() {
      return context().getClientSessionContext();
    }

    @Override
    protected SSLParameters engineGetDefaultSSLParameters() {
      return context().getDefaultSSLParameters();
    }

    @Override
    protected SSLParameters engineGetSupportedSSLParameters() {
      return context().getSupportedSSLParameters();
    }
  }
}
