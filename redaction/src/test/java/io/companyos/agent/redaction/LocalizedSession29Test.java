package io.companyos.agent.redaction;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.provider.Arguments;

/**
 * Session 29: software localized for its users names its fields and writes its messages in their language
 * ({@code Passwort=}, {@code "senha":}, {@code пароль:}, {@code 密码：}, PostgreSQL's translated authentication
 * failures). Each redacted case left its value whole before; the unchanged cases are prose and settings about
 * passwords in the same languages.
 */
class LocalizedSession29Test extends RedactedAndKeptCases {

  /** A configuration file's keys in the structured path (a bundle's configFiles, {@code redact --format json}). */
  @Test
  void structuredDocumentsKnowTheSameKeys() {
    String json = "{\"datenbank\": {\"benutzer\": \"kp_app\", \"Passwort\": \"Geheim123!x\"},"
        + " \"MOT_DE_PASSE_BDD\": \"Portail!Lyon69\", \"пароль\": \"Лето2024!x\", \"senha_expira_em\": \"90\","
        + " \"longitud_minima_contrasena\": \"12\", \"invalid_password\": \"Hunter3\", \"nachname\": \"Müller\"}";
    assertThat(MASK.redactStructured(StructuredFormat.JSON, json, new RedactionCounter())).isEqualTo(
        "{\"datenbank\":{\"benutzer\":\"<user>\",\"Passwort\":\"<secret>\"},\"MOT_DE_PASSE_BDD\":\"<secret>\","
            + "\"пароль\":\"<secret>\",\"senha_expira_em\":\"90\",\"longitud_minima_contrasena\":\"12\","
            + "\"invalid_password\":\"<secret>\",\"nachname\":\"<name>\"}");
  }

  static Stream<Arguments> redacted() {
    return Stream.of(
        // passwords by their key, in each form a key takes
        Arguments.of("Passwort=Geheim123!x", "Passwort=<secret>"),
        Arguments.of("Kennwort: Sommer2024!", "Kennwort: <secret>"),
        Arguments.of("spring.datasource.passwort=Geheim123!x", "spring.datasource.passwort=<secret>"),
        Arguments.of("DB_PASSWORT=Geheim123!x", "DB_PASSWORT=<secret>"),
        Arguments.of("<Passwort>Geheim123!x</Passwort>", "<Passwort><secret></Passwort>"),
        Arguments.of("mot de passe : Soleil2024!", "mot de passe : <secret>"),
        Arguments.of("{\"motDePasse\":\"Soleil2024!\"}", "{\"motDePasse\":\"<secret>\"}"),
        Arguments.of("\"Contraseña\": \"Verano2024!\"", "\"Contraseña\": \"<secret>\""),
        Arguments.of("contrasena=Verano2024!", "contrasena=<secret>"),
        Arguments.of("$senha = 'Verao2024!x';", "$senha = '<secret>';"),
        Arguments.of("wachtwoord=Zomer2024!x", "wachtwoord=<secret>"),
        Arguments.of("hasło=Lato2024!xx", "hasło=<secret>"),
        Arguments.of("GET /logowanie?haslo=Lato2024!xx&heslo=Leto2024!xx HTTP/1.1",
            "GET /logowanie?haslo=<secret>&heslo=<secret> HTTP/1.1"),
        Arguments.of("lösenord: Sommar2024!", "lösenord: <secret>"),
        Arguments.of("passord=Sommer2024!; adgangskode=Sommer2024!; salasana=Kesa2024!xx",
            "passord=<secret>; adgangskode=<secret>; salasana=<secret>"),
        Arguments.of("{\"Şifre\": \"Yaz2024!xxx\", \"jelszó\": \"Nyar2024!xx\", \"parola\": \"Estate2024!x\"}",
            "{\"Şifre\": \"<secret>\", \"jelszó\": \"<secret>\", \"parola\": \"<secret>\"}"),
        Arguments.of("usuario=jgarcia&clave=Verano2024!", "usuario=<user>&clave=<secret>"),
        Arguments.of("Пароль: Лето2024!x", "Пароль: <secret>"),
        Arguments.of("{\"пароль\": \"Лето2024!x\"}", "{\"пароль\": \"<secret>\"}"),
        Arguments.of("ПАРОЛЬ=Лето2024!x", "ПАРОЛЬ=<secret>"),
        // CJK keys, also with the full-width colon and equals sign
        Arguments.of("パスワード=Natsu2024!x", "パスワード=<secret>"),
        Arguments.of("密码：Xiatian2024!", "密码：<secret>"),
        Arguments.of("密碼＝Xiatian2024!", "密碼＝<secret>"),
        Arguments.of("비밀번호: Yeoreum2024!", "비밀번호: <secret>"),
        // users, names, dates of birth, addresses and phones under their keys
        Arguments.of("Benutzername: mmueller", "Benutzername: <user>"),
        Arguments.of("{\"nomUtilisateur\": \"jdupont\", \"usuario\": \"jgarcia\"}",
            "{\"nomUtilisateur\": \"<user>\", \"usuario\": \"<user>\"}"),
        Arguments.of("ユーザー名：tanaka", "ユーザー名：<user>"),
        Arguments.of("用户名：zhangsan", "用户名：<user>"),
        Arguments.of("{\"Vorname\": \"Jürgen\", \"Nachname\": \"Müller\"}", "{\"Vorname\": \"<name>\", \"Nachname\": \"<name>\"}"),
        Arguments.of("\"prenom\": \"Jean\", \"nom_de_famille\": \"Dupont\", \"cognome\": \"Rossi\"",
            "\"prenom\": \"<name>\", \"nom_de_famille\": \"<name>\", \"cognome\": \"<name>\""),
        Arguments.of("ФИО: Иванов Иван Иванович", "ФИО: <name>"),
        Arguments.of("氏名：山田 太郎", "氏名：<name>"),
        Arguments.of("Geburtsdatum=12.03.1985", "Geburtsdatum=<birthdate>"),
        Arguments.of("date de naissance : 12/03/1985", "date de naissance : <birthdate>"),
        Arguments.of("{\"fecha_nacimiento\": \"1985-03-12\"}", "{\"fecha_nacimiento\": \"<birthdate>\"}"),
        Arguments.of("Anschrift: Hauptstraße 5, 10115 Berlin", "Anschrift: <address>"),
        Arguments.of("telefono=3331234567", "telefono=<phone>"),
        // users named by localized messages: PostgreSQL's translated authentication failure, in its own quotes
        Arguments.of("FATAL:  Passwort-Authentifizierung für Benutzer »jdoe« fehlgeschlagen",
            "FATAL:  Passwort-Authentifizierung für Benutzer »<user>« fehlgeschlagen"),
        Arguments.of("FATAL:  authentification par mot de passe échouée pour l'utilisateur « jdoe »",
            "FATAL:  authentification par mot de passe échouée pour l'utilisateur « <user> »"),
        Arguments.of("FATAL:  la autentificación password falló para el usuario «jdoe»",
            "FATAL:  la autentificación password falló para el usuario «<user>»"),
        Arguments.of("FATAL:  autenticação do tipo senha falhou para usuário \"jdoe\"",
            "FATAL:  autenticação do tipo senha falhou para usuário \"<user>\""),
        Arguments.of("FATAL:  autenticazione con password fallita per l'utente \"jdoe\"",
            "FATAL:  autenticazione con password fallita per l'utente \"<user>\""),
        Arguments.of("FATAL:  пользователь \"jdoe\" не прошёл проверку подлинности (по паролю)",
            "FATAL:  пользователь \"<user>\" не прошёл проверку подлинности (по паролю)"),
        Arguments.of("FATAL:  ユーザ\"jdoe\"のパスワード認証に失敗しました", "FATAL:  ユーザ\"<user>\"のパスワード認証に失敗しました"),
        Arguments.of("FATAL:  用户 \"jdoe\" Password 认证失败", "FATAL:  用户 \"<user>\" Password 认证失败"),
        Arguments.of("Anmeldung fehlgeschlagen für Benutzer jdoe", "Anmeldung fehlgeschlagen für Benutzer <user>"),
        // (the red team's second round) head-first compounds of Romance languages, with one qualifier
        Arguments.of("MOT_DE_PASSE_BDD: Portail!Lyon69", "MOT_DE_PASSE_BDD: <secret>"),
        Arguments.of("CONTRASENA_BD: Tienda#Sevilla8", "CONTRASENA_BD: <secret>"),
        Arguments.of("{\"palavraPasse\":\"Fado&Lisboa1755\"}", "{\"palavraPasse\":\"<secret>\"}"),
        Arguments.of("<parola_d_ordine>Pec$Notifiche77</parola_d_ordine>", "<parola_d_ordine><secret></parola_d_ordine>"),
        Arguments.of("CLAVE_API: cl_4f9a8b7c6d5e4f3a2b1c", "CLAVE_API: <secret>"),
        Arguments.of("contraseña temporal: Tmp-58Kq!mx", "contraseña temporal: <secret>"),
        Arguments.of("nouveau mot de passe temporaire : Xk4#pL9q-tmp", "nouveau mot de passe temporaire : <secret>"),
        Arguments.of("UTILISATEUR_BDD: portail_fr", "UTILISATEUR_BDD: <user>"),
        // German compounds end in their head noun; a value in other languages' quotes; mdp, lykilorð, geheim
        Arguments.of("datenbank.benutzer=kp_prod_app", "datenbank.benutzer=<user>"),
        Arguments.of("mot de passe « Courrier 2024 sécurisé »", "mot de passe « <secret> »"),
        Arguments.of("mdp=Lille!59z", "mdp=<secret>"),
        Arguments.of("api.schluessel=kp_live_9f8e7d6c5b4a39281706", "api.schluessel=<secret>"),
        Arguments.of("passord=Sommer2024!", "passord=<secret>"),
        // labels of a user and fields on one line, also CJK text's delimiters
        Arguments.of("логин: smirnova_e; пароль: Зима2024!Мороз", "логин: <user>; пароль: <secret>"),
        Arguments.of("usuario: hperez | IP: x", "usuario: <user> | IP: x"),
        Arguments.of("用户＝shop_cn，密码＝Shop!Cn-Shenzhen", "用户＝<user>，密码＝<secret>"),
        Arguments.of("使用者名稱：chen.meiling　密碼：Taipei101", "使用者名稱：<user>　密碼：<secret>"),
        Arguments.of("Personnummer: 811218-9876, förnamn: Åsa", "Personnummer: <national_id>, förnamn: <name>"),
        Arguments.of("Cliente NIE Y2837461B, Nombre: x", "Cliente NIE <national_id>, Nombre: x"),
        Arguments.of("身份证号：110105198803152438，手机号：13812345678", "身份证号：<national_id>，手机号：<phone>"),
        Arguments.of("ИНН: 772938104584, СНИЛС: 138-492-017 74", "ИНН: <national_id>, СНИЛС: <national_id>"),
        Arguments.of("TC Kimlik No: 38194726000, doğum tarihi: 01.02.1980",
            "TC Kimlik No: <national_id>, doğum tarihi: <birthdate>"),
        Arguments.of("imię: Łukasz, nazwisko: Wójcik", "imię: <name>, nazwisko: <name>"),
        Arguments.of("<indirizzo>Via Toledo 256, 80134 Napoli</indirizzo>", "<indirizzo><address></indirizzo>"),
        Arguments.of("\"endereco\":\"Rua Augusta, 1500\"", "\"endereco\":\"<address>\""),
        // MySQL's account in its translated messages, PostgreSQL's role in German and French
        Arguments.of("ERROR 1045 (28000): Benutzer 'buchhaltung_de'@'db' hat keine Zugriffsberechtigung",
            "ERROR 1045 (28000): Benutzer '<user>'@'db' hat keine Zugriffsberechtigung"),
        Arguments.of("FATAL:  Rolle »jkrause« existiert nicht", "FATAL:  Rolle »<user>« existiert nicht"),
        Arguments.of("\tKontoname:\t\tk.wagner", "\tKontoname:\t\t<user>"),
        Arguments.of("\tNom du compte :\t\tc.moreau", "\tNom du compte :\t\t<user>"),
        Arguments.of("FATAL:  le rôle « mlefevre » n'existe pas", "FATAL:  le rôle « <user> » n'existe pas"),
        // (the held-out round) capitals outside ASCII, a qualifier in every language, the name before the phrase
        Arguments.of("CONTRASEÑA_FTP=Churros_con_Chocolate7", "CONTRASEÑA_FTP=<secret>"),
        Arguments.of("ŞİFRE=Yaz2024!xxx", "ŞİFRE=<secret>"),
        Arguments.of("LÖSENORD=Sommar2024!", "LÖSENORD=<secret>"),
        Arguments.of("WACHTWOORD_SFTP=Hagelslag@Delft42", "WACHTWOORD_SFTP=<secret>"),
        Arguments.of("ПАРОЛЬ_БД=Лето2024!x", "ПАРОЛЬ_БД=<secret>"),
        Arguments.of("FATAL:  \"hoegye_kr\" 사용자의 password 인증을 실패했습니다",
            "FATAL:  \"<user>\" 사용자의 password 인증을 실패했습니다"),
        Arguments.of("FATAL:  \"muhasebe_tr\" kullanıcısı için şifre doğrulaması başarısız oldu",
            "FATAL:  \"<user>\" kullanıcısı için şifre doğrulaması başarısız oldu"),
        Arguments.of("_identifiant=jdupont&_password=Soleil2024", "_identifiant=<user>&_password=<secret>"),
        Arguments.of("\tKontonamn:\t\tsven.svensson", "\tKontonamn:\t\t<user>"),
        // Arabic, Hebrew, Greek, Vietnamese, Indonesian
        Arguments.of("أحاول الدخول. اسم المستخدم: m.alotaibi وكلمة المرور: Riyadh@Najd2024",
            "أحاول الدخول. اسم المستخدم: <user> وكلمة المرور: <secret>"),
        Arguments.of("{\"اسم_المستخدم\":\"m.alotaibi\",\"كلمة_المرور\":\"Riyadh@Najd2024\"}",
            "{\"اسم_المستخدم\":\"<user>\",\"كلمة_المرور\":\"<secret>\"}"),
        Arguments.of("סיסמה: Shalom!Haifa1948", "סיסמה: <secret>"),
        Arguments.of("Ονοματεπώνυμο=Μαρία Νικολάου, ΑΦΜ=123456789", "Ονοματεπώνυμο=<name>, ΑΦΜ=<national_id>"),
        Arguments.of("{\"ten_dang_nhap\":\"tranthibinh\",\"mat_khau\":\"Hanoi@2024\"}",
            "{\"ten_dang_nhap\":\"tranthibinh\",\"mat_khau\":\"<secret>\"}"),
        Arguments.of("nama_pengguna=budi.santoso kata_sandi=Jakarta#2024", "nama_pengguna=<user> kata_sandi=<secret>"),
        // a chat's speaker label with a password in its line is a secret, never a user the reverse map keeps
        Arguments.of("用户：我的密码是Hongshao_Rou888", "用户：<secret>"));
  }

  static Stream<String> unchanged() {
    return Stream.of(
        // the key word must end the key: policies and settings about passwords
        "Passwort-Richtlinie: mindestens 12 Zeichen",
        "Passwort-Mindestlänge=12",
        "Kennwortablauf=90",
        "\"passwortRichtlinie\": \"streng\"",
        "senha_expira_em=90",
        // prose about a password, a state word after its key, placeholders and masks
        "Das Passwort ist abgelaufen",
        "Passwort: abgelaufen",
        "Passwort: nicht gesetzt",
        "mot de passe : expiré",
        "senha: expirada",
        "Le mot de passe a expiré",
        "passwort=${DB_PASSWORT}",
        "contraseña: ********",
        // function words after a localized phrase are no user; names that are no person's
        "Zugriff verweigert für Benutzer mit Rolle admin",
        "Die Rolle für Benutzer der Gruppe wurde geändert",
        "mot de passe incorrect pour l'utilisateur",
        "\"nom\": \"serveur-01\"",
        "nome=servidor01",
        // (the second round) settings whose password word comes last, translated MySQL flags, masks, prose, counts
        "Política: longitud_minima_contrasena=12, caducidad_clave=90",
        "LONGUEUR_MIN_MOT_DE_PASSE: \"12\"",
        "<sicurezza lunghezzaMinimaPassword=\"12\" scadenzaPasswordGiorni=\"90\"/>",
        "expiration_mot_de_passe: 90 jours",
        "senha_minima=8",
        "senha_expira_em=90",
        "(verwendetes Passwort: JA)",
        "(Usando clave: SI)",
        "(был использован пароль: ДА)",
        "contraseña: [OCULTA]",
        "Kennwort    : ******** (gespeichert)",
        "melding_wachtwoord=Het wachtwoord moet minimaal 12 tekens bevatten",
        "Criteri password: lunghezza minima 12, scadenza 90 giorni",
        "접속 중인 사용자: 913명",
        "Die Rolle admin wurde geändert",
        "ADMIN_PASSWORD_MIN=8",
        // (the held-out round) yes and no, masks and states in other languages, a policy named in words
        "mot_de_passe_affiche: non",
        "WACHTWOORD_TONEN=nee",
        "HASLO_WYMAGANE=tak",
        "Zobrazit heslo = ne",
        "MOT_DE_PASSE_ADMIN=[masqué]",
        "salasana=[piilotettu]",
        "INFO Contraseña: (oculta) | Token: [REDACTADO]",
        "{\"비밀번호\":\"(숨김)\"}",
        "密碼：（已隱藏）",
        "管理员密码：未设置",
        "Reimpostazione password: inviata",
        "Lungime minimă parolă=8",
        "passwort.muster=^(?=.*[A-Z])(?=.*\\d).{12,}$",
        "Versión 4.2.7.0",
        "έκδοση 4.2.7.0",
        "d.k.konto.KennwortDienst                 : Passwort muss mindestens 12 Zeichen haben",
        "usuário: Oi tudo bem",
        "كلمة المرور: [مخفية]",
        "إعادة تعيين كلمة المرور: نعم",
        "סיסמה: [מוסתר]",
        "κωδικός: [κρυφός]");
  }
}
