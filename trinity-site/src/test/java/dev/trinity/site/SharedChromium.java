package dev.trinity.site;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * One Chromium for every test class that asks for a {@link ChromiumGuardian} parameter: started on
 * first use (or the class is skipped when Chromium is missing, see {@link ChromiumAvailable}) and
 * closed by JUnit when the whole run ends.
 */
final class SharedChromium implements BeforeAllCallback, ParameterResolver {
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(SharedChromium.class);

  @Override
  public void beforeAll(ExtensionContext context) {
    ChromiumAvailable.assume();
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == ChromiumGuardian.class;
  }

  @Override
  public ChromiumGuardian resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return context
        .getRoot()
        .getStore(NAMESPACE)
        .getOrComputeIfAbsent("chromium", key -> ChromiumGuardian.create(), ChromiumGuardian.class);
  }
}
