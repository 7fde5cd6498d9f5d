package dev.shortlease.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The repository's Java sources, read just well enough to tell whether a type declares a member.
 * Comments and literals are blanked first, so a name in a string or a comment never counts, and a
 * member counts only inside the body of the type the docs name (nested types within it included).
 */
final class JavaSources {

  private static final Pattern IGNORED = Pattern.compile("/(target|\\.git|node_modules)/");

  private static final Pattern DECLARATION =
      Pattern.compile("\\b(?:class|interface|record|enum)\\s+([A-Z]\\w*)\\b[^{;]*\\{");

  /** Each type's simple name, with the header and body of each of its declarations. */
  private final Map<String, List<String>> declarations = new HashMap<>();

  private JavaSources(List<String> sources) {
    for (String source : sources) {
      Matcher found = DECLARATION.matcher(source);
      while (found.find()) {
        declarations
            .computeIfAbsent(found.group(1), name -> new ArrayList<>())
            .add(found.group() + body(source, found.end()));
      }
    }
  }

  /** Every {@code .java} file under root; build output, Git's and npm's files left out. */
  static JavaSources under(Path root) throws IOException {
    try (Stream<Path> files = Files.walk(root)) {
      return new JavaSources(
          files
              .filter(p -> p.toString().endsWith(".java"))
              .filter(p -> !IGNORED.matcher(p.toString()).find())
              .map(JavaSources::read)
              .toList());
    }
  }

  /** One source, for the checker's own tests. */
  static JavaSources of(String... sources) {
    return new JavaSources(Stream.of(sources).map(JavaSources::blanked).toList());
  }

  /** The bodies of every type of that simple name, top-level or nested; empty when none. */
  List<String> bodiesOf(String type) {
    return declarations.getOrDefault(type, List.of());
  }

  /** A method, a field or a record component of that name, declared in the type's text. */
  static boolean declaresMember(String type, String name) {
    String header = type.substring(0, type.indexOf('{'));
    return DocLinks.declares(type, name)
        || Pattern.compile(
                "^[ \\t]*(?:@\\w+\\s+)*(?:(?:public|protected|private|static|final|volatile)\\s+)*"
                    + "(?!return\\b|throw\\b)\\w[\\w.<>\\[\\],? ]*\\s+"
                    + name
                    + "\\s*[=;]",
                Pattern.MULTILINE)
            .matcher(type)
            .find()
        || header.startsWith("record")
            && Pattern.compile("[\\w>\\]]\\s+" + name + "\\s*[,)]").matcher(header).find();
  }

  private static String body(String source, int open) {
    int depth = 1;
    for (int i = open; i < source.length(); i++) {
      char c = source.charAt(i);
      if (c == '{') {
        depth++;
      } else if (c == '}' && --depth == 0) {
        return source.substring(open, i + 1);
      }
    }
    return source.substring(open);
  }

  private static String read(Path file) {
    try {
      return blanked(Files.readString(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Comments, strings, text blocks and char literals turned into spaces; lines kept. */
  static String blanked(String source) {
    StringBuilder out = new StringBuilder(source.length());
    int i = 0;
    while (i < source.length()) {
      int end = literalOrCommentEnd(source, i);
      if (end == i) {
        out.append(source.charAt(i++));
        continue;
      }
      for (; i < end; i++) {
        out.append(source.charAt(i) == '\n' ? '\n' : ' ');
      }
    }
    return out.toString();
  }

  /** Where the comment or literal starting at i ends; i when none starts there. */
  private static int literalOrCommentEnd(String s, int i) {
    if (s.startsWith("//", i)) {
      int eol = s.indexOf('\n', i);
      return eol < 0 ? s.length() : eol;
    }
    if (s.startsWith("/*", i)) {
      int close = s.indexOf("*/", i + 2);
      return close < 0 ? s.length() : close + 2;
    }
    if (s.startsWith("\"\"\"", i)) {
      int close = s.indexOf("\"\"\"", i + 3);
      return close < 0 ? s.length() : close + 3;
    }
    char c = s.charAt(i);
    if (c != '"' && c != '\'') {
      return i;
    }
    int j = i + 1;
    while (j < s.length() && s.charAt(j) != c && s.charAt(j) != '\n') {
      j += s.charAt(j) == '\\' ? 2 : 1;
    }
    return Math.min(j + 1, s.length());
  }
}
