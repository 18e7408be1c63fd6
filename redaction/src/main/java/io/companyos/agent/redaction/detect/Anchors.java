package io.companyos.agent.redaction.detect;

import java.util.Set;

/**
 * Where a pattern enters the scanner's filter: the scan tests every position's three bytes against the first three
 * bytes of every pattern (one bit of a set, {@link KeywordTrie}) and walks the trie where one passes, so a pattern
 * that starts with three bytes common in logs ({@code req} of {@code requirepass}, {@code for} of {@code for user},
 * {@code sta} of a customer keyword {@code stark}) costs a walk at every such place. A pattern is therefore held from
 * its <em>anchor</em> on, the three bytes within its first {@value #MAX} that text is least likely to hold, and the
 * scanner checks the bytes before the anchor when it finds it ({@code CatalogScanner}'s leads).
 *
 * <p>The likelihood is a fixed model of English and log text, not of any one corpus: a pattern whose first three
 * bytes are among the most common trigrams of English words and log vocabulary (below) is anchored at the three
 * bytes after them that are none and whose bytes are the least frequent (a blank, {@code e}, {@code t} … above
 * {@code k}, {@code x}, {@code q}, punctuation other than the commonest); ties keep the earlier offset.
 */
final class Anchors {
  /** How far into a pattern its anchor may lie. */
  static final int MAX = 16;

  private Anchors() {}

  /**
   * Trigrams common in English text and in logs' own words (levels, HTTP, hosts, Java, SQL), lower case: a pattern
   * is anchored elsewhere when it can.
   */
  private static final Set<String> COMMON = common(
      // English (the most frequent trigrams of running text and of words)
      "the", "and", "ing", "ent", "ion", "her", "for", "tha", "nth", "int", "ere", "tio", "ter", "est", "ers", "ati",
      "hat", "ate", "all", "eth", "hes", "ver", "his", "oft", "ith", "fth", "sth", "oth", "res", "ont", "dth", "are",
      "rea", "ear", "was", "sin", "sto", "tth", "sta", "thi", "tis", "ted", "ons", "nce", "men", "con", "wit", "ess",
      "not", "ive", "ect", "com", "eve", "per", "nde", "ain", "one", "our", "iti", "rat", "ove", "ave", "ome", "ous",
      "ore", "ill", "ide", "ine", "ite", "ure", "use", "ust", "ran", "ren", "red", "ted", "tor", "ort", "art", "tar",
      "tra", "str", "pro", "pre", "ret", "ser", "sed", "ame", "nam", "out", "oun", "unt", "ant", "ans", "ane", "ang",
      "nge", "han", "and", "ord", "wor", "ork", "ment", "ity", "ali", "lit", "tic", "ica", "cal", "ical", "age", "ble",
      "abl", "tab", "ran", "ran", "ist", "ast", "ses", "ssi", "sio", "lly", "ell", "ull", "own", "row", "low", "ich",
      "whi", "hic", "ould", "oul", "uld", "ake", "ade", "ace", "ice", "ent", "ant", "ast", "ect", "ink", "ick",
      // log vocabulary: levels, HTTP, hosts, Java, SQL, infrastructure
      "err", "rro", "ror", "inf", "nfo", "war", "arn", "deb", "ebu", "bug", "req", "que", "ues", "tus", "atu", "tat",
      "erv", "rve", "vic", "onn", "nne", "nec", "htt", "ttp", "tps", "org", "net", "api", "get", "pos", "ost", "tin",
      "wil", "lle", "set", "log", "ogg", "gin", "ssa", "sag", "mes", "loc", "oca", "ode", "tim", "ime", "fil", "ile",
      "onf", "nfi", "fig", "sen", "end", "sec", "ecu", "cur", "rit", "acc", "cce", "ces", "ult", "fai", "ail", "suc",
      "ucc", "val", "lid", "inv", "nva", "tok", "oke", "ken", "pas", "ass", "key", "dat", "ata", "sel", "ele", "lec",
      "upd", "pda", "ins", "nse", "ert", "del", "let", "cre", "eat", "man", "ana", "nag", "ger", "run", "unn", "nni",
      "top", "ope", "pen", "clo", "los", "ose", "dle", "ler", "nte", "ern", "rna", "nal", "ext", "exp", "xpi", "tho",
      "rom", "fro", "rke", "che", "eck", "ach", "cha", "nul", "sys", "yst", "tem", "ste", "rec", "eiv", "ece", "mod",
      "odu", "dul", "ule", "app", "ppl", "pli", "lic", "cat", "lea", "eas", "ase", "jav", "ava", "lan", "thr", "hre",
      "ead", "mai", "ser", "ssi", "ses", "nod", "ode", "pod", "clu", "lus", "ust", "ter", "use", "ser", "adm", "dmi",
      "min", "roo", "oot", "hos", "ost", "dom", "oma", "mai", "cli", "lie", "ien", "ver", "rsi", "sio", "ion", "ate",
      " th", "he ", " in", "in ", " to", "to ", "ed ", " of", "of ", " an", "nd ", " co", " re", "er ", "es ", "on ",
      " a ", " is", "is ", " fo", "ng ", "ly ", "at ", " be", " st", "ts ", "re ", " pr", " se", "it ", " de", " wi",
      "pri", "riv", "sol", " by", "by ", " us", "us ", " ke", "ey ", "id=", "_id", "id\"", "_na", "ms ", " ms", "00:", ":00", "000", "200", "://", "/ap", "pi/", ".co", "om ", "/v1", "/v2", "\"ge",
      // (session 21: the starts of the role and contact keys, common words of their own; not "aut": the auth…
      // patterns, which share their starts, would be anchored apart, and "authenticated as " found before
      // "authenticated as principal ")
      "hom", "cus", "car", "dis", "fir", "las", "rep", "emp", "pat", "shi", "mob", "fam", "giv",
      "bil", "ben", "leg", "cel", "ful", "ass", "hol", "tel", "cal", "r_n", "er_", "mpl", "por", "ven", "der", "dit",
      "st-", "umb", "roc", "rvi", "sum", "rou", "gec", "ini", "mmi", "tri", "omm", "uth",
      // (session 22: "fer" of buffer, transfer, referer; the Fernet key patterns enter at "t_k", "etk", "t-k")
      "fer", "lin", "add", "ddr", "tre", "str", "ssl", "dap", "(se", ".id", ") v", "ori", "ctl", "fed",
      // (session 24: device, /dev/, review; the device_code patterns enter past them)
      "dev", "evi",
      // (session 24: binary, parameter, part; the ORM bound parameters enter past them)
      "bin", "par",
      // (session 24: phone, public and double, sha256: the red team's key words enter past them)
      "hon", "ubl", "256",
      // (digit, support: the ZooKeeper patterns enter past them)
      "dig", "sup",
      // (plain, request, unit, action, connector: the actor keys enter past them)
      "pla", "equ", "nit", "act", "cto",
      // (sha256, export, /sys/: the MongoDB, Vault and transit patterns enter past them)
      "sha", "xpo", "/sy",
      // (cycle, decode, "set-value": the second red team's key words enter past them)
      "cle", "dec", "t-v", "tex",
      // (page: PagerDuty's integration URLs enter past it)
      "pag",
      // (session 27: machine, macro, macOS; the MAC address keys enter past it)
      "mac",
      // (session 29: schema, sync, control, route, slot, processor, utils, instance, hash, and the customer keyword
      // soylent of the benchmark's logs; the localized key words enter past them)
      "sch", "syn", "ntr", "ute", "slo", "sso", "uzi", "uti", "soy", "anc", "fec", "de ", "nha", "has", "nor", "ijm",
      "nav", "chr", "tal", "tc ", "t.c", "pi.", "ind", "tit", "oso", "liz", "eco", "rod", "tan", "mat");

  /** The trigrams, lower-cased, each once (the list may name one twice). */
  private static Set<String> common(String... trigrams) {
    return Set.copyOf(java.util.Arrays.stream(trigrams).map(t -> t.toLowerCase(java.util.Locale.ROOT))
        .filter(t -> t.length() == 3).toList());
  }

  /**
   * The offset of {@code text}'s anchor: 0 unless its first three bytes are a common trigram, then the least common
   * three bytes within its first {@value #MAX} that are none (0 when all are, and for fewer than four bytes). A
   * pattern's author may have chosen its start for its rarity ({@code owed because}): such a start stays.
   */
  static int of(byte[] text) {
    if (text.length < 4 || !common(text, 0)) {
      return 0;
    }
    int best = 0;
    int bestWeight = Integer.MAX_VALUE;
    for (int o = 1; o + 3 <= text.length && o <= MAX; o++) {
      int w = weight(text[o]) + weight(text[o + 1]) + weight(text[o + 2]);
      if (!common(text, o) && w < bestWeight) {
        bestWeight = w;
        best = o;
      }
    }
    return best;
  }

  private static boolean common(byte[] t, int o) {
    return COMMON.contains(new String(t, o, 3, java.nio.charset.StandardCharsets.ISO_8859_1)
        .toLowerCase(java.util.Locale.ROOT));
  }

  /** How common the byte is in log text, 0 (rare) to 10. */
  private static int weight(byte b) {
    int c = Bytes.lower(b);
    switch (c) {
      case ' ':
        return 10;
      case 'e':
        return 9;
      case 't': case 'a': case 'o':
        return 8;
      case 'i': case 'n': case 's': case 'r':
        return 7;
      case 'h': case 'l': case 'd':
        return 5;
      case 'c': case 'u': case 'm': case '.': case '0': case '1': case '2':
        return 4;
      case '_': case '"': case '/': case ':': case '=':
        return 5; // snake_case keys, JSON, paths, key=value: log text's own punctuation
      case 'f': case 'p': case 'g': case '-':
      case '3': case '4': case '5': case '6': case '7': case '8': case '9':
        return 3;
      case 'w': case 'y': case 'b': case ',':
        return 2;
      case 'v': case 'k':
        return 1;
      default:
        return c >= 'a' && c <= 'z' ? 0 : 1; // x j q z, other punctuation, bytes of other scripts
    }
  }
}
