package dev.shortlease.guardrails.rules;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.Source;
import dev.shortlease.guardrails.rules.LambdaInterpreter.Held;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLConnection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.LineNumberNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.analysis.Frame;

/**
 * For each call to a transaction callback in a class, what the lambdas and method references passed
 * to it call. ArchUnit attributes a lambda's accesses to the method declaring it without saying
 * which lambda, so this reads the class file with ASM: the {@code invokedynamic} that creates a
 * lambda names its synthetic body, and {@link LambdaInterpreter} tells which of them reach the
 * callback's arguments.
 */
final class LambdaSites {
  /** A call or method reference as ArchUnit keys it: line, target owner, target name. */
  record Site(int line, String owner, String name) {}

  private final ClassNode cls;
  private final Map<Site, Set<Site>> insideByCall = new HashMap<>();

  private LambdaSites(ClassNode cls, Predicate<String> isCallback) {
    this.cls = cls;
    for (MethodNode method : cls.methods) {
      List<MethodInsnNode> calls =
          instructions(method)
              .filter(MethodInsnNode.class::isInstance)
              .map(MethodInsnNode.class::cast)
              .filter(call -> isCallback.test(binaryName(call.owner)))
              .toList();
      if (!calls.isEmpty()) {
        collect(method, calls);
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
    ClassNode cls = new ClassNode();
    try {
      URLConnection connection = source.getUri().toURL().openConnection();
      connection.setUseCaches(false); // do not keep a jar open
      try (InputStream in = connection.getInputStream()) {
        new ClassReader(in.readAllBytes()).accept(cls, ClassReader.SKIP_FRAMES);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot read " + source.getUri() + " of " + javaClass.getName() + ": " + WHY, e);
    }
    return new LambdaSites(cls, isCallback);
  }

  private static final String WHY =
      "the long-call rule reads it to tell which lambdas a transaction callback is passed";

  /** The calls and references made by the lambdas passed to the callback call {@code call}. */
  Set<Site> passedTo(Site call) {
    return insideByCall.getOrDefault(call, Set.of());
  }

  private void collect(MethodNode method, List<MethodInsnNode> calls) {
    Frame<Held>[] frames = LambdaInterpreter.analyse(cls.name, method);
    for (MethodInsnNode call : calls) {
      Frame<Held> before = frames[method.instructions.indexOf(call)];
      if (before == null) {
        continue; // unreachable
      }
      Set<InvokeDynamicInsnNode> lambdas = new HashSet<>();
      int top = before.getStackSize();
      for (int i = top - Type.getArgumentCount(call.desc); i < top; i++) {
        lambdas.addAll(before.getStack(i).all());
      }
      Set<Site> inside = new HashSet<>();
      sitesOf(lambdas, inside, new HashSet<>());
      insideByCall
          .computeIfAbsent(site(call, call.owner, call.name), k -> new HashSet<>())
          .addAll(inside);
    }
  }

  /**
   * Adds what {@code lambdas} call: a method reference is itself the site; a lambda's synthetic
   * body adds its calls, and its own lambdas, transitively.
   */
  private void sitesOf(Set<InvokeDynamicInsnNode> lambdas, Set<Site> sites, Set<String> visited) {
    for (InvokeDynamicInsnNode lambda : lambdas) {
      Handle target = (Handle) lambda.bsmArgs[1];
      Optional<MethodNode> body =
          cls.methods.stream()
              .filter(m -> (m.access & Opcodes.ACC_SYNTHETIC) != 0)
              .filter(m -> target.getOwner().equals(cls.name))
              .filter(m -> m.name.equals(target.getName()) && m.desc.equals(target.getDesc()))
              .findFirst();
      if (body.isEmpty()) {
        sites.add(site(lambda, target.getOwner(), target.getName()));
      } else if (visited.add(target.getName() + target.getDesc())) {
        bodySites(body.get(), sites, visited);
      }
    }
  }

  private void bodySites(MethodNode body, Set<Site> sites, Set<String> visited) {
    Set<InvokeDynamicInsnNode> nested = new HashSet<>();
    for (AbstractInsnNode insn : body.instructions) {
      if (insn instanceof MethodInsnNode call) {
        sites.add(site(call, call.owner, call.name));
      } else if (insn instanceof InvokeDynamicInsnNode dynamic
          && LambdaInterpreter.isLambda(dynamic)) {
        nested.add(dynamic);
      }
    }
    sitesOf(nested, sites, visited);
  }

  private static Stream<AbstractInsnNode> instructions(MethodNode method) {
    return StreamSupport.stream(method.instructions.spliterator(), false);
  }

  /** The site of {@code insn}, at the line ASM last reported before it (0 without line table). */
  private static Site site(AbstractInsnNode insn, String owner, String name) {
    int line = 0;
    for (AbstractInsnNode at = insn; at != null; at = at.getPrevious()) {
      if (at instanceof LineNumberNode number) {
        line = number.line;
        break;
      }
    }
    return new Site(line, binaryName(owner), name);
  }

  /** ArchUnit names classes in binary form ({@code a.b.C$D}), ASM internally ({@code a/b/C$D}). */
  private static String binaryName(String internalName) {
    return internalName.replace('/', '.');
  }
}
