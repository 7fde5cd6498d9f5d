package dev.shortlease.guardrails.rules;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What every rule factory shares: the hexagon, its port values and long calls, and requirements.
 */
abstract class RuleFactory {
  final Hexagon hexagon;
  final PortValues values;
  final LongCalls longCalls;

  RuleFactory(Hexagon hexagon) {
    this.hexagon = hexagon;
    this.values = new PortValues(hexagon);
    this.longCalls = new LongCalls(hexagon);
  }

  List<String> adapterPackages() {
    return hexagon.adapters().stream().map(Hexagon.Adapter::packageName).toList();
  }

  /** The class names among these that lie under the root, so the import must contain them. */
  List<String> namedInRoot(Collection<String> classNames) {
    return classNames.stream().filter(name -> name.startsWith(hexagon.root() + ".")).toList();
  }

  List<String> namedInRoot(Collection<String> a, Collection<String> b) {
    return Stream.concat(namedInRoot(a).stream(), namedInRoot(b).stream()).toList();
  }

  void requireAdapters(int count) {
    if (hexagon.adapters().size() < count) {
      throw missing(count == 1 ? "an adapter" : count + " adapters");
    }
  }

  void requirePorts(List<String> ports, String what) {
    if (ports.isEmpty()) {
      throw missing(what);
    }
  }

  <T> T require(Optional<T> part, String what) {
    return part.orElseThrow(() -> missing(what));
  }

  IllegalStateException missing(String what) {
    return new IllegalStateException(
        "this rule needs " + what + ", which " + hexagon + " does not describe");
  }

  static String simpleNames(List<String> annotations) {
    return annotations.stream()
        .map(a -> "@" + a.substring(a.lastIndexOf('.') + 1))
        .distinct()
        .reduce((x, y) -> x + "/" + y)
        .orElse("");
  }
}
