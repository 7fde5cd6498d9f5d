package dev.shortlease.application.port.out;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Image formats are told by their first bytes")
class ImageFormatTest {

  private static byte[] bytes(int... values) {
    byte[] out = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = (byte) values[i];
    }
    return out;
  }

  private static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.ISO_8859_1);
  }

  @Test
  @DisplayName("PNG, JPEG, GIF (87a, 89a) and WEBP are known, with their media types")
  void knownFormats() {
    assertThat(ImageFormat.of(bytes(0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0)))
        .contains(ImageFormat.PNG);
    assertThat(ImageFormat.of(bytes(0xFF, 0xD8, 0xFF, 0xDB))).contains(ImageFormat.JPEG);
    assertThat(ImageFormat.of(ascii("GIF87a..."))).contains(ImageFormat.GIF);
    assertThat(ImageFormat.of(ascii("GIF89a..."))).contains(ImageFormat.GIF);
    assertThat(ImageFormat.of(ascii("RIFF\u0010\0\0\0WEBPVP8 "))).contains(ImageFormat.WEBP);
    assertThat(ImageFormat.JPEG.mimeType()).isEqualTo("image/jpeg");
    assertThat(ImageFormat.WEBP.mimeType()).isEqualTo("image/webp");
  }

  @Test
  @DisplayName("SVG, BMP, a RIFF that is not WEBP, text, short and empty heads are none")
  void unknownFormats() {
    assertThat(ImageFormat.of(ascii("<svg xmlns=\"http://www.w3.org/2000/svg\"/>"))).isEmpty();
    assertThat(ImageFormat.of(ascii("<?xml version=\"1.0\"?><svg/>"))).isEmpty();
    assertThat(ImageFormat.of(ascii("BM\u0036\0\0\0\0\0\0\0"))).isEmpty();
    assertThat(ImageFormat.of(ascii("RIFF\u0010\0\0\0WAVEfmt "))).isEmpty();
    assertThat(ImageFormat.of(ascii("<html>"))).isEmpty();
    assertThat(ImageFormat.of(bytes(0x89, 'P', 'N', 'G'))).isEmpty();
    assertThat(ImageFormat.of(new byte[0])).isEmpty();
  }

  @Test
  @DisplayName("what a refused upload is, in a word for the log")
  void kindsOfWhatIsNoImage() {
    assertThat(ImageFormat.kindOf(new byte[0])).isEqualTo("empty");
    assertThat(ImageFormat.kindOf(ascii("  <svg xmlns=\"http://www.w3.org/2000/svg\"/>")))
        .isEqualTo("SVG");
    assertThat(ImageFormat.kindOf(ascii("\u00EF\u00BB\u00BF<?xml version=\"1.0\"?><svg/>")))
        .isEqualTo("SVG");
    assertThat(ImageFormat.kindOf(ascii("<?xml version=\"1.0\"?><feed/>"))).isEqualTo("XML");
    assertThat(ImageFormat.kindOf(ascii("<!DOCTYPE html><html>"))).isEqualTo("HTML");
    assertThat(ImageFormat.kindOf(ascii("%PDF-1.7\n"))).isEqualTo("PDF");
    assertThat(ImageFormat.kindOf(ascii("BM\u0036\0\0\0\0\0\0\0"))).isEqualTo("BMP");
    assertThat(ImageFormat.kindOf(ascii("II*\0\u0008\0\0\0"))).isEqualTo("TIFF");
    assertThat(ImageFormat.kindOf(ascii("\0\0\0\u0018ftypheic"))).isEqualTo("HEIF/AVIF");
    assertThat(ImageFormat.kindOf(ascii("just some words\n"))).isEqualTo("text");
    assertThat(ImageFormat.kindOf(bytes(0x00, 0x01, 0x02, 0xFE))).isEqualTo("unknown binary");
  }

  @Test
  @DisplayName("only the first length bytes count")
  void lengthBounds() {
    byte[] png = bytes(0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n');
    assertThat(ImageFormat.of(png, 7)).isEmpty();
    assertThat(ImageFormat.of(png, 8)).contains(ImageFormat.PNG);
  }
}
