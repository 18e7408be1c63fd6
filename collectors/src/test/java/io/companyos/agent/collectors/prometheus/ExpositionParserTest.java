package io.companyos.agent.collectors.prometheus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Cases from the text format 0.0.4 and OpenMetrics 1.0 specifications. */
class ExpositionParserTest {

  private final ExpositionParser parser = new ExpositionParser();

  @Test
  void parsesTheTextFormatWithEscapesSpecialValuesAndTimestamps() throws Exception {
    List<MetricFamily> families = parser.parse("""
        # HELP http_requests_total The total number of HTTP requests.\\nSecond line \\\\ done.
        # TYPE http_requests_total counter
        http_requests_total{method="post",code="200"} 1027 1395066363000
        http_requests_total{method="post",code="400"}    3 1395066363000

        # A free comment line
        msdos_file_access_time_seconds{path="C:\\\\DIR\\\\FILE.TXT",error="Cannot find file:\\n\\"FILE.TXT\\""} 1.458255915e9
        metric_without_timestamp_and_labels 12.47
        something_weird{problem="division by zero"} +Inf -3982045
        trailing_comma{a="1",} NaN
        """, ExpositionFormat.PROMETHEUS_TEXT);

    assertThat(families).extracting(MetricFamily::name).containsExactly(
        "http_requests_total", "msdos_file_access_time_seconds",
        "metric_without_timestamp_and_labels", "something_weird", "trailing_comma");
    MetricFamily requests = families.get(0);
    assertThat(requests.type()).isEqualTo(MetricType.COUNTER);
    assertThat(requests.help()).isEqualTo("The total number of HTTP requests.\nSecond line \\ done.");
    assertThat(requests.samples()).containsExactly(
        new Sample("http_requests_total", Map.of("method", "post", "code", "200"), 1027, 1395066363000L),
        new Sample("http_requests_total", Map.of("method", "post", "code", "400"), 3, 1395066363000L));
    assertThat(requests.samples().get(0).labels().keySet()).containsExactly("method", "code");
    Sample msdos = families.get(1).samples().get(0);
    assertThat(msdos.labels()).containsExactly(
        Map.entry("path", "C:\\DIR\\FILE.TXT"), Map.entry("error", "Cannot find file:\n\"FILE.TXT\""));
    assertThat(msdos.value()).isEqualTo(1.458255915e9);
    assertThat(families.get(1).type()).isEqualTo(MetricType.UNKNOWN);
    assertThat(families.get(3).samples().get(0).value()).isEqualTo(Double.POSITIVE_INFINITY);
    assertThat(families.get(3).samples().get(0).timestampMs()).isEqualTo(-3982045L);
    assertThat(families.get(4).samples().get(0).value()).isNaN();
  }

  @Test
  void groupsHistogramAndSummarySamplesIntoTheirFamilies() throws Exception {
    List<MetricFamily> families = parser.parse("""
        # HELP http_request_duration_seconds A histogram of the request duration.
        # TYPE http_request_duration_seconds histogram
        http_request_duration_seconds_bucket{le="0.05"} 24054
        http_request_duration_seconds_bucket{le="0.1"} 33444
        http_request_duration_seconds_bucket{le="+Inf"} 144320
        http_request_duration_seconds_sum 53423
        http_request_duration_seconds_count 144320
        # TYPE rpc_duration_seconds summary
        rpc_duration_seconds{quantile="0.5"} 4773
        rpc_duration_seconds{quantile="0.99"} 76656
        rpc_duration_seconds_sum 1.7560473e+07
        rpc_duration_seconds_count 2693
        """, ExpositionFormat.PROMETHEUS_TEXT);

    assertThat(families).hasSize(2);
    assertThat(families.get(0).type()).isEqualTo(MetricType.HISTOGRAM);
    assertThat(families.get(0).samples()).extracting(Sample::name).containsExactly(
        "http_request_duration_seconds_bucket", "http_request_duration_seconds_bucket",
        "http_request_duration_seconds_bucket", "http_request_duration_seconds_sum",
        "http_request_duration_seconds_count");
    assertThat(families.get(1).type()).isEqualTo(MetricType.SUMMARY);
    assertThat(families.get(1).samples()).hasSize(4);
    assertThat(families.get(1).samples().get(2).value()).isEqualTo(1.7560473e7);
  }

  @Test
  void parsesOpenMetricsWithUnitsCreatedExemplarsAndSecondTimestamps() throws Exception {
    List<MetricFamily> families = parser.parse("""
        # TYPE acme_http_router_request_seconds summary
        # UNIT acme_http_router_request_seconds seconds
        # HELP acme_http_router_request_seconds Latency though all of ACME's HTTP request router.
        acme_http_router_request_seconds_sum{path="/api/v1",method="GET"} 9036.32
        acme_http_router_request_seconds_count{path="/api/v1",method="GET"} 807283.0
        acme_http_router_request_seconds_created{path="/api/v1",method="GET"} 1605281325.0
        # TYPE foo counter
        foo_total{a="b"} 17.0 1520879607.789 # {trace_id="KOO5S4vxi0o"} 0.67
        foo_created{a="b"} 1520430000.123
        # TYPE build info
        build_info{version="1.2.3"} 1
        # TYPE door stateset
        door{door="open"} 1
        door{door="closed"} 0
        # EOF
        """, ExpositionFormat.OPENMETRICS);

    assertThat(families).extracting(MetricFamily::name)
        .containsExactly("acme_http_router_request_seconds", "foo", "build", "door");
    assertThat(families.get(0).unit()).isEqualTo("seconds");
    assertThat(families.get(0).samples()).hasSize(3);
    Sample foo = families.get(1).samples().get(0);
    assertThat(foo).isEqualTo(new Sample("foo_total", Map.of("a", "b"), 17.0, 1520879607789L));
    assertThat(families.get(1).samples().get(1).name()).isEqualTo("foo_created");
    assertThat(families.get(2).type()).isEqualTo(MetricType.INFO);
    assertThat(families.get(3).samples()).hasSize(2);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      invalid escape       | a{x="\\q"} 1                                   | line 1: invalid escape \\q in label value
      unterminated value   | a{x="1} 1                                      | line 1: unterminated label value
      missing value        | a{x="1"}                                       | line 1: expected a blank before the value
      java-only number     | a 1d                                           | line 1: invalid value
      hex number           | a 0x10                                         | line 1: invalid value
      duplicate label      | a{x="1",x="2"} 1                               | line 1: duplicate label x
      bad label name       | a{1x="1"} 1                                    | line 1: expected a label name
      missing comma        | a{x="1" y="2"} 1                               | line 1: expected ',' or '}' in label set
      float timestamp      | a 1 1.5                                        | line 1: invalid timestamp (expected integer milliseconds)
      text after sample    | a 1 2 3                                        | line 1: unexpected text after the sample
      unknown type         | # TYPE a histo\\na 1                           | line 1: unknown metric type for a
      second type          | # TYPE a gauge\\n# TYPE a gauge\\na 1          | line 2: second TYPE line for a
      type after samples   | a 1\\n# TYPE a gauge                           | line 2: TYPE line for a after its samples
      second help          | # HELP a x\\n# HELP a y                        | line 2: second HELP line for a
      bucket without le    | # TYPE h histogram\\nh_bucket 1                | line 2: histogram bucket without an le label
      quantile missing     | # TYPE s summary\\ns 1                         | line 2: summary quantile without a quantile label
      no metric name       | {x="1"} 1                                      | line 1: expected a metric name
      """)
  void malformedTextNamesTheLine(String what, String text, String message) {
    assertThatThrownBy(() -> parser.parse(text.replace("\\n", "\n"), ExpositionFormat.PROMETHEUS_TEXT))
        .isInstanceOf(ExpositionParseException.class)
        .hasMessage(message);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      missing eof          | a 1                                            | line 2: missing # EOF at the end
      content after eof    | a 1\\n# EOF\\nb 2                              | line 3: content after # EOF
      blank line           | a 1\\n\\n# EOF                                  | line 2: empty line
      free comment         | # hello\\n# EOF                                | line 1: unknown # line (expected HELP, TYPE, UNIT or EOF)
      double space         | a  1\\n# EOF                                    | line 1: expected a single space before the value
      blank in labels      | a{x= "1"} 1\\n# EOF                            | line 1: unexpected blank in label set
      Inf without sign     | a Inf\\n# EOF                                  | line 1: invalid value
      interleaved family   | # TYPE a gauge\\na 1\\nb 1\\na 2\\n# EOF          | line 4: samples of a are not next to each other
      upper-case type      | # TYPE a GAUGE\\n# EOF                         | line 1: unknown metric type for a
      """)
  void malformedOpenMetricsNamesTheLine(String what, String text, String message) {
    assertThatThrownBy(() -> parser.parse(text.replace("\\n", "\n"), ExpositionFormat.OPENMETRICS))
        .isInstanceOf(ExpositionParseException.class)
        .hasMessage(message);
  }

  @Test
  void linesEndAtLineFeedOnlySoACarriageReturnInsideALabelValueIsKept() throws Exception {
    // CI found this: BufferedReader.readLine() ended the line at the bare \r inside the quotes.
    List<MetricFamily> families = parser.parse(
        "# TYPE probe_value gauge\r\nprobe_value{v=\"a\rb\u2028c\u0085\"} 1.5\r\nup 1\n",
        ExpositionFormat.PROMETHEUS_TEXT);

    assertThat(families).extracting(MetricFamily::name).containsExactly("probe_value", "up");
    Sample sample = families.get(0).samples().get(0);
    assertThat(sample.labels()).containsEntry("v", "a\rb\u2028c\u0085");
    assertThat(sample.value()).isEqualTo(1.5);
    assertThat(families.get(0).type()).isEqualTo(MetricType.GAUGE);
  }

  @Test
  void aLineOverTheLimitIsRefusedWithoutHoldingAllOfIt() {
    String huge = "big " + "9".repeat(200_000) + "\n";
    assertThatThrownBy(() -> parser.parse(huge, ExpositionFormat.PROMETHEUS_TEXT))
        .hasMessage("line 1: line longer than 64 KiB");
  }

  @Test
  void errorsNeverQuoteTheLine() {
    assertThatThrownBy(() -> parser.parse("users{email=\"jane@example.com\" 1\n", ExpositionFormat.PROMETHEUS_TEXT))
        .hasMessage("line 1: expected ',' or '}' in label set")
        .message().doesNotContain("jane");
  }

  @Test
  void contentTypeSelectsTheFormat() {
    assertThat(ExpositionFormat.ofContentType("application/openmetrics-text; version=1.0.0; charset=utf-8"))
        .isEqualTo(ExpositionFormat.OPENMETRICS);
    assertThat(ExpositionFormat.ofContentType("text/plain; version=0.0.4")).isEqualTo(ExpositionFormat.PROMETHEUS_TEXT);
    assertThat(ExpositionFormat.ofContentType(null)).isEqualTo(ExpositionFormat.PROMETHEUS_TEXT);
  }
}
