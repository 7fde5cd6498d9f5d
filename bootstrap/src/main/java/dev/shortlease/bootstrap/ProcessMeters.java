package dev.shortlease.bootstrap;

import com.sun.management.OperatingSystemMXBean;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.lang.management.ManagementFactory;

/**
 * Composition root: the processor meters of Micrometer's {@code ProcessorMetrics}, under names
 * {@code promtool check metrics} accepts. Micrometer's own exports {@code
 * process_cpu_time_ns_total} (an abbreviated unit) and {@code system_cpu_count} (a gauge with a
 * histogram's suffix); here they are Prometheus' usual {@code process_cpu_seconds_total} and {@code
 * system_cpus}. Registered directly rather than filtered: a filter added after the pool's meters
 * exist is a Micrometer warning on every start.
 */
final class ProcessMeters {
  private ProcessMeters() {}

  static void bindTo(MeterRegistry registry) {
    Gauge.builder("system.cpus", Runtime.getRuntime(), Runtime::availableProcessors)
        .description("Processors available to the JVM")
        .register(registry);
    if (!(ManagementFactory.getOperatingSystemMXBean() instanceof OperatingSystemMXBean os)) {
      return; // not HotSpot's: no CPU readings
    }
    Gauge.builder("system.load.average.1m", os, OperatingSystemMXBean::getSystemLoadAverage)
        .description("Runnable tasks averaged over the last minute (the host's load average)")
        .register(registry);
    Gauge.builder("system.cpu.usage", os, OperatingSystemMXBean::getCpuLoad)
        .description("Recent CPU usage of the whole host, 0..1")
        .register(registry);
    Gauge.builder("process.cpu.usage", os, OperatingSystemMXBean::getProcessCpuLoad)
        .description("Recent CPU usage of this process, 0..1 of the host")
        .register(registry);
    FunctionCounter.builder("process.cpu", os, bean -> bean.getProcessCpuTime() / 1e9)
        .baseUnit("seconds")
        .description("CPU time used by the process")
        .register(registry);
  }
}
