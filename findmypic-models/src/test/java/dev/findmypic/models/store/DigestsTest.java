package dev.findmypic.models.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.findmypic.core.ModelException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DigestsTest {
  @TempDir Path tmp;

  @Test
  void hashesMatchTheirWellKnownValues() throws Exception {
    Path f = Files.writeString(tmp.resolve("hello"), "hello\n");
    // `git hash-object` of "hello\n", `sha256sum` and `md5sum` of the same bytes
    assertThat(Digests.hash(Digests.Kind.GIT_SHA1, f)).isEqualTo("ce013625030ba8dba906f756967f9e9ca394464a");
    assertThat(Digests.hash(Digests.Kind.SHA256, f))
        .isEqualTo("5891b5b522d5df086d0ff0b110fbd9d21bb4fc7163af34d08286a2e846f6be03");
    assertThat(Digests.hash(Digests.Kind.MD5, f)).isEqualTo("b1946ac92492d2347c6235b4d2611184");
  }

  @Test
  void etagKinds() {
    assertThat(Digests.kindOfEtag("a".repeat(64))).isEqualTo(Digests.Kind.SHA256);
    assertThat(Digests.kindOfEtag("a".repeat(40))).isEqualTo(Digests.Kind.GIT_SHA1);
    assertThat(Digests.kindOfEtag("abc-123-xyz")).isNull();
    assertThat(HubFileMetadata.normalizeEtag("W/\"abc\"")).isEqualTo("abc");
  }

  @Test
  void pathsFromServersStayInside() {
    assertThat(SafePaths.resolveInside(tmp, "onnx/model.onnx", "file")).isEqualTo(tmp.resolve("onnx/model.onnx"));
    for (String bad : new String[] {"../x", "a/../../x", "/etc/passwd", "a//b", "a\\b", "", "./a", "C:/x"}) {
      assertThatThrownBy(() -> SafePaths.resolveInside(tmp, bad, "file")).as(bad).isInstanceOf(ModelException.class);
    }
  }
}
