package dev.shortlease.application.chat;

import dev.shortlease.application.port.out.ChatModelPort;
import dev.shortlease.application.port.out.FileStorePort;
import dev.shortlease.application.port.out.ImageFormat;
import dev.shortlease.application.port.out.ImageInputException;
import dev.shortlease.application.port.out.ModelImage;
import dev.shortlease.application.port.out.RemoteImagePort;
import dev.shortlease.application.port.out.StopSignal;
import dev.shortlease.domain.FileKind;
import dev.shortlease.domain.FileTransfer;
import dev.shortlease.domain.MessageFile;
import java.net.URI;
import java.util.List;

/**
 * Shows a message's images to a model that sees images: remote ones by URL, or downloaded first
 * when the model takes only inline images; uploads by their bytes. They are read here, a few at
 * once ({@link ParallelReads}) while the runner waits (no connection held), before the model is
 * called, so a failed download ends the run before any text, as does an upload whose bytes are no
 * raster image ({@link ImageFormat}). A model without vision gets the text alone, as Dify leaves
 * files out for such models.
 */
final class VisionInput implements AnswerGenerator {
  private static final System.Logger LOG = System.getLogger(VisionInput.class.getName());
  private final AnswerGenerator generator;
  private final ChatModelPort model;
  private final FileStorePort store;
  private final RemoteImagePort remote;

  VisionInput(
      AnswerGenerator generator, ChatModelPort model, FileStorePort store, RemoteImagePort remote) {
    this.generator = generator;
    this.model = model;
    this.store = store;
    this.remote = remote;
  }

  @Override
  public void generate(ChatContext context, RunProgress progress) {
    List<MessageFile> images =
        context.files().stream().filter(file -> file.kind() == FileKind.IMAGE).toList();
    if (images.isEmpty() || !model.supportsVision()) {
      generator.generate(context, progress);
      return;
    }
    boolean links = model.takesImageLinks();
    generator.generate(
        context.withImages(
            ParallelReads.inOrder(
                images, progress.stopSignal(), (file, stop) -> image(file, links, stop))),
        progress);
  }

  private ModelImage image(MessageFile file, boolean links, StopSignal stop) {
    if (file.transfer() == FileTransfer.REMOTE_URL) {
      URI url = URI.create(file.url());
      return links ? new ModelImage.Link(url) : remote.fetch(url, stop);
    }
    byte[] data = store.read(file.upload());
    // The type the uploader declared is not trusted: the bytes decide, as for a download.
    ImageFormat format = ImageFormat.of(data).orElse(null);
    if (format == null) {
      // A WARN, as a refused download's: the operator sees which file and what it really is
      // (never its bytes, nor the names the client gave it), which the client is not told.
      LOG.log(
          System.Logger.Level.WARNING,
          "uploaded image refused: file={0} detected={1} bytes={2}: not {3}",
          file.upload(),
          ImageFormat.kindOf(data),
          String.valueOf(data.length),
          ImageFormat.NAMES);
      throw new ImageInputException(
          "The uploaded image "
              + file.name()
              + " cannot be shown to the model: it is not "
              + ImageFormat.NAMES
              + ".");
    }
    return new ModelImage.Inline(format.mimeType(), data);
  }
}
