package dev.shortlease.docs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks the links of a docs page: every link's file exists, and a link written as {@code
 * [`Type.method`](path/Type.java)} points at a file whose type of that name declares the method.
 */
final class DocLinks {

  private static final Pattern LINK =
      Pattern.compile("\\[(`?)([^\\]`]+)\\1\\]\\(([^)#\\s]+)[^)]*\\)");
  private static final Pattern CODE = Pattern.compile("([A-Z]\\w*)(?:\\.(\\w+))?");

  private DocLinks() {}

  /** One problem per broken link, each naming the link; empty when all hold. */
  static List<String> problems(Path page) throws IOException {
    List<String> problems = new ArrayList<>();
    Matcher link = LINK.matcher(Files.readString(page));
    while (link.find()) {
      String target = link.group(3);
      if (target.startsWith("http://") || target.startsWith("https://")) {
        continue;
      }
      Path file = page.getParent().resolve(target).normalize();
      if (!Files.exists(file)) {
        problems.add(link.group() + ": no file " + file);
        continue;
      }
      boolean code = !link.group(1).isEmpty();
      Matcher name = CODE.matcher(link.group(2));
      if (code && target.endsWith(".java") && name.matches()) {
        problems.addAll(declarationProblems(link.group(), file, name.group(1), name.group(2)));
      }
    }
    return problems;
  }

  private static List<String> declarationProblems(
      String link, Path file, String type, String member) throws IOException {
    List<String> bodies = JavaSources.of(Files.readString(file)).bodiesOf(type);
    if (bodies.isEmpty()) {
      return List.of(link + ": " + file.getFileName() + " declares no type " + type);
    }
    if (member != null && bodies.stream().noneMatch(b -> JavaSources.declaresMember(b, member))) {
      return List.of(link + ": " + type + " declares no member " + member);
    }
    return List.of();
  }

  /** A declaration, not a call: a return type (or void) before the name, a block or ';' after. */
  static boolean declares(String source, String method) {
    return Pattern.compile(
            "^[ \\t]*(?:@\\w+(?:\\([^)]*\\))?\\s+)*(?:(?:public|protected|private|static|final"
                + "|default|abstract|synchronized)\\s+)*(?:<[^>]+>\\s+)?"
                + "(?!return\\b|new\\b|throw\\b|else\\b)\\w[\\w.<>\\[\\],? ]*\\s+"
                + method
                + "\\s*\\(",
            Pattern.MULTILINE)
        .matcher(source)
        .find();
  }
}
