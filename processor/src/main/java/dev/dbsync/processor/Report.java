package dev.dbsync.processor;

import java.util.ArrayList;
import java.util.List;
import javax.annotation.processing.Messager;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
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
      if (item.element() == null) {
        messager.printMessage(item.kind(), item.message());
      } else if (item.annotation() == null) {
        messager.printMessage(item.kind(), item.message(), item.element());
      } else {
        messager.printMessage(item.kind(), item.message(), item.element(), item.annotation());
      }
    }
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
