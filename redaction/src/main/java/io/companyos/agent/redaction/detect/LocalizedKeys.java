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

  /** Passwords. */
  static final List<String> SECRETS = List.of(
      "passwort", "kennwort", "wachtwoord", "senha", "contrasena", "contraseña", "haslo", "hasło", "heslo",
      "salasana", "adgangskode", "losenord", "lösenord", "sifre", "şifre", "Şifre", "jelszo", "jelszó",
      "mot_de_passe", "motdepasse", "mot-de-passe", "mot de passe", "пароль", "Пароль", "ПАРОЛЬ", "パスワード",
      "密码", "密碼", "비밀번호", "暗証番号");
  /** Passwords under a word with other senses too: only as the whole key. */
  static final List<String> EXACT_SECRETS = List.of("clave", "parola", "parolă");
  /** Users' login names (a name, not a number or an id: {@code Trigger.NAME_ID}). */
  static final List<String> USERS = List.of(
      "benutzername", "anmeldename", "nom_utilisateur", "nomutilisateur", "nom d'utilisateur", "nombre_usuario",
      "nombre_de_usuario", "nome_utente", "nomeutente", "gebruikersnaam", "nazwa_uzytkownika", "kullanici_adi",
      "kullanıcı_adı", "käyttäjätunnus", "kayttajatunnus", "användarnamn", "anvandarnamn", "brukernavn",
      "brugernavn", "имя_пользователя", "ユーザー名", "ユーザ名", "用户名", "用戶名", "사용자명", "사용자이름");
  /** Users' login names under words that are also the key's whole sense: only as the whole key. */
  static final List<String> EXACT_USERS = List.of(
      "benutzer", "utilisateur", "identifiant", "usuario", "usuário", "gebruiker", "uzytkownik",
      "użytkownik", "uzivatel", "uživatel", "kullanici", "kullanıcı", "käyttäjä", "kayttaja", "användare",
      "anvandare", "bruker", "bruger", "пользователь", "Пользователь", "логин", "Логин", "账号", "帐号", "사용자",
      "아이디");
  /** People's names. */
  static final List<String> NAMES = List.of(
      "vorname", "nachname", "familienname", "prenom", "prénom", "nom_de_famille", "nomdefamille", "apellido",
      "apellidos", "nombre_completo", "nombrecompleto", "sobrenome", "nome_completo", "nomecompleto", "cognome",
      "voornaam", "achternaam", "nazwisko", "prijmeni", "příjmení", "soyadi", "soyadı", "etunimi", "sukunimi",
      "fornavn", "efternavn", "etternavn", "fornamn", "förnamn", "efternamn", "фамилия", "Фамилия", "отчество",
      "Отчество", "фио", "ФИО", "氏名", "姓名", "성명");
  /** People's names under words that name other things too: only as the whole key. */
  static final List<String> EXACT_NAMES = List.of("nom", "nome", "imie", "imię", "jmeno", "jméno", "имя", "Имя",
      "名前", "이름");
  /** Dates of birth. */
  static final List<String> BIRTH_DATES = List.of(
      "geburtsdatum", "date_de_naissance", "date de naissance", "fecha_de_nacimiento",
      "fecha_nacimiento", "fechanacimiento", "fecha de nacimiento", "data_de_nascimento", "data_nascimento",
      "datanascimento", "data_di_nascita", "data_nascita", "geboortedatum", "data_urodzenia", "datum_narozeni",
      "dogum_tarihi", "doğum_tarihi", "syntymaaika", "syntymäaika", "fodelsedatum", "födelsedatum", "fodselsdato",
      "fødselsdato", "дата_рождения", "дата рождения", "Дата рождения", "生年月日", "出生日期", "생년월일");
  /** Street addresses. */
  static final List<String> ADDRESSES = List.of("anschrift", "strasse", "straße", "wohnanschrift");
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
      "пользователя «", "ユーザ\"", "ユーザー\"", "ユーザ「", "ユーザー「", "用户 \"", "用户\"", "用戶 \"");

  /**
   * Key words whose every three bytes are common in logs ({@code passord}: {@code pas}, {@code ass}, {@code sso},
   * {@code sor}, {@code ord}, each in 11,000 places or more per 64 MiB of make-logs), found with the byte after them
   * as the English {@code pw} is ({@code Trigger.SUFFIXED}): from {@code rd=} (3,656), {@code rd"} (1,815),
   * {@code rd:} (279).
   */
  static final List<String> SUFFIXED_SECRETS = List.of("passord=", "passord\"", "passord:");

  static void add(List<Trigger> t) {
    for (String w : SUFFIXED_SECRETS) {
      t.add(new Trigger(Trigger.Action.KEY_VALUE, DetectorType.SECRET, w, Trigger.SUFFIXED));
    }
    for (String w : USER_PHRASES) {
      t.add(new Trigger(Trigger.Action.USER_SLOT_FOR, DetectorType.USERNAME, w, 0));
    }
    for (String w : SECRETS) {
      t.add(new Trigger(Trigger.Action.KEY_VALUE, DetectorType.SECRET, w, 0));
    }
    for (String w : EXACT_SECRETS) {
      t.add(new Trigger(Trigger.Action.KEY_VALUE, DetectorType.SECRET, w, Trigger.EXACT_KEY));
    }
    for (String w : USERS) {
      t.add(new Trigger(Trigger.Action.KEY_VALUE, DetectorType.USERNAME, w, Trigger.NAME_ID));
    }
    for (String w : EXACT_USERS) {
      t.add(new Trigger(Trigger.Action.KEY_VALUE, DetectorType.USERNAME, w, Trigger.EXACT_KEY | Trigger.NAME_ID));
    }
    for (String w : NAMES) {
      t.add(new Trigger(Trigger.Action.KEY_VALUE, DetectorType.PERSON_NAME, w, 0));
    }
    for (String w : EXACT_NAMES) {
      t.add(new Trigger(Trigger.Action.KEY_VALUE, DetectorType.PERSON_NAME, w, Trigger.EXACT_KEY));
    }
    for (String w : BIRTH_DATES) {
      t.add(new Trigger(Trigger.Action.KEY_VALUE, DetectorType.BIRTH_DATE, w, 0));
    }
    for (String w : ADDRESSES) {
      t.add(new Trigger(Trigger.Action.KEY_VALUE, DetectorType.STREET_ADDRESS, w, 0));
    }
    for (String w : PHONES) {
      t.add(new Trigger(Trigger.Action.KEY_VALUE, DetectorType.PHONE, w, 0));
    }
  }
}
