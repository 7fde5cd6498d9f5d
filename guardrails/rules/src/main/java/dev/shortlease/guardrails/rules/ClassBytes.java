package dev.shortlease.guardrails.rules;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The parts of a class file the lambda analysis reads: constants, method bodies with their line
 * numbers and exception handlers, and bootstrap methods. ArchUnit keeps its own reader internal
 * (shaded ASM), and {@code java.lang.classfile} is a preview API in Java 21, hence this reader.
 */
final class ClassBytes {
  static final int SYNTHETIC = 0x1000;

  private static final int UTF8 = 1;
  private static final int LONG = 5;
  private static final int DOUBLE = 6;
  static final int METHOD_HANDLE = 15;

  /** A member named by the constant pool: {@code owner} in binary form ({@code a.b.C$D}). */
  record Ref(String owner, String name, String descriptor) {}

  record Handler(int start, int end, int handlerPc) {}

  record Method(
      String name,
      String descriptor,
      int flags,
      byte[] code,
      int maxLocals,
      List<Handler> handlers,
      TreeMap<Integer, Integer> lines) {

    /** The source line of the instruction at {@code pc}, 0 without a line table (as ArchUnit). */
    int line(int pc) {
      var entry = lines.floorEntry(pc);
      return entry == null ? 0 : entry.getValue();
    }
  }

  /** A bootstrap method: its handle and static arguments, as constant pool indexes. */
  record Bootstrap(int handle, int[] arguments) {}

  private final int[] tags;
  private final int[] first;
  private final int[] second;
  private final String[] texts;
  private final String name;
  private final List<Method> methods = new ArrayList<>();
  private final List<Bootstrap> bootstraps = new ArrayList<>();

  ClassBytes(byte[] bytes) throws IOException {
    DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes));
    if (in.readInt() != 0xCAFEBABE) {
      throw new IOException("not a class file");
    }
    in.readInt(); // version
    int count = in.readUnsignedShort();
    tags = new int[count];
    first = new int[count];
    second = new int[count];
    texts = new String[count];
    for (int i = 1; i < count; i++) {
      i += readConstant(in, i);
    }
    in.skipBytes(2); // access flags
    name = className(in.readUnsignedShort());
    in.skipBytes(2); // super class
    in.skipBytes(2 * in.readUnsignedShort()); // interfaces
    int fields = in.readUnsignedShort();
    for (int i = 0; i < fields; i++) {
      in.skipBytes(6);
      skipAttributes(in);
    }
    int methodCount = in.readUnsignedShort();
    for (int i = 0; i < methodCount; i++) {
      readMethod(in).ifPresent(methods::add);
    }
    int attributes = in.readUnsignedShort();
    for (int i = 0; i < attributes; i++) {
      String attribute = utf8(in.readUnsignedShort());
      int length = in.readInt();
      if (!attribute.equals("BootstrapMethods")) {
        in.skipBytes(length);
        continue;
      }
      int n = in.readUnsignedShort();
      for (int b = 0; b < n; b++) {
        int handle = in.readUnsignedShort();
        int[] arguments = new int[in.readUnsignedShort()];
        for (int a = 0; a < arguments.length; a++) {
          arguments[a] = in.readUnsignedShort();
        }
        bootstraps.add(new Bootstrap(handle, arguments));
      }
    }
  }

  /** The class's binary name, {@code a.b.C$D}. */
  String name() {
    return name;
  }

  List<Method> methods() {
    return methods;
  }

  Optional<Method> method(String name, String descriptor) {
    return methods.stream()
        .filter(m -> m.name().equals(name) && m.descriptor().equals(descriptor))
        .findFirst();
  }

  Bootstrap bootstrap(int index) {
    return bootstraps.get(index);
  }

  int tag(int index) {
    return tags[index];
  }

  /** A field, method or interface method ref; for a method handle, the member it points at. */
  Ref ref(int index) {
    if (tags[index] == METHOD_HANDLE) {
      return ref(second[index]);
    }
    int nameAndType = second[index];
    return new Ref(className(first[index]), utf8(first[nameAndType]), utf8(second[nameAndType]));
  }

  /** An invokedynamic constant: its bootstrap method index and descriptor. */
  int bootstrapOf(int index) {
    return first[index];
  }

  String dynamicDescriptor(int index) {
    return utf8(second[second[index]]);
  }

  private String className(int classIndex) {
    return utf8(first[classIndex]).replace('/', '.');
  }

  private String utf8(int index) {
    return texts[index];
  }

  /** Reads constant {@code i}; returns 1 when it takes two slots (long, double), else 0. */
  private int readConstant(DataInputStream in, int i) throws IOException {
    int tag = in.readUnsignedByte();
    tags[i] = tag;
    switch (tag) {
      case UTF8 -> texts[i] = in.readUTF();
      case 3, 4 -> in.skipBytes(4); // integer, float
      case LONG, DOUBLE -> {
        in.skipBytes(8);
        return 1;
      }
      case 7, 8, 16, 19, 20 -> first[i] = in.readUnsignedShort(); // class, string, type, module
      case METHOD_HANDLE -> {
        first[i] = in.readUnsignedByte();
        second[i] = in.readUnsignedShort();
      }
      case 9, 10, 11, 12, 17, 18 -> { // refs, name and type, dynamic, invokedynamic
        first[i] = in.readUnsignedShort();
        second[i] = in.readUnsignedShort();
      }
      default -> throw new IOException("unknown constant tag " + tag);
    }
    return 0;
  }

  private Optional<Method> readMethod(DataInputStream in) throws IOException {
    int flags = in.readUnsignedShort();
    String name = utf8(in.readUnsignedShort());
    String descriptor = utf8(in.readUnsignedShort());
    Method method = null;
    int attributes = in.readUnsignedShort();
    for (int i = 0; i < attributes; i++) {
      String attribute = utf8(in.readUnsignedShort());
      int length = in.readInt();
      if (attribute.equals("Code")) {
        method = readCode(in, name, descriptor, flags);
      } else {
        in.skipBytes(length);
      }
    }
    return Optional.ofNullable(method);
  }

  private Method readCode(DataInputStream in, String name, String descriptor, int flags)
      throws IOException {
    in.readUnsignedShort(); // max stack
    int maxLocals = in.readUnsignedShort();
    byte[] code = new byte[in.readInt()];
    in.readFully(code);
    List<Handler> handlers = new ArrayList<>();
    int handlerCount = in.readUnsignedShort();
    for (int i = 0; i < handlerCount; i++) {
      handlers.add(
          new Handler(in.readUnsignedShort(), in.readUnsignedShort(), in.readUnsignedShort()));
      in.readUnsignedShort(); // catch type
    }
    TreeMap<Integer, Integer> lines = new TreeMap<>();
    int attributes = in.readUnsignedShort();
    for (int i = 0; i < attributes; i++) {
      String attribute = utf8(in.readUnsignedShort());
      int length = in.readInt();
      if (!attribute.equals("LineNumberTable")) {
        in.skipBytes(length);
        continue;
      }
      int entries = in.readUnsignedShort();
      for (int e = 0; e < entries; e++) {
        lines.put(in.readUnsignedShort(), in.readUnsignedShort());
      }
    }
    return new Method(name, descriptor, flags, code, maxLocals, handlers, lines);
  }

  private static void skipAttributes(DataInputStream in) throws IOException {
    int attributes = in.readUnsignedShort();
    for (int i = 0; i < attributes; i++) {
      in.skipBytes(2);
      in.skipBytes(in.readInt());
    }
  }
}
