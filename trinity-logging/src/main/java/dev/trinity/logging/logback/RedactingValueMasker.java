package dev.trinity.logging.logback;

import com.fasterxml.jackson.core.JsonStreamContext;
import dev.trinity.logging.Redaction;
import net.logstash.logback.mask.ValueMasker;
import org.jspecify.annotations.Nullable;

/**
 * A logstash-logback-encoder value masker that {@linkplain Redaction#scrub scrubs} every string
 * value written to the JSON output (message, key-value pairs, MDC, stack trace) of what looks like
 * a secret. {@link TrinityJsonEncoder} installs it; with a plain {@code LogstashEncoder}, declare
 * it as
 *
 * <pre>{@code
 * <jsonGeneratorDecorator class="net.logstash.logback.mask.MaskingJsonGeneratorDecorator">
 *   <valueMasker class="dev.trinity.logging.logback.RedactingValueMasker"/>
 * </jsonGeneratorDecorator>
 * }</pre>
 *
 * <p>Stateless and thread-safe.
 */
public final class RedactingValueMasker implements ValueMasker {
  /** A masker. */
  public RedactingValueMasker() {}

  /**
   * Scrubs a string value.
   *
   * @param context where in the JSON document the value is written
   * @param value the value
   * @return the scrubbed string when it differs, null (write the value as is) otherwise
   */
  @Override
  public @Nullable Object mask(JsonStreamContext context, Object value) {
    if (value instanceof CharSequence) {
      String original = value.toString();
      String scrubbed = Redaction.scrub(original);
      return scrubbed.equals(original) ? null : scrubbed;
    }
    return null;
  }
}
