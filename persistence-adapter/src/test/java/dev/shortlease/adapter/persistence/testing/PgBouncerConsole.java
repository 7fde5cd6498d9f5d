package dev.shortlease.adapter.persistence.testing;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Test support: one {@code SHOW …} on PgBouncer's admin console over PostgreSQL's simple-query
 * protocol (v3, trust authentication). pgjdbc cannot be used there: it sends {@code SET
 * extra_float_digits} on connect, which the console refuses ("SET failed").
 */
final class PgBouncerConsole {
  private static final int PROTOCOL_3 = 196_608;
  private static final int TIMEOUT_MILLIS = 5_000;

  private PgBouncerConsole() {}

  /** The rows of {@code command}, each as column name to text (null for SQL NULL). */
  static List<Map<String, String>> query(int port, String user, String command) throws IOException {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), TIMEOUT_MILLIS);
      socket.setSoTimeout(TIMEOUT_MILLIS);
      // One write per message: PgBouncer refuses a startup packet that arrives in pieces.
      DataOutputStream out =
          new DataOutputStream(new BufferedOutputStream(socket.getOutputStream()));
      DataInputStream in = new DataInputStream(new BufferedInputStream(socket.getInputStream()));
      startup(out, user);
      readUntilReady(in, null);
      byte[] sql = (command + "\0").getBytes(StandardCharsets.UTF_8);
      out.writeByte('Q');
      out.writeInt(4 + sql.length);
      out.write(sql);
      out.flush();
      List<Map<String, String>> rows = new ArrayList<>();
      readUntilReady(in, rows);
      out.writeByte('X');
      out.writeInt(4);
      out.flush();
      return rows;
    }
  }

  private static void startup(DataOutputStream out, String user) throws IOException {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    for (String part : List.of("user", user, "database", "pgbouncer", "")) {
      body.writeBytes((part + "\0").getBytes(StandardCharsets.UTF_8));
    }
    out.writeInt(8 + body.size());
    out.writeInt(PROTOCOL_3);
    out.write(body.toByteArray());
    out.flush();
  }

  /** Reads messages up to ReadyForQuery, collecting data rows into {@code rows} when given. */
  private static void readUntilReady(DataInputStream in, List<Map<String, String>> rows)
      throws IOException {
    List<String> columns = List.of();
    while (true) {
      char type = (char) in.readUnsignedByte();
      byte[] body = new byte[in.readInt() - 4];
      in.readFully(body);
      DataInputStream message = new DataInputStream(new java.io.ByteArrayInputStream(body));
      switch (type) {
        case 'R' -> {
          int code = message.readInt();
          if (code != 0) {
            throw new IOException("PgBouncer asks for authentication " + code + "; use trust");
          }
        }
        case 'E' -> throw new IOException("PgBouncer: " + errorText(body));
        case 'T' -> columns = columns(message);
        case 'D' -> {
          if (rows != null) {
            rows.add(row(message, columns));
          }
        }
        case 'Z' -> {
          return;
        }
        default -> {
          // ParameterStatus, BackendKeyData, notices, CommandComplete: nothing to keep
        }
      }
    }
  }

  private static List<String> columns(DataInputStream message) throws IOException {
    int count = message.readUnsignedShort();
    List<String> names = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      names.add(cString(message));
      message.skipBytes(4 + 2 + 4 + 2 + 4 + 2); // table, attribute, type, size, modifier, format
    }
    return names;
  }

  private static Map<String, String> row(DataInputStream message, List<String> columns)
      throws IOException {
    int count = message.readUnsignedShort();
    Map<String, String> row = new LinkedHashMap<>();
    for (int i = 0; i < count; i++) {
      int length = message.readInt();
      String value = null;
      if (length >= 0) {
        byte[] bytes = new byte[length];
        message.readFully(bytes);
        value = new String(bytes, StandardCharsets.UTF_8);
      }
      row.put(i < columns.size() ? columns.get(i) : "column" + i, value);
    }
    return row;
  }

  private static String cString(DataInputStream message) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    for (int b = message.readUnsignedByte(); b != 0; b = message.readUnsignedByte()) {
      bytes.write(b);
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  /** The message field ('M') of an ErrorResponse. */
  private static String errorText(byte[] body) {
    int i = 0;
    while (i < body.length && body[i] != 0) {
      char field = (char) body[i++];
      int end = i;
      while (end < body.length && body[end] != 0) {
        end++;
      }
      if (field == 'M') {
        return new String(body, i, end - i, StandardCharsets.UTF_8);
      }
      i = end + 1;
    }
    return "(error without a message)";
  }
}
