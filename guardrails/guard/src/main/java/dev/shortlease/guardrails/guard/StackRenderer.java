package dev.shortlease.guardrails.guard;

import java.util.Arrays;
import java.util.List;

/**
 * Renders an acquiring stack for a failure message: the plumbing frames (datasource-proxy, JDK
 * proxies, reflection, the kit) cut off, the next frames shown, and, when a framework's stack
 * pushes the application's own code past the cut, the first application frames below it.
 */
final class StackRenderer {
  private static final int FRAMES_SHOWN = 15;
  private static final int EXTRA_APPLICATION_FRAMES = 5;
  private static final List<String> PLUMBING_PREFIXES =
      List.of(
          "net.ttddyy.dsproxy.",
          "jdk.proxy",
          "com.sun.proxy.",
          "java.lang.reflect.",
          "jdk.internal.reflect.");
  // The kit's own classes by exact name: its tests live in the same packages. The tracker's parts
  // are listed with it: a checkout's stack starts in the lease book, a description's in its class.
  private static final List<String> KIT_CLASSES =
      List.of(
          ConnectionTracker.class.getName(),
          LeaseBook.class.getName(),
          LeaseDescriptions.class.getName(),
          LeaseFanOut.class.getName(),
          StackRecording.class.getName(),
          GuardCounters.class.getName(),
          TrackedDataSource.class.getName(),
          UnitsOfWork.class.getName(),
          Proxies.class.getName(),
          LongCallGuard.class.getName(),
          LeakCheck.class.getName(),
          "dev.shortlease.guardrails.guice.DecoratingProvider");

  private final List<String> applicationPackages;

  StackRenderer(List<String> applicationPackages) {
    this.applicationPackages = List.copyOf(applicationPackages);
  }

  String render(StackTraceElement[] frames) {
    StringBuilder out = new StringBuilder();
    int first = firstOutsidePlumbing(frames);
    int end = Math.min(frames.length, first + FRAMES_SHOWN);
    for (int i = first; i < end; i++) {
      out.append("    at ").append(frames[i]).append('\n');
    }
    int extra = 0;
    for (int i = end; i < frames.length && extra < EXTRA_APPLICATION_FRAMES; i++) {
      if (isApplication(frames[i])) {
        out.append(extra == 0 ? "    ...\n" : "").append("    at ").append(frames[i]).append('\n');
        extra++;
      }
    }
    return out.toString();
  }

  /**
   * As {@link #render}, for the describing thread's own stack: the JDK frames the kit's description
   * runs in (streams, collectors) are cut with the kit's.
   */
  String renderOwn(StackTraceElement[] frames) {
    int first = 0;
    while (first < frames.length
        && (isPlumbing(frames[first]) || frames[first].getClassName().startsWith("java."))) {
      first++;
    }
    return render(Arrays.copyOfRange(frames, first, frames.length));
  }

  /** The caller: the first application frame if packages are known, else the first non-plumbing. */
  String caller(StackTraceElement[] frames) {
    int first = firstOutsidePlumbing(frames);
    for (int i = first; i < frames.length; i++) {
      if (isApplication(frames[i])) {
        return frames[i].toString();
      }
    }
    return first < frames.length ? frames[first].toString() : "unknown";
  }

  private static int firstOutsidePlumbing(StackTraceElement[] frames) {
    int first = 0;
    while (first < frames.length && isPlumbing(frames[first])) {
      first++;
    }
    return first;
  }

  private boolean isApplication(StackTraceElement frame) {
    if (isPlumbing(frame)) {
      return false; // the kit's own frames, even when its package is under the application's
    }
    for (String prefix : applicationPackages) {
      if (frame.getClassName().startsWith(prefix)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isPlumbing(StackTraceElement frame) {
    String cls = frame.getClassName();
    for (String prefix : PLUMBING_PREFIXES) {
      if (cls.startsWith(prefix)) {
        return true;
      }
    }
    for (String kit : KIT_CLASSES) {
      if (cls.equals(kit) || cls.startsWith(kit + "$")) {
        return true;
      }
    }
    return false;
  }
}
