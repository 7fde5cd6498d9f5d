package dev.shortlease.guardrails.rules;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.Source;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLConnection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * For each call to a transaction callback in a class, what the lambdas and method references passed
 * to it call. ArchUnit attributes a lambda's accesses to the method declaring it without saying
 * which lambda, so this reads the class file: the {@code invokedynamic} that creates a lambda names
 * its synthetic body, and {@link LambdaFlow} tells which of them reach the callback's arguments.
 */
final class LambdaSites {
  /** A call or method reference as ArchUnit keys it: line, target owner, target name. */
  record Site(int line, String owner, String name) {}

  private static final String METAFACTORY = "java.lang.invoke.LambdaMetafactory";

  private final ClassBytes cls;
  private final Map<Site, Set<Site>> insideByCall = new HashMap<>();

  private LambdaSites(ClassBytes cls, Predicate<String> isCallback) {
    this.cls = cls;
    for (ClassBytes.Method method : cls.methods()) {
      if (callsAny(method, isCallback)) {
        collect(method, isCallback);
      }
    }
  }

  /** Reads the imported class's own class file, from where ArchUnit imported it. */
  static LambdaSites of(JavaClass javaClass, Predicate<String> isCallback) {
    Source source =
        javaClass
            .getSource()
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "no class file known for " + javaClass.getName() + ": " + WHY));
    try {
      URLConnection connection = source.getUri().toURL().openConnection();
      connection.setUseCaches(false); // do not keep a jar open
      try (InputStream in = connection.getInputStream()) {
        return new LambdaSites(new ClassBytes(in.readAllBytes()), isCallback);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot read " + source.getUri() + " of " + javaClass.getName() + ": " + WHY, e);
    }
  }

  private static final String WHY =
      "the long-call rule reads it to tell which lambdas a transaction callback is passed";

  /** The calls and references made by the lambdas passed to the callback call {@code call}. */
  Set<Site> passedTo(Site call) {
    return insideByCall.getOrDefault(call, Set.of());
  }

  /** Whether the invokedynamic constant {@code index} creates a lambda or method reference. */
  static boolean isLambda(ClassBytes cls, int index) {
    ClassBytes.Bootstrap bootstrap = cls.bootstrap(cls.bootstrapOf(index));
    return cls.ref(bootstrap.handle()).owner().equals(METAFACTORY)
        && bootstrap.arguments().length >= 2
        && cls.tag(bootstrap.arguments()[1]) == ClassBytes.METHOD_HANDLE;
  }

  private boolean callsAny(ClassBytes.Method method, Predicate<String> isCallback) {
    byte[] code = method.code();
    for (int pc = 0; pc < code.length; pc += Opcodes.length(code, pc)) {
      if (isInvoke(Opcodes.opcode(code, pc))
          && isCallback.test(cls.ref(Opcodes.u2(code, pc + 1)).owner())) {
        return true;
      }
    }
    return false;
  }

  private void collect(ClassBytes.Method method, Predicate<String> isCallback) {
    LambdaFlow flow = new LambdaFlow(cls, method);
    byte[] code = method.code();
    for (int pc = 0; pc < code.length; pc += Opcodes.length(code, pc)) {
      int op = Opcodes.opcode(code, pc);
      if (!isInvoke(op) || flow.before(pc) == null) {
        continue;
      }
      ClassBytes.Ref target = cls.ref(Opcodes.u2(code, pc + 1));
      if (!isCallback.test(target.owner())) {
        continue;
      }
      Set<Integer> lambdas = new HashSet<>();
      for (LambdaFlow.Value argument :
          flow.before(pc).top(Opcodes.argumentSlots(target.descriptor()))) {
        lambdas.addAll(argument.all());
      }
      Set<Site> inside = new HashSet<>();
      sitesOf(method, lambdas, inside, new HashSet<>());
      insideByCall
          .computeIfAbsent(
              new Site(method.line(pc), target.owner(), target.name()), k -> new HashSet<>())
          .addAll(inside);
    }
  }

  /**
   * Adds what the lambdas created at {@code pcs} of {@code method} call: a method reference is
   * itself the site; a lambda's synthetic body adds its calls, and its own lambdas, transitively.
   */
  private void sitesOf(
      ClassBytes.Method method, Set<Integer> pcs, Set<Site> sites, Set<String> visited) {
    byte[] code = method.code();
    for (int pc : pcs) {
      int index = Opcodes.u2(code, pc + 1);
      ClassBytes.Ref target = cls.ref(cls.bootstrap(cls.bootstrapOf(index)).arguments()[1]);
      var body =
          target.owner().equals(cls.name())
              ? cls.method(target.name(), target.descriptor())
                  .filter(m -> (m.flags() & ClassBytes.SYNTHETIC) != 0)
              : java.util.Optional.<ClassBytes.Method>empty();
      if (body.isEmpty()) {
        sites.add(new Site(method.line(pc), target.owner(), target.name()));
      } else if (visited.add(target.name() + target.descriptor())) {
        bodySites(body.get(), sites, visited);
      }
    }
  }

  private void bodySites(ClassBytes.Method body, Set<Site> sites, Set<String> visited) {
    byte[] code = body.code();
    Set<Integer> nested = new HashSet<>();
    for (int pc = 0; pc < code.length; pc += Opcodes.length(code, pc)) {
      int op = Opcodes.opcode(code, pc);
      if (isInvoke(op)) {
        ClassBytes.Ref target = cls.ref(Opcodes.u2(code, pc + 1));
        sites.add(new Site(body.line(pc), target.owner(), target.name()));
      } else if (op == Opcodes.INVOKEDYNAMIC && isLambda(cls, Opcodes.u2(code, pc + 1))) {
        nested.add(pc);
      }
    }
    sitesOf(body, nested, sites, visited);
  }

  private static boolean isInvoke(int op) {
    return op >= Opcodes.INVOKEVIRTUAL && op <= Opcodes.INVOKEINTERFACE;
  }
}
