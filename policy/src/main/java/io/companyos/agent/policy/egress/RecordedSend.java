package io.companyos.agent.policy.egress;

import io.companyos.agent.policy.DenialReason;
import io.companyos.agent.policy.PayloadKind;
import io.companyos.agent.policy.ledger.LedgerEntry;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * A payload that passed the guard's checks and whose {@code send} entry is in the egress ledger (written and forced to
 * disk), but which has not left yet: {@link #send()} hands it to the transport, {@link #abandon(String)} records that
 * it never left. Splitting the two lets a sender record the next payload while the one before it awaits its answer
 * (the ledger's send entry is a record of intent; the payload leaves only after it is durable), and still keep a
 * strict order of what leaves. Exactly one of the two takes effect; the later calls do nothing. A payload the guard
 * denied holds its denial ({@link #send()} returns it, nothing is recorded).
 */
public final class RecordedSend {
  private final EgressGuard guard;
  private final PayloadKind kind;
  private final java.net.URI destination;
  private final String contentType;
  private final Map<String, String> headers;
  private final byte[] body;
  private final LedgerEntry entry;
  private final EgressResult denial;
  private boolean settled;
  /** Completed with the answer as soon as it is known, before its result entry is written. */
  private final CompletableFuture<EgressResult> answered = new CompletableFuture<>();

  private RecordedSend(EgressGuard guard, PayloadKind kind, java.net.URI destination, String contentType,
      Map<String, String> headers, byte[] body, LedgerEntry entry, EgressResult denial) {
    this.guard = guard;
    this.kind = kind;
    this.destination = destination;
    this.contentType = contentType;
    this.headers = headers;
    this.body = body;
    this.entry = entry;
    this.denial = denial;
  }

  static RecordedSend recorded(EgressGuard guard, PayloadKind kind, java.net.URI destination, String contentType,
      Map<String, String> headers, byte[] body, LedgerEntry entry) {
    return new RecordedSend(guard, kind, destination, contentType, headers, body, Objects.requireNonNull(entry),
        null);
  }

  /** A payload denied before anything was recorded: {@link #send()} returns {@code denial}, nothing leaves. */
  public static RecordedSend denied(EgressResult denial) {
    return new RecordedSend(null, null, null, null, null, null, null, Objects.requireNonNull(denial));
  }

  /** True when a send entry was recorded, i.e. the payload may leave; false when the guard denied it. */
  public boolean isRecorded() {
    return entry != null;
  }

  /**
   * Sends the payload (the first call; later calls, and calls after {@link #abandon}, return a denial and send
   * nothing). The result entry is recorded when the answer arrives, before the returned future completes.
   */
  public CompletableFuture<EgressResult> send() {
    synchronized (this) {
      if (denial != null) {
        answered.complete(denial);
        return CompletableFuture.completedFuture(denial);
      }
      if (settled) {
        return CompletableFuture.completedFuture(EgressResult.denied(DenialReason.TIER));
      }
      settled = true;
    }
    return guard.transmit(kind, destination, contentType, headers, body, entry, answered);
  }

  /**
   * After {@link #send()}: completes with the same result as {@code send()}'s future, but as soon as the answer is
   * known, before its result entry is written to the ledger. A sender that keeps a strict order may let the next
   * payload (already recorded) leave at this point, and must still wait for {@code send()}'s future before it treats
   * this one as done. Never completes for a payload that was not sent.
   */
  public CompletableFuture<EgressResult> answered() {
    return answered;
  }

  /**
   * Records in the ledger that the payload did not leave ({@code failed not sent: <reason>}) unless it was already
   * sent or abandoned. {@code reason} is a short fixed text without payload content.
   */
  public void abandon(String reason) {
    synchronized (this) {
      if (denial != null || settled) {
        return;
      }
      settled = true;
    }
    guard.abandon(entry, reason);
  }
}
