package dev.shortlease.application.ops;

import dev.shortlease.application.chat.RunRegistry;
import dev.shortlease.application.port.in.AdmitChatUseCase;
import dev.shortlease.application.port.in.ShutdownUseCase;
import dev.shortlease.domain.port.InstanceLeasePort;
import jakarta.inject.Inject;
import java.time.Duration;

/**
 * Use case (operations): graceful shutdown. Stops every run (each saves its text so far as {@code
 * stopped} in its own T4) and waits for them; the composition root calls this before it closes the
 * pool, so those last writes still find a connection. Saves that cannot reach the database in the
 * time left are cut short into the spool, and the instance's lease is ended last. Draining closes
 * the admission line (stopping the runs does too, for a shutdown without a drain), so chats still
 * waiting in it are refused at once, before they authenticate.
 */
public final class ShutdownService implements ShutdownUseCase {
  private static final System.Logger LOG = System.getLogger(ShutdownService.class.getName());

  private final RunRegistry registry;
  private final AdmitChatUseCase admission;
  private final InstanceLeasePort lease;

  @Inject
  public ShutdownService(
      RunRegistry registry, AdmitChatUseCase admission, InstanceLeasePort lease) {
    this.registry = registry;
    this.admission = admission;
    this.lease = lease;
  }

  @Override
  public int runningCount() {
    return registry.unendedCount();
  }

  @Override
  public long endedCount() {
    return registry.endedCount();
  }

  @Override
  public void beginDraining() {
    admission.close(); // a waiting chat started nothing: refused now, it can go elsewhere
  }

  @Override
  public int stopAll() {
    admission.close(); // a chat still waiting in the line is refused now, not after its key's read
    return registry.stopAll();
  }

  @Override
  public boolean awaitAllEnded(Duration timeout) throws InterruptedException {
    return registry.awaitAllEnded(timeout);
  }

  @Override
  public void abandonSaveRetries() {
    registry.abandonSaveRetries();
  }

  @Override
  public boolean leave() {
    try {
      lease.release();
      return true;
    } catch (RuntimeException e) {
      LOG.log(
          System.Logger.Level.WARNING,
          "shutdown: the instance lease was not ended ("
              + e.getMessage()
              + "); it runs out by itself");
      return false;
    }
  }
}
