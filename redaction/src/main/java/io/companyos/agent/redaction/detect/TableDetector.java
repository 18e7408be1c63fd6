package io.companyos.agent.redaction.detect;

import io.companyos.agent.redaction.DetectorType;
import java.nio.charset.StandardCharsets;

/**
 * (session 30) The columns of a table under a header that names them: a CSV, TSV or semicolon-separated export
 * ({@code id,username,email,password}), psql's and MySQL's printed results ({@code  id | username | password} under
 * {@code ----+----}, {@code | id | user |} between {@code +----+} borders), Markdown tables, tables drawn with box
 * drawing ({@code │}), and columns under a rule of dashes (SQL*Plus, sqlcmd, PowerShell's {@code Format-Table}). A
 * value is typed by its column's name as by a key ({@link KeyNames}: the same words, the same checks of the value),
 * so a password column's cells are secrets and a login column's users, where no key stands beside them on their own
 * line; in a two-column list of keys and values, by the key beside it.
 *
 * <p>The key detector finds a header when one of its key words ends a field ({@link #header}); the scanner reads the
 * rows below it as its pass reaches them ({@link #row}; the byte loop does not stop at line starts). A row with
 * another number of fields (a blank line, psql's {@code (2 rows)}, the next log line) ends the table; a border row is
 * passed over. Fields are split by the header's delimiter, inside double quotes not (CSV's quoting); a field that
 * spans lines ends the table. The table goes on across the stream's windows ({@link Scan#carryTable}).
 */
final class TableDetector {
  /** A header's line and its names: longer lines are not taken for one. */
  static final int MAX_HEADER = 4096;
  /** A row's line: a longer one ends the table (and is scanned as any line). */
  static final int MAX_ROW = 16 * 1024;
  private static final int MAX_FIELDS = 256;
  private static final int MAX_NAME = 48;

  /**
   * Column names read as the key that says what they hold, as columns only (not as keys in a line, whose scan costs
   * grow with every word): PostgreSQL's {@code usename} ({@code pg_stat_activity}, {@code pg_user}) and
   * {@code rolname}, psql's {@code \\du} header {@code Role name}, two spellings whose last word is {@code name} (a
   * person's name as a key), WordPress' {@code user_nicename}, LDAP's {@code sn} (surname), Portuguese's
   * {@code telefone}, Dutch {@code roepnaam}, Swedish {@code namn}, Polish {@code ulica} and bank account numbers,
   * SAP's German {@code Geb.datum} and {@code Straße und Hausnummer}.
   */
  private static final java.util.Map<String, String> COLUMNS = java.util.Map.ofEntries(
      java.util.Map.entry("usename", "user"), java.util.Map.entry("rolname", "user"),
      java.util.Map.entry("role_name", "user"), java.util.Map.entry("login_name", "login"),
      java.util.Map.entry("user_nicename", "user"),
      java.util.Map.entry("sn", "surname"), java.util.Map.entry("telefone", "phone"),
      java.util.Map.entry("customer_name", "name"), java.util.Map.entry("roepnaam", "voornaam"),
      java.util.Map.entry("namn", "name"), java.util.Map.entry("ulica", "street"),
      java.util.Map.entry("geb.datum", "geburtsdatum"), java.util.Map.entry("nr_rachunku_bankowego", "account_number"),
      java.util.Map.entry("numer_rachunku", "account_number"), java.util.Map.entry("straße_und_hausnummer", "street"),
      java.util.Map.entry("strasse_und_hausnummer", "street"), java.util.Map.entry("uid", "user"),
      java.util.Map.entry("cn", "name"),
      java.util.Map.entry("loginname", "login"), java.util.Map.entry("n°_de_sécurité_sociale", "nir"),
      java.util.Map.entry("numéro_de_sécurité_sociale", "nir"),
      java.util.Map.entry("numero_de_securite_sociale", "nir"));

  /**
   * The last words of a column naming a person by a role (a ticket's, an order's, a record's): typed as a bare
   * {@code name}, so a name's shape decides ({@code Team Identity} under {@code Owner} stays) and only beside other
   * personal columns.
   */
  private static final java.util.List<String> ROLES = java.util.List.of("owner", "manager", "requester", "reporter",
      "assignee", "assigned_to", "customer", "solicitante", "atribuído_a", "atribuido_a", "asignado_a", "responsable",
      "ansprechpartner", "sachbearbeiter", "bearbeiter");

  /**
   * Connectors after which a Romance language's column name says what it holds first: {@code Endereço de entrega}
   * (the delivery's address), {@code Telefone do solicitante}, {@code Adresse de facturation}.
   */
  private static final java.util.List<String> OF = java.util.List.of("_de_", "_do_", "_da_", "_dos_", "_das_", "_del_",
      "_della_", "_di_", "_du_", "_des_", "_d'");

  /**
   * Column names that say what they hold only beside other personal columns: {@code address} (a postal address
   * beside a name or an e-mail column, a network's or a memory's elsewhere).
   */
  private static final java.util.Map<String, String> BESIDE_PERSONAL = java.util.Map.of("address", "street_address",
      "account", "username"); // (session 31: an access review's account beside a display name and an e-mail)

  /**
   * Parts of a first or last name's column name: beside one, a bare {@code name} column ({@code Nom}, {@code Nombre})
   * holds the other half of a person's name.
   */
  private static final java.util.List<String> NAME_HALVES = java.util.List.of("last", "surname", "family", "nachname",
      "apellido", "cognome", "sobrenome", "achternaam", "nazwisko", "фамилия", "efternamn", "etternavn", "first",
      "given", "vorname", "prénom", "prenom", "voornaam", "fornavn", "förnamn", "etunimi", "imię", "imie", "имя");

  /** A person's name without the shape check of the exact key {@code name} (see {@link #types}). */
  private static final Trigger ANY_NAME = new Trigger(Trigger.Action.KEY_VALUE, DetectorType.PERSON_NAME, "", 0);

  private TableDetector() {}

  /**
   * A header's shape: its delimiter (0: fixed-width columns), its field count, per field the key pattern that types it
   * (or null), and for fixed-width columns each one's first and end character.
   */
  static final class Layout {
    final byte delimiter;
    final int[] columns;
    final int fields;
    final Trigger[] types;

    /** A row's fields' bounds (a layout belongs to one scan, which one thread runs). */
    final int[] bounds;
    /** A key/value list's: each row's first field types its second (see {@link #keyedRow}). */
    final boolean keyed;
    /** A blank-aligned row's words ({@link #ALIGNED} only). */
    final int[] words;
    /**
     * Whether a blank-aligned table pads every cell to its column's width, an empty one with blanks (wmic's): a
     * typed column's cell may then be empty.
     */
    boolean padsCells;

    Layout(byte delimiter, Trigger[] types, int[] columns) {
      this(delimiter, types, columns, false);
    }

    private Layout(byte delimiter, Trigger[] types, int[] columns, boolean keyed) {
      this.delimiter = delimiter;
      this.columns = columns;
      this.fields = types.length;
      this.types = types;
      this.bounds = new int[2 * types.length + 2];
      this.keyed = keyed;
      this.words = delimiter == ALIGNED ? new int[2 * MAX_FIELDS] : null;
    }

    static Layout keyed(byte delimiter) {
      return new Layout(delimiter, new Trigger[2], null, true);
    }
  }

  /**
   * Whether a key word {@code [wordStart, wordEnd)} followed by {@code n1} may end a header's name, for
   * {@link #header} to look: a superset of where it finds one, from the two bytes after the word and the one before
   * it (the key scan meets ~155,000 key words per 64 MiB of logs, nearly all followed by a blank or a quote).
   */
  static boolean worthALook(Scan s, int wordStart, int wordEnd, int n1) {
    switch (n1) {
      case ',', ';', '\t', '|', '\n', '\r', 0:
        return true;
      case 0xE2:
        return s.at(wordEnd + 1) == 0x94; // a box's line right after the name (ClickHouse's ┌─login─┬)
      case '"':
        int q = s.at(wordEnd + 1);
        return q == ',' || q == ';' || q == '\t' || q == '\n' || q == '\r' || q == 0 || q == ' ';
      case ' ':
        int c = s.at(wordEnd + 1);
        // padding, a delimiter after blanks, a box's line; one blank after a line's first name (Format-Table)
        return c == ' ' || c == '|' || c == 0xE2 || c == '"' || c == ',' || c == ';' || c == '\t' || c == '\n'
            || c == '\r' || c == 0 || s.at(wordStart - 1) == '\n'
            || isNameByte((byte) s.at(wordStart - 1)) && s.at(wordStart - 1) != ' ' && s.at(wordStart - 1) != 0;
      default:
        return false;
    }
  }

  /**
   * At a key word {@code [wordStart, wordEnd)}: when the word ends a field of a header line, notes the table that
   * starts after it. Adds no span.
   *
   * @return whether the word is a header's column name (no key with a value beside it: {@code login   password} over
   *     a rule of dashes is no two-column row of a key and its value)
   */
  static boolean header(Scan s, int wordStart, int wordEnd) {
    int after = wordEnd;
    if (s.at(after) == '"') {
      after++;
    }
    int c = s.at(after);
    int q = after;
    while (c == ' ' && q - after < 64) {
      c = s.at(++q);
    }
    boolean lineEnd = c == '\n' || c == '\r' || c == 0;
    if (c == 0xE2 && q == after && s.at(q + 1) == 0x94 && s.at(q + 2) == 0x80) {
      return compactHeader(s, wordStart); // ClickHouse's PrettyCompact: the names in the top border
    }
    if (c == 0xE2 && width(s.b, q, s.hi, BOX) > 0) {
      c = BOX;
    }
    boolean padded = (isNameByte((byte) c) || c == '"')
        && (q - after >= 2 || q - after == 1 && startsLine(s, wordStart));
    if (c != ',' && c != ';' && c != '\t' && c != '|' && c != BOX && !lineEnd && !padded) {
      return false;
    }
    if (wordStart >= s.headerFrom && wordStart < s.headerTo) {
      return true; // this header's next column name
    }
    if (s.table != null && wordStart < s.tableRow && s.tableRow - wordStart <= MAX_ROW
        && Bytes.indexOf(s.b, wordStart, s.tableRow, "\n") == s.tableRow - 1) {
      return false; // a cell of a row: no new header
    }
    int ls = lineStart(s, wordStart, MAX_HEADER);
    if (ls < 0) {
      return false;
    }
    int le = Bytes.indexOf(s.b, wordEnd, Math.min(s.hi, ls + MAX_HEADER), "\n");
    if (le < 0) {
      if (!s.eof || s.hi - ls > MAX_HEADER) {
        return false;
      }
      le = s.hi;
    }
    int end = noCr(s.b, ls, le);
    if ((padded || lineEnd) && le + 1 < s.hi && (s.b[le + 1] == '-' || s.b[le + 1] == ' ')
        && fixedWidth(s, ls, end, le + 1)) {
      return true; // SQL*Plus, sqlcmd, db2: columns under a rule of dashes
    }
    if ((padded || lineEnd) && Bytes.isUpper(s.b[wordStart]) && aligned(s, ls, end, le)) {
      return true; // ps aux, column -t: capitals' names over columns aligned by blanks
    }
    int dc = lineEnd ? before(s, wordStart) : c;
    if (dc != ',' && dc != ';' && dc != '\t' && dc != '|' && dc != BOX) {
      return false;
    }
    byte d = (byte) dc;
    int[] bounds = new int[2 * MAX_FIELDS];
    int n = split(s.b, ls, end, d, bounds);
    if (n < 2) {
      return false;
    }
    if (n == fieldsBefore(s, ls, d)) {
      // a row of a table above whose header typed none of its columns (a header follows no row of its shape): in
      // a list of keys and values (key,value; Einstellung;Wert) its key types its value
      return n == 2 && wordStart < bounds[1] && keyedRow(s, bounds, d, le);
    }
    if (!isHeader(s.b, bounds, n, d)) {
      // a key and its value, db.password,x: a key/value list's row, no header (its value is no column's name)
      return n == 2 && wordStart < bounds[1] && isKey(s.b, bounds[0], bounds[1]) && keyedRow(s, bounds, d, le);
    }
    Trigger[] types = types(s.b, bounds, n);
    if (types == null || le >= s.hi) {
      return false;
    }
    s.tableFrom(le + 1, new Layout(d, types, null));
    s.headerFrom = ls;
    s.headerTo = le;
    return true;
  }

  /**
   * The number of fields by {@code d} of the line before the one at {@code ls}, past any borders: 0 when there is
   * none (or it is not in the window) or it is blank.
   */
  private static int fieldsBefore(Scan s, int ls, byte d) {
    int pe = ls - 1;
    for (int borders = 0; borders < 3; borders++) {
      if (pe <= s.lo) {
        return 0;
      }
      int ps = lineStart(s, pe, MAX_ROW);
      if (ps <= s.lo) {
        return 0; // (too long for a row, or its start may be before the window's context)
      }
      int e = noCr(s.b, ps, pe);
      if (e == ps) {
        return 0;
      }
      if (Bytes.startsWith(s.b, ps, e, "-[ RECORD ")) {
        return 2; // psql's expanded records (\\x): column | value lines, each a key and its value
      }
      if (!isBorder(s.b, ps, e)) {
        int[] bounds = new int[2 * MAX_FIELDS];
        int n = split(s.b, ps, e, d, bounds);
        return n > 0 && isProse(s.b, bounds, n, d) ? 0 : n; // (a statement echoed above its result: SELECT a, b …)
      }
      pe = ps - 1; // a rule under a header or between rows: the line above it (| key | type | over |---|---|)
    }
    return 0;
  }

  /** A key and its value as a two-column row ({@code db.password,x}): the value typed as the key's. */
  private static boolean keyedRow(Scan s, int[] bounds, byte d, int le) {
    Trigger[] key = bounds[3] > bounds[2] ? types(s.b, bounds, 1, true) : null;
    if (key == null) {
      return false; // (an empty value: a JSON array's "--requirepass", with the value on the next line)
    }
    cell(s, key[0], bounds[2], bounds[3]);
    if (le < s.hi) {
      s.tableFrom(le + 1, Layout.keyed(d)); // the list's next rows, whatever their keys (Reporter | Jane Roe)
    }
    return true;
  }

  /**
   * A cell {@code [vs, ve)} under a column of type {@code t}, judged as the key's value would be; a cell with line
   * breaks line by line, so that the lines stay lines.
   */
  private static void cell(Scan s, Trigger t, int vs, int ve) {
    int nl = Bytes.indexOf(s.b, vs, ve, "\n");
    if (nl >= 0) {
      int e = noCr(s.b, vs, nl);
      cell(s, t, vs, e);
      int next = nl + 1;
      while (next < ve && s.b[next] == ' ') {
        next++;
      }
      cell(s, t, next, ve);
      return;
    }
    if (ve == vs || KeyValueDetector.isYesOrNo(s, vs, ve) || isMarker(s.b, vs, ve)) {
      return; // a setting's state, | validate_password.check_user_name | ON |; Oracle's EXTERNAL for a password
    }
    if (t.type() == DetectorType.USERNAME && !t.has(Trigger.DIGITS_ARE_ACCOUNT) && !isLogin(s.b, vs, ve)) {
      return; // a number under a user's column (uid, user_id): an id; a measure or a sentence (CPU user: 33.2 s, …)
    }
    if (t.type() == DetectorType.PERSON_NAME
        && (namesAnOrganisation(s.b, vs, ve) || KeyValueDetector.isBuiltInAccount(s, vs, ve))) {
      // a team's, a service's or a group's name under Owner or DisplayName (Payments Squad, SQL Server Engine); a
      // built-in account's own display name (Ubuntu, the cloud image's)
      return;
    }
    for (int p = Bytes.indexOf(s.b, vs, ve, "<"); p >= 0; p = Bytes.indexOf(s.b, p + 1, ve, "<")) {
      if (s.tokenEnd(p) > 0) {
        return; // one of our tokens, from an earlier redaction: redacting twice equals redacting once
      }
    }
    KeyValueDetector.accept(s, t, vs, ve);
  }

  /** Whether {@code [from, to)} is a key's name alone: word bytes, dots and dashes ({@code ldap.bind_password}). */
  private static boolean isKey(byte[] b, int from, int to) {
    for (int p = from; p < to; p++) {
      if (!KeyValueDetector.isKeyChar(b[p])) {
        return false;
      }
    }
    return to > from;
  }

  /**
   * ClickHouse's {@code PrettyCompact} header, the names in the top border ({@code ┌─user_id─┬─login───┐}) over rows
   * split by {@code │}: the border's names between {@code ┬}, trimmed of {@code ─}.
   */
  private static boolean compactHeader(Scan s, int wordStart) {
    int ls = lineStart(s, wordStart, MAX_HEADER);
    int le = ls < 0 ? -1 : Bytes.indexOf(s.b, wordStart, Math.min(s.hi, ls + MAX_HEADER), "\n");
    if (le < 0 || !box(s.b, ls, le, 0x8C)) {
      return false; // (not a line that starts with ┌)
    }
    int[] bounds = new int[2 * MAX_FIELDS];
    int n = 0;
    int p = ls + 3;
    while (n < MAX_FIELDS) {
      while (box(s.b, p, le, 0x80)) {
        p += 3; // ─
      }
      int from = p;
      while (p < le && s.b[p] != (byte) 0xE2) {
        p++;
      }
      bounds[2 * n] = from;
      bounds[2 * n + 1] = p;
      n++;
      while (box(s.b, p, le, 0x80)) {
        p += 3;
      }
      if (!box(s.b, p, le, 0xAC)) {
        break; // (┐, the border's end)
      }
      p += 3; // ┬
    }
    if (n < 2 || !box(s.b, p, le, 0x90) || !isHeader(s.b, bounds, n, BOX)) {
      return false;
    }
    Trigger[] types = types(s.b, bounds, n);
    if (types == null || le + 1 >= s.hi) {
      return false;
    }
    s.tableFrom(le + 1, new Layout(BOX, types, null));
    s.headerFrom = ls;
    s.headerTo = le;
    return true;
  }

  /**
   * Whether a cell under a user's column may be a login or an account's name: not a number alone (an id), nor a
   * measure or a sentence (a blank after a leading digit, a comma after a blank, more than three words).
   */
  private static boolean isLogin(byte[] b, int from, int to) {
    if (Bytes.digitRun(b, from, to, to - from + 1) == to - from) {
      return false;
    }
    int blanks = 0;
    boolean comma = false;
    for (int p = from; p < to; p++) {
      blanks += b[p] == ' ' ? 1 : 0;
      comma |= b[p] == ',' && blanks > 0;
    }
    if (Bytes.startsWith(b, to - 5, to, "[bot]") || Bytes.startsWith(b, to - 4, to, "-bot")
        || Bytes.startsWith(b, to - 4, to, "_bot")) {
      return false; // an automation's account (dependabot[bot], release-bot)
    }
    return blanks == 0 || !(Bytes.isDigit(b[from]) || comma || blanks > 2);
  }

  /**
   * Words of the names of teams, services and groups, which a person's name does not hold: a cell under a person's
   * column with one of them is an organisation's name ({@code Payments Squad}, {@code Site Reliability},
   * {@code Veeam Backup Service}, {@code Finance-Readers}).
   */
  private static final java.util.Set<String> ORGANISATION_WORDS = java.util.Set.of("team", "teams", "squad", "group",
      "groups", "platform", "engineering", "reliability", "experience", "operations", "ops", "devops", "sre",
      "service", "services", "server", "servers", "support", "infrastructure", "security", "department", "guild",
      "tribe", "unit", "office", "engine", "backup", "relay", "agent", "pipeline", "bot", "system", "systems", "admins",
      "administrators", "readers", "writers", "users", "dashboards", "portal", "finance", "sales", "marketing",
      "analytics", "billing", "payments", "identity", "network", "networking", "storage", "monitoring", "database",
      "application", "worker", "scheduler", "daemon", "spooler", "cluster", "gateway", "api", "helpdesk", "desk",
      "center", "centre", "committee", "inc", "ltd", "llc", "gmbh", "corp");

  /** Whether a word of {@code [from, to)} (split at blanks, dashes and underscores) is an organisation's. */
  private static boolean namesAnOrganisation(byte[] b, int from, int to) {
    int w = from;
    for (int p = from; p <= to; p++) {
      if (p == to || b[p] == ' ' || b[p] == '-' || b[p] == '_' || b[p] == '.' || b[p] == ',') {
        if (p - w >= 2 && p - w <= 14 && ORGANISATION_WORDS.contains(
            new String(b, w, p - w, StandardCharsets.UTF_8).toLowerCase(java.util.Locale.ROOT))) {
          return true;
        }
        w = p + 1;
      }
    }
    return false;
  }

  /** The end of the line {@code [from, to)} without its carriage return. */
  private static int noCr(byte[] b, int from, int to) {
    return to > from && b[to - 1] == '\r' ? to - 1 : to;
  }

  /** Whether box drawing's character U+2500 + ({@code low} - 0x80) (E2 94 {@code low}) is at {@code p}. */
  private static boolean box(byte[] b, int p, int to, int low) {
    return p + 2 < to && b[p] == (byte) 0xE2 && b[p + 1] == (byte) 0x94 && (b[p + 2] & 0xFF) == low;
  }

  /** The type of a column of account names, as a user name's key's value. */
  private static final Trigger ACCOUNT_NAME = KeyNames.trigger("username");

  /**
   * Whether a header's columns list accounts, whose bare {@code Name} is the account's: wmic {@code useraccount}'s
   * (a {@code SID} column), Get-LocalUser's default view ({@code Name Enabled Description}) and SQL Server's
   * {@code sys.server_principals} and {@code sys.database_principals} ({@code name type_desc …}).
   */
  private static boolean listsAccounts(byte[] b, int[] bounds, int n) {
    boolean enabled = false;
    boolean description = false;
    for (int f = 0; f < n; f++) {
      int from = bounds[2 * f];
      int to = bounds[2 * f + 1];
      if ((to - from == 3 && Bytes.startsWithIgnoreCase(b, from, to, "sid"))
          || (to - from == 9 && Bytes.startsWith(b, from, to, "type_desc"))) {
        return true;
      }
      enabled |= to - from == 7 && Bytes.startsWith(b, from, to, "Enabled");
      description |= to - from == 11 && Bytes.startsWith(b, from, to, "Description");
    }
    return enabled && description && n == 3;
  }

  /** The types of the named columns, or null when none is a key word's column. */
  private static Trigger[] types(byte[] b, int[] bounds, int n) {
    return types(b, bounds, n, false);
  }

  /**
   * @param keyed whether the names are a key/value list's keys, each naming the value beside it: a bare name's key
   *     ({@code name,Jane Roe}) is typed there
   */
  private static Trigger[] types(byte[] b, int[] bounds, int n, boolean keyed) {
    Trigger[] types = new Trigger[n];
    String[] beside = new String[n];
    boolean[] role = new boolean[n];
    int typed = 0;
    int bare = 0; // columns of a bare name, "name": of a person's only beside other personal columns
    boolean halves = false;
    for (int f = 0; f < n; f++) {
      String name = new String(b, bounds[2 * f], bounds[2 * f + 1] - bounds[2 * f], StandardCharsets.UTF_8).strip();
      int note = name.indexOf(" (") > 0 ? name.indexOf(" (") : name.indexOf(" [");
      name = (note > 0 ? name.substring(0, note) : name).replace(' ', '_'); // Bank Account (IBAN), Amount [EUR]
      String lower = name.toLowerCase(java.util.Locale.ROOT);
      beside[f] = BESIDE_PERSONAL.get(lower);
      Trigger t = KeyNames.trigger(COLUMNS.getOrDefault(lower, name));
      String head = lower;
      for (int k = 0; t == null && k < OF.size(); k++) {
        int at = lower.indexOf(OF.get(k));
        if (at > 0) {
          head = lower.substring(0, at);
          t = KeyNames.trigger(COLUMNS.getOrDefault(head, head)); // Endereço de entrega: an address
        }
      }
      String key = head;
      if (ROLES.stream().anyMatch(r -> key.equals(r) || key.endsWith("_" + r))) {
        t = KeyNames.trigger("name"); // (Contact Owner, Manager: a person's name by its shape)
        role[f] = true;
      }
      if (t != null && t.action() == Trigger.Action.KEY_VALUE) {
        types[f] = t;
        typed++;
        boolean exactName = t.type() == DetectorType.PERSON_NAME && t.has(Trigger.EXACT_KEY);
        // (a display name alone is a service's or a group's too: Get-Service's DisplayName, a directory's groups)
        bare += exactName || t.has(Trigger.DISPLAY_NAME) ? 1 : 0;
        halves |= !exactName && t.type() == DetectorType.PERSON_NAME && NAME_HALVES.stream().anyMatch(lower::contains);
      }
    }
    if (bare > 0 && listsAccounts(b, bounds, n)) {
      for (int f = 0; f < n; f++) {
        if (types[f] != null && types[f].type() == DetectorType.PERSON_NAME && types[f].has(Trigger.EXACT_KEY)) {
          types[f] = ACCOUNT_NAME; // (Get-LocalUser's and wmic useraccount's Name: the account's)
          bare--;
        }
      }
    }
    if (typed == bare && !(keyed && typed > 0)) {
      return null; // a bare name alone (| name | sku | price |): a product's, a pod's, a queue's
    }
    for (int f = 0; f < n; f++) {
      if (beside[f] != null) {
        types[f] = KeyNames.trigger(beside[f]); // (| email | phone | address |)
      } else if (halves && !role[f] && types[f] != null && types[f].type() == DetectorType.PERSON_NAME
          && types[f].has(Trigger.EXACT_KEY)) {
        // a first name beside a surname's column (Nombre, Apellidos; Prénom, Nom): one word, which the key name
        // alone does not take for a person's ("name": "Ana" may be anything's)
        types[f] = ANY_NAME;
      }
    }
    return types;
  }

  /**
   * A header {@code [ls, end)} whose columns a rule of dashes under it marks ({@code USERNAME   PASSWORD} over
   * {@code ---------- ----------}): SQL*Plus, sqlcmd, db2 and isql print results so. The columns are the rule's runs,
   * in characters (a name or a value with letters of other scripts before a column does not shift it); each name
   * lies within its column's rule (these tools widen a column to its name), the text between them is blank.
   */
  private static boolean fixedWidth(Scan s, int ls, int end, int rs) {
    int re = Bytes.indexOf(s.b, rs, Math.min(s.hi, rs + MAX_HEADER), "\n");
    if (re < 0) {
      return false;
    }
    int rend = noCr(s.b, rs, re);
    int[] columns = new int[2 * MAX_FIELDS];
    int n = 0;
    for (int p = rs; p < rend; p++) {
      if (s.b[p] == '-') {
        if (p == rs || s.b[p - 1] == ' ') {
          if (n == MAX_FIELDS) {
            return false;
          }
          columns[2 * n] = p - rs;
          n++;
        }
        columns[2 * n - 1] = p - rs + 1;
      } else if (s.b[p] != ' ') {
        return false;
      }
    }
    if (n < 2) {
      return false;
    }
    int[] bounds = new int[2 * n];
    for (int k = 0; k < n; k++) {
      int from = byteAt(s.b, ls, end, columns[2 * k]);
      int to = byteAt(s.b, ls, end, columns[2 * k + 1]);
      int next = k == n - 1 ? end : byteAt(s.b, ls, end, columns[2 * k + 2]);
      for (int p = to; p < next; p++) {
        if (s.b[p] != ' ') {
          return false; // a name past its column's rule: no header of these columns
        }
      }
      while (from < to && s.b[from] == ' ') {
        from++;
      }
      while (to > from && s.b[to - 1] == ' ') {
        to--;
      }
      bounds[2 * k] = from;
      bounds[2 * k + 1] = to;
    }
    if (!isHeader(s.b, bounds, n, (byte) ' ')) {
      return false;
    }
    Trigger[] types = types(s.b, bounds, n);
    if (types == null || re >= s.hi) {
      return false;
    }
    s.tableFrom(re + 1, new Layout((byte) 0, types, java.util.Arrays.copyOf(columns, 2 * n)));
    s.headerFrom = ls;
    s.headerTo = end;
    return true;
  }

  /** The delimiter of a table whose columns blanks align under a header of capitals' names ({@link #aligned}). */
  static final byte ALIGNED = 3;

  /**
   * A header {@code [ls, end)} of at least three names in capitals ({@code USER  PID %CPU … COMMAND}, {@code SERVICE
   * LOGIN PASSWORD OWNER}) over rows whose words blanks align (ps, {@code column -t}, who): the columns start where
   * the names do. A row's cell is its word that starts where its column does (a right-aligned number elsewhere is no
   * cell of a typed column); the last column takes the rest of the line.
   */
  private static boolean aligned(Scan s, int ls, int end, int le) {
    int[] words = new int[2 * MAX_FIELDS];
    int n = words(s.b, ls, end, words, MAX_FIELDS);
    if (n < 3 || le >= s.hi) {
      return false;
    }
    boolean camel = camelCaseNames(s.b, words, n);
    for (int k = 0; k < n && !camel; k++) {
      boolean capital = false;
      for (int p = words[2 * k]; p < words[2 * k + 1]; p++) {
        int c = s.b[p];
        if (Bytes.isLower(c) || c < 0
            || !(Bytes.isAlnum(c) || c == '_' || c == '%' || c == '-' || c == '.' || c == '+')) { // (top's TIME+)
          return false;
        }
        capital |= Bytes.isUpper(c);
      }
      if (!capital) {
        return false;
      }
    }
    Trigger[] types = types(s.b, words, n);
    if (types == null) {
      return false;
    }
    int[] starts = new int[2 * n];
    for (int k = 0; k < n; k++) {
      starts[2 * k] = words[2 * k] - ls; // (capitals are ASCII: bytes are characters)
    }
    Layout layout = new Layout(ALIGNED, types, starts);
    layout.padsCells = camel;
    s.tableFrom(le + 1, layout);
    s.headerFrom = ls;
    s.headerTo = end;
    return true;
  }

  /**
   * Whether the header's names are wmic's ({@code Disabled  FullName  Name  SID}): each an upper-case letter and
   * letters or digits, at least two blanks between them (a line of prose has one).
   */
  private static boolean camelCaseNames(byte[] b, int[] words, int n) {
    for (int k = 0; k < n; k++) {
      int from = words[2 * k];
      if (!Bytes.isUpper(b[from]) || (k > 0 && from - words[2 * k - 1] < 2)) {
        return false;
      }
      for (int p = from + 1; p < words[2 * k + 1]; p++) {
        if (!Bytes.isAlnum(b[p])) {
          return false;
        }
      }
    }
    return true;
  }

  /**
   * The words of {@code [from, to)} split at blanks, into {@code bounds}, at most {@code max} (the rest of a line
   * after them is not read); their number ({@code -1}: more than {@code bounds} holds).
   */
  private static int words(byte[] b, int from, int to, int[] bounds, int max) {
    int n = 0;
    int p = from;
    while (true) {
      while (p < to && (b[p] == ' ' || b[p] == '\t')) {
        p++;
      }
      if (p >= to || n == max) {
        return n;
      }
      if (n == bounds.length / 2) {
        return -1;
      }
      bounds[2 * n] = p;
      while (p < to && b[p] != ' ' && b[p] != '\t') {
        p++;
      }
      bounds[2 * n + 1] = p;
      n++;
    }
  }

  /**
   * A blank-aligned row's cells ({@link #aligned}): false when it has fewer words than the header or a typed
   * column's word does not start where its column does.
   */
  private static boolean alignedCells(byte[] b, int from, int to, Layout t, int[] bounds) {
    int[] words = t.words;
    int n = words(b, from, to, words, t.fields);
    if (n < (t.padsCells ? 1 : t.fields)) {
      return false;
    }
    int k = 0; // the word that starts at or after the column
    for (int f = 0; f < t.fields; f++) {
      int column = advance(b, from, to, t.columns[2 * f]);
      while (k < n && words[2 * k] < column) {
        k++;
      }
      boolean at = k < n && words[2 * k] == column;
      if (t.types[f] != null && !at && !(t.padsCells && emptyCell(b, from, to, t, f, column))) {
        return false;
      }
      bounds[2 * f] = at ? words[2 * k] : column;
      bounds[2 * f + 1] = !at ? column : f == t.fields - 1 ? trimEnd(b, words[2 * k], to)
          : t.padsCells ? trimEnd(b, words[2 * k], advance(b, from, to, t.columns[2 * f + 2])) : words[2 * k + 1];
    }
    return true;
  }

  /** Whether column {@code f}'s cell, from {@code column} to the next column's start, is blanks only (or none). */
  private static boolean emptyCell(byte[] b, int from, int to, Layout t, int f, int column) {
    int next = f == t.fields - 1 ? to : advance(b, from, to, t.columns[2 * f + 2]);
    for (int p = column; p < next; p++) {
      if (b[p] != ' ') {
        return false;
      }
    }
    return column == from || b[column - 1] == ' ';
  }

  private static int trimEnd(byte[] b, int from, int to) {
    while (to > from && (b[to - 1] == ' ' || b[to - 1] == '\t')) {
      to--;
    }
    return to;
  }

  /** The offset of character {@code column} of the line {@code [from, to)} (UTF-8), or {@code to} past its end. */
  private static int byteAt(byte[] b, int from, int to, int column) {
    int p = from;
    for (int k = 0; p < to; p++) {
      if ((b[p] & 0xC0) != 0x80 && k++ == column) {
        return p;
      }
    }
    return to;
  }

  /**
   * Whether the name that a key word at {@code wordStart} ends starts its line: PowerShell's {@code Format-Table}
   * separates its first column's name from the next by one blank when the values are no wider.
   */
  private static boolean startsLine(Scan s, int wordStart) {
    int p = wordStart;
    while (p > s.lo && p > wordStart - MAX_NAME && isNameByte(s.b[p - 1]) && s.b[p - 1] != ' ') {
      p--;
    }
    return KeyedForms.startsLine(s, p);
  }

  /** The start of the line that holds {@code p}, or -1 when it is more than {@code max} bytes before {@code p}. */
  private static int lineStart(Scan s, int p, int max) {
    int ls = p;
    while (ls > s.lo && s.b[ls - 1] != '\n') {
      if (p - ls > max) {
        return -1;
      }
      ls--;
    }
    return ls;
  }

  /** The byte before the field that starts a key word at {@code wordStart}: its delimiter, or 0 at the line's start. */
  private static int before(Scan s, int wordStart) {
    int p = wordStart - 1;
    while (p >= s.lo && isNameByte(s.b[p]) && s.b[p] != ' ') {
      p--; // (the key word may end a longer name: db_password)
    }
    if (p >= s.lo && s.b[p] == '"') {
      p--;
    }
    while (p >= s.lo && s.b[p] == ' ') {
      p--;
    }
    if (p - 2 >= s.lo && width(s.b, p - 2, p + 1, BOX) > 0) {
      return BOX;
    }
    return p < s.lo ? 0 : s.b[p] & 0xFF;
  }

  /**
   * Splits {@code b[from, to)} into fields at {@code d} ({@code |}: the outer pipes of a boxed table are no fields),
   * each trimmed of blanks and of its double quotes; {@code bounds} gets each field's start and end.
   *
   * @return the number of fields, or -1 when a quoted field does not close on the line or there are too many
   */
  static int split(byte[] b, int from, int to, byte d, int[] bounds) {
    if (d == '|' || d == BOX) {
      int p = from;
      while (p < to && b[p] == ' ') {
        p++;
      }
      int e = to;
      while (e > p && b[e - 1] == ' ') {
        e--;
      }
      int w = width(b, p, e, d);
      if (w > 0 && e - p >= 2 * w && width(b, e - w, e, d) == w) {
        from = p + w;
        to = e - w;
      }
    }
    int n = 0;
    int p = from;
    while (true) {
      if (n == bounds.length / 2) {
        return -1;
      }
      while (p < to && b[p] == ' ') {
        p++;
      }
      int fs;
      int fe;
      int next;
      if (p < to && b[p] == '"' && d != '|' && d != BOX) {
        int q = p + 1;
        while (true) {
          while (q < to && b[q] != '"') {
            q++;
          }
          if (q >= to) {
            return UNCLOSED; // a quoted field that goes on past the line
          }
          if (q + 1 < to && b[q + 1] == '"') {
            q += 2; // "" inside quotes
            continue;
          }
          break;
        }
        fs = p + 1;
        fe = q;
        next = q + 1;
        while (next < to && b[next] == ' ') {
          next++;
        }
        if (next < to && b[next] != d) {
          return -1; // text after a closing quote: no CSV field
        }
      } else {
        next = p;
        while (next < to && width(b, next, to, d) == 0) {
          next++;
        }
        fs = p;
        fe = next;
        while (fe > fs && b[fe - 1] == ' ') {
          fe--;
        }
      }
      bounds[2 * n] = fs;
      bounds[2 * n + 1] = fe;
      n++;
      if (next >= to) {
        return n;
      }
      p = next + width(b, next, to, d);
    }
  }

  /** {@link #split}'s answer when a quoted field goes on past its end (a CSV cell with a line break). */
  static final int UNCLOSED = -2;

  /**
   * The delimiter {@link #BOX}: a vertical line of box drawing ({@code │}, {@code ┃}, {@code ║}: psql's unicode
   * line style, sqlite's {@code .mode box}, DuckDB's and ClickHouse's pretty formats).
   */
  static final byte BOX = 2;

  /** Whether a vertical line of box drawing ({@link #BOX}) is at {@code p}. */
  static boolean boxAt(Scan s, int p) {
    return p >= s.lo && width(s.b, p, s.hi, BOX) > 0;
  }

  /** The length of delimiter {@code d} at {@code p} (0: none there). */
  private static int width(byte[] b, int p, int to, byte d) {
    if (d != BOX) {
      return p < to && b[p] == d ? 1 : 0;
    }
    return box(b, p, to, 0x82) || box(b, p, to, 0x83) || p + 2 < to && b[p] == (byte) 0xE2
        && b[p + 1] == (byte) 0x95 && b[p + 2] == (byte) 0x91 ? 3 : 0; // │ ┃, and ║ (U+2551)
  }


  /**
   * Whether the fields are column names: each 1-48 bytes of letters (any script), digits and {@code _ - . # % /},
   * with a letter, at most three blanks ({@code First Name}); and not a sentence cut at commas ({@code the user, the
   * group, and the password}: blanks inside names and after the commas).
   */
  private static boolean isHeader(byte[] b, int[] bounds, int n, byte d) {
    for (int f = 0; f < n; f++) {
      int fs = bounds[2 * f];
      int fe = bounds[2 * f + 1];
      if (fe - fs < 1 || fe - fs > MAX_NAME) {
        return false;
      }
      boolean letter = false;
      int blanks = 0;
      for (int p = fs; p < fe; p++) {
        int c = b[p];
        if (c == ' ') {
          if (++blanks > 3 || b[p - 1] == ' ') {
            return false;
          }
        } else if (!isNameByte((byte) c)) {
          return false;
        }
        letter |= Bytes.isAlpha(c) || c < 0;
      }
      if (!letter) {
        return false;
      }
    }
    return !isProse(b, bounds, n, d);
  }

  /**
   * Whether fields split at commas or semicolons read as a sentence: blanks inside some and after the delimiters
   * ({@code the user, the group, and the password}; {@code SELECT username, password FROM t}).
   */
  private static boolean isProse(byte[] b, int[] bounds, int n, byte d) {
    if (d != ',' && d != ';') {
      return false;
    }
    boolean blankAfterDelimiter = false;
    boolean blankInside = false;
    for (int f = 0; f < n; f++) {
      int fs = bounds[2 * f];
      int fe = bounds[2 * f + 1];
      blankInside |= Bytes.indexOf(b, fs, fe, " ") > 0;
      blankAfterDelimiter |= f > 0 && fs >= 2 && b[fs - 1] == ' ' && b[fs - 2] == d;
    }
    return blankInside && blankAfterDelimiter;
  }

  private static boolean isNameByte(byte c) {
    return Bytes.isAlnum(c) || c < 0 || c == '_' || c == '-' || c == '.' || c == '#' || c == '%' || c == '/'
        || c == ' ' || c == '\'' || c == '(' || c == ')' || c == '[' || c == ']';
  }

  /**
   * At the start {@code r} of a row of {@link Scan#table}: types its cells, or ends the table when the line is none
   * of its rows; moves {@link Scan#tableRow} to the next row ({@code MAX_VALUE}: none in this pass).
   */
  static void row(Scan s, int r) {
    Layout t = s.table;
    if (r >= s.patternLimit) {
      s.tableRow = Integer.MAX_VALUE; // the next window's
      return;
    }
    int le = Bytes.indexOf(s.b, r, Math.min(s.hi, r + MAX_ROW), "\n");
    if (le < 0 && !(s.eof && s.hi - r <= MAX_ROW)) {
      s.tableFrom(r, null); // a line too long for a row
      return;
    }
    int end = le < 0 ? s.hi : le;
    s.tableRow = le < 0 ? Integer.MAX_VALUE : le + 1;
    int te = noCr(s.b, r, end);
    if (isBorder(s.b, r, te)) {
      return;
    }
    int[] bounds = t.bounds;
    int n = t.delimiter == 0 ? (cells(s.b, r, te, t.columns, bounds) ? t.fields : -1)
        : t.delimiter == ALIGNED ? (alignedCells(s.b, r, te, t, bounds) ? t.fields : -1)
        : split(s.b, r, te, t.delimiter, bounds);
    while (n == UNCLOSED && le >= 0) {
      // a quoted cell with line breaks (a CRM export's description or address): the row goes on to its close
      le = Bytes.indexOf(s.b, le + 1, Math.min(s.hi, r + MAX_ROW), "\n");
      if (le < 0 && !(s.eof && s.hi - r <= MAX_ROW)) {
        break;
      }
      end = le < 0 ? s.hi : le;
      s.tableRow = le < 0 ? Integer.MAX_VALUE : le + 1;
      te = noCr(s.b, r, end);
      n = split(s.b, r, te, t.delimiter, bounds);
    }
    if (n != t.fields) {
      s.tableFrom(r, null);
      return;
    }
    if (t.keyed) {
      Trigger[] key = types(s.b, bounds, 1, true);
      if (key != null) {
        cell(s, key[0], bounds[2], bounds[3]);
      }
      return;
    }
    for (int f = 0; f < t.fields; f++) {
      if (t.types[f] != null) {
        cell(s, t.types[f], bounds[2 * f], bounds[2 * f + 1]);
      }
    }
  }

  /**
   * Whether a table may go on from the line {@code [prevStart, lineStart)} to the one {@code [lineStart, lineEnd)}:
   * both a border or a row of the same number of fields (at least two) by one delimiter. A source cut where this
   * says no is redacted the same in pieces as whole; where it says yes, a header above the piece may type its rows.
   */
  static boolean mayContinue(byte[] b, int prevStart, int lineStart, int lineEnd) {
    int pe = lineStart > prevStart && b[lineStart - 1] == '\n' ? lineStart - 1 : lineStart;
    pe = noCr(b, prevStart, pe);
    int le = lineEnd > lineStart && b[lineEnd - 1] == '\n' ? lineEnd - 1 : lineEnd;
    le = noCr(b, lineStart, le);
    if (pe - prevStart > MAX_ROW || le - lineStart > MAX_ROW) {
      return false;
    }
    boolean prevBorder = isBorder(b, prevStart, pe);
    boolean border = isBorder(b, lineStart, le);
    if (prevBorder && border) {
      return true;
    }
    if (oddQuotes(b, prevStart, pe) || oddQuotes(b, lineStart, le)) {
      return true; // a quoted cell may go on across the cut
    }
    int[] bounds = new int[2 * MAX_FIELDS];
    for (byte d : DELIMITERS) {
      int np = prevBorder ? 0 : split(b, prevStart, pe, d, bounds);
      int n = border ? 0 : split(b, lineStart, le, d, bounds);
      if (prevBorder ? n >= 2 : border ? np >= 2 : np >= 2 && n == np) {
        return true;
      }
    }
    return false;
  }

  private static final byte[] DELIMITERS = {',', ';', '\t', '|', BOX};

  private static boolean oddQuotes(byte[] b, int from, int to) {
    int n = 0;
    for (int p = from; p < to; p++) {
      n += b[p] == '"' ? 1 : 0;
    }
    return (n & 1) != 0;
  }

  /**
   * A fixed-width row's cells, trimmed: each from its column's first character to the next column's (the last one to
   * the line's end). False when the line is blank or a cell runs into the next column (no blank before its start):
   * SQL*Plus and sqlcmd keep a value within its rule, PowerShell's {@code Format-Table} underlines only the names
   * and lets a value run on to the next column's start.
   */
  private static boolean cells(byte[] b, int from, int to, int[] columns, int[] bounds) {
    int n = columns.length / 2;
    boolean text = false;
    int p = advance(b, from, to, columns[0]);
    for (int k = 0; k < n; k++) {
      int cs = p;
      int ce = k == n - 1 ? to : (p = advance(b, p, to, columns[2 * k + 2] - columns[2 * k]));
      if (k < n - 1 && ce < to && ce > cs && b[ce - 1] != ' ') {
        return false;
      }
      while (cs < ce && b[cs] == ' ') {
        cs++;
      }
      while (ce > cs && b[ce - 1] == ' ') {
        ce--;
      }
      bounds[2 * k] = cs;
      bounds[2 * k + 1] = ce;
      text |= ce > cs;
    }
    return text;
  }

  /** The offset {@code chars} characters (UTF-8) after {@code p}, at most {@code to}. */
  private static int advance(byte[] b, int p, int to, int chars) {
    while (p < to && chars > 0) {
      p++;
      while (p < to && (b[p] & 0xC0) == 0x80) {
        p++;
      }
      chars--;
    }
    return p;
  }

  /** A border or rule between rows: {@code ----+----}, {@code +----+}, {@code |---|:--:|}, {@code ====}. */
  private static boolean isBorder(byte[] b, int from, int to) {
    boolean rule = false;
    for (int p = from; p < to; p++) {
      int c = b[p];
      if (c == '-' || c == '=') {
        rule = true;
      } else if (c == (byte) 0xE2 && p + 2 < to && (b[p + 1] == (byte) 0x94 || b[p + 1] == (byte) 0x95)) {
        rule |= width(b, p, to, BOX) == 0; // box drawing's lines and corners (U+2500-U+257F), not only its │
        p += 2;
      } else if (c != '+' && c != '|' && c != ':' && c != ' ' && c != '\t') {
        return false;
      }
    }
    return rule;
  }

  /**
   * A cell's marker in place of a value that a key's value has not (the key's checks, {@code accept}, leave
   * {@code NULL}, {@code true}, {@code <null>}, masks and placeholders already): a setting's state ({@code ON},
   * {@code OFF}, {@code enabled}, {@code disabled}), MySQL's and PostgreSQL's exports' {@code \\N} for null, and
   * Oracle's {@code EXTERNAL} and {@code GLOBAL} (a user authenticated by the OS or a directory).
   */
  private static boolean isMarker(byte[] b, int from, int to) {
    for (String w : MARKERS) {
      if (w.length() == to - from && Bytes.startsWithIgnoreCase(b, from, to, w)) {
        return true;
      }
    }
    return to - from == 2 && b[from] == '\\' && b[from + 1] == 'N';
  }

  private static final String[] MARKERS = {"on", "off", "enabled", "disabled", "external", "global"};
}
