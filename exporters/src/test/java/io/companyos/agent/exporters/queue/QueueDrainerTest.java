package io.companyos.agent.exporters.queue;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QueueDrainerTest {
  @TempDir
  Path dir;

  /** An endpoint double that answers from a script, then accepts, and records what it accepted. */
  static final class ScriptedEndpoint implements BatchSender {
    final Deque<SendOutcome> script = new ArrayDeque<>();
    final List<String> accepted = new ArrayList<>();
    int calls;

    @Override
    public SendOutcome send(QueuedBatch batch) {
      calls++;
      SendOutcome o = script.isEmpty() ? new SendOutcome.Accepted() : script.removeFirst();
      if (o instanceof SendOutcome.Accepted) {
        accepted.add(new String(batch.payload(), StandardCharsets.UTF_8));
      }
      return o;
    }
  }

  /**
   * An endpoint double that decodes ahead ({@link BatchSender#prepare}) and logs every step: "prepare X", "start X",
   * "answer X" (X the payload), answering from a script, then accepting.
   */
  static final class PipelinedEndpoint implements BatchSender {
    final Deque<SendOutcome> script = new ArrayDeque<>();
    final List<String> log = new ArrayList<>();
    Runnable whileInFlight = () -> {};

    @Override
    public SendOutcome send(QueuedBatch batch) {
      return prepare(batch).start().await();
    }

    @Override
    public Prepared prepare(QueuedBatch batch) {
      String name = new String(batch.payload(), StandardCharsets.UTF_8);
      log.add("prepare " + name);
      return () -> {
        log.add("start " + name);
        return () -> {
          whileInFlight.run();
          SendOutcome o = script.isEmpty() ? new SendOutcome.Accepted() : script.removeFirst();
          log.add("answer " + name + (o instanceof SendOutcome.Accepted ? "" : " " + o.getClass().getSimpleName()));
          return o;
        };
      };
    }
  }

  /**
   * An endpoint double that also records ahead ({@link BatchSender.Prepared#record}) and logs "record X", "start X",
   * "abandon X (reason)", "answer X"; it fails the test if a batch starts or is abandoned without being recorded, or
   * is both started and abandoned.
   */
  static final class RecordingEndpoint implements BatchSender {
    final Deque<SendOutcome> script = new ArrayDeque<>();
    final List<String> log = new ArrayList<>();
    Runnable whileInFlight = () -> {};
    /** Whether {@link InFlight#answer} tells the answer before it is recorded ({@link InFlight#await}). */
    boolean answersEarly;
    /** Batches one request carries at most when several are offered ({@link #prepareGroup}); named "a+b+c". */
    int join = 1;

    @Override
    public Group prepareGroup(List<QueuedBatch> batches) {
      int n = Math.min(join, batches.size());
      if (n == 1) {
        return new Group(1, prepare(batches.get(0)));
      }
      String name = String.join("+", batches.subList(0, n).stream()
          .map(b -> new String(b.payload(), StandardCharsets.UTF_8)).toList());
      QueuedBatch first = batches.get(0);
      return new Group(n, prepare(new QueuedBatch(first.seq(), first.enqueuedAt(),
          name.getBytes(StandardCharsets.UTF_8))));
    }

    private static String describe(SendOutcome o) {
      return o instanceof SendOutcome.Accepted ? "" : " " + o.getClass().getSimpleName();
    }

    @Override
    public SendOutcome send(QueuedBatch batch) {
      return prepare(batch).start().await();
    }

    @Override
    public Prepared prepare(QueuedBatch batch) {
      String name = new String(batch.payload(), StandardCharsets.UTF_8);
      String shortName = name.length() > 3 && !name.contains("+") ? name.substring(0, 3) : name;
      return new Prepared() {
        @Override
        public InFlight start() {
          return record().start();
        }

        @Override
        public Recorded record() {
          log.add("record " + shortName);
          return new Recorded() {
            boolean settled;

            @Override
            public InFlight start() {
              assertThat(settled).as("started twice or after abandon: " + shortName).isFalse();
              settled = true;
              log.add("start " + shortName);
              return new InFlight() {
                SendOutcome answered;

                @Override
                public SendOutcome answer() {
                  if (!answersEarly) {
                    return null;
                  }
                  assertThat(answered).as("answered twice: " + shortName).isNull();
                  whileInFlight.run();
                  answered = script.isEmpty() ? new SendOutcome.Accepted() : script.removeFirst();
                  log.add("answer " + shortName + describe(answered));
                  return answered;
                }

                @Override
                public SendOutcome await() {
                  if (answersEarly) {
                    assertThat(answered).as("recorded before it was answered: " + shortName).isNotNull();
                    log.add("recorded " + shortName);
                    return answered;
                  }
                  whileInFlight.run();
                  SendOutcome o = script.isEmpty() ? new SendOutcome.Accepted() : script.removeFirst();
                  log.add("answer " + shortName + describe(o));
                  return o;
                }
              };
            }

            @Override
            public void abandon(String reason) {
              assertThat(settled).as("abandoned after start: " + shortName).isFalse();
              settled = true;
              log.add("abandon " + shortName + " (" + reason + ")");
            }
          };
        }
      };
    }
  }

  private static QueueDrainer drainer(DiskQueue q, BatchSender s) {
    return new QueueDrainer(q, s, Backoff.DEFAULT, () -> 0.5, Duration.ofSeconds(1), 100);
  }

  @Test
  void anOutageDelaysButLosesNothingAndKeepsOrder() throws Exception {
    ScriptedEndpoint endpoint = new ScriptedEndpoint();
    for (int i = 0; i < 5; i++) {
      endpoint.script.add(SendOutcome.forStatus(503, Optional.empty()));
    }
    try (DiskQueue q = DiskQueue.builder(dir).open()) {
      QueueDrainer d = drainer(q, endpoint);
      List<Duration> waits = new ArrayList<>();
      int produced = 0;
      while (endpoint.accepted.size() < 20) {
        if (produced < 20) {
          q.append(("point-" + produced++).getBytes(StandardCharsets.UTF_8));
        }
        QueueDrainer.Pass pass = d.drainOnce();
        if (pass.accepted() == 0) {
          waits.add(pass.nextDelay());
        }
      }
      List<String> expected = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        expected.add("point-" + i);
      }
      assertThat(endpoint.accepted).containsExactlyElementsOf(expected);
      assertThat(d.retryCount()).isEqualTo(5);
      // 1 s doubling, jitter at the midpoint (0.5) gives 3/4 of each ceiling
      assertThat(waits.subList(0, 5)).containsExactly(Duration.ofMillis(750), Duration.ofMillis(1500),
          Duration.ofMillis(3000), Duration.ofMillis(6000), Duration.ofMillis(12000));
    }
  }

  @Test
  void aPermanentRejectionIsDroppedAndCountedNotRetried() throws Exception {
    ScriptedEndpoint endpoint = new ScriptedEndpoint();
    endpoint.script.add(SendOutcome.forStatus(400, Optional.empty()));
    try (DiskQueue q = DiskQueue.builder(dir).open()) {
      q.append("bad".getBytes(StandardCharsets.UTF_8));
      q.append("good".getBytes(StandardCharsets.UTF_8));
      QueueDrainer d = drainer(q, endpoint);
      QueueDrainer.Pass pass = d.drainOnce();
      assertThat(pass.rejected()).isEqualTo(1);
      assertThat(pass.accepted()).isEqualTo(1);
      assertThat(endpoint.accepted).containsExactly("good");
      assertThat(d.rejectedCount()).isEqualTo(1);
      assertThat(d.lastError()).as("cleared by the batch accepted after it").isNull();
      assertThat(endpoint.calls).isEqualTo(2);

      endpoint.script.add(SendOutcome.forStatus(413, Optional.empty()));
      q.append("too big".getBytes(StandardCharsets.UTF_8));
      assertThat(d.drainOnce().rejected()).isEqualTo(1);
      assertThat(d.lastError()).isEqualTo("HTTP 413");
    }
  }

  @Test
  void retryAfterIsHonouredAsALowerBoundAndCapped() throws Exception {
    ScriptedEndpoint endpoint = new ScriptedEndpoint();
    endpoint.script.add(SendOutcome.forStatus(429, Optional.of(Duration.ofSeconds(120))));
    endpoint.script.add(SendOutcome.forStatus(503, Optional.of(Duration.ofDays(3))));
    try (DiskQueue q = DiskQueue.builder(dir).open()) {
      q.append("x".getBytes(StandardCharsets.UTF_8));
      QueueDrainer d = drainer(q, endpoint);
      assertThat(d.drainOnce().nextDelay()).isEqualTo(Duration.ofSeconds(120));
      assertThat(d.drainOnce().nextDelay()).isEqualTo(Duration.ofHours(1));
      assertThat(d.drainOnce().accepted()).isEqualTo(1);
    }
  }

  @Test
  void statusesAreClassifiedAsTheOtlpSpecificationSays() {
    assertThat(SendOutcome.forStatus(200, Optional.empty())).isInstanceOf(SendOutcome.Accepted.class);
    assertThat(SendOutcome.forStatus(204, Optional.empty())).isInstanceOf(SendOutcome.Accepted.class);
    for (int retryable : new int[] {408, 429, 500, 502, 503, 504}) {
      assertThat(SendOutcome.forStatus(retryable, Optional.empty())).isInstanceOf(SendOutcome.RetryLater.class);
    }
    for (int permanent : new int[] {400, 401, 403, 404, 413}) {
      assertThat(SendOutcome.forStatus(permanent, Optional.empty())).isInstanceOf(SendOutcome.Rejected.class);
    }
  }

  @Test
  void backoffIsCappedAndJittered() {
    Backoff b = new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(5), Duration.ofHours(1));
    assertThat(b.delay(1, Optional.empty(), () -> 0.0)).isEqualTo(Duration.ofMillis(500));
    assertThat(b.delay(1, Optional.empty(), () -> 0.999999)).isBetween(Duration.ofMillis(999), Duration.ofSeconds(1));
    assertThat(b.delay(30, Optional.empty(), () -> 0.999999)).isLessThanOrEqualTo(Duration.ofMinutes(5));
    assertThat(b.delay(1000, Optional.empty(), () -> 0.0)).isEqualTo(Duration.ofSeconds(150));
  }

  @Test
  void theNextBatchIsDecodedWhileOneIsInFlightAndStartedOnlyAfterItsAnswer() throws Exception {
    PipelinedEndpoint endpoint = new PipelinedEndpoint();
    endpoint.script.add(new SendOutcome.Accepted());
    endpoint.script.add(SendOutcome.forStatus(503, Optional.empty()));
    try (DiskQueue q = DiskQueue.builder(dir).open()) {
      for (String p : List.of("a", "b", "c", "d")) {
        q.append(p.getBytes(StandardCharsets.UTF_8));
      }
      QueueDrainer d = drainer(q, endpoint);
      QueueDrainer.Pass first = d.drainOnce();
      assertThat(first.accepted()).isEqualTo(1);
      assertThat(first.nextDelay()).isPositive();
      QueueDrainer.Pass second = d.drainOnce();
      assertThat(second.accepted()).isEqualTo(3);
      assertThat(endpoint.log).containsExactly(
          "prepare a", "start a", "prepare b", "answer a",
          "start b", "prepare c", "answer b RetryLater",
          // b again, decoded afresh; c was decoded ahead while b was in flight the first time and is again now
          "prepare b", "start b", "prepare c", "answer b",
          "start c", "prepare d", "answer c",
          "start d", "answer d");
      assertThat(q.peek()).isEmpty();
    }
  }

  @Test
  void aBatchDecodedAheadButDroppedByTheFullQueueIsNeverSent() throws Exception {
    PipelinedEndpoint endpoint = new PipelinedEndpoint();
    try (DiskQueue q = DiskQueue.builder(dir).maxBytes(1024).open()) {
      q.append("a".repeat(400).getBytes(StandardCharsets.UTF_8));
      q.append("b".repeat(400).getBytes(StandardCharsets.UTF_8));
      String big = "c".repeat(1000);
      endpoint.whileInFlight = () -> {
        endpoint.whileInFlight = () -> {};
        try {
          q.append(big.getBytes(StandardCharsets.UTF_8)); // drops a (in flight) and b (decoded ahead)
        } catch (java.io.IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      };
      QueueDrainer d = drainer(q, endpoint);
      d.drainOnce();
      assertThat(endpoint.log.stream().map(l -> l.length() > 12 ? l.substring(0, 12) : l))
          .containsExactly("prepare aaaa", "start aaaaaa", "prepare bbbb", "answer aaaaa",
              "prepare cccc", "start cccccc", "answer ccccc");
      assertThat(q.stats().dropped()).isEqualTo(2);
      assertThat(q.peek()).isEmpty();
    }
  }

  @Test
  void theNextBatchIsRecordedWhileOneIsInFlightAndAbandonedWhenThatOneIsToBeRetried() throws Exception {
    RecordingEndpoint endpoint = new RecordingEndpoint();
    endpoint.script.add(new SendOutcome.Accepted());
    endpoint.script.add(SendOutcome.forStatus(503, Optional.empty()));
    endpoint.script.add(SendOutcome.forStatus(400, Optional.empty()));
    try (DiskQueue q = DiskQueue.builder(dir).open()) {
      for (String p : List.of("a", "b", "c", "d")) {
        q.append(p.getBytes(StandardCharsets.UTF_8));
      }
      QueueDrainer d = drainer(q, endpoint);
      QueueDrainer.Pass first = d.drainOnce();
      assertThat(first.accepted()).isEqualTo(1);
      assertThat(first.nextDelay()).isPositive();
      QueueDrainer.Pass second = d.drainOnce();
      assertThat(second.accepted()).isEqualTo(2);
      assertThat(second.rejected()).isEqualTo(1);
      assertThat(endpoint.log).containsExactly(
          "record a", "start a", "record b", "answer a",
          // b leaves only after a was answered; c, recorded while b was in flight, does not leave before b
          "start b", "record c", "answer b RetryLater", "abandon c (an earlier batch is to be retried)",
          "record b", "start b", "record c", "answer b Rejected",
          // a refusal drops b for good: c, recorded ahead, is next
          "start c", "record d", "answer c",
          "start d", "answer d");
      assertThat(q.peek()).isEmpty();
    }
  }

  @Test
  void aBatchRecordedAheadButDroppedByTheFullQueueIsAbandonedNotSent() throws Exception {
    RecordingEndpoint endpoint = new RecordingEndpoint();
    try (DiskQueue q = DiskQueue.builder(dir).maxBytes(1024).open()) {
      q.append("a".repeat(400).getBytes(StandardCharsets.UTF_8));
      q.append("b".repeat(400).getBytes(StandardCharsets.UTF_8));
      String big = "c".repeat(1000);
      endpoint.whileInFlight = () -> {
        endpoint.whileInFlight = () -> {};
        try {
          q.append(big.getBytes(StandardCharsets.UTF_8)); // drops a (in flight) and b (recorded ahead)
        } catch (java.io.IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      };
      QueueDrainer d = drainer(q, endpoint);
      d.drainOnce();
      assertThat(endpoint.log).containsExactly("record aaa", "start aaa", "record bbb", "answer aaa",
          "abandon bbb (dropped from the queue)", "record ccc", "start ccc", "answer ccc");
      assertThat(q.stats().dropped()).isEqualTo(2);
      assertThat(q.peek()).isEmpty();
    }
  }

  @Test
  void nothingRecordedAheadOutlivesAPass() throws Exception {
    RecordingEndpoint endpoint = new RecordingEndpoint();
    try (DiskQueue q = DiskQueue.builder(dir).open()) {
      for (String p : List.of("a", "b", "c", "d", "e")) {
        q.append(p.getBytes(StandardCharsets.UTF_8));
      }
      QueueDrainer d = new QueueDrainer(q, endpoint, Backoff.DEFAULT, () -> 0.5, Duration.ofSeconds(1), 2);
      assertThat(d.drainOnce().accepted()).isEqualTo(2);
      // the pass ends after b: c was decoded while b was in flight, but not recorded (a daemon stopping now leaves no
      // send entry of a batch that never left)
      assertThat(endpoint.log).containsExactly("record a", "start a", "record b", "answer a", "start b", "answer b");
      endpoint.log.clear();
      assertThat(d.drainOnce().accepted()).isEqualTo(2);
      assertThat(d.drainOnce().accepted()).isEqualTo(1);
      assertThat(endpoint.log).containsExactly("record c", "start c", "record d", "answer c", "start d", "answer d",
          "record e", "start e", "answer e");
    }
  }

  @Test
  void aQueueErrorAbandonsWhatWasRecordedAhead() throws Exception {
    RecordingEndpoint endpoint = new RecordingEndpoint();
    try (DiskQueue q = DiskQueue.builder(dir).open()) {
      for (String p : List.of("a", "b")) {
        q.append(p.getBytes(StandardCharsets.UTF_8));
      }
      endpoint.whileInFlight = () -> {
        endpoint.whileInFlight = () -> {};
        throw new IllegalStateException("simulated failure while a is in flight");
      };
      QueueDrainer d = drainer(q, endpoint);
      QueueDrainer.Pass failed = d.drainOnce();
      assertThat(failed.accepted()).isZero();
      assertThat(failed.nextDelay()).isPositive();
      assertThat(d.drainOnce().accepted()).isEqualTo(2);
      // a, on its way when the error came, is waited for but not acknowledged: it is sent again, then b
      assertThat(endpoint.log).containsExactly("record a", "start a", "record b", "abandon b (queue error)",
          "answer a", "record a", "start a", "record b", "answer a", "start b", "answer b");
    }
  }

  @Test
  void whenTheAnswerIsKnownEarlyTheNextBatchLeavesBeforeItIsRecordedButIsAcknowledgedOnlyAfter() throws Exception {
    RecordingEndpoint endpoint = new RecordingEndpoint();
    endpoint.answersEarly = true;
    endpoint.script.add(new SendOutcome.Accepted());
    endpoint.script.add(SendOutcome.forStatus(400, Optional.empty()));
    endpoint.script.add(SendOutcome.forStatus(503, Optional.empty()));
    try (DiskQueue q = DiskQueue.builder(dir).open()) {
      for (String p : List.of("a", "b", "c", "d")) {
        q.append(p.getBytes(StandardCharsets.UTF_8));
      }
      QueueDrainer d = drainer(q, endpoint);
      QueueDrainer.Pass first = d.drainOnce();
      assertThat(first.accepted()).isEqualTo(1);
      assertThat(first.rejected()).isEqualTo(1);
      assertThat(first.nextDelay()).isPositive();
      assertThat(q.stats().batches()).isEqualTo(2); // c (retry later) and d
      assertThat(d.drainOnce().accepted()).isEqualTo(2);
      assertThat(endpoint.log).containsExactly(
          "record a", "start a", "record b", "answer a",
          // a was accepted: b leaves while a's answer is recorded; a is acknowledged after that
          "start b", "recorded a", "record c", "answer b Rejected",
          // a refusal is final too: c leaves
          "start c", "recorded b", "record d", "answer c RetryLater",
          // c must be sent again first: d is not started, and what was recorded for it says so
          "recorded c", "abandon d (an earlier batch is to be retried)",
          "record c", "start c", "record d", "answer c", "start d", "recorded c", "answer d", "recorded d");
      assertThat(q.peek()).isEmpty();
    }
  }

  @Test
  void aBatchIsAcknowledgedOnlyOnceItsAnswerIsRecordedEvenWhenTheNextOneAlreadyLeft() throws Exception {
    RecordingEndpoint endpoint = new RecordingEndpoint();
    endpoint.answersEarly = true;
    try (DiskQueue q = DiskQueue.builder(dir).open()) {
      for (String p : List.of("a", "b", "c")) {
        q.append(p.getBytes(StandardCharsets.UTF_8));
      }
      List<String> queuedAtEachAnswer = new ArrayList<>();
      endpoint.whileInFlight = () -> {
        try {
          StringBuilder queued = new StringBuilder();
          for (long seq = 0; seq < 5; seq++) {
            if (q.contains(seq)) {
              queued.append(seq);
            }
          }
          queuedAtEachAnswer.add(queued.toString());
        } catch (RuntimeException e) {
          throw e;
        }
      };
      assertThat(drainer(q, endpoint).drainOnce().accepted()).isEqualTo(3);
      long first = Long.parseLong(queuedAtEachAnswer.get(0).substring(0, 1));
      // while b is answered, a (answered and recorded before) is gone; while c is answered, b is gone
      assertThat(queuedAtEachAnswer).containsExactly(
          "" + first + (first + 1) + (first + 2), "" + (first + 1) + (first + 2), "" + (first + 2));
    }
  }

  @Test
  void aBatchRecordedAheadButDroppedWhileTheOneBeforeItWasAnsweredDoesNotLeave() throws Exception {
    RecordingEndpoint endpoint = new RecordingEndpoint();
    endpoint.answersEarly = true;
    try (DiskQueue q = DiskQueue.builder(dir).maxBytes(1024).open()) {
      q.append("a".repeat(400).getBytes(StandardCharsets.UTF_8));
      q.append("b".repeat(400).getBytes(StandardCharsets.UTF_8));
      String big = "c".repeat(1000);
      endpoint.whileInFlight = () -> {
        endpoint.whileInFlight = () -> {};
        try {
          q.append(big.getBytes(StandardCharsets.UTF_8)); // drops a (in flight) and b (recorded ahead)
        } catch (java.io.IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      };
      drainer(q, endpoint).drainOnce();
      assertThat(endpoint.log).containsExactly("record aaa", "start aaa", "record bbb", "answer aaa", "recorded aaa",
          "abandon bbb (dropped from the queue)", "record ccc", "start ccc", "answer ccc", "recorded ccc");
      assertThat(q.stats().dropped()).isEqualTo(2);
      assertThat(q.peek()).isEmpty();
    }
  }

  @Test
  void queuedBatchesGoTogetherAndARefusedRequestOfSeveralGoesAgainOneByOne() throws Exception {
    RecordingEndpoint endpoint = new RecordingEndpoint();
    endpoint.join = 3;
    endpoint.script.add(SendOutcome.forStatus(400, Optional.empty())); // a+b+c
    endpoint.script.add(new SendOutcome.Accepted()); // a alone
    endpoint.script.add(SendOutcome.forStatus(400, Optional.empty())); // b alone
    try (DiskQueue q = DiskQueue.builder(dir).open()) {
      for (String p : List.of("a", "b", "c", "d", "e")) {
        q.append(p.getBytes(StandardCharsets.UTF_8));
      }
      QueueDrainer d = drainer(q, endpoint);
      QueueDrainer.Pass pass = d.drainOnce();
      assertThat(endpoint.log).containsExactly(
          "record a+b+c", "start a+b+c", "record d+e", "answer a+b+c Rejected",
          // nothing of a request refused whole is dropped yet, and nothing after it leaves first
          "abandon d+e (an earlier request is to be sent again batch by batch)",
          "record a", "start a", "record b", "answer a",
          "start b", "record c", "answer b Rejected",
          // only b, refused on its own, is dropped; after c, batches go together again
          "start c", "record d+e", "answer c",
          "start d+e", "answer d+e");
      assertThat(pass.accepted()).isEqualTo(4);
      assertThat(pass.rejected()).isEqualTo(1);
      assertThat(d.sentCount()).isEqualTo(4);
      assertThat(d.rejectedCount()).isEqualTo(1);
      assertThat(q.peek()).isEmpty();
    }
  }

  @Test
  void aRequestOfSeveralIsAcknowledgedWholeOnlyOnAcceptanceAndRetriedWholeAfterAnOutage() throws Exception {
    RecordingEndpoint endpoint = new RecordingEndpoint();
    endpoint.join = 4;
    endpoint.answersEarly = true;
    endpoint.script.add(SendOutcome.forStatus(503, Optional.empty())); // a+b+c
    try (DiskQueue q = DiskQueue.builder(dir).open()) {
      for (String p : List.of("a", "b", "c")) {
        q.append(p.getBytes(StandardCharsets.UTF_8));
      }
      QueueDrainer d = drainer(q, endpoint);
      QueueDrainer.Pass down = d.drainOnce();
      assertThat(down.accepted()).isZero();
      assertThat(down.nextDelay()).isPositive();
      assertThat(q.stats().batches()).isEqualTo(3);
      // while the retried request is in flight, d arrives: it goes in the next request
      endpoint.whileInFlight = () -> {
        endpoint.whileInFlight = () -> {};
        try {
          q.append("d".getBytes(StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      };
      QueueDrainer.Pass up = d.drainOnce();
      assertThat(up.accepted()).isEqualTo(4);
      assertThat(endpoint.log).containsExactly(
          "record a+b+c", "start a+b+c", "answer a+b+c RetryLater", "recorded a+b+c",
          "record a+b+c", "start a+b+c", "answer a+b+c", "recorded a+b+c",
          "record d", "start d", "answer d", "recorded d");
      assertThat(q.peek()).isEmpty();
    }
  }
}
