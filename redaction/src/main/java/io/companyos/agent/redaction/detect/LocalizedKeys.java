package io.companyos.agent.redaction.detect;

import io.companyos.agent.redaction.DetectorType;
import java.util.List;

/**
 * (session 29) The key words of localized software: applications, databases and forms written for German, French,
 * Spanish, Portuguese, Italian, Dutch, Polish, Czech, Nordic, Turkish, Russian, Japanese, Chinese and Korean users
 * name their fields in the user's language ({@code Passwort=}, {@code "senha": …}, {@code пароль:}, {@code 密码=}).
 * Each word is a key word like its English one, in the same forms (key=value, JSON, YAML, …) and by the same rule: it
 * must end the key, so {@code Passwort-Richtlinie: …} and {@code Kennwortablauf=90} stay.
 *
 * <p>The scanner folds only ASCII letters, so a word with a letter outside ASCII is given in each case its
 * capitalised and its lower-case spellings take ({@code Пароль}, {@code пароль}); a word is given with and without
 * its diacritics where both are written ({@code contraseña}, {@code contrasena}). Words that are also common in
 * other senses are exact keys only ({@code clave}, {@code parola}, {@code nome}, {@code имя}).
 */
final class LocalizedKeys {
  private LocalizedKeys() {}

  /** Passwords and other secrets (languages that put the head noun last: German's compounds end in it). */
  static final List<String> SECRETS = List.of(
      "passwort", "kennwort", "wachtwoord", "haslo", "hasło", "heslo", "salasana", "adgangskode", "losenord",
      "lösenord", "sifre", "şifre", "Şifre", "jelszo", "jelszó", "lykilord", "lykilorð", "пароль", "Пароль",
      "ПАРОЛЬ", "パスワード", "密码", "密碼", "비밀번호", "暗証番号", "zugangsdaten", "anmeldedaten", "geheimnis",
      "client_geheim", "clientgeheim", "api_schluessel", "api.schluessel", "apischluessel", "api-schluessel",
      "api_schlüssel", "apischlüssel", "zugangsschlüssel", "zugangsschluessel",
      // Arabic, Hebrew, Greek, Vietnamese, Indonesian (session 29's held-out round)
      "كلمة المرور", "كلمة_المرور", "كلمة السر", "סיסמה", "סיסמא", "κωδικός πρόσβασης", "κωδικός_πρόσβασης",
      "mật khẩu", "kata sandi", "kata_sandi", "katasandi");
  /**
   * Passwords and secrets in languages that put the head noun first ({@code MOT_DE_PASSE_BDD}, {@code CONTRASENA_BD},
   * {@code senhaAdmin}, {@code contraseña temporal: x}): one qualifier may follow ({@code Trigger.HEAD_FIRST}).
   */
  static final List<String> HEAD_FIRST_SECRETS = List.of(
      "senha", "contrasena", "contraseña", "mot_de_passe", "motdepasse", "mot-de-passe", "mot de passe",
      "palavra-passe", "palavrapasse", "palavra_passe", "parola_chiave", "parolachiave", "parola_d_ordine",
      "paroladordine", "clave_api", "claveapi", "clave_secreta", "clavesecreta", "clave_privada", "claveprivada",
      "chiave_api", "chiaveapi", "chiave_segreta", "chiavesegreta", "cle_api", "clé_api", "cle_secrete",
      "clé_secrète");
  /** Passwords under a word with other senses too: only as the whole key. */
  static final List<String> EXACT_SECRETS = List.of("clave", "parola", "parolă", "mdp", "sandi", "κωδικός");
  /** Users' login names (a name, not a number or an id: {@code Trigger.NAME_ID}). */
  static final List<String> USERS = List.of(
      "benutzername", "anmeldename", "nom_utilisateur", "nomutilisateur", "nom d'utilisateur", "nombre_usuario",
      "nombre_de_usuario", "nome_utente", "nomeutente", "gebruikersnaam", "nazwa_uzytkownika", "kullanici_adi",
      "kullanıcı_adı", "käyttäjätunnus", "kayttajatunnus", "användarnamn", "anvandarnamn", "brukernavn",
      "brugernavn", "имя_пользователя", "ユーザー名", "ユーザ名", "ユーザーid", "ユーザid", "用户名", "用戶名",
      "使用者名稱", "使用者帳號", "사용자명", "사용자이름", "nome_utilizador", "nomeutilizador", "notandanafn",
      "اسم المستخدم", "اسم_المستخدم", "שם משתמש", "שם_משתמש", "όνομα χρήστη", "όνομα_χρήστη", "tên đăng nhập",
      "nama pengguna", "nama_pengguna");
  /**
   * Users' login names under words that are also the key's whole sense: only as the whole key, also as a label
   * ({@code Benutzer: jdoe}, {@code логин: x}, {@code 아이디: x}; {@code Trigger.COLON_LABEL}).
   */
  static final List<String> EXACT_USERS = List.of(
      "utilisateur", "identifiant", "usuario", "usuário", "utilizador", "uzytkownik", "użytkownik", "uzivatel",
      "uživatel", "kullanici", "kullanıcı", "käyttäjä", "kayttaja", "пользователь", "Пользователь", "логин",
      "Логин", "账号", "帐号", "用户", "用戶", "使用者", "사용자", "아이디", "المستخدم", "משתמש", "χρήστης",
      "người dùng", "pengguna");
  /** The same in languages whose compounds end in the head noun ({@code datenbank.benutzer}, {@code ERP_DB_BENUTZER}). */
  static final List<String> COMPOUND_USERS = List.of("benutzer", "gebruiker", "bruker", "bruger", "användare",
      "anvandare");
  /** The same as a head-first key's word: {@code UTILISATEUR_BDD}, {@code USUARIO_BD}. */
  static final List<String> HEAD_FIRST_USERS = List.of("utilisateur", "usuario", "utilizador", "usuário");
  /** People's names. */
  static final List<String> NAMES = List.of(
      "vorname", "nachname", "familienname", "prenom", "prénom", "nom_de_famille", "nomdefamille", "apellido",
      "apellidos", "nombre_completo", "nombrecompleto", "sobrenome", "nome_completo", "nomecompleto", "cognome",
      "voornaam", "achternaam", "nazwisko", "prijmeni", "příjmení", "soyadi", "soyadı", "etunimi", "sukunimi",
      "fornavn", "efternavn", "etternavn", "fornamn", "förnamn", "efternamn", "фамилия", "Фамилия", "отчество",
      "Отчество", "фио", "ФИО", "氏名", "姓名", "성명", "imie", "imię", "jmeno", "jméno", "имя", "Имя", "ім'я",
      "Ім'я", "прізвище", "Прізвище", "по батькові", "soyad", "apelido", "フリガナ", "开户名", "kontoinhaber",
      "名前", "이름", "الاسم الكامل", "שם מלא", "ονοματεπώνυμο", "họ tên", "ho_ten", "nama lengkap", "nama_lengkap");
  /** People's names under words that name other things too: only as the whole key. */
  static final List<String> EXACT_NAMES = List.of("nom", "nome", "nombre", "navn", "titular", "titulaire",
      "właściciel");
  /** Dates of birth. */
  static final List<String> BIRTH_DATES = List.of(
      "geburtsdatum", "date_de_naissance", "date de naissance", "fecha_de_nacimiento",
      "fecha_nacimiento", "fechanacimiento", "fecha de nacimiento", "data_de_nascimento", "data_nascimento",
      "datanascimento", "data_di_nascita", "data_nascita", "geboortedatum", "data_urodzenia", "datum_narozeni",
      "dogum_tarihi", "doğum_tarihi", "syntymaaika", "syntymäaika", "fodelsedatum", "födelsedatum", "fodselsdato",
      "fødselsdato", "дата_рождения", "дата рождения", "Дата рождения", "生年月日", "出生日期", "생년월일",
      "дата народження", "Дата народження", "data urodzenia", "datum narození", "doğum tarihi",
      "dogum tarihi", "date_naissance", "datanascita", "datadinascita", "data de nascimento", "data di nascita",
      "تاريخ الميلاد", "תאריך לידה", "ημερομηνία γέννησης", "ngày sinh", "ngay_sinh", "tanggal lahir",
      "tanggal_lahir");
  /**
   * National identity and tax numbers under their names in other languages (the value must look like such a number,
   * as for the English keys: {@code KeyValueDetector.isIdentifierValue}).
   */
  static final List<String> NATIONAL_IDS = List.of(
      "身份证号", "身份证号码", "身份证", "身分證字號", "マイナンバー", "個人番号", "주민등록번호", "инн", "ИНН",
      "снилс", "СНИЛС", "паспорт", "Паспорт", "рнокпп", "РНОКПП", "tc_kimlik_no", "tckimlikno", "tc kimlik no",
      "t.c. kimlik", "kimlik_no", "kimlikno", "fødselsnummer", "cpr-nummer", "cpr_nummer", "cprnummer", "kennitala",
      "rodné číslo", "rodne_cislo", "rodné_číslo", "numéro de sécurité sociale", "numéro_sécu",
      "numero_avs", "numéro avs", "cédula", "cédula de ciudadanía", "cuit", "cuil", "cnpj",
      "nr dowodu osobistego", "nr_dowodu", "numer_dowodu", "رقم الهوية", "رقم_الهوية", "תעודת זהות", "ת.ז.", "αφμ",
      "αμκα");
  /** The same under short names that are other words too: only as the whole key. */
  static final List<String> EXACT_NATIONAL_IDS = List.of("avs", "rut", "nip");

  /** Street addresses. */
  static final List<String> ADDRESSES = List.of("anschrift", "strasse", "straße", "wohnanschrift", "postanschrift",
      "direccion", "dirección", "domicilio", "indirizzo", "endereço", "logradouro", "адрес", "Адрес",
      "адреса", "Адреса", "住所", "地址", "收货地址", "주소", "osoite", "العنوان", "כתובת", "διεύθυνση", "địa chỉ",
      "dia_chi", "alamat");
  /** The same under words that also name other addresses (a server's, a mailbox's): only as the whole key. */
  static final List<String> EXACT_ADDRESSES = List.of("adresse", "adres", "adresa", "adress");
  /** Telephone numbers. */
  static final List<String> PHONES = List.of(
      "telefon", "telefonnummer", "handynummer", "mobilnummer", "telefono", "teléfono", "celular", "telefoon",
      "telefoonnummer", "numer_telefonu", "telefonu", "puhelin", "телефон", "Телефон", "電話番号", "电话", "手机号",
      "手机", "전화번호", "휴대폰");

  /**
   * Phrases after which a message names a user (a word, or a name in quotes of any language), as {@code for user }
   * does in English: PostgreSQL's translated authentication failures ({@code Passwort-Authentifizierung für Benutzer
   * »jdoe« fehlgeschlagen}, {@code … pour l'utilisateur « jdoe »}, {@code … para el usuario «jdoe»}, {@code … para
   * usuário "jdoe"}, {@code пользователь "jdoe" не прошёл проверку подлинности}, {@code ユーザ"jdoe"のパスワード認証},
   * {@code 用户 "jdoe" Password 认证失败}) and applications' own. Where the word for user is also a common noun (Russian),
   * only before a quote.
   */
  static final List<String> USER_PHRASES = List.of(
      "für benutzer ", "pour l'utilisateur ", "de l'utilisateur ", "para el usuario ", "del usuario ",
      "para o usuário ", "para usuário ", "do usuário ", "per l'utente ", "dell'utente ", "voor gebruiker ",
      "dla użytkownika ", "pro uživatele ", "пользователь \"", "пользователя \"", "пользователь «",
      "пользователя «", "ユーザ\"", "ユーザー\"", "ユーザー \"", "ユーザ「", "ユーザー「", "用户 \"", "用户\"",
      "用戶 \"", "für den benutzer ", "pour l'identifiant ", "kullanıcısı \"", "사용자 \"", "(utilisateur ",
      "(benutzer ", "(usuario ", "(gebruiker ", "för användare ", "for brukernavn ", "rolle »", "rôle « ",
      "rôle «",
      // Windows' security events' "Account Name:" in the languages of its display (Kontoname:\t\tk.wagner)
      "kontoname:", "nom du compte :", "nom du compte:", "nombre de cuenta:", "nome account:", "nome da conta:",
      "accountnaam:", "имя учетной записи:", "имя учётной записи:", "kontonamn:", "kontonavn:",
      "nazwa konta:", "název účtu:", "hesap adı:", "アカウント名:", "帐户名:", "帐户名称:", "계정 이름:");

  /**
   * Key words whose every three bytes are common in logs ({@code passord}: {@code pas}, {@code ass}, {@code sso},
   * {@code sor}, {@code ord}, each in 11,000 places or more per 64 MiB of make-logs), found with the byte after them
   * as the English {@code pw} is ({@code Trigger.SUFFIXED}): from {@code rd=} (3,656), {@code rd"} (1,815),
   * {@code rd:} (279).
   */
  static final List<String> SUFFIXED_SECRETS = List.of("passord=", "passord\"", "passord:", "mat_khau=",
      "mat_khau\"", "mat_khau:");
  /** Portuguese's address without its cedilla, the same way ({@code end}, {@code nde}, … {@code eco}: 6,000-10,000). */
  static final List<String> SUFFIXED_ADDRESSES = List.of("endereco=", "endereco\"", "endereco:");

  /**
   * A message that names a user before its phrase, in quotes: PostgreSQL's authentication failure in Korean
   * ({@code "x" 사용자의 password 인증을 실패했습니다}) and Turkish ({@code "x" kullanıcısı için şifre doğrulaması
   * başarısız oldu}): the quoted name before the phrase, as MySQL's {@code 'x'@'host'}.
   */
  static final List<String> USER_BEFORE = List.of("\" 사용자의", "\" kullanıcısı");

  static void add(List<Trigger> t) {
    add(t, USER_BEFORE, Trigger.Action.USER_QUOTED_BEFORE, DetectorType.USERNAME, 0);
    add(t, USER_PHRASES, Trigger.Action.USER_SLOT_FOR, DetectorType.USERNAME, 0);
    add(t, SUFFIXED_SECRETS, Trigger.Action.KEY_VALUE, DetectorType.SECRET, Trigger.SUFFIXED);
    // (a qualifier after the word in any of these languages: WACHTWOORD_SFTP, HASLO_BAZY, ПАРОЛЬ_БД)
    add(t, SECRETS, Trigger.Action.KEY_VALUE, DetectorType.SECRET, Trigger.HEAD_FIRST);
    add(t, EXACT_SECRETS, Trigger.Action.KEY_VALUE, DetectorType.SECRET, Trigger.EXACT_KEY);
    add(t, HEAD_FIRST_SECRETS, Trigger.Action.KEY_VALUE, DetectorType.SECRET, Trigger.HEAD_FIRST);
    add(t, USERS, Trigger.Action.KEY_VALUE, DetectorType.USERNAME, Trigger.NAME_ID);
    add(t, EXACT_USERS, Trigger.Action.KEY_VALUE, DetectorType.USERNAME,
        Trigger.EXACT_KEY | Trigger.NAME_ID | Trigger.COLON_LABEL);
    add(t, COMPOUND_USERS, Trigger.Action.KEY_VALUE, DetectorType.USERNAME,
        Trigger.NEEDS_BOUNDARY | Trigger.NAME_ID | Trigger.COLON_LABEL);
    add(t, HEAD_FIRST_USERS, Trigger.Action.KEY_VALUE, DetectorType.USERNAME, Trigger.NAME_ID | Trigger.HEAD_FIRST);
    // MySQL's account in any language's message and in statements, 'user'@'host' (none in 64 MiB of make-logs)
    t.add(new Trigger(Trigger.Action.USER_QUOTED_BEFORE, DetectorType.USERNAME, "'@'", 0));
    add(t, NAMES, Trigger.Action.KEY_VALUE, DetectorType.PERSON_NAME, 0);
    add(t, EXACT_NAMES, Trigger.Action.KEY_VALUE, DetectorType.PERSON_NAME, Trigger.EXACT_KEY);
    add(t, BIRTH_DATES, Trigger.Action.KEY_VALUE, DetectorType.BIRTH_DATE, 0);
    add(t, NATIONAL_IDS, Trigger.Action.KEY_VALUE, DetectorType.NATIONAL_ID, 0);
    add(t, EXACT_NATIONAL_IDS, Trigger.Action.KEY_VALUE, DetectorType.NATIONAL_ID, Trigger.EXACT_KEY);
    add(t, ADDRESSES, Trigger.Action.KEY_VALUE, DetectorType.STREET_ADDRESS, 0);
    add(t, EXACT_ADDRESSES, Trigger.Action.KEY_VALUE, DetectorType.STREET_ADDRESS, Trigger.EXACT_KEY);
    add(t, SUFFIXED_ADDRESSES, Trigger.Action.KEY_VALUE, DetectorType.STREET_ADDRESS, Trigger.SUFFIXED);
    add(t, PHONES, Trigger.Action.KEY_VALUE, DetectorType.PHONE, 0);
  }

  private static void add(List<Trigger> t, List<String> words, Trigger.Action action, DetectorType type, int flags) {
    java.util.Set<String> added = new java.util.LinkedHashSet<>();
    for (String w : words) {
      added.addAll(spellings(w));
    }
    for (String w : added) {
      t.add(new Trigger(action, type, w, flags));
    }
  }

  /**
   * A word and the spellings the scanner's ASCII case folding does not join: its letters outside ASCII in capitals
   * ({@code CONTRASEÑA_FTP}, {@code LÖSENORD}), also as Turkish writes an i in capitals ({@code ŞİFRE}), and its
   * first letter alone ({@code Şifre}, {@code Пароль}). ASCII letters stay lower case: the scanner lowers the text's.
   */
  static java.util.Set<String> spellings(String w) {
    java.util.Set<String> out = new java.util.LinkedHashSet<>();
    out.add(w);
    out.add(asciiLower(w.toUpperCase(java.util.Locale.ROOT)));
    if (w.chars().anyMatch(c -> "şğıçöü".indexOf(c) >= 0)) {
      out.add(asciiLower(w.toUpperCase(java.util.Locale.forLanguageTag("tr")))); // a Turkish word's İ (ŞİFRE)
    }
    int first = w.codePointAt(0);
    out.add(asciiLower(new String(Character.toChars(Character.toUpperCase(first)))
        + w.substring(Character.charCount(first))));
    return out;
  }

  private static String asciiLower(String w) {
    StringBuilder b = new StringBuilder(w.length());
    for (int i = 0; i < w.length(); i++) {
      char c = w.charAt(i);
      b.append(c >= 'A' && c <= 'Z' ? (char) (c + 32) : c);
    }
    return b.toString();
  }
}
