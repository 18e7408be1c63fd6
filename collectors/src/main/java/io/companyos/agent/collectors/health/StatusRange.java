package io.companyos.agent.collectors.health;

/**
 * An inclusive range of HTTP status codes that count as UP, written {@code "200-299"} or
 * {@code "204"}.
 *
 * @param from lowest accepted status (100–599)
 * @param to highest accepted status (from–599)
 */
public record StatusRange(int from, int to) {

  /** Any 2xx status: the default of the {@code http} probe. */
  public static final StatusRange SUCCESS = new StatusRange(200, 299);

  public StatusRange {
    if (from < 100 || to > 599 || from > to) {
      throw new IllegalArgumentException(
          "status range must lie within 100-599 with from <= to, got " + from + "-" + to);
    }
  }

  /** Parses {@code "200-299"} or {@code "204"}. */
  public static StatusRange parse(String text) {
    String s = text.strip();
    int dash = s.indexOf('-');
    try {
      if (dash < 0) {
        int code = Integer.parseInt(s);
        return new StatusRange(code, code);
      }
      return new StatusRange(
          Integer.parseInt(s.substring(0, dash).strip()),
          Integer.parseInt(s.substring(dash + 1).strip()));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "status range must look like 200-299 or 204, got '" + text + "'", e);
    }
  }

  public boolean contains(int status) {
    return status >= from && status <= to;
  }

  @Override
  public String toString() {
    return from == to ? Integer.toString(from) : from + "-" + to;
  }
}
