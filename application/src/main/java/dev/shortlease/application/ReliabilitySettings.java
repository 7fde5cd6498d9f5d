package dev.shortlease.application;

import java.time.Duration;
import java.util.Objects;

/**
 * How the service keeps answers through database outages, crashes and bursts (rule R5).
 *
 * @param finalSaveRetry how long a run's final save (T4) is retried while the database is out of
 *     reach before the answer goes to the spool (default 120 s)
 * @param instanceLease how long this instance counts as alive after its last heartbeat; another
 *     instance ends the running messages of one whose lease ran out (default 15 s, renewed every
 *     third of it)
 * @param admissionPermits chat starts (authentication, T1–T3, the run's start) in progress at once;
 *     the rest wait in line (default: {@value #ADMISSION_PERMITS_PER_CONNECTION} × pool size). The
 *     pool's share is bounded elsewhere: the database workers run at most pool size − reserved
 *     ordinary units, so finishing saves always find a connection
 * @param admissionQueue chat starts that may wait for a permit; beyond it, 503 with {@code
 *     Retry-After} (default 2000)
 * @param admissionWait longest wait for a permit before 503 (default 60 s)
 */
public record ReliabilitySettings(
    Duration finalSaveRetry,
    Duration instanceLease,
    int admissionPermits,
    int admissionQueue,
    Duration admissionWait) {

  public static final Duration DEFAULT_FINAL_SAVE_RETRY = Duration.ofSeconds(120);
  public static final Duration DEFAULT_INSTANCE_LEASE = Duration.ofSeconds(15);
  public static final int DEFAULT_ADMISSION_QUEUE = 2_000;

  /**
   * A start holds its permit for more than its T2: authentication, parsing, the hand-off back from
   * the database worker and the run's start — about four times T2 under load on two cores — so four
   * starts per connection keep the workers' ordinary share busy (ADR 0043).
   */
  public static final int ADMISSION_PERMITS_PER_CONNECTION = 4;

  public static final Duration DEFAULT_ADMISSION_WAIT = Duration.ofSeconds(60);

  public ReliabilitySettings {
    requirePositive(finalSaveRetry, "finalSaveRetry");
    requirePositive(instanceLease, "instanceLease");
    requirePositive(admissionWait, "admissionWait");
    if (admissionPermits < 1) {
      throw new IllegalArgumentException("admissionPermits must be at least 1");
    }
    if (admissionQueue < 0) {
      throw new IllegalArgumentException("admissionQueue must not be negative");
    }
  }

  /** Defaults for a pool of {@code poolSize} connections. */
  public static ReliabilitySettings forPool(int poolSize) {
    return new ReliabilitySettings(
        DEFAULT_FINAL_SAVE_RETRY,
        DEFAULT_INSTANCE_LEASE,
        Math.max(1, ADMISSION_PERMITS_PER_CONNECTION * poolSize),
        DEFAULT_ADMISSION_QUEUE,
        DEFAULT_ADMISSION_WAIT);
  }

  public ReliabilitySettings withFinalSaveRetry(Duration retry) {
    return new ReliabilitySettings(
        retry, instanceLease, admissionPermits, admissionQueue, admissionWait);
  }

  public ReliabilitySettings withInstanceLease(Duration lease) {
    return new ReliabilitySettings(
        finalSaveRetry, lease, admissionPermits, admissionQueue, admissionWait);
  }

  public ReliabilitySettings withAdmission(int permits, int queue, Duration wait) {
    return new ReliabilitySettings(finalSaveRetry, instanceLease, permits, queue, wait);
  }

  /** How often the lease is renewed and dead instances are looked for. */
  public Duration heartbeatInterval() {
    return instanceLease.dividedBy(3);
  }

  private static void requirePositive(Duration value, String name) {
    Objects.requireNonNull(value, name);
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(name + " must be positive");
    }
  }
}
