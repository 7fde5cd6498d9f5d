package dev.shortlease.guardrails.rules;

import java.util.ArrayList;
import java.util.List;

/**
 * What the lambda analysis needs to know of each JVM instruction: its length, where it may jump,
 * and how many stack slots it pops and pushes (a long or a double takes two).
 */
final class Opcodes {
  static final int ILOAD = 21;
  static final int ALOAD = 25;
  static final int ALOAD_0 = 42;
  static final int LAST_LOAD = 45;
  static final int ASTORE = 58;
  static final int ASTORE_0 = 75;
  static final int DUP = 89;
  static final int SWAP = 95;
  static final int GOTO = 167;
  static final int RET = 169;
  static final int TABLESWITCH = 170;
  static final int LOOKUPSWITCH = 171;
  static final int IRETURN = 172;
  static final int RETURN = 177;
  static final int GETSTATIC = 178;
  static final int PUTSTATIC = 179;
  static final int GETFIELD = 180;
  static final int PUTFIELD = 181;
  static final int INVOKEVIRTUAL = 182;
  static final int INVOKESPECIAL = 183;
  static final int INVOKESTATIC = 184;
  static final int INVOKEINTERFACE = 185;
  static final int INVOKEDYNAMIC = 186;
  static final int ATHROW = 191;
  static final int CHECKCAST = 192;
  static final int WIDE = 196;
  static final int MULTIANEWARRAY = 197;
  static final int GOTO_W = 200;

  static final int IINC = 132;
  private static final int[] LENGTH = new int[202];
  private static final int[] POPS = new int[202];
  private static final int[] PUSHES = new int[202];

  static {
    length(0, 201, 1);
    length(16, 16, 2); // bipush
    length(17, 17, 3); // sipush
    length(18, 18, 2); // ldc
    length(19, 20, 3); // ldc_w, ldc2_w
    length(21, 25, 2); // loads
    length(54, 58, 2); // stores
    length(IINC, IINC, 3);
    length(153, 168, 3); // if*, goto, jsr
    length(RET, RET, 2);
    length(TABLESWITCH, LOOKUPSWITCH, 0);
    length(GETSTATIC, 184, 3);
    length(INVOKEINTERFACE, INVOKEDYNAMIC, 5);
    length(187, 187, 3); // new
    length(188, 188, 2); // newarray
    length(189, 189, 3); // anewarray
    length(CHECKCAST, 193, 3);
    length(WIDE, WIDE, 0);
    length(MULTIANEWARRAY, MULTIANEWARRAY, 4);
    length(198, 199, 3); // ifnull, ifnonnull
    length(GOTO_W, 201, 5);

    effect(1, 8, 0, 1); // aconst_null, iconst_*
    effect(9, 10, 0, 2); // lconst_*
    effect(11, 13, 0, 1); // fconst_*
    effect(14, 15, 0, 2); // dconst_*
    effect(16, 19, 0, 1); // bipush, sipush, ldc, ldc_w
    effect(20, 20, 0, 2); // ldc2_w
    effect(21, 24, 0, 1, 2, 1, 2); // iload, lload, fload, dload
    effect(26, 41, 0, 1, 1, 1, 1, 2, 2, 2, 2, 1, 1, 1, 1, 2, 2, 2, 2);
    effect(46, 53, 2, 1, 2, 1, 2, 1, 1, 1, 1); // xaload: pops 2, pushes per type
    effect(54, 57, 1, 0); // istore..dstore: pops per type
    POPS[55] = 2;
    POPS[57] = 2;
    for (int op = 59; op <= 74; op++) { // xstore_n
      POPS[op] = op >= 63 && op <= 66 || op >= 71 ? 2 : 1;
    }
    effect(79, 86, 3, 0); // xastore
    POPS[80] = 4;
    POPS[82] = 4;
    effect(87, 87, 1, 0); // pop
    effect(88, 88, 2, 0); // pop2
    for (int op = 96; op <= 115; op++) { // add, sub, mul, div, rem
      boolean wide = op % 2 == 1;
      POPS[op] = wide ? 4 : 2;
      PUSHES[op] = wide ? 2 : 1;
    }
    effect(116, 119, 1, 1, 2, 1, 2); // neg: pops = pushes
    POPS[117] = 2;
    POPS[119] = 2;
    for (int op = 120; op <= 125; op++) { // shifts: the shift count is an int
      POPS[op] = op % 2 == 0 ? 2 : 3;
      PUSHES[op] = op % 2 == 0 ? 1 : 2;
    }
    for (int op = 126; op <= 131; op++) { // and, or, xor
      POPS[op] = op % 2 == 0 ? 2 : 4;
      PUSHES[op] = op % 2 == 0 ? 1 : 2;
    }
    int[][] conversions = {
      {1, 2}, {1, 1}, {1, 2}, {2, 1}, {2, 1}, {2, 2}, {1, 1}, {1, 2}, {1, 2}, {2, 1}, {2, 2},
      {2, 1}, {1, 1}, {1, 1}, {1, 1}
    };
    for (int i = 0; i < conversions.length; i++) {
      POPS[133 + i] = conversions[i][0];
      PUSHES[133 + i] = conversions[i][1];
    }
    effect(148, 148, 4, 1); // lcmp
    effect(149, 150, 2, 1); // fcmp*
    effect(151, 152, 4, 1); // dcmp*
    effect(153, 158, 1, 0); // if<cond>
    effect(159, 166, 2, 0); // if_icmp*, if_acmp*
    effect(168, 168, 0, 1); // jsr
    effect(TABLESWITCH, LOOKUPSWITCH, 1, 0);
    effect(IRETURN, 176, 1, 0);
    POPS[173] = 2;
    POPS[175] = 2;
    effect(187, 187, 0, 1); // new
    effect(188, 190, 1, 1); // newarray, anewarray, arraylength
    effect(ATHROW, ATHROW, 1, 0);
    effect(193, 193, 1, 1); // instanceof
    effect(194, 195, 1, 0); // monitorenter, monitorexit
    effect(198, 199, 1, 0); // ifnull, ifnonnull
    effect(201, 201, 0, 1); // jsr_w
  }

  private Opcodes() {}

  static int opcode(byte[] code, int pc) {
    return code[pc] & 0xff;
  }

  static int length(byte[] code, int pc) {
    int op = opcode(code, pc);
    if (op == TABLESWITCH) {
      int base = (pc + 4) & ~3;
      return base + 12 + 4 * (s4(code, base + 8) - s4(code, base + 4) + 1) - pc;
    }
    if (op == LOOKUPSWITCH) {
      int base = (pc + 4) & ~3;
      return base + 8 + 8 * s4(code, base + 4) - pc;
    }
    if (op == WIDE) {
      return opcode(code, pc + 1) == IINC ? 6 : 4;
    }
    return LENGTH[op];
  }

  /** Slots popped by an instruction whose effect does not depend on a constant. */
  static int pops(int op) {
    return POPS[op];
  }

  static int pushes(int op) {
    return PUSHES[op];
  }

  /** Whether execution can go on to the next instruction. */
  static boolean fallsThrough(int op) {
    return op != GOTO
        && op != GOTO_W
        && op != RET
        && op != TABLESWITCH
        && op != LOOKUPSWITCH
        && (op < IRETURN || op > RETURN)
        && op != ATHROW;
  }

  /** Where an instruction may jump to, besides the next one. */
  static List<Integer> jumps(byte[] code, int pc) {
    int op = opcode(code, pc);
    List<Integer> targets = new ArrayList<>();
    if ((op >= 153 && op <= 168) || op == 198 || op == 199) {
      targets.add(pc + (short) u2(code, pc + 1));
    } else if (op == GOTO_W || op == 201) {
      targets.add(pc + s4(code, pc + 1));
    } else if (op == TABLESWITCH || op == LOOKUPSWITCH) {
      int base = (pc + 4) & ~3;
      targets.add(pc + s4(code, base));
      if (op == TABLESWITCH) {
        int cases = s4(code, base + 8) - s4(code, base + 4) + 1;
        for (int i = 0; i < cases; i++) {
          targets.add(pc + s4(code, base + 12 + 4 * i));
        }
      } else {
        int pairs = s4(code, base + 4);
        for (int i = 0; i < pairs; i++) {
          targets.add(pc + s4(code, base + 12 + 8 * i));
        }
      }
    }
    return targets;
  }

  static int u1(byte[] code, int at) {
    return code[at] & 0xff;
  }

  static int u2(byte[] code, int at) {
    return (u1(code, at) << 8) | u1(code, at + 1);
  }

  static int s4(byte[] code, int at) {
    return (u2(code, at) << 16) | u2(code, at + 2);
  }

  /** Slots a field or method descriptor's value takes: 0 for void, 2 for long and double. */
  static int slots(String type) {
    return switch (type.charAt(0)) {
      case 'V' -> 0;
      case 'J', 'D' -> 2;
      default -> 1;
    };
  }

  /** Slots the parameters of a method descriptor take. */
  static int argumentSlots(String descriptor) {
    int slots = 0;
    int i = 1;
    while (descriptor.charAt(i) != ')') {
      char c = descriptor.charAt(i);
      slots += c == 'J' || c == 'D' ? 2 : 1;
      while (descriptor.charAt(i) == '[') {
        i++;
      }
      i = descriptor.charAt(i) == 'L' ? descriptor.indexOf(';', i) + 1 : i + 1;
    }
    return slots;
  }

  static String returnType(String descriptor) {
    return descriptor.substring(descriptor.indexOf(')') + 1);
  }

  private static void length(int from, int to, int length) {
    for (int op = from; op <= to; op++) {
      LENGTH[op] = length;
    }
  }

  /** Sets pops for {@code from..to}; pushes are the same for all, or given one by one. */
  private static void effect(int from, int to, int pops, int... pushes) {
    for (int op = from; op <= to; op++) {
      POPS[op] = pops;
      PUSHES[op] = pushes.length == 1 ? pushes[0] : pushes[op - from];
    }
  }
}
