package dev.shortlease.bootstrap;

import java.time.Duration;

/**
 * How a graceful shutdown spends its time ({@code SHUTDOWN_GRACE_SECONDS}, default 8 s, inside
 * {@code docker stop}'s 10 s and Kubernetes' 30 s): running streams may finish on their own while
 * draining; then every run still going is stopped, and the reserve is kept for their final saves
 * (the last part of it for saves that meet a database outage to go to the spool instead) and for
 * each stream to write its last event. The reserve comes first: with a short grace, draining
 * shrinks, never the saves.
 *
 * @param drain running streams may still finish on their own
 * @param saves stopped runs write their text so far (T4)
 * @param spool saves still retrying give up and write the spool
 * @param flush each stream writes its terminal event
 */
record ShutdownPlan(Duration drain, Duration saves, Duration spool, Duration flush) {
  static final Duration RESERVE = Duration.ofSeconds(5);

  static ShutdownPlan of(Duration grace) {
    Duration reserve = grace.compareTo(RESERVE) < 0 ? grace : RESERVE;
    Duration flush = reserve.dividedBy(5); // 1 s of 5
    Duration spool = reserve.dividedBy(5);
    return new ShutdownPlan(grace.minus(reserve), reserve.minus(flush).minus(spool), spool, flush);
  }

  Duration total() {
    return drain.plus(saves).plus(spool).plus(flush);
  }
}
