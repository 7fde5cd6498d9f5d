package dev.shortlease.guardrails.rules;

import static dev.shortlease.guardrails.rules.Opcodes.opcode;
import static dev.shortlease.guardrails.rules.Opcodes.u1;
import static dev.shortlease.guardrails.rules.Opcodes.u2;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;

/**
 * Which lambdas (the {@code invokedynamic} instructions that create them, by offset) each stack
 * slot and local variable of a method may hold, at every instruction: a small data-flow analysis
 * over the method's bytecode, merging paths, until nothing changes.
 *
 * <p>A value holds a lambda <em>directly</em> when it is the lambda, was read from a variable that
 * held it, or is a lambda capturing one. It holds a lambda <em>wrapped</em> when a call on the
 * stack took the lambda and returned the value ({@code withRetry(() -> ..)}); a wrapped lambda is
 * forgotten once stored, so a result computed from a lambda earlier ({@code var answers =
 * questions.stream().map(q -> ..).toList()}) does not count as that lambda.
 */
final class LambdaFlow {
  /** What a slot may hold; {@link #NONE} for primitives and values unrelated to a lambda. */
  record Value(Set<Integer> direct, Set<Integer> wrapped) {
    static final Value NONE = new Value(Set.of(), Set.of());

    Set<Integer> all() {
      Set<Integer> all = new HashSet<>(direct);
      all.addAll(wrapped);
      return all;
    }

    Value merge(Value other) {
      if (other.equals(this) || other == NONE) {
        return this;
      }
      return new Value(union(direct, other.direct), union(wrapped, other.wrapped));
    }

    Value unwrapped() {
      return wrapped.isEmpty() ? this : new Value(direct, Set.of());
    }

    private static Set<Integer> union(Set<Integer> a, Set<Integer> b) {
      Set<Integer> union = new HashSet<>(a);
      union.addAll(b);
      return Set.copyOf(union);
    }
  }

  /** The locals and the operand stack (one entry per slot) before an instruction. */
  record Frame(Value[] locals, Value[] stack) {
    Frame merge(Frame other) {
      Value[] mergedLocals = mergeAll(locals, other.locals);
      Value[] mergedStack =
          stack.length == other.stack.length ? mergeAll(stack, other.stack) : stack;
      return new Frame(mergedLocals, mergedStack);
    }

    /** At an exception handler: the locals before or after the throwing instruction. */
    Frame caught(Frame after) {
      return new Frame(mergeAll(locals, after.locals), new Value[] {Value.NONE});
    }

    boolean sameAs(Frame other) {
      return Arrays.equals(locals, other.locals) && Arrays.equals(stack, other.stack);
    }

    /** The top {@code n} slots, the deepest first. */
    Value[] top(int n) {
      return Arrays.copyOfRange(stack, stack.length - n, stack.length);
    }

    private static Value[] mergeAll(Value[] a, Value[] b) {
      Value[] merged = new Value[a.length];
      for (int i = 0; i < a.length; i++) {
        merged[i] = a[i].merge(b[i]);
      }
      return merged;
    }
  }

  private static final int ALOAD_N = Opcodes.ALOAD_0;
  private static final int ASTORE_N = Opcodes.ASTORE_0;

  private final ClassBytes cls;
  private final ClassBytes.Method method;
  private final Frame[] before;

  LambdaFlow(ClassBytes cls, ClassBytes.Method method) {
    this.cls = cls;
    this.method = method;
    this.before = new Frame[method.code().length];
    analyse();
  }

  /** The frame before the instruction at {@code pc}; null when no path reaches it. */
  Frame before(int pc) {
    return before[pc];
  }

  private void analyse() {
    Value[] locals = new Value[method.maxLocals()];
    Arrays.fill(locals, Value.NONE);
    before[0] = new Frame(locals, new Value[0]);
    Deque<Integer> work = new ArrayDeque<>();
    work.add(0);
    byte[] code = method.code();
    while (!work.isEmpty()) {
      int pc = work.poll();
      Frame in = before[pc];
      Frame out = execute(pc, in);
      int op = opcode(code, pc);
      if (Opcodes.fallsThrough(op)) {
        flow(pc + Opcodes.length(code, pc), out, work);
      }
      for (int target : Opcodes.jumps(code, pc)) {
        flow(target, out, work);
      }
      for (ClassBytes.Handler handler : method.handlers()) {
        if (pc >= handler.start() && pc < handler.end()) {
          flow(handler.handlerPc(), in.caught(out), work);
        }
      }
    }
  }

  private void flow(int pc, Frame frame, Deque<Integer> work) {
    Frame known = before[pc];
    Frame merged = known == null ? frame : known.merge(frame);
    if (known == null || !merged.sameAs(known)) {
      before[pc] = merged;
      work.add(pc);
    }
  }

  private Frame execute(int pc, Frame in) {
    byte[] code = method.code();
    int op = opcode(code, pc);
    Value[] locals = in.locals().clone();
    Stack stack = new Stack(in.stack());
    if (op == Opcodes.WIDE) {
      op = opcode(code, pc + 1);
      return local(op, u2(code, pc + 2), locals, stack);
    }
    switch (op) {
      case Opcodes.ALOAD, Opcodes.ASTORE -> {
        return local(op, u1(code, pc + 1), locals, stack);
      }
      case Opcodes.CHECKCAST -> {} // the same value, seen as another type
      case Opcodes.GETSTATIC, Opcodes.PUTSTATIC, Opcodes.GETFIELD, Opcodes.PUTFIELD -> {
        String type = cls.ref(u2(code, pc + 1)).descriptor();
        stack.pop((op <= Opcodes.PUTSTATIC ? 0 : 1) + (op % 2 == 1 ? slots(type) : 0));
        stack.push(op % 2 == 0 ? slots(type) : 0);
      }
      case Opcodes.INVOKEVIRTUAL,
          Opcodes.INVOKESPECIAL,
          Opcodes.INVOKESTATIC,
          Opcodes.INVOKEINTERFACE -> {
        String descriptor = cls.ref(u2(code, pc + 1)).descriptor();
        int receiver = op == Opcodes.INVOKESTATIC ? 0 : 1;
        Value taken = stack.pop(receiver + Opcodes.argumentSlots(descriptor));
        String result = Opcodes.returnType(descriptor);
        if (slots(result) == 1 && isReference(result)) {
          stack.push(new Value(Set.of(), taken.all()));
        } else {
          stack.push(slots(result));
        }
      }
      case Opcodes.INVOKEDYNAMIC -> {
        int index = u2(code, pc + 1);
        String descriptor = cls.dynamicDescriptor(index);
        Value captured = stack.pop(Opcodes.argumentSlots(descriptor));
        if (LambdaSites.isLambda(cls, index)) {
          Set<Integer> direct = new HashSet<>(captured.direct());
          direct.add(pc);
          stack.push(new Value(Set.copyOf(direct), captured.wrapped()));
        } else {
          stack.push(slots(Opcodes.returnType(descriptor)));
        }
      }
      case Opcodes.MULTIANEWARRAY -> {
        stack.pop(u1(code, pc + 3));
        stack.push(1);
      }
      default -> {
        if (op >= ALOAD_N && op < ALOAD_N + 4 || op >= ASTORE_N && op < ASTORE_N + 4) {
          return local(op, (op - (op < ASTORE_N ? ALOAD_N : ASTORE_N)), locals, stack);
        }
        if (op >= Opcodes.DUP && op <= Opcodes.SWAP) {
          stack.shuffle(op);
        } else {
          stack.pop(Opcodes.pops(op));
          stack.push(Opcodes.pushes(op));
        }
      }
    }
    return new Frame(locals, stack.slots());
  }

  /** A load or store: only references matter, so other kinds just move slots. */
  private static Frame local(int op, int index, Value[] locals, Stack stack) {
    boolean load = op >= Opcodes.ILOAD && op <= Opcodes.LAST_LOAD;
    boolean reference =
        op == Opcodes.ALOAD
            || op == Opcodes.ASTORE
            || (op >= ALOAD_N && op < ALOAD_N + 4)
            || (op >= ASTORE_N && op < ASTORE_N + 4);
    if (op == Opcodes.IINC) {
      return new Frame(locals, stack.slots());
    }
    if (reference && load) {
      stack.push(locals[index]);
    } else if (reference) {
      locals[index] = stack.pop(1).unwrapped();
    } else if (load) {
      stack.push(Opcodes.pushes(op));
    } else {
      stack.pop(Opcodes.pops(op));
    }
    return new Frame(locals, stack.slots());
  }

  private static boolean isReference(String type) {
    return type.charAt(0) == 'L' || type.charAt(0) == '[';
  }

  private static int slots(String type) {
    return Opcodes.slots(type);
  }

  /** The operand stack while one instruction runs. */
  private static final class Stack {
    private Value[] slots;
    private int size;

    Stack(Value[] initial) {
      slots = Arrays.copyOf(initial, initial.length + 8);
      size = initial.length;
    }

    /** Pops {@code n} slots; returns what they held together. */
    Value pop(int n) {
      Value taken = Value.NONE;
      for (int i = 0; i < n; i++) {
        taken = taken.merge(slots[--size]);
      }
      return taken;
    }

    void push(int n) {
      for (int i = 0; i < n; i++) {
        push(Value.NONE);
      }
    }

    void push(Value value) {
      if (size == slots.length) {
        slots = Arrays.copyOf(slots, size * 2 + 1);
      }
      slots[size++] = value;
    }

    /** dup, dup_x1, dup_x2, dup2, dup2_x1, dup2_x2, swap: they move slots, values unchanged. */
    void shuffle(int op) {
      Value[] top;
      int[] order =
          switch (op) {
            case 89 -> new int[] {0, 0}; // dup: a -> a a
            case 90 -> new int[] {1, 0, 1}; // dup_x1: b a -> a b a
            case 91 -> new int[] {2, 0, 1, 2}; // dup_x2: c b a -> a c b a
            case 92 -> new int[] {0, 1, 0, 1}; // dup2: b a -> b a b a
            case 93 -> new int[] {1, 2, 0, 1, 2}; // dup2_x1: c b a -> b a c b a
            case 94 -> new int[] {2, 3, 0, 1, 2, 3}; // dup2_x2: d c b a -> b a d c b a
            default -> new int[] {1, 0}; // swap: b a -> a b
          };
      int depth =
          switch (op) {
            case 89 -> 1;
            case 90, 92, 95 -> 2;
            case 91, 93 -> 3;
            default -> 4;
          };
      top = Arrays.copyOfRange(slots, size - depth, size);
      size -= depth;
      for (int i : order) {
        push(top[i]);
      }
    }

    Value[] slots() {
      return Arrays.copyOf(slots, size);
    }
  }
}
