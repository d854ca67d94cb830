package dev.dbsync.processor;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
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
  static boolean isNullable(RecordComponentElement component, Map<String, VariableElement> fields) {
    ExecutableElement accessor = component.getAccessor();
    VariableElement field = fields.get(component.getSimpleName().toString());
    return hasNullable(component.getAnnotationMirrors())
        || hasNullable(component.asType().getAnnotationMirrors())
        || accessor != null
            && (hasNullable(accessor.getAnnotationMirrors())
                || hasNullable(accessor.getReturnType().getAnnotationMirrors()))
        || field != null && hasNullable(field.getAnnotationMirrors());
  }

  /**
   * The record's fields by name, listed once per record: {@link #isNullable} looks at a component's field, and
   * listing the members for each component made reading 1,000 records quadratic in their width.
   */
  static Map<String, VariableElement> fieldsByName(TypeElement record) {
    Map<String, VariableElement> fields = new HashMap<>();
    for (VariableElement field : ElementFilter.fieldsIn(record.getEnclosedElements())) {
      fields.put(field.getSimpleName().toString(), field);
    }
    return fields;
  }

  private static boolean hasNullable(List<? extends AnnotationMirror> mirrors) {
    for (AnnotationMirror mirror : mirrors) {
      if (mirror.getAnnotationType().asElement().getSimpleName().contentEquals("Nullable")) {
        return true;
      }
    }
    return false;
  }

  private static boolean isType(AnnotationMirror mirror, String qualifiedName) {
    return ((TypeElement) mirror.getAnnotationType().asElement()).getQualifiedName().contentEquals(qualifiedName);
  }
}
