package dev.dbsync.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A component type that another processor generates in the first round. */
class RoundsTest {
  /** Generates {@code app.Mood} in the first round, as e.g. a code generator from a schema would. */
  private static final class MoodGenerator extends AbstractProcessor {
    private boolean done;

    @Override
    public Set<String> getSupportedAnnotationTypes() {
      return Set.of("*");
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
      return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
      if (!done) {
        done = true;
        try (Writer writer = processingEnv.getFiler().createSourceFile("app.Mood").openWriter()) {
          writer.write("package app;\npublic enum Mood { HAPPY, CALM }\n");
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
      return false;
    }
  }

  @TempDir Path resources;

  @Test
  void metamodelWaitsForTheGeneratedTypeAndTheSchemaUsesIt() {
    Compilation compilation =
        Fixtures.compiler(resources)
            .withProcessors(new MoodGenerator(), Fixtures.processor())
            .compile(
                Fixtures.source(
                    "app.Feeling",
                    "package app;\nimport dev.dbsync.annotations.*;\n"
                        + "@Table public record Feeling(@Id long id, Mood mood) {}\n"));

    assertThat(compilation).succeeded();
    assertThat(compilation).generatedSourceFile("app.FeelingTable").contentsAsUtf8String().contains("MOOD = \"mood\"");
    assertThat(Fixtures.files(resources).get("db/dbsync/schema.json")).contains("\"public.mood\": [");
  }
}
