package dev.trinity.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Gives a test class or method a {@link Cassette}, as a parameter of the test method, a {@code
 * BeforeEach} method or the constructor:
 *
 * <pre>{@code
 * @LlmCassette("portfolio-brutalist")
 * class PortfolioTest {
 *   @Test
 *   void writesABrutalistHero(Cassette cassette) {
 *     try (Trinity trinity =
 *         Trinity.builder().config(config).registerProvider(cassette.wrap("ollama")).build()) { … }
 *   }
 * }
 * }</pre>
 *
 * <p>The mode is the system property {@value CassetteMode#PROPERTY} ({@code record}, {@code
 * replay}, {@code record_new}; {@code replay} when unset), the directory {@link #directory()}, else
 * the system property {@value Cassette#DIRECTORY_PROPERTY}, else {@value
 * Cassette#DEFAULT_DIRECTORY}. A method's annotation wins over its class's. A test that had a
 * replay miss fails, with the miss's diff, even when the code under test caught the {@link
 * CassetteMissException}.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@ExtendWith(LlmCassetteExtension.class)
public @interface LlmCassette {
  /**
   * The cassette's name, its directory under the cassettes directory.
   *
   * @return the name
   */
  String value();

  /**
   * The directory holding cassettes, relative to the working directory (the module's, under Maven)
   * unless absolute; empty for the default.
   *
   * @return the directory
   */
  String directory() default "";
}
