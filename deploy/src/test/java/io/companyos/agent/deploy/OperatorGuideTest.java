package io.companyos.agent.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** docs/operator-guide.md names files that exist, and every overlay and component it ships. */
class OperatorGuideTest {
  private static final Pattern REPO_PATH =
      Pattern.compile("(?<![\\w/.-])((?:deploy|docs|examples)/[\\w./{},-]*[\\w/}])");

  private static String guide() throws Exception {
    return Files.readString(Repository.resolve("docs/operator-guide.md"));
  }

  /** Every repository path in the guide, braces expanded: {@code overlays/{a,b}/} gives two paths. */
  private static List<String> paths(String text) {
    List<String> out = new ArrayList<>();
    Matcher m = REPO_PATH.matcher(text);
    while (m.find()) {
      String p = m.group(1);
      int open = p.indexOf('{');
      if (open < 0) {
        out.add(p);
        continue;
      }
      int close = p.indexOf('}', open);
      for (String choice : p.substring(open + 1, close).split(",")) {
        out.add(p.substring(0, open) + choice + p.substring(close + 1));
      }
    }
    return out;
  }

  @Test
  void everyRepositoryPathItNamesExists() throws Exception {
    List<String> paths = paths(guide());

    assertThat(paths).contains("deploy/kubernetes/overlays/airgapped/", "deploy/kubernetes/export-bundle.sh");
    for (String p : paths) {
      assertThat(Repository.resolve(p)).as("the guide names %s", p).exists();
    }
  }

  @Test
  void itCoversEveryOverlayAndComponent() throws Exception {
    String guide = guide();
    for (String dir : new String[] {"overlays", "components"}) {
      try (var entries = Files.list(Repository.resolve("deploy/kubernetes").resolve(dir))) {
        for (Path entry : (Iterable<Path>) entries::iterator) {
          assertThat(guide).as("the guide mentions %s/%s", dir, entry.getFileName())
              .contains(entry.getFileName().toString());
        }
      }
    }
  }
}
