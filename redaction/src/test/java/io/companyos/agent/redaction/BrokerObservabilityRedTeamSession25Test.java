package io.companyos.agent.redaction;

import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/**
 * Session 25's red team of message brokers and observability agents: each redacted case came out with the secret or
 * the user in clear before; the unchanged cases are their look-alikes.
 */
class BrokerObservabilityRedTeamSession25Test extends RedactedAndKeptCases {
  private static final String NR = "eu01xx3f8a9c2e1b7d4f6a8c0e2b4d6f8a1cNRAL";

  static Stream<Arguments> redacted() {
    return Stream.of(
        // Fluentd's S3 output; New Relic's license and insert keys; Datadog's application key header
        Arguments.of("  aws_sec_key wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "  aws_sec_key <secret>"),
        Arguments.of("license_key: " + NR, "license_key: <secret>"),
        Arguments.of("    licenseKey " + NR, "    licenseKey <token>"),
        Arguments.of("curl -H \"X-License-Key: " + NR + "\" https://log-api.eu.newrelic.com/log/v1",
            "curl -H \"X-License-Key: <secret>\" https://log-api.eu.newrelic.com/log/v1"),
        Arguments.of("X-Insert-Key: NRII-AbCdEfGhIjKlMnOpQrStUvWxYz012345", "X-Insert-Key: <token>"),
        Arguments.of("curl -H \"DD-APPLICATION-KEY: 9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d3e2f1a0d\" https://api.datadoghq.eu",
            "curl -H \"DD-APPLICATION-KEY: <secret>\" https://api.datadoghq.eu"),
        // the OTel Collector's datadog exporter: api: then key:
        Arguments.of("    datadog:\n      api:\n        key: 3f8a9c2e1b7d4f6a8c0e2b4d6f8a1c45\n        site: datadoghq.eu",
            "    datadog:\n      api:\n        key: <secret>\n        site: datadoghq.eu"),
        // OTel's URL-encoded headers; short bearer tokens after an Authorization header
        Arguments.of("OTEL_EXPORTER_OTLP_HEADERS=Authorization=Bearer%20OtelJavaTok3n123456",
            "OTEL_EXPORTER_OTLP_HEADERS=Authorization=Bearer%20<auth>"),
        Arguments.of("OTEL_EXPORTER_OTLP_HEADERS=Authorization=Basic%20MTIzNDU2OmdsY19leUp2SWpvaU1USXpORFUySW4wPQ%3D%3D",
            "OTEL_EXPORTER_OTLP_HEADERS=Authorization=Basic%20<auth>"),
        Arguments.of("Authorization: Bearer PromHdrTok3n4", "Authorization: Bearer <auth>"),
        Arguments.of("    Header      Authorization Bearer FbHeaderTok3n82", "    Header      Authorization Bearer <auth>"),
        // Confluent's API secret
        Arguments.of("| API Secret | cflt9Kx7Qz3vLp2mR8tY4wB6nD1sF5hJ0gA7cE3uI9oP2lK4mN6bV8xZ1qW3eR5u |",
            "| API Secret | <secret> |"),
        Arguments.of("confluent api-key store ABCDEFGH1234567A cflt9Kx7Qz3vLp2mR8tY4wB6nD1sF5h --resource lkc-abc123",
            "confluent api-key store ABCDEFGH1234567A <secret> --resource lkc-abc123"),
        // InfluxDB 1.x's query credentials
        Arguments.of("curl \"http://influx:8086/query?u=influxuser&p=InfluxQueryPw7&q=SHOW+DATABASES\"",
            "curl \"http://influx:8086/query?u=<user>&p=<secret>&q=SHOW+DATABASES\""),
        // mosquitto's and ksql's passwords
        Arguments.of("mosquitto_pub -h mqtt.example.com -p 8883 -u iotdev -P MqttPubPw77 -t sensors/temp -m 21.5",
            "mosquitto_pub -h mqtt.example.com -p 8883 -u <user> -P <secret> -t sensors/temp -m 21.5"),
        Arguments.of("mosquitto_sub -h broker -u \"gateway\" -P 'GwMqttPw#3' -t '#' -v",
            "mosquitto_sub -h broker -u \"<user>\" -P '<secret>' -t '#' -v"),
        Arguments.of("ksql -u ksqluser -p KsqlCliPw6 http://ksql:8088", "ksql -u <user> -p <secret> http://ksql:8088"),
        Arguments.of("rabbitmqadmin -u alice -p RmqPw1 list queues", "rabbitmqadmin -u <user> -p <secret> list queues"),
        Arguments.of("mosquitto_passwd -b /etc/mosquitto/passwd iotuser Mqtt1otPw!",
            "mosquitto_passwd -b /etc/mosquitto/passwd <user> <secret>"),
        Arguments.of("mosquitto_ctrl dynsec setClientPassword bob MqttCtrlPw81", "mosquitto_ctrl dynsec setClientPassword <user> <secret>"),
        // Redis AUTH at a prompt and at a line's start
        Arguments.of("127.0.0.1:6379> AUTH R3disAuthPw9", "127.0.0.1:6379> AUTH <secret>"),
        Arguments.of("AUTH streamer R3disAuthPw8", "AUTH <user> <secret>"),
        // RabbitMQ's advanced.config
        Arguments.of("[{rabbit, [{default_user, <<\"rmqadmin\">>}, {default_pass, <<\"RmqErlPw1\">>}]}].",
            "[{rabbit, [{default_user, <<\"rmqadmin\">>}, {default_pass, <<\"<secret>\">>}]}]."),
        Arguments.of("  {ssl_options, [{password, \"RmqErlSslPw4\"}]},", "  {ssl_options, [{password, \"<secret>\"}]},"));
  }

  static Stream<String> unchanged() {
    return Stream.of(
        "docker run -p 8080:80 -p 8443:443 nginx",
        "mosquitto_sub -h broker -p 1883 -t '#'",
        "the bearer of this token must be authenticated",
        "Authorization: Bearer",
        "https://example.com/search?q=x&p=2",
        "127.0.0.1:6379> AUTH",
        "AUTH failed: WRONGPASS invalid username-password pair",
        "2026-11-26 12:30:02 SMTP: >>> AUTH LOGIN",
        "C: AUTH CRAM-MD5",
        "license_key: ${NEW_RELIC_LICENSE_KEY}",
        "{password, \"${RABBIT_PW}\"}",
        "      api:\n        site: datadoghq.eu");
  }
}
