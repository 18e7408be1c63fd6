package io.companyos.agent.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.companyos.agent.config.Secret;
import io.companyos.agent.http.AdminAuth.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class AdminAuthTest {
  private static final String TOKEN = "adm-0123456789abcdef";

  private final AtomicLong nanos = new AtomicLong();
  private final AtomicReference<Secret> source = new AtomicReference<>(Secret.of(TOKEN));
  private final List<byte[][]> compared = new ArrayList<>();

  private AdminAuth recording() {
    return new AdminAuth(true, source::get, nanos::get, (a, b) -> {
      compared.add(new byte[][] {a.clone(), b.clone()});
      return java.security.MessageDigest.isEqual(a, b);
    });
  }

  @Test
  void everyDecisionIsOneComparisonOfTwo32ByteDigestsWhateverTheTokenLength() {
    AdminAuth auth = recording();
    List<String> presented = List.of(TOKEN, TOKEN + "x", TOKEN.substring(0, 5), "a", "z".repeat(5000),
        TOKEN.substring(0, TOKEN.length() - 1) + "g");
    for (String token : presented) {
      auth.check("Bearer " + token);
    }
    assertThat(compared).hasSize(presented.size());
    for (int i = 0; i < compared.size(); i++) {
      byte[][] pair = compared.get(i);
      assertThat(pair[0]).as("the configured token's digest").hasSize(32).isEqualTo(AdminAuth.digest(TOKEN));
      assertThat(pair[1]).as("the presented token's digest").hasSize(32)
          .isEqualTo(AdminAuth.digest(presented.get(i)));
    }
  }

  @Test
  void theComparisonDecidesNotAnythingElse() {
    AdminAuth alwaysNo = new AdminAuth(true, source::get, nanos::get, (a, b) -> false);
    assertThat(alwaysNo.check("Bearer " + TOKEN)).isEqualTo(Verdict.WRONG);
    AdminAuth alwaysYes = new AdminAuth(true, source::get, nanos::get, (a, b) -> true);
    assertThat(alwaysYes.check("Bearer not-the-token")).isEqualTo(Verdict.ALLOWED);
  }

  @Test
  void verdicts() {
    AdminAuth auth = recording();
    assertThat(auth.check("Bearer " + TOKEN)).isEqualTo(Verdict.ALLOWED);
    assertThat(auth.check("bEaReR  " + TOKEN + " ")).isEqualTo(Verdict.ALLOWED);
    assertThat(auth.check("Bearer " + TOKEN.toUpperCase())).isEqualTo(Verdict.WRONG);
    assertThat(auth.check("Bearer " + TOKEN + "0")).isEqualTo(Verdict.WRONG);
    assertThat(auth.check(null)).isEqualTo(Verdict.MISSING);
    assertThat(auth.check("")).isEqualTo(Verdict.MISSING);
    assertThat(auth.check("Bearer ")).isEqualTo(Verdict.MISSING);
    assertThat(auth.check("Basic " + TOKEN)).isEqualTo(Verdict.MISSING);
    assertThat(auth.check(TOKEN)).isEqualTo(Verdict.MISSING);
    assertThat(new AdminAuth(false, () -> null, nanos::get, (a, b) -> true).check("Bearer " + TOKEN))
        .as("no token configured: off, whatever is presented").isEqualTo(Verdict.OFF);
  }

  @Test
  void theTokenIsReReadAtMostOncePerSecond() {
    AdminAuth auth = recording();
    assertThat(auth.check("Bearer " + TOKEN)).isEqualTo(Verdict.ALLOWED);
    String rotated = "adm-rotated-fedcba9876543210";
    source.set(Secret.of(rotated));
    nanos.addAndGet(AdminAuth.RELOAD_NANOS - 1);
    assertThat(auth.check("Bearer " + TOKEN)).as("not re-read yet").isEqualTo(Verdict.ALLOWED);
    nanos.addAndGet(1);
    assertThat(auth.check("Bearer " + TOKEN)).isEqualTo(Verdict.WRONG);
    assertThat(auth.check("Bearer " + rotated)).isEqualTo(Verdict.ALLOWED);

    source.set(null);
    nanos.addAndGet(AdminAuth.RELOAD_NANOS);
    assertThat(auth.check("Bearer " + rotated)).isEqualTo(Verdict.UNAVAILABLE);
    source.set(Secret.of("short"));
    nanos.addAndGet(AdminAuth.RELOAD_NANOS);
    assertThat(auth.check("Bearer short")).as("a weak token is never accepted").isEqualTo(Verdict.UNAVAILABLE);
  }

  @Test
  void aSourceThatThrowsRefusesEverything() {
    AdminAuth auth = new AdminAuth(true, () -> {
      throw new IllegalArgumentException("cannot read secret file");
    }, nanos::get, (a, b) -> true);
    assertThat(auth.check("Bearer " + TOKEN)).isEqualTo(Verdict.UNAVAILABLE);
  }
}
