package io.companyos.agent.daemon;

import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The port an agent started as a child process ({@code run}, server port 0) says it listens on in its stderr log. */
final class ChildAgentPort {
  /**
   * Up to the comma after the port: the file is read while the child writes it, and a line read before its write
   * ended (e.g. "...:41" of ":41873, state directory") would otherwise give a wrong port.
   */
  private static final Pattern LISTENING = Pattern.compile("listening on 127\\.0\\.0\\.1:(\\d+),");

  private ChildAgentPort() {}

  static int of(Path stderr, Duration atMost) {
    int[] port = new int[1];
    await().atMost(atMost).until(() -> {
      // ISO-8859-1 decodes any bytes: a UTF-8 character cut at the end of what is written so far does not throw
      Matcher m = LISTENING.matcher(new String(Files.readAllBytes(stderr), StandardCharsets.ISO_8859_1));
      if (m.find()) {
        port[0] = Integer.parseInt(m.group(1));
        return true;
      }
      return false;
    });
    return port[0];
  }
}
