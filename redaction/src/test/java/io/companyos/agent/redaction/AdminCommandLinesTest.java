package io.companyos.agent.redaction;

import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/**
 * Passwords and users on administrators' command lines (shell and PowerShell histories, transcripts, CI logs,
 * Ansible's results) that session 20's third red team found left whole, each in the tool's documented syntax; with
 * the same flags of other tools, and prompts, that stay.
 */
class AdminCommandLinesTest extends RedactedAndKeptCases {
  static Stream<Arguments> redacted() {
    return Stream.of(
        Arguments.of("PS C:\\> $pw = ConvertTo-SecureString \"P@ssw0rd123\" -AsPlainText -Force",
            "PS C:\\> $pw = ConvertTo-SecureString \"<secret>\" -AsPlainText -Force"),
        Arguments.of("$secpasswd = ConvertTo-SecureString 'P@ssw0rd123' -AsPlainText -Force",
            "$secpasswd = ConvertTo-SecureString '<secret>' -AsPlainText -Force"),
        Arguments.of("Set-ADAccountPassword -Identity x -NewPassword (ConvertTo-SecureString -AsPlainText \"P@ssw0rd123\" -Force)",
            "Set-ADAccountPassword -Identity x -NewPassword (ConvertTo-SecureString -AsPlainText \"<secret>\" -Force)"),
        Arguments.of("PS C:\\> net use \\\\fs01\\share /user:alice P@ssw0rd123",
            "PS C:\\> net use \\\\fs01\\share /user:<user> <secret>"),
        Arguments.of("net use Z: \\\\fs01\\share P@ssw0rd123 /persistent:no", "net use Z: \\\\fs01\\share <secret> /persistent:no"),
        Arguments.of("schtasks /create /tn Backup /tr C:\\backup.cmd /sc daily /ru CORP\\svc_backup /rp P@ssw0rd123",
            "schtasks /create /tn Backup /tr C:\\backup.cmd /sc daily /ru <user> /rp <secret>"),
        Arguments.of("psexec \\\\srv01 -u alice -p P@ssw0rd123 cmd", "psexec \\\\srv01 -u alice -p <secret> cmd"),
        Arguments.of("xfreerdp /v:192.0.2.10 /u:alice /p:Hunter2pass", "xfreerdp /v:<ipv4> /u:<user> /p:<secret>"),
        Arguments.of("rdesktop -u alice -p Hunter2pass 192.0.2.10", "rdesktop -u alice -p <secret> <ipv4>"),
        Arguments.of("ipmitool -I lanplus -H 192.0.2.20 -U ADMIN -P Hunter2pass chassis power status",
            "ipmitool -I lanplus -H <ipv4> -U ADMIN -P <secret> chassis power status"),
        Arguments.of("snmpwalk -v2c -c Xyz789comm 192.0.2.30", "snmpwalk -v2c -c <secret> <ipv4>"),
        Arguments.of("snmpwalk -v3 -u snmpadmin -l authPriv -a SHA -A AuthPass123 -x AES -X PrivPass456 192.0.2.30",
            "snmpwalk -v3 -u snmpadmin -l authPriv -a SHA -A <secret> -x AES -X <secret> <ipv4>"),
        Arguments.of("ldappasswd -H ldap://ldap -x -w AdminPw1 -s Hunter2pass", "ldappasswd -H ldap://ldap -x -w <secret> -s <secret>"),
        Arguments.of("lftp -u alice,Hunter2pass ftp.example.com", "lftp -u <user>,<secret> ftp.example.com"),
        Arguments.of("nmcli dev wifi connect HomeNet password Hunter2pass", "nmcli dev wifi connect HomeNet password <secret>"),
        Arguments.of("wpa_passphrase HomeNet Hunter2pass", "wpa_passphrase HomeNet <secret>"),
        Arguments.of("ssh-keygen -p -P OldPass1 -N NewPass2 -f id_rsa", "ssh-keygen -p -P <secret> -N <secret> -f id_rsa"),
        Arguments.of("ok: [web01] => {\"changed\": false, \"cmd\": [\"mysql\", \"-uroot\", \"-pHunter2pass\", \"-e\", \"select 1\"]}",
            "ok: [web01] => {\"changed\": false, \"cmd\": [\"mysql\", \"-uroot\", \"-p<secret>\", \"-e\", \"select 1\"]}"));
  }

  static Stream<String> unchanged() {
    return Stream.of(
        "$s = $plain | ConvertTo-SecureString -AsPlainText -Force",
        "net use Z: \\\\fs01\\share *",
        "schtasks /create /tn Backup /ru SYSTEM /rp *".replace("SYSTEM", "root"),
        "bash -c 'echo hi'",
        "tar -x -f a.tar -s foo",
        "grep -c foo bar.log",
        "wpa_supplicant -c /etc/wpa.conf");
  }
}
