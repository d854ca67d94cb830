package dev.dbsync.processor;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;

/** Annotation mirrors: what diagnostics attach to, and what reflection-style access cannot give. */
final class Annotations {
  private Annotations() {}

  /** The mirror of {@code type} directly on {@code element}, or null. */
  static AnnotationMirror mirror(Element element, Class<?> type) {
    return element.getAnnotationMirrors().stream()
        .filter(m -> isType(m, type.getCanonicalName()))
        .findFirst()
        .orElse(null);
  }

  /**
   * The mirrors to report on for a repeatable annotation, in declaration order: the mirror when it is written
   * once; null for each when written several times, since javac cannot place a mirror nested in the
   * synthesized container (the diagnostic then goes on the element).
   */
  @SuppressWarnings("unchecked") // the value of a container annotation is an array of annotations
  static List<AnnotationMirror> repeated(Element element, Class<?> type, Class<?> container) {
    List<AnnotationMirror> found = new ArrayList<>();
    for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
      if (isType(mirror, type.getCanonicalName())) {
        found.add(mirror);
      } else if (isType(mirror, container.getCanonicalName())) {
        for (int i = 0; i < ((List<? extends AnnotationValue>) value(mirror, "value").getValue()).size(); i++) {
          found.add(null);
        }
      }
    }
    return found;
  }

  /** An explicitly written value of {@code mirror}, or null when the default applies. */
  static AnnotationValue value(AnnotationMirror mirror, String name) {
    for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> entry :
        mirror.getElementValues().entrySet()) {
      if (entry.getKey().getSimpleName().contentEquals(name)) {
        return entry.getValue();
      }
    }
    return null;
  }

  /**
   * Whether any annotation named {@code Nullable} (JSpecify, Jakarta, JetBrains, ...) marks the component:
   * as a declaration annotation it lands on the component, accessor or field depending on its target; as a
   * type-use annotation on the component's type.
   */
  static boolean isNullable(RecordComponentElement component) {
    ExecutableElement accessor = component.getAccessor();
    TypeElement record = (TypeElement) component.getEnclosingElement();
    Stream<Element> field =
        ElementFilter.fieldsIn(record.getEnclosedElements()).stream()
            .filter(f -> f.getSimpleName().contentEquals(component.getSimpleName()))
            .map(Element.class::cast);
    Stream<List<? extends AnnotationMirror>> mirrors =
        Stream.concat(
            Stream.of(
                component.getAnnotationMirrors(),
                component.asType().getAnnotationMirrors(),
                accessor == null ? List.<AnnotationMirror>of() : accessor.getAnnotationMirrors(),
                accessor == null ? List.<AnnotationMirror>of() : accessor.getReturnType().getAnnotationMirrors()),
            field.map(Element::getAnnotationMirrors));
    return mirrors
        .flatMap(List::stream)
        .anyMatch(m -> m.getAnnotationType().asElement().getSimpleName().contentEquals("Nullable"));
  }

  private static boolean isType(AnnotationMirror mirror, String qualifiedName) {
    return ((TypeElement) mirror.getAnnotationType().asElement()).getQualifiedName().contentEquals(qualifiedName);
  }
}
