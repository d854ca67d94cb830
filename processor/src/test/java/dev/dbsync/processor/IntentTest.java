package dev.dbsync.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compiler;
import dev.dbsync.annotations.Table;
import dev.dbsync.schema.diff.Intent;
import dev.dbsync.schema.model.QualifiedName;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;
import org.junit.jupiter.api.Test;

/** What the annotations declare about renames and drops, as handed to the differ. */
class IntentTest {
  /** Reads and assembles the {@code @Table} records of the first round, keeping the intent. */
  private static final class IntentCapture extends AbstractProcessor {
    Intent intent;

    @Override
    public Set<String> getSupportedAnnotationTypes() {
      return Set.of(Table.class.getCanonicalName());
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
      return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
      if (intent == null && !round.processingOver()) {
        TableReader reader = new TableReader(processingEnv.getElementUtils());
        Report.Builder report = new Report.Builder();
        List<TableElement> tables = new ArrayList<>();
        for (TypeElement type : ElementFilter.typesIn(round.getElementsAnnotatedWith(Table.class))) {
          reader.read(type, report).ifPresent(tables::add);
        }
        intent = new SchemaAssembler(reader, processingEnv.getTypeUtils()).assemble(tables, report).intent();
        assertThat(report.build().items()).isEmpty();
      }
      return false;
    }
  }

  @Test
  void renamesAndDropsFromAnnotations() {
    IntentCapture capture = new IntentCapture();
    assertThat(
            Compiler.javac()
                .withProcessors(capture)
                .compile(
                    Fixtures.source(
                        "app.Article",
                        """
                        package app;

                        import dev.dbsync.annotations.*;

                        @Table(
                            value = "articles",
                            schema = "blog",
                            renamedFrom = {"posts", "legacy.entries"},
                            droppedColumns = "views",
                            droppedTables = {"drafts", "public.tmp"})
                        public record Article(
                            @Id long id,
                            @Column(renamedFrom = {"content", "text"}) String body,
                            Kind kind) {
                          @EnumType(value = "article_kind", renamedFrom = {"kind", "legacy.kinds"})
                          public enum Kind { NEWS, @EnumValue(renamedFrom = "OPINION") COMMENT }
                        }
                        """)))
        .succeeded();

    QualifiedName articles = QualifiedName.of("blog", "articles");
    assertThat(capture.intent)
        .isEqualTo(
            new Intent(
                Map.of(articles, List.of(QualifiedName.of("blog", "posts"), QualifiedName.of("legacy", "entries"))),
                Map.of(articles, Map.of("body", List.of("content", "text"))),
                Map.of(QualifiedName.of("blog", "article_kind"), Map.of("COMMENT", List.of("OPINION"))),
                Set.of(QualifiedName.of("blog", "drafts"), QualifiedName.of("public", "tmp")),
                Map.of(articles, Set.of("views")),
                Map.of(QualifiedName.of("blog", "article_kind"),
                    List.of(QualifiedName.of("blog", "kind"), QualifiedName.of("legacy", "kinds")))));
  }
}
