package dev.trinity.test;

import java.lang.reflect.AnnotatedElement;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The JUnit 5 extension behind {@link LlmCassette}: resolves {@link Cassette} and {@link
 * CassetteMode} parameters and fails a test that had a replay miss. Registered by the annotation;
 * thread-safe, so test classes and methods may run in parallel.
 */
public final class LlmCassetteExtension
    implements ParameterResolver, BeforeEachCallback, AfterEachCallback {
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(LlmCassetteExtension.class);
  private static final String MISSES_BEFORE = "missesBefore";

  /** Creates the extension; JUnit does, through {@link LlmCassette}. */
  public LlmCassetteExtension() {}

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == Cassette.class || type == CassetteMode.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    if (parameter.getParameter().getType() == CassetteMode.class) {
      return CassetteMode.fromSystemProperty();
    }
    return cassette(context);
  }

  /**
   * Notes the misses before this test of a cassette the class shares, to report only this test's.
   */
  @Override
  public void beforeEach(ExtensionContext context) {
    Cassette shared = context.getStore(NAMESPACE).get(Cassette.class, Cassette.class);
    context.getStore(NAMESPACE).put(MISSES_BEFORE, shared == null ? 0 : shared.misses().size());
  }

  @Override
  public void afterEach(ExtensionContext context) {
    if (context.getExecutionException().isPresent()) {
      return;
    }
    Cassette cassette = context.getStore(NAMESPACE).get(Cassette.class, Cassette.class);
    if (cassette == null) {
      return;
    }
    Integer before = context.getStore(NAMESPACE).get(MISSES_BEFORE, Integer.class);
    List<CassetteMissException> all = cassette.misses();
    List<CassetteMissException> misses =
        all.subList(Math.min(before == null ? 0 : before, all.size()), all.size());
    if (!misses.isEmpty()) {
      AssertionError error =
          new AssertionError(
              misses.size()
                  + " replay miss(es) in this test; the first:\n"
                  + misses.get(0).getMessage());
      misses.forEach(error::addSuppressed);
      throw error;
    }
  }

  private static Cassette cassette(ExtensionContext context) {
    LlmCassette annotation =
        find(context)
            .orElseThrow(
                () ->
                    new ParameterResolutionException(
                        "a Cassette parameter needs @LlmCassette on the test method or class"));
    CassetteMode mode;
    try {
      mode = CassetteMode.fromSystemProperty();
    } catch (IllegalArgumentException e) {
      throw new ExtensionConfigurationException(e.getMessage(), e);
    }
    Path root =
        annotation.directory().isBlank() ? Cassette.defaultRoot() : Path.of(annotation.directory());
    // one cassette per test method (or per class, for constructor and BeforeAll parameters)
    return context
        .getStore(NAMESPACE)
        .getOrComputeIfAbsent(
            Cassette.class, k -> Cassette.open(root, annotation.value(), mode), Cassette.class);
  }

  private static Optional<LlmCassette> find(ExtensionContext context) {
    Optional<LlmCassette> onMethod =
        context
            .getTestMethod()
            .flatMap(m -> AnnotationSupport.findAnnotation(m, LlmCassette.class));
    if (onMethod.isPresent()) {
      return onMethod;
    }
    for (Class<?> c = context.getTestClass().orElse(null); c != null; c = c.getEnclosingClass()) {
      Optional<LlmCassette> found =
          AnnotationSupport.findAnnotation((AnnotatedElement) c, LlmCassette.class);
      if (found.isPresent()) {
        return found;
      }
    }
    return Optional.empty();
  }
}
