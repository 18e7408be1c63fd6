package io.companyos.agent.collectors.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpClient;
import java.security.KeyManagementException;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import org.junit.jupiter.api.Test;

class SharedHttpClientTest {

  @Test
  void oneClientPerProcessThatNeverFollowsRedirects() {
    HttpClient client = SharedHttpClient.get();

    assertThat(SharedHttpClient.get()).isSameAs(client);
    assertThat(client.followRedirects()).isEqualTo(HttpClient.Redirect.NEVER);
    assertThat(client.connectTimeout()).isEmpty();
    assertThat(client.sslContext()).isInstanceOf(SharedHttpClient.DefaultOnFirstUse.class);
  }

  @Test
  void itsTlsIsTheJdkDefaultContextsOnceUsed() throws Exception {
    SSLContext lazy = new SharedHttpClient.DefaultOnFirstUse();
    SSLContext jdk = SSLContext.getDefault();

    SSLEngine engine = lazy.createSSLEngine("service.example", 443);
    SSLEngine expected = jdk.createSSLEngine("service.example", 443);
    assertThat(engine.getUseClientMode()).isEqualTo(expected.getUseClientMode());
    assertThat(engine.getEnabledProtocols()).containsExactly(expected.getEnabledProtocols());
    assertThat(engine.getEnabledCipherSuites()).containsExactly(expected.getEnabledCipherSuites());
    assertThat(engine.getPeerHost()).isEqualTo("service.example");
    assertThat(lazy.getDefaultSSLParameters().getProtocols())
        .containsExactly(jdk.getDefaultSSLParameters().getProtocols());
    assertThat(lazy.getClientSessionContext()).isSameAs(jdk.getClientSessionContext());
  }

  @Test
  void itCannotBeReinitialisedWithOtherTrust() {
    assertThatThrownBy(() -> new SharedHttpClient.DefaultOnFirstUse().init(null, null, null))
        .isInstanceOf(KeyManagementException.class);
  }
}
