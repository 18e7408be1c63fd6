package io.companyos.agent.collectors.health;

import java.time.Duration;
import java.util.Objects;

/** Argument checks shared by the probe builders. */
final class ProbeArguments {

  private ProbeArguments() {}

  static String check(String name) {
    Objects.requireNonNull(name, "name");
    if (name.isBlank()) {
      throw new IllegalArgumentException("probe name must not be blank");
    }
    return name;
  }

  static Duration checkTimeout(Duration timeout) {
    return checkPositive("timeout", timeout);
  }

  /** {@code value}, when it is longer than zero; else an exception naming {@code key}. */
  static Duration checkPositive(String key, Duration value) {
    Objects.requireNonNull(value, key);
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(key + " must be positive, got " + value);
    }
    return value;
  }

  static int checkPort(int port) {
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("port must be 1-65535, got " + port);
    }
    return port;
  }

  static String checkHost(String host) {
    Objects.requireNonNull(host, "host");
    if (host.isBlank()) {
      throw new IllegalArgumentException("host must not be blank");
    }
    return host;
  }
}
