package io.companyos.agent.redaction.detect;

import io.companyos.agent.redaction.DetectorType;
import java.nio.charset.StandardCharsets;

/**
 * IPv6 addresses in full and every compressed form, with an IPv4 tail ({@code ::ffff:10.1.2.3}) and a zone
 * id ({@code fe80::1%eth0}); always the whole address. Not redacted: the unspecified {@code ::}, loopback
 * {@code ::1} and IPv4-mapped loopback. Times ({@code 12:34:56}), PCI addresses ({@code 0000:00:1f.6}), Java
 * method references ({@code Foo::bar}) and GitHub Actions commands ({@code ::add-mask::}) are not addresses.
 */
final class Ipv6Detector {
  private Ipv6Detector() {}

  /** At a hex digit or {@code :} that starts a token. */
  static int find(Scan s, int start) {
    int prev = s.at(start - 1);
    if (Bytes.isWord(prev) || prev == ':' || prev == '.') {
      return -1;
    }
    int[] g = s.scratch;
    int n = 0;
    int dblAt = -1;
    int p = start;
    int end;
    if (s.at(p) == ':') {
      if (s.at(p + 1) != ':') {
        return -1;
      }
      dblAt = 0;
      p += 2;
    }
    end = p;
    while (true) {
      int h = Bytes.hexRun(s.b, p, s.hi, 5);
      if (h == 0) {
        break;
      }
      if (h > 4) {
        return -1;
      }
      int q = p + h;
      if (s.at(q) == '.') {
        if (n > 6) {
          return -1;
        }
        int[] o = new int[4];
        int e4 = Ipv4Detector.parse(s, p, o);
        if (e4 < 0) {
          if (n >= 8 || !tcpdumpPort(s, q)) {
            return -1;
          }
          g[n++] = hexValue(s, p, q); // the last group, then tcpdump's .port
          end = q;
          break;
        }
        g[n++] = (o[0] << 8) | o[1];
        g[n++] = (o[2] << 8) | o[3];
        end = e4;
        break;
      }
      if (n >= 8) {
        return -1;
      }
      g[n++] = hexValue(s, p, q);
      end = q;
      p = q;
      if (s.at(p) == ':') {
        if (s.at(p + 1) == ':') {
          if (dblAt >= 0) {
            return -1;
          }
          dblAt = n;
          p += 2;
          end = p;
          continue;
        }
        if (Bytes.isHex(s.at(p + 1))) {
          p++;
          continue;
        }
      }
      break;
    }
    if (dblAt < 0 ? n != 8 : n > 7) {
      return -1;
    }
    if (s.at(end) == '%' && Bytes.isAlnum(s.at(end + 1))) {
      int z = end + 1;
      while (z - end < 32 && (Bytes.isWord(s.at(z)) || s.at(z) == '.' || s.at(z) == '-')) {
        z++;
      }
      end = z;
    }
    int next = s.at(end);
    if (Bytes.isWord(next) || next == ':' || (next == '.' && Bytes.isDigit(s.at(end + 1)) && !tcpdumpPort(s, end))
        || (next == '-' && Bytes.isAlpha(s.at(end + 1)))) { // GitHub Actions' ::add-mask::, ::add-matcher::
      return -1;
    }
    if (isLoopbackOrUnspecified(g, n, dblAt) || isByteString(s, start, end, dblAt)) {
      return -1;
    }
    return s.add(start, end, DetectorType.IPV6) ? end : -1;
  }

  /**
   * At the {@code .} after an address: tcpdump's and tshark's port, {@code .PORT > } (the source) or {@code .PORT: }
   * (the destination) of {@code IP6 2001:db8::10.50000 > 2001:db8::20.443: Flags [S]}, 1 to 5 digits.
   */
  private static boolean tcpdumpPort(Scan s, int dot) {
    int d = Bytes.digitRun(s.b, dot + 1, s.hi, 6);
    int after = dot + 1 + d;
    return d >= 1 && d <= 5 && ((s.at(after) == ' ' && s.at(after + 1) == '>' && s.at(after + 2) == ' ')
        || (s.at(after) == ':' && s.at(after + 1) == ' '));
  }

  /**
   * Eight groups of exactly two hex digits ({@code 04:3f:8a:22:91:0c:7e:55}): the colon-hex bytes of a certificate
   * serial or key id, as OpenSSL and keytool print them, not an address (which has no reason to pad every group to
   * two digits).
   */
  private static boolean isByteString(Scan s, int start, int end, int dblAt) {
    if (dblAt >= 0 || end - start != 23) {
      return false;
    }
    for (int i = start + 2; i < end; i += 3) {
      if (s.b[i] != ':') {
        return false;
      }
    }
    return true;
  }

  private static boolean isLoopbackOrUnspecified(int[] g, int n, int dblAt) {
    int[] full = new int[8];
    if (dblAt < 0) {
      System.arraycopy(g, 0, full, 0, 8);
    } else {
      System.arraycopy(g, 0, full, 0, dblAt);
      System.arraycopy(g, dblAt, full, 8 - (n - dblAt), n - dblAt);
    }
    for (int k = 0; k < 5; k++) {
      if (full[k] != 0) {
        return false;
      }
    }
    if (full[5] == 0 && full[6] == 0) {
      return full[7] <= 1;
    }
    return full[5] == 0xffff && (full[6] >> 8) == 127;
  }

  private static int hexValue(Scan s, int from, int to) {
    int v = 0;
    for (int i = from; i < to; i++) {
      v = (v << 4) | Character.digit(s.b[i], 16);
    }
    return v;
  }
  /**
   * The RFC 5952 text of an address as found (lower case, no leading zeros, the longest run of two or more zero
   * groups as {@code ::}, the first of equal runs; an IPv4 tail and a zone id kept as written, lower-cased), so
   * that {@code 2001:0DB8:0:0::1} and {@code 2001:db8::1} get one token; an address already written so is
   * unchanged. Anything it cannot read is only lower-cased.
   */
  static byte[] canonical(byte[] v) {
    byte[] lower = v.clone();
    for (int i = 0; i < lower.length; i++) {
      lower[i] = (byte) Bytes.lower(lower[i]);
    }
    String s = new String(lower, StandardCharsets.ISO_8859_1);
    int pct = s.indexOf('%');
    String zone = pct < 0 ? "" : s.substring(pct);
    String a = pct < 0 ? s : s.substring(0, pct);
    int lastColon = a.lastIndexOf(':');
    String v4 = null;
    if (lastColon >= 0 && a.indexOf('.', lastColon) >= 0) {
      v4 = a.substring(lastColon + 1);
      a = a.substring(0, lastColon + 1) + "0:0";
    }
    int[] g = groups(a);
    if (g == null) {
      return lower;
    }
    int n = v4 == null ? 8 : 6;
    int runStart = -1;
    int runLength = 1;
    for (int i = 0; i < n; i++) {
      int j = i;
      while (j < n && g[j] == 0) {
        j++;
      }
      if (j - i > runLength) {
        runStart = i;
        runLength = j - i;
      }
      i = j;
    }
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < n; i++) {
      if (i == runStart) {
        out.append("::");
        i += runLength - 1;
        continue;
      }
      if (out.length() > 0 && out.charAt(out.length() - 1) != ':') {
        out.append(':');
      }
      out.append(Integer.toHexString(g[i]));
    }
    if (v4 != null) {
      if (out.length() > 0 && out.charAt(out.length() - 1) != ':') {
        out.append(':');
      }
      out.append(v4);
    }
    return out.append(zone).toString().getBytes(StandardCharsets.ISO_8859_1);
  }

  /** The eight groups of {@code a} (with at most one {@code ::}), or null. */
  private static int[] groups(String a) {
    int dbl = a.indexOf("::");
    if (dbl >= 0 && a.indexOf("::", dbl + 1) >= 0) {
      return null;
    }
    String[] head = dbl < 0 ? a.split(":", -1) : split(a.substring(0, dbl));
    String[] tail = dbl < 0 ? new String[0] : split(a.substring(dbl + 2));
    if (dbl < 0 ? head.length != 8 : head.length + tail.length > 7) {
      return null;
    }
    int[] g = new int[8];
    for (int i = 0; i < head.length; i++) {
      g[i] = group(head[i]);
    }
    for (int i = 0; i < tail.length; i++) {
      g[8 - tail.length + i] = group(tail[i]);
    }
    for (int x : g) {
      if (x < 0) {
        return null;
      }
    }
    return g;
  }

  private static String[] split(String part) {
    return part.isEmpty() ? new String[0] : part.split(":", -1);
  }

  private static int group(String h) {
    if (h.isEmpty() || h.length() > 4) {
      return -1;
    }
    int x = 0;
    for (int i = 0; i < h.length(); i++) {
      int d = Character.digit(h.charAt(i), 16);
      if (d < 0) {
        return -1;
      }
      x = x * 16 + d;
    }
    return x;
  }
}
