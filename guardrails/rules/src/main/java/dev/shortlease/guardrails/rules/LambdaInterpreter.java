package dev.shortlease.guardrails.rules;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.analysis.Analyzer;
import org.objectweb.asm.tree.analysis.AnalyzerException;
import org.objectweb.asm.tree.analysis.BasicInterpreter;
import org.objectweb.asm.tree.analysis.BasicValue;
import org.objectweb.asm.tree.analysis.Frame;
import org.objectweb.asm.tree.analysis.Interpreter;
import org.objectweb.asm.tree.analysis.Value;

/**
 * Which lambdas (the {@code invokedynamic} instructions creating them) each stack slot and local
 * variable may hold. ASM's {@link Analyzer} runs it over a method, merging paths and exception
 * handlers; a {@link BasicInterpreter} keeps the kinds and sizes of the values.
 *
 * <p>A value holds a lambda <em>directly</em> when it is the lambda, was read from a variable that
 * held it, or is a lambda capturing one. It holds a lambda <em>wrapped</em> when a call took the
 * lambda and returned the value ({@code withRetry(() -> ..)}); a wrapped lambda is forgotten once
 * stored, so a result computed from a lambda earlier ({@code var answers = questions.stream().map(q
 * -> ..).toList()}) does not count as that lambda.
 */
final class LambdaInterpreter extends Interpreter<LambdaInterpreter.Held> {
  /** What a slot may hold. */
  record Held(
      BasicValue kind, Set<InvokeDynamicInsnNode> direct, Set<InvokeDynamicInsnNode> wrapped)
      implements Value {
    @Override
    public int getSize() {
      return kind.getSize();
    }

    Set<InvokeDynamicInsnNode> all() {
      return union(direct, wrapped);
    }
  }

  private static final String METAFACTORY = "java/lang/invoke/LambdaMetafactory";

  private final BasicInterpreter basic = new BasicInterpreter();

  private LambdaInterpreter() {
    super(Opcodes.ASM9);
  }

  /** The frames before each instruction of {@code method}; null where no path reaches. */
  static Frame<Held>[] analyse(String owner, MethodNode method) {
    try {
      return new Analyzer<>(new LambdaInterpreter()).analyze(owner, method);
    } catch (AnalyzerException e) {
      throw new IllegalStateException(
          "cannot follow the lambdas of " + owner + "." + method.name + method.desc, e);
    }
  }

  /** Whether {@code insn} creates a lambda or method reference. */
  static boolean isLambda(InvokeDynamicInsnNode insn) {
    return insn.bsm.getOwner().equals(METAFACTORY)
        && insn.bsmArgs.length >= 2
        && insn.bsmArgs[1] instanceof Handle;
  }

  @Override
  public Held newValue(Type type) {
    return plain(basic.newValue(type));
  }

  @Override
  public Held newOperation(AbstractInsnNode insn) throws AnalyzerException {
    return plain(basic.newOperation(insn));
  }

  @Override
  public Held copyOperation(AbstractInsnNode insn, Held value) {
    boolean store = insn.getOpcode() == Opcodes.ASTORE;
    return store && !value.wrapped().isEmpty()
        ? new Held(value.kind(), value.direct(), Set.of())
        : value;
  }

  @Override
  public Held unaryOperation(AbstractInsnNode insn, Held value) throws AnalyzerException {
    BasicValue kind = basic.unaryOperation(insn, value.kind());
    // A cast is the same value, seen as another type.
    return insn.getOpcode() == Opcodes.CHECKCAST
        ? new Held(kind, value.direct(), value.wrapped())
        : plain(kind);
  }

  @Override
  public Held binaryOperation(AbstractInsnNode insn, Held value1, Held value2)
      throws AnalyzerException {
    return plain(basic.binaryOperation(insn, value1.kind(), value2.kind()));
  }

  @Override
  public Held ternaryOperation(AbstractInsnNode insn, Held value1, Held value2, Held value3)
      throws AnalyzerException {
    return plain(basic.ternaryOperation(insn, value1.kind(), value2.kind(), value3.kind()));
  }

  @Override
  public Held naryOperation(AbstractInsnNode insn, List<? extends Held> values)
      throws AnalyzerException {
    BasicValue kind = basic.naryOperation(insn, values.stream().map(Held::kind).toList());
    Set<InvokeDynamicInsnNode> direct = new HashSet<>();
    Set<InvokeDynamicInsnNode> wrapped = new HashSet<>();
    for (Held value : values) {
      direct.addAll(value.direct());
      wrapped.addAll(value.wrapped());
    }
    if (insn instanceof InvokeDynamicInsnNode dynamic && isLambda(dynamic)) {
      direct.add(dynamic);
      return new Held(kind, Set.copyOf(direct), Set.copyOf(wrapped));
    }
    if (insn instanceof MethodInsnNode && kind != null && kind.isReference()) {
      return new Held(kind, Set.of(), union(direct, wrapped));
    }
    return plain(kind);
  }

  @Override
  public void returnOperation(AbstractInsnNode insn, Held value, Held expected) {}

  @Override
  public Held merge(Held value1, Held value2) {
    Held merged =
        new Held(
            basic.merge(value1.kind(), value2.kind()),
            union(value1.direct(), value2.direct()),
            union(value1.wrapped(), value2.wrapped()));
    return merged.equals(value1) ? value1 : merged;
  }

  /** A value unrelated to a lambda; null where the instruction pushes nothing. */
  private static Held plain(BasicValue kind) {
    return kind == null ? null : new Held(kind, Set.of(), Set.of());
  }

  private static Set<InvokeDynamicInsnNode> union(
      Set<InvokeDynamicInsnNode> a, Set<InvokeDynamicInsnNode> b) {
    if (b.isEmpty() || a.containsAll(b)) {
      return a;
    }
    Set<InvokeDynamicInsnNode> union = new HashSet<>(a);
    union.addAll(b);
    return Set.copyOf(union);
  }
}
