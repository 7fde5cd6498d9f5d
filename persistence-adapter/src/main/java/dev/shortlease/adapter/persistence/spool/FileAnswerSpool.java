package dev.shortlease.adapter.persistence.spool;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shortlease.domain.AppId;
import dev.shortlease.domain.EndUserId;
import dev.shortlease.domain.MessageId;
import dev.shortlease.domain.MessageOutcome;
import dev.shortlease.domain.MessageStatus;
import dev.shortlease.domain.Owner;
import dev.shortlease.domain.SpooledAnswer;
import dev.shortlease.domain.TokenUsage;
import dev.shortlease.domain.port.AnswerSpoolPort;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The answer spool on local disk: one JSON file per message ({@code <message id>.json}) under a
 * directory. A file is written to a temporary name, forced to disk and renamed, so a crash leaves
 * either the whole answer or nothing; a file that cannot be read is moved aside ({@code .bad}) with
 * a log line rather than blocking the others. Plain files on purpose: the spool is for when the
 * database is out of reach, so it must not need the database, and an operator can read it.
 */
public final class FileAnswerSpool implements AnswerSpoolPort {
  private static final Logger LOG = LoggerFactory.getLogger(FileAnswerSpool.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SUFFIX = ".json";

  private final Path directory;

  public FileAnswerSpool(Path directory) {
    this.directory = directory.toAbsolutePath();
  }

  public Path directory() {
    return directory;
  }

  /** The file layout, one flat object an operator can read. */
  record Entry(
      UUID appId,
      UUID endUserId,
      UUID messageId,
      String status,
      String answer,
      String error,
      int promptTokens,
      int completionTokens,
      long latencyNanos) {

    static Entry of(SpooledAnswer a) {
      MessageOutcome o = a.outcome();
      return new Entry(
          a.owner().appId().value(),
          a.owner().endUserId().value(),
          a.messageId().value(),
          o.status().name(),
          o.answer(),
          o.error(),
          o.usage().promptTokens(),
          o.usage().completionTokens(),
          o.latency().toNanos());
    }

    SpooledAnswer toAnswer() {
      return new SpooledAnswer(
          new Owner(new AppId(appId), new EndUserId(endUserId)),
          new MessageId(messageId),
          new MessageOutcome(
              MessageStatus.valueOf(status),
              answer,
              error,
              new TokenUsage(promptTokens, completionTokens),
              Duration.ofNanos(latencyNanos)));
    }
  }

  @Override
  public void keep(SpooledAnswer answer) {
    try {
      Files.createDirectories(directory);
      Path target = file(answer.messageId());
      Path temporary = directory.resolve(target.getFileName() + ".tmp");
      Files.write(temporary, JSON.writeValueAsBytes(Entry.of(answer)));
      try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
        channel.force(true);
      }
      try {
        Files.move(
            temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot spool the answer of " + answer.messageId(), e);
    }
  }

  @Override
  public int waiting() {
    return spooledFiles().size();
  }

  @Override
  public List<SpooledAnswer> pending() {
    List<Path> files =
        spooledFiles().stream().sorted(Comparator.comparing(FileAnswerSpool::modified)).toList();
    List<SpooledAnswer> answers = new ArrayList<>(files.size());
    for (Path file : files) {
      try {
        answers.add(JSON.readValue(file.toFile(), Entry.class).toAnswer());
      } catch (IOException | RuntimeException e) {
        LOG.error("unreadable spooled answer {} moved aside: {}", file, e.toString());
        moveAside(file);
      }
    }
    return answers;
  }

  /** The answer files now, in no order; none when the directory does not exist yet. */
  private List<Path> spooledFiles() {
    if (!Files.isDirectory(directory)) {
      return List.of();
    }
    try (Stream<Path> listing = Files.list(directory)) {
      return listing.filter(p -> p.getFileName().toString().endsWith(SUFFIX)).toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list the answer spool " + directory, e);
    }
  }

  @Override
  public void forget(MessageId messageId) {
    try {
      Files.deleteIfExists(file(messageId));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete the spooled answer of " + messageId, e);
    }
  }

  private Path file(MessageId messageId) {
    return directory.resolve(messageId.value() + SUFFIX);
  }

  private static long modified(Path file) {
    try {
      return Files.getLastModifiedTime(file).toMillis();
    } catch (NoSuchFileException e) {
      return Long.MAX_VALUE;
    } catch (IOException e) {
      return Long.MAX_VALUE;
    }
  }

  private static void moveAside(Path file) {
    try {
      Files.move(file, file.resolveSibling(file.getFileName() + ".bad"));
    } catch (IOException e) {
      LOG.error("cannot move {} aside: {}", file, e.toString());
    }
  }
}
