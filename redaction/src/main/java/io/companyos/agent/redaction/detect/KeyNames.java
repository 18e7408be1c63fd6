package io.companyos.agent.redaction.detect;

import io.companyos.agent.redaction.DetectorType;
import java.util.List;
import java.util.Locale;

/**
 * Classifies a key of a structured document (JSON field, YAML key, property, env variable, query
 * parameter) by the same rules as {@link KeyValueDetector}: the key word must end the key. Public for the
 * structured redaction package only. Two spellings of one key word are for documents only, not the line scan (whose
 * cost grows with every trigger): a license key as {@code licenseKey} and {@code license.key} ({@code LICENSE_KEY} and
 * {@code license-key} are line-scan key words too since session 25, entered at {@code e_k} and {@code e-k}: ~70 and
 * ~900 places per 64 MiB of logs).
 */
public final class KeyNames {
  private static final List<Trigger> KEYS =
      TriggerCatalog.build(List.of(), List.of()).stream()
          .filter(t -> t.action() == Trigger.Action.KEY_VALUE)
          .sorted((a, b) -> b.text().length() - a.text().length())
          .toList();

  /**
   * {@link #KEYS} by the last {@value #TAIL} characters of their key word (fewer for a shorter word), each list in
   * {@link #KEYS}' order: a key is compared only with the words it can end with, not with all ~1,500 (the line scan
   * asks for every SQL column and form field it types).
   */
  private static final int TAIL = 3;
  private static final java.util.Map<String, List<Integer>> BY_TAIL = byTail();
  private static final List<Trigger> HEAD_FIRST = KEYS.stream().filter(t -> t.has(Trigger.HEAD_FIRST)).toList();

  private static final List<String> DOCUMENT_ONLY_SECRETS =
      List.of("license_key", "licensekey", "license-key", "license.key");

  /**
   * The fields that name the {@code value} member beside them ({@code {"Name": "given_name", "Value": "Jane"}},
   * {@code {"path": "name.familyName", "value": "Doe"}}), any case.
   */
  public static final List<String> NAMING_FIELDS = KeyedForms.NAMING_FIELDS;

  private KeyNames() {}

  /** The detector whose values live under {@code key}, or {@code null} for an ordinary key. */
  public static DetectorType classify(String key) {
    Trigger t = trigger(key);
    if (t != null) {
      return t.type();
    }
    String lower = key.strip().toLowerCase(Locale.ROOT);
    for (String w : DOCUMENT_ONLY_SECRETS) {
      if (lower.endsWith(w)) {
        return DetectorType.SECRET;
      }
    }
    if (lower.endsWith(".key")) {
      String parent = lower.substring(lower.lastIndexOf('.', lower.length() - 5) + 1, lower.length() - 4);
      if (TriggerCatalog.KEY_PARENTS.contains(parent)) {
        return DetectorType.SECRET; // aes.key, app.crypto.key; in a YAML document the path of crypto: then key:
      }
    }
    return null;
  }

  /** The key-value pattern that names {@code key} (also a numbered copy of one), or null. */
  static Trigger trigger(String key) {
    Trigger t = triggerOf(key);
    if (t == null && !key.isEmpty() && Character.isDigit(key.charAt(key.length() - 1))) {
      // a numbered copy of a key: Azure Container Registry's password2, a rotated secret_2 (a key word that holds
      // its digits, an address's line1, matched first)
      t = triggerOf(key.strip().replaceFirst("[0-9]{1,2}$", ""));
    }
    int open = key.lastIndexOf('[');
    if (t == null && open > 0 && key.endsWith("]") && open < key.length() - 2) {
      // a form field's bracketed name, as Rails, PHP and Stripe.js post them and a HAR file's params list them:
      // card[cvc], user[password], card[number] (the inner name, else joined to its parent's: card_number)
      String inner = key.substring(open + 1, key.length() - 1);
      if (!Character.isDigit(inner.charAt(0))) {
        t = triggerOf(inner);
        if (t == null) {
          String outer = key.substring(key.lastIndexOf('[', open - 1) + 1, open).replace("]", "");
          t = triggerOf(outer + "_" + inner);
        }
      }
    }
    return t;
  }

  /** Whether {@code key} is the head-first key word {@code w} (lower case) and one qualifier part after it. */
  private static boolean headFirst(String key, String lower, String w) {
    int at = lower.indexOf(w);
    int q = at + w.length();
    if (at < 0 || q >= key.length()) {
      return false;
    }
    char c = key.charAt(q);
    int from = c == '_' || c == '-' || c == '.' ? q + 1
        : Character.isUpperCase(c) && Character.isLowerCase(key.charAt(q - 1)) ? q : -1;
    if (from < 0 || from >= key.length()) {
      return false;
    }
    for (int i = from; i < key.length(); i++) {
      if (!Character.isLetterOrDigit(key.charAt(i)) || i > from && Character.isUpperCase(key.charAt(i))
          && Character.isLowerCase(key.charAt(i - 1))) {
        return false; // a second part: senha_expira_em, a setting's name
      }
    }
    return !KeyValueDetector.policyWordIn(key.substring(from), true);
  }

  private static String word(Trigger t) {
    String w = t.text();
    if (t.has(Trigger.SUFFIXED)) {
      return w.substring(0, w.length() - 1); // pw= is the key word pw
    }
    return t.has(Trigger.PREFIXED) ? w.substring(1) : w;
  }

  private static java.util.Map<String, List<Integer>> byTail() {
    java.util.Map<String, List<Integer>> m = new java.util.HashMap<>();
    for (int i = 0; i < KEYS.size(); i++) {
      String w = word(KEYS.get(i));
      m.computeIfAbsent(w.substring(Math.max(0, w.length() - TAIL)), x -> new java.util.ArrayList<>()).add(i);
    }
    m.replaceAll((tail, list) -> List.copyOf(list));
    return java.util.Map.copyOf(m);
  }

  private static Trigger triggerOf(String key) {
    String k = key.strip();
    while (k.startsWith("-")) {
      k = k.substring(1);
    }
    String lower = k.toLowerCase(Locale.ROOT);
    // the candidates whose word the key ends with, in KEYS' order (longest words first)
    int best = Integer.MAX_VALUE;
    for (int n = Math.min(TAIL, lower.length()); n >= 1; n--) {
      List<Integer> list = BY_TAIL.get(lower.substring(lower.length() - n));
      if (list == null) {
        continue;
      }
      for (int i : list) {
        if (i >= (best < 0 ? -best - 1 : best)) {
          break;
        }
        int m = matches(k, lower, KEYS.get(i));
        if (m != NO) {
          best = m == NEVER ? -i - 1 : i;
          break;
        }
      }
    }
    if (best < 0) {
      return null; // the first word that ends the key is a secret's, and the key is a policy's setting about it
    }
    if (best != Integer.MAX_VALUE) {
      return KEYS.get(best);
    }
    for (Trigger t : HEAD_FIRST) {
      if (headFirst(k, lower, word(t))) {
        return t; // (session 29) MOT_DE_PASSE_BDD, contrasenaAdmin: the word and one qualifier
      }
    }
    return null;
  }

  private static final int NO = 0;
  private static final int YES = 1;
  private static final int NEVER = -1;

  /**
   * Whether {@code t}'s key word ends the key {@code k} ({@code lower}: lower case) by its rules: {@link #YES},
   * {@link #NO}, or {@link #NEVER} when the key is a policy's setting about its secret ({@code
   * longitud_minima_contrasena}, {@code lunghezzaMinimaPassword}) and no key word may name it.
   */
  private static int matches(String k, String lower, Trigger t) {
    String w = word(t);
    if (!lower.endsWith(w)) {
      return NO;
    }
    int ws = lower.length() - w.length();
    if (t.type() == DetectorType.SECRET && ws > 0 && KeyValueDetector.policyWordIn(k.substring(0, ws), false)) {
      return NEVER;
    }
    if (t.has(Trigger.EXACT_KEY) && ws != 0) {
      return NO;
    }
    if (t.has(Trigger.NEEDS_BOUNDARY) && ws != 0) {
      char p = k.charAt(ws - 1);
      char c = k.charAt(ws);
      boolean ok = p == '.' || p == '_' || p == '-'
          || (Character.isUpperCase(c) && (Character.isLowerCase(p) || Character.isDigit(p)));
      for (String r : KeyValueDetector.RUN_TOGETHER) {
        ok |= lower.startsWith(r, ws - r.length()) && ws - r.length() >= 0;
      }
      if (!ok) {
        return NO;
      }
    }
    return YES;
  }

  /** Whether the value under a key of {@code type} is one to replace (not a placeholder, boolean, …). */
  public static boolean isRedactableValue(DetectorType type, String key, String value) {
    if (value.isEmpty()) {
      return false;
    }
    byte[] v = value.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    boolean[] all = new boolean[DetectorType.values().length];
    java.util.Arrays.fill(all, true);
    Scan s = new Scan(all);
    s.b = v;
    s.hi = v.length;
    // the key detector's own checks of a value (placeholders, the type's shape, prose and look-alikes), so that a
    // structured document, an INSERT's column and a log line agree on what a key's value is
    Trigger t = trigger(key);
    Trigger typed = t != null && t.type() == type ? t : new Trigger(Trigger.Action.KEY_VALUE, type, "", 0);
    return KeyValueDetector.accept(s, typed, 0, v.length) >= 0;
  }

  /**
   * A cookie's attribute, or a setting of a framework's {@code cookies} section: {@code domain}, {@code path},
   * {@code sameSite}, … (case and {@code -}/{@code _} ignored), not a cookie's name.
   */
  public static boolean isCookieAttribute(String name) {
    String n = name.toLowerCase(java.util.Locale.ROOT).replace("-", "").replace("_", "");
    return COOKIE_ATTRIBUTES.contains(n);
  }

  private static final java.util.Set<String> COOKIE_ATTRIBUTES = java.util.Set.of("domain", "path", "samesite",
      "secure", "httponly", "expires", "maxage", "name", "prefix", "priority", "partitioned", "policy", "mode",
      "store", "type", "version");
}
