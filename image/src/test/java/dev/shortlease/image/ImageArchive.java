package dev.shortlease.image;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * A container image as Jib's {@code buildTar} writes it (the {@code docker save} layout:
 * manifest.json, the image config, one gzipped tar per layer), read without a container engine.
 * {@link #files()} is the image's filesystem: every layer applied in order, as a runtime would.
 */
final class ImageArchive {
  private static final ObjectMapper JSON = new ObjectMapper();
  static final long KEPT_BYTES = 4 << 20;

  /** One path of the image's filesystem, as its last layer left it. */
  record File(
      String path, int mode, long uid, long gid, long size, String linkTarget, boolean directory) {
    boolean executable() {
      return (mode & 0111) != 0;
    }

    boolean symlink() {
      return linkTarget != null;
    }
  }

  private final Path tar;
  private final JsonNode config;
  private final List<String> layers;
  private final Map<String, File> files;
  private final Map<String, byte[]> contents;

  private ImageArchive(
      Path tar,
      JsonNode config,
      List<String> layers,
      Map<String, File> files,
      Map<String, byte[]> contents) {
    this.tar = tar;
    this.config = config;
    this.layers = layers;
    this.files = files;
    this.contents = contents;
  }

  static ImageArchive read(Path tar) throws IOException {
    JsonNode manifest = JSON.readTree(entry(tar, "manifest.json"));
    if (!manifest.isArray() || manifest.size() != 1) {
      throw new IOException(tar + ": manifest.json must describe one image, got " + manifest);
    }
    JsonNode image = manifest.get(0);
    JsonNode config = JSON.readTree(entry(tar, image.get("Config").asText()));
    List<String> layers = new ArrayList<>();
    image.get("Layers").forEach(layer -> layers.add(layer.asText()));
    Map<String, File> files = new LinkedHashMap<>();
    Map<String, byte[]> contents = new HashMap<>();
    for (String layer : layers) {
      readLayer(entry(tar, layer), files, contents);
    }
    return new ImageArchive(tar, config, layers, files, contents);
  }

  /** The image config's {@code config} object: Entrypoint, User, ExposedPorts, Env, ... */
  JsonNode runConfig() {
    return config.get("config");
  }

  /** The environment the image sets, by name. */
  Map<String, String> environment() {
    Map<String, String> env = new LinkedHashMap<>();
    runConfig()
        .path("Env")
        .forEach(
            pair -> {
              String text = pair.asText();
              int eq = text.indexOf('=');
              env.put(text.substring(0, eq), text.substring(eq + 1));
            });
    return env;
  }

  List<String> entrypoint() {
    List<String> args = new ArrayList<>();
    runConfig().path("Entrypoint").forEach(arg -> args.add(arg.asText()));
    return args;
  }

  List<String> layers() {
    return layers;
  }

  /** Paths without a leading slash ({@code opt/java/bin/java}), in layer order. */
  Map<String, File> files() {
    return files;
  }

  /** A regular file's bytes (files up to {@link #KEPT_BYTES} are kept when the image is read). */
  byte[] content(String path) throws IOException {
    byte[] bytes = contents.get(path);
    if (bytes == null) {
      throw new IOException("no file " + path + " of at most " + KEPT_BYTES + " bytes in " + tar);
    }
    return bytes;
  }

  /**
   * Unpacks every layer into {@code root} with GNU tar, keeping owners, modes and links as a
   * container runtime would (owners need root). The image has no whiteouts: layers only add.
   */
  void unpack(Path root) throws IOException, InterruptedException {
    Files.createDirectories(root);
    for (String layer : layers) {
      Path file = Files.createTempFile("shortlease-layer-", ".tar.gz");
      try {
        Files.write(file, entry(tar, layer));
        Process tarProcess =
            new ProcessBuilder(
                    "tar", "-xzf", file.toString(), "-C", root.toString(), "--same-owner", "-p")
                .redirectErrorStream(true)
                .start();
        String output = new String(tarProcess.getInputStream().readAllBytes());
        if (tarProcess.waitFor() != 0) {
          throw new IOException("tar could not unpack " + layer + ": " + output);
        }
      } finally {
        Files.deleteIfExists(file);
      }
    }
  }

  private static void readLayer(byte[] layer, Map<String, File> files, Map<String, byte[]> contents)
      throws IOException {
    try (TarArchiveInputStream in = layerStream(layer)) {
      for (TarArchiveEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        String path = normalize(e.getName());
        if (path.isEmpty()) {
          continue;
        }
        files.put(
            path,
            new File(
                path,
                e.getMode() & 07777,
                e.getLongUserId(),
                e.getLongGroupId(),
                e.getSize(),
                e.isSymbolicLink() ? e.getLinkName() : null,
                e.isDirectory()));
        if (e.isFile() && e.getSize() <= KEPT_BYTES) {
          contents.put(path, in.readAllBytes());
        }
      }
    }
  }

  private static TarArchiveInputStream layerStream(byte[] layer) throws IOException {
    InputStream raw = new BufferedInputStream(new java.io.ByteArrayInputStream(layer));
    raw.mark(2);
    int first = raw.read();
    int second = raw.read();
    raw.reset();
    boolean gzip = first == 0x1f && second == 0x8b;
    return new TarArchiveInputStream(gzip ? new GZIPInputStream(raw) : raw);
  }

  private static String normalize(String name) {
    String path = name.startsWith("./") ? name.substring(2) : name;
    path = path.startsWith("/") ? path.substring(1) : path;
    return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
  }

  /** One member of the outer (docker-archive) tar. */
  private static byte[] entry(Path tar, String name) throws IOException {
    try (TarArchiveInputStream in =
        new TarArchiveInputStream(new BufferedInputStream(Files.newInputStream(tar)))) {
      for (TarArchiveEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        if (normalize(e.getName()).equals(name)) {
          ByteArrayOutputStream out = new ByteArrayOutputStream();
          in.transferTo(out);
          return out.toByteArray();
        }
      }
    }
    throw new IOException(tar + " has no " + name);
  }
}
