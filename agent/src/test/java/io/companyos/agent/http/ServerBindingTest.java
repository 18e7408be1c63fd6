package io.companyos.agent.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.companyos.agent.cli.AgentCommand;
import io.companyos.agent.config.AgentConfig;
import io.companyos.agent.config.ConfigException;
import io.companyos.agent.config.ConfigLoader;
import io.companyos.agent.config.ServerConfig;
import io.companyos.agent.daemon.AgentDaemon;
import io.companyos.agent.daemon.StateDirectory;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.math.BigInteger;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the server may listen: loopback by default, elsewhere only with TLS or an explicit server.insecure. */
class ServerBindingTest {
  private static final String TOKEN = AdminApiTest.TOKEN;
  private final ConfigLoader loader = new ConfigLoader(Map.of());

  @TempDir
  Path tmp;

  @Test
  void loopbackIsRecognisedWithoutDns() {
    for (String host : new String[] {"127.0.0.1", "127.1.2.3", "localhost", "LOCALHOST", "::1", "[::1]",
        "0:0:0:0:0:0:0:1"}) {
      assertThat(ServerConfig.isLoopback(host)).as(host).isTrue();
    }
    for (String host : new String[] {"0.0.0.0", "::", "10.0.0.5", "128.0.0.1", "127.0.0.256", "999.0.0.1",
        "node-1.example.internal", "localhost.example.com", "127.0.0.1.nip.io", "fe80::1"}) {
      assertThat(ServerConfig.isLoopback(host)).as(host).isFalse();
    }
  }

  @Test
  void aNonLoopbackBindWithoutTlsIsAConfigErrorNamingServerHost() {
    for (String host : new String[] {"0.0.0.0", "10.1.2.3", "agent.example.internal", "\"::\""}) {
      assertThatThrownBy(() -> loader.bind("tier: airgapped\nserver:\n  host: " + host + "\n"))
          .as(host).isInstanceOf(ConfigException.class)
          .hasMessage("config error: server.host (line 3): binding beyond loopback needs HTTPS: set"
              + " server.tls.certificate and server.tls.key, or server.insecure: true to serve plain HTTP (see"
              + " docs/security.md)");
    }
    assertThatThrownBy(() -> new ConfigLoader(Map.of("COMPANYOS_AGENT_SERVER_HOST", "0.0.0.0")).bind(""))
        .hasMessageStartingWith("config error: server.host (env COMPANYOS_AGENT_SERVER_HOST): binding beyond");
  }

  @Test
  void checkConfigAndRunExit2OnAPlainNonLoopbackBind() throws Exception {
    Path cfg = tmp.resolve("agent.yaml");
    Files.writeString(cfg, "stateDir: " + tmp.resolve("state") + "\nserver:\n  host: 0.0.0.0\n  port: 0\n");
    for (String command : new String[] {"check-config", "run"}) {
      StringWriter err = new StringWriter();
      var cl = AgentCommand.commandLine();
      cl.setOut(new PrintWriter(Writer.nullWriter()));
      cl.setErr(new PrintWriter(err, true));
      assertThat(cl.execute(command, "--config", cfg.toString())).as(command).isEqualTo(2);
      assertThat(err.toString()).as(command).startsWith("config error: server.host (line 3): binding beyond");
    }
    assertThat(tmp.resolve("state")).as("run stopped before touching anything").doesNotExist();
  }

  @Test
  void insecureOrTlsAllowIt() throws Exception {
    AgentConfig plain = loader.bind("server: { host: 0.0.0.0, insecure: true }\n");
    assertThat(plain.server().insecure()).isTrue();
    assertThat(plain.server().tls()).isNull();
    Pem pem = Pem.selfSigned(tmp);
    AgentConfig tls = loader.bind("server: { host: 0.0.0.0, tls: { certificate: " + pem.certificate + ", key: "
        + pem.key + " } }\n");
    assertThat(tls.server().insecure()).isFalse();
    assertThat(tls.server().tls().certificate()).isEqualTo(pem.certificate);
    assertThat(loader.bind("").server().host()).as("the default").isEqualTo("127.0.0.1");
  }

  @Test
  void wrongTlsFilesAreConfigErrorsNamingTheKey() throws Exception {
    Pem pem = Pem.selfSigned(tmp);
    assertThatThrownBy(() -> loader.bind("server:\n  tls:\n    key: " + pem.key + "\n"))
        .hasMessage("config error: server.tls.certificate (line 2): certificate and key go together");
    Path garbage = tmp.resolve("garbage.pem");
    Files.writeString(garbage, "not a certificate\n");
    assertThatThrownBy(() -> loader.bind("server:\n  tls:\n    certificate: " + garbage + "\n    key: " + pem.key
        + "\n")).hasMessage("config error: server.tls.certificate (line 3): certificate " + garbage
            + " is not a PEM certificate file");
    assertThatThrownBy(() -> loader.bind("server:\n  tls:\n    certificate: " + pem.certificate + "\n    key: "
        + pem.certificate + "\n")).hasMessage("config error: server.tls.key (line 4): key " + pem.certificate
            + " is not an unencrypted PEM private key (PKCS#8, PKCS#1 or SEC1)");
    Path missing = tmp.resolve("missing.key");
    assertThatThrownBy(() -> loader.bind("server:\n  tls:\n    certificate: " + pem.certificate + "\n    key: "
        + missing + "\n")).hasMessageStartingWith("config error: server.tls.key (line 4): cannot read key " + missing);
    Pem other = Pem.selfSigned(tmp.resolve("other"));
    assertThatThrownBy(() -> loader.bind("server:\n  tls:\n    certificate: " + pem.certificate + "\n    key: "
        + other.key + "\n")).hasMessageStartingWith("config error: server.tls.key (line 4): key " + other.key
            + " does not fit certificate");
  }

  @Test
  void withTlsTheDaemonServesHttpsAndRefusesPlainHttp() throws Exception {
    Pem pem = Pem.selfSigned(tmp);
    AgentConfig config = loader.bind("stateDir: " + tmp.resolve("state") + "\n"
        + "server: { host: 127.0.0.1, port: 0, adminToken: " + TOKEN + ", tls: { certificate: " + pem.certificate
        + ", key: " + pem.key + " } }\n");
    StateDirectory state = StateDirectory.open(config.stateDir());
    AgentDaemon daemon = AgentDaemon.start(config, state, Clock.systemUTC());
    try {
      Requests https = new Requests(HttpClient.newBuilder().sslContext(pem.trusting())
          .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build(), "https",
          daemon.port());
      assertThat(https.get("/healthz", null).statusCode()).isEqualTo(200);
      assertThat(https.get("/v1/status", null).statusCode()).isEqualTo(401);
      HttpResponse<String> status = https.get("/v1/status", TOKEN);
      assertThat(status.statusCode()).isEqualTo(200);
      assertThat(status.sslSession()).hasValueSatisfying(s -> assertThat(s.getProtocol()).startsWith("TLSv1."));

      Requests untrusting = new Requests("https", daemon.port());
      assertThatThrownBy(() -> untrusting.get("/healthz", null)).as("the certificate is the one configured")
          .isInstanceOf(IOException.class);
      Requests plain = new Requests("http", daemon.port());
      assertThatThrownBy(() -> plain.get("/v1/status", TOKEN)).as("no plain HTTP on the TLS port")
          .isInstanceOf(IOException.class);
    } finally {
      assertThat(daemon.stop(Duration.ofSeconds(5))).isTrue();
      state.close();
    }
  }

  /** A self-signed EC certificate for 127.0.0.1 and localhost, as PEM files. */
  record Pem(Path certificate, Path key, X509Certificate cert) {
    static Pem selfSigned(Path dir) throws Exception {
      Files.createDirectories(dir);
      KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
      g.initialize(new ECGenParameterSpec("secp256r1"));
      KeyPair keys = g.generateKeyPair();
      X500Name name = new X500Name("CN=companyos-agent-test");
      Instant now = Instant.now();
      var builder = new JcaX509v3CertificateBuilder(name, BigInteger.valueOf(now.toEpochMilli()),
          Date.from(now.minusSeconds(60)), Date.from(now.plus(Duration.ofDays(1))), name, keys.getPublic());
      builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
          new GeneralName(GeneralName.iPAddress, "127.0.0.1"), new GeneralName(GeneralName.dNSName, "localhost")}));
      X509Certificate cert = new JcaX509CertificateConverter().getCertificate(
          builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate())));
      Path certFile = dir.resolve("tls.crt");
      Path keyFile = dir.resolve("tls.key");
      try (JcaPEMWriter w = new JcaPEMWriter(Files.newBufferedWriter(certFile))) {
        w.writeObject(cert);
      }
      try (JcaPEMWriter w = new JcaPEMWriter(Files.newBufferedWriter(keyFile))) {
        w.writeObject(new JcaPKCS8Generator(keys.getPrivate(), null)); // "PRIVATE KEY", as in a Kubernetes TLS secret
      }
      return new Pem(certFile, keyFile, cert);
    }

    SSLContext trusting() throws Exception {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      store.setCertificateEntry("server", cert);
      TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      tmf.init(store);
      SSLContext ctx = SSLContext.getInstance("TLS");
      ctx.init(null, tmf.getTrustManagers(), null);
      return ctx;
    }
  }
}
