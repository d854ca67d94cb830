package dev.dbsync.processor;

import java.util.ArrayList;
import java.util.List;
import javax.annotation.processing.Messager;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.util.ElementFilter;
import javax.tools.Diagnostic.Kind;

/**
 * Diagnostics as values: stages add to a {@link Builder}; the processor prints the built report once, at the
 * end, and writes nothing unless it is clean.
 */
record Report(List<Item> items) {
  /** One message; element and annotation may be null (a dropped table has no element any more). */
  record Item(Kind kind, String message, Element element, AnnotationMirror annotation) {}

  Report {
    items = List.copyOf(items);
  }

  boolean isClean() {
    return items.stream().noneMatch(item -> item.kind() == Kind.ERROR);
  }

  void printTo(Messager messager) {
    for (Item item : items) {
      Element element = item.element();
      AnnotationMirror annotation = item.annotation();
      if (element instanceof RecordComponentElement component) {
        // javac 17 has no source position for a record component, but the component's field is declared by
        // the same source text; annotations targeting only components are not on the field
        element = fieldOf(component);
        annotation = null;
      }
      if (element == null) {
        messager.printMessage(item.kind(), item.message());
      } else if (annotation == null) {
        messager.printMessage(item.kind(), item.message(), element);
      } else {
        messager.printMessage(item.kind(), item.message(), element, annotation);
      }
    }
  }

  private static Element fieldOf(RecordComponentElement component) {
    return ElementFilter.fieldsIn(component.getEnclosingElement().getEnclosedElements()).stream()
        .filter(field -> field.getSimpleName().contentEquals(component.getSimpleName()))
        .<Element>map(field -> field)
        .findFirst()
        .orElse(component);
  }

  static final class Builder {
    private final List<Item> items = new ArrayList<>();

    Builder error(String message, Element element, AnnotationMirror annotation) {
      items.add(new Item(Kind.ERROR, message, element, annotation));
      return this;
    }

    Builder warning(String message, Element element, AnnotationMirror annotation) {
      items.add(new Item(Kind.WARNING, message, element, annotation));
      return this;
    }

    Builder note(String message) {
      items.add(new Item(Kind.NOTE, message, null, null));
      return this;
    }

    boolean hasErrors() {
      return !build().isClean();
    }

    Report build() {
      return new Report(items);
    }
  }
}
