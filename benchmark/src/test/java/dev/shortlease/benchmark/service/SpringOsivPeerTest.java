package dev.shortlease.benchmark.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpringOsivPeerTest {

  @Test
  void runsThePeersOwnClassesAndClasspathFoundBesideTheBenchmarksClasses(@TempDir Path repo)
      throws Exception {
    Path target = Files.createDirectories(repo.resolve("benchmark/spring-osiv/target"));
    Files.writeString(target.resolve("runtime-classpath.txt"), "/m2/spring-boot.jar:/m2/pg.jar\n");
    String benchmarkClasspath =
        String.join(
            File.pathSeparator, "/m2/hibernate.jar", repo.resolve("benchmark/target/classes") + "");

    String classpath = SpringOsivPeer.launch("emitter").classpath().apply(benchmarkClasspath);

    assertThat(classpath)
        .isEqualTo(
            target.resolve("classes") + File.pathSeparator + "/m2/spring-boot.jar:/m2/pg.jar")
        .doesNotContain("hibernate.jar");
    assertThat(SpringOsivPeer.launch("emitter").mainClass()).isEqualTo(SpringOsivPeer.MAIN_CLASS);
  }

  @Test
  void anUnbuiltPeerIsReportedWithTheCommandThatBuildsIt(@TempDir Path repo) {
    String benchmarkClasspath = repo.resolve("benchmark/target/classes").toString();

    assertThatThrownBy(() -> SpringOsivPeer.launch("emitter").classpath().apply(benchmarkClasspath))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("-pl benchmark/spring-osiv package");
  }
}
