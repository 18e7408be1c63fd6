package io.companyos.agent.deploy;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A Dockerfile read as its instructions: comments dropped, continuation lines joined. Enough for checks, no more. */
record DockerfileInstructions(List<Instruction> instructions) {
  record Instruction(String keyword, String arguments) {}

  private static final Pattern KEY_VALUE = Pattern.compile("([A-Za-z_][A-Za-z0-9_.-]*)=(\"[^\"]*\"|\\S+)");

  DockerfileInstructions {
    instructions = List.copyOf(instructions);
  }

  static DockerfileInstructions read(Path file) throws IOException {
    List<Instruction> out = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      String trimmed = line.strip();
      if (trimmed.startsWith("#") || (trimmed.isEmpty() && current.length() == 0)) {
        continue;
      }
      if (trimmed.endsWith("\\")) {
        current.append(trimmed, 0, trimmed.length() - 1).append(' ');
        continue;
      }
      current.append(trimmed);
      String text = current.toString().strip();
      current.setLength(0);
      if (!text.isEmpty()) {
        int space = text.indexOf(' ');
        out.add(new Instruction(text.substring(0, space).toUpperCase(Locale.ROOT), text.substring(space + 1).strip()));
      }
    }
    return new DockerfileInstructions(out);
  }

  List<String> all(String keyword) {
    return instructions.stream().filter(i -> i.keyword().equals(keyword)).map(Instruction::arguments).toList();
  }

  /** The one instruction of this kind in the last (runtime) stage. */
  String last(String keyword) {
    List<String> found = all(keyword);
    if (found.isEmpty()) {
      throw new AssertionError("no " + keyword + " instruction");
    }
    return found.get(found.size() - 1);
  }

  /** {@code KEY=value} pairs of every instruction of this kind (ENV, LABEL, ARG), quotes removed. */
  Map<String, String> keyValues(String keyword) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String args : all(keyword)) {
      Matcher m = KEY_VALUE.matcher(args);
      while (m.find()) {
        String v = m.group(2);
        out.put(m.group(1), v.startsWith("\"") ? v.substring(1, v.length() - 1) : v);
      }
    }
    return out;
  }

  /** The JSON (exec) form of an instruction's arguments, e.g. ENTRYPOINT or the CMD of a HEALTHCHECK. */
  static List<String> execForm(String json) throws IOException {
    if (!json.startsWith("[")) {
      throw new AssertionError("not the exec (JSON array) form: " + json);
    }
    return new ObjectMapper().readValue(json, new TypeReference<List<String>>() {});
  }
}
