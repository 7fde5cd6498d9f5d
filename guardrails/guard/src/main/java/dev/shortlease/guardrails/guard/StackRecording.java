package dev.shortlease.guardrails.guard;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether a tracker's checkouts record their acquiring stacks now, and the one switch that turns it
 * on for good: the first description of a lease taken without a stack (ADR 0057).
 */
final class StackRecording {
  // The tracker's logger: operators filter the INFO line by it.
  private static final Logger LOG = LoggerFactory.getLogger(ConnectionTracker.class);

  private final String tracker;
  // Read on every checkout; set once, by the first description of a lease taken without a stack.
  private volatile boolean on;

  StackRecording(String tracker, AcquiringStacks acquiringStacks) {
    this.tracker = tracker;
    this.on = acquiringStacks == AcquiringStacks.EVERY_CHECKOUT;
  }

  boolean on() {
    return on;
  }

  /** Turns recording on, saying so once; a lease taken without a stack is being described. */
  synchronized void turnOnAfterReport() {
    if (!on) {
      on = true;
      LOG.info(
          "tracker {} reports a connection taken without its acquiring stack; every checkout"
              + " records its stack from now on",
          tracker);
    }
  }
}
