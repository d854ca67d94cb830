package dev.dbsync.testing;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension: a test method (or {@code @BeforeEach}) parameter of type {@link TestDatabase} gets a
 * new empty database, dropped after the test.
 *
 * <pre>{@code
 * @ExtendWith(FreshDatabase.class)
 * class MyTest { @Test void t(TestDatabase db) { ... } }
 * }</pre>
 */
public final class FreshDatabase implements ParameterResolver {
  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == TestDatabase.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    TestDatabase db = TestDatabases.create();
    context.getStore(ExtensionContext.Namespace.create(FreshDatabase.class, db.name()))
        .put("db", db); // closed (dropped) by JUnit after the test: TestDatabase is AutoCloseable
    return db;
  }
}
