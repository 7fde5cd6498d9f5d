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
  @DisplayName("only the first length bytes count")
  void lengthBounds() {
    byte[] png = bytes(0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n');
    assertThat(ImageFormat.of(png, 7)).isEmpty();
    assertThat(ImageFormat.of(png, 8)).contains(ImageFormat.PNG);
  }
}
