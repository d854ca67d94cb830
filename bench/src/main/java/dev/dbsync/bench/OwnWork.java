package dev.dbsync.bench;

import dev.dbsync.processor.DbSyncProcessor;
import java.io.FilterWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import javax.annotation.processing.Completion;
import javax.annotation.processing.Filer;
import javax.annotation.processing.Messager;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileObject;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileManager;
import javax.tools.JavaFileObject;
import javax.tools.ToolProvider;

/**
 * The processor's own work, apart from what javac does around it: one javac (in this JVM, through the compiler
 * API) with dbsync's processor wrapped so that the time inside its calls is summed, and within that the time
 * javac's {@link Filer} takes to create dbsync's files (its name and existence checks, which every processor that
 * writes a file pays). Prints three figures in ms: javac in all, inside dbsync's processor, inside the Filer.
 */
final class OwnWork {
  private OwnWork() {}

  static void run(Path sources, Path out, String classpath, List<String> options) throws IOException {
    Timed processor = new Timed(new DbSyncProcessor());
    List<String> arguments = new ArrayList<>(List.of("-d", out.toString(), "-cp", classpath, "-implicit:none"));
    arguments.addAll(options);
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    List<Path> files;
    try (Stream<Path> listing = Files.list(sources)) {
      files = listing.sorted().toList();
    }
    try (var fileManager = javac.getStandardFileManager(null, Locale.ROOT, null)) {
      long began = System.nanoTime();
      JavaCompiler.CompilationTask task = javac.getTask(new PrintWriter(OutputStream.nullOutputStream()),
          fileManager, null, arguments, null, fileManager.getJavaFileObjectsFromPaths(files));
      task.setProcessors(List.of(processor));
      if (!task.call()) {
        throw new IllegalStateException("javac failed");
      }
      System.out.printf(Locale.ROOT, "%n%.1f %.1f %.1f%n", (System.nanoTime() - began) / 1e6,
          processor.nanos / 1e6, processor.filerNanos[0] / 1e6);
    }
  }

  /** Delegates to a processor and sums the time spent inside it, and inside its Filer calls. */
  private static final class Timed implements Processor {
    private final Processor delegate;
    long nanos;
    final long[] filerNanos = new long[1];

    Timed(Processor delegate) {
      this.delegate = delegate;
    }

    @Override
    public Set<String> getSupportedOptions() {
      return delegate.getSupportedOptions();
    }

    @Override
    public Set<String> getSupportedAnnotationTypes() {
      return delegate.getSupportedAnnotationTypes();
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
      return delegate.getSupportedSourceVersion();
    }

    @Override
    public void init(ProcessingEnvironment environment) {
      long began = System.nanoTime();
      delegate.init(new TimedEnvironment(environment, new TimedFiler(environment.getFiler(), filerNanos)));
      nanos += System.nanoTime() - began;
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
      long began = System.nanoTime();
      try {
        return delegate.process(annotations, round);
      } finally {
        nanos += System.nanoTime() - began;
      }
    }

    @Override
    public Iterable<? extends Completion> getCompletions(
        Element element, AnnotationMirror annotation, ExecutableElement member, String userText) {
      return delegate.getCompletions(element, annotation, member, userText);
    }
  }

  private record TimedEnvironment(ProcessingEnvironment delegate, Filer filer) implements ProcessingEnvironment {
    @Override
    public Map<String, String> getOptions() {
      return delegate.getOptions();
    }

    @Override
    public Messager getMessager() {
      return delegate.getMessager();
    }

    @Override
    public Filer getFiler() {
      return filer;
    }

    @Override
    public Elements getElementUtils() {
      return delegate.getElementUtils();
    }

    @Override
    public Types getTypeUtils() {
      return delegate.getTypeUtils();
    }

    @Override
    public SourceVersion getSourceVersion() {
      return delegate.getSourceVersion();
    }

    @Override
    public Locale getLocale() {
      return delegate.getLocale();
    }
  }

  /**
   * Times the Filer's creations and reads, and the file system work of the source files it hands out (creating the
   * file when it is opened, flushing it when closed); putting the text into the writer stays the processor's, and
   * so does all the work on its few resource files. Every processor that generates sources pays these per file,
   * and on this machine creating a file just after the output directory was emptied costs up to ~1 ms.
   */
  private record TimedFiler(Filer delegate, long[] nanos) implements Filer {
    @FunctionalInterface
    private interface Call<T> {
      T run() throws IOException;
    }

    private <T> T timed(Call<T> call) throws IOException {
      long began = System.nanoTime();
      try {
        return call.run();
      } finally {
        nanos[0] += System.nanoTime() - began;
      }
    }

    @Override
    public JavaFileObject createSourceFile(CharSequence name, Element... originatingElements) throws IOException {
      return new TimedJavaFile(timed(() -> delegate.createSourceFile(name, originatingElements)));
    }

    @Override
    public JavaFileObject createClassFile(CharSequence name, Element... originatingElements) throws IOException {
      return new TimedJavaFile(timed(() -> delegate.createClassFile(name, originatingElements)));
    }

    @Override
    public FileObject createResource(JavaFileManager.Location location, CharSequence moduleAndPkg,
        CharSequence relativeName, Element... originatingElements) throws IOException {
      return timed(() -> delegate.createResource(location, moduleAndPkg, relativeName, originatingElements));
    }

    @Override
    public FileObject getResource(JavaFileManager.Location location, CharSequence moduleAndPkg,
        CharSequence relativeName) throws IOException {
      return timed(() -> delegate.getResource(location, moduleAndPkg, relativeName));
    }

    /** A source file whose creation on disk (when opened) and flushing (when closed) are timed. */
    private final class TimedJavaFile extends ForwardingJavaFileObject<JavaFileObject> {
      TimedJavaFile(JavaFileObject file) {
        super(file);
      }

      @Override
      public Writer openWriter() throws IOException {
        return new FilterWriter(timed(fileObject::openWriter)) {
          @Override
          public void close() throws IOException {
            timed(() -> {
              out.close();
              return null;
            });
          }
        };
      }
    }
  }
}
