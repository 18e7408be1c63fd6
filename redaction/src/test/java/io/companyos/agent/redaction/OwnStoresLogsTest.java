package io.companyos.agent.redaction;

import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/**
 * Users and passwords in the logs of CompanyOS's own stores that a session-21 probe found left whole: Neo4j's query
 * log (the user between the database and the query), PostgreSQL's CSV log (the user field), and Redis's
 * {@code MONITOR} output ({@code "CONFIG" "SET" "requirepass" "pw"}, {@code MIGRATE}'s {@code AUTH2}, {@code KEYS}
 * after {@code MIGRATE}'s {@code AUTH} is no password); with the built-in accounts and look-alikes that stay.
 */
class OwnStoresLogsTest extends RedactedAndKeptCases {
  static Stream<Arguments> redacted() {
    String bolt = "2026-11-27 10:00:00.123+0000 INFO  id:42 - 3 ms: (planning: 1, waiting: 0) - 312 B - bolt-session\tbolt\t"
        + "neo4j-java/5.0\t\tclient/10.1.2.3:50000\tserver/10.1.2.4:7687>\t";
    String boltOut = "2026-11-27 10:00:00.123+0000 INFO  id:42 - 3 ms: (planning: 1, waiting: 0) - 312 B - bolt-session\tbolt\t"
        + "neo4j-java/5.0\t\tclient/<ipv4>:50000\tserver/<ipv4>:7687>\t";
    String monitor = "1700000000.123456 [0 10.1.2.3:50000] ";
    String monitorOut = "1700000000.123456 [0 <ipv4>:50000] ";
    return Stream.of(
        Arguments.of(bolt + "neo4j - alice - MATCH (n) RETURN count(n) - {} - runtime=pipelined - {}",
            boltOut + "neo4j - <user> - MATCH (n) RETURN count(n) - {} - runtime=pipelined - {}"),
        Arguments.of("2026-11-27 10:00:00.123+0000 INFO  id:44 - 2 ms: embedded-session\t\tsales.eu - alice - RETURN 1 - {} - {}",
            "2026-11-27 10:00:00.123+0000 INFO  id:44 - 2 ms: embedded-session\t\tsales.eu - <user> - RETURN 1 - {} - {}"),
        Arguments.of("2026-11-27 10:00:00.123 UTC,\"alice\",\"billing\",1234,\"10.1.2.3:50000\",6564a0b0.4d2,1,\"SELECT\",,3/4,0,LOG,00000,\"statement: SELECT 1\",,,,,,,,,\"psql\",\"client backend\",,0",
            "2026-11-27 10:00:00.123 UTC,\"<user>\",\"billing\",1234,\"<ipv4>:50000\",6564a0b0.4d2,1,\"SELECT\",,3/4,0,LOG,00000,\"statement: SELECT 1\",,,,,,,,,\"psql\",\"client backend\",,0"),
        Arguments.of(monitor + "\"CONFIG\" \"SET\" \"requirepass\" \"Hunter2pass\"", monitorOut + "\"CONFIG\" \"SET\" \"requirepass\" \"<secret>\""),
        Arguments.of(monitor + "\"CONFIG\" \"SET\" \"masterauth\" \"Hunter2pass\"", monitorOut + "\"CONFIG\" \"SET\" \"masterauth\" \"<secret>\""),
        Arguments.of(monitor + "\"MIGRATE\" \"10.1.2.5\" \"6379\" \"\" \"0\" \"5000\" \"AUTH\" \"Hunter2pass\" \"KEYS\" \"a\"",
            monitorOut + "\"MIGRATE\" \"<ipv4>\" \"6379\" \"\" \"0\" \"5000\" \"AUTH\" \"<secret>\" \"KEYS\" \"a\""),
        Arguments.of(monitor + "\"MIGRATE\" \"10.1.2.5\" \"6379\" \"\" \"0\" \"5000\" \"AUTH2\" \"alice\" \"Hunter2pass\" \"KEYS\" \"a\"",
            monitorOut + "\"MIGRATE\" \"<ipv4>\" \"6379\" \"\" \"0\" \"5000\" \"AUTH2\" \"<user>\" \"<secret>\" \"KEYS\" \"a\""),
        Arguments.of(monitor + "\"HELLO\" \"3\" \"AUTH\" \"alice\" \"Hunter2pass\" \"SETNAME\" \"app\"",
            monitorOut + "\"HELLO\" \"3\" \"AUTH\" \"<user>\" \"<secret>\" \"SETNAME\" \"app\""));
  }

  static Stream<String> unchanged() {
    return Stream.of(
        "2026-11-27 10:00:00.123+0000 INFO  id:44 - 2 ms: embedded-session\t\tneo4j - neo4j - RETURN 1 - {} - {}",
        "2026-11-27 10:00:00.123+0000 INFO  id:44 - 2 ms: embedded-session\t\tneo4j -  - RETURN 1 - {} - {}",
        "a>\tfoo - bar baz",
        "2026-11-27 10:00:00.123 UTC,\"postgres\",\"postgres\",1234,,6564a0b0.4d2,1,,,3/4,0,LOG,00000,\"checkpoint starting: time\",,,,,,,,,\"\",\"checkpointer\",,0",
        "10:00 UTC,\"a note\",\"x\" and more",
        "requirepass\" is deprecated");
  }
}
