package dev.trinity.logging.logback;

import net.logstash.logback.encoder.LogstashEncoder;
import net.logstash.logback.fieldnames.LogstashCommonFieldNames;
import net.logstash.logback.fieldnames.LogstashFieldNames;
import net.logstash.logback.mask.MaskingJsonGeneratorDecorator;

/**
 * logstash-logback-encoder's {@link LogstashEncoder} with Trinity's field names, one JSON object
 * per line:
 *
 * <pre>{@code
 * {"timestamp":"2026-01-27T12:34:58.123Z","message":"llm_request_completed",
 *  "logger":"dev.trinity.core.internal.pipeline.LlmPipeline","thread":"trinity-http-1",
 *  "level":"INFO","correlation_id":"550e8400-e29b-41d4-a716-446655440000",
 *  "duration_ms":1234,"cache_hit":false}
 * }</pre>
 *
 * <p>Compared with {@code LogstashEncoder}'s defaults: {@code @timestamp} is {@code timestamp}
 * (UTC, milliseconds), {@code logger_name} is {@code logger}, {@code thread_name} is {@code
 * thread}, {@code @version} and {@code level_value} are dropped, and Logback context properties are
 * left out. Every MDC entry (so {@code correlation_id}) and every SLF4J key-value pair is a
 * top-level field, as {@code LogstashEncoder} does by default; exceptions go to {@code
 * stack_trace}. Every string value is scrubbed by {@link RedactingValueMasker}.
 *
 * <p>Any of {@code LogstashEncoder}'s settings can still be changed in XML; setting {@code
 * <fieldNames>} replaces all of the names above.
 */
public class TrinityJsonEncoder extends LogstashEncoder {
  private final MaskingJsonGeneratorDecorator masking = new MaskingJsonGeneratorDecorator();

  /** An encoder with Trinity's field names and secret scrubbing. */
  public TrinityJsonEncoder() {
    LogstashFieldNames names = getFieldNames();
    names.setTimestamp("timestamp");
    names.setLogger("logger");
    names.setThread("thread");
    names.setVersion(LogstashCommonFieldNames.IGNORE_FIELD_INDICATOR);
    names.setLevelValue(LogstashCommonFieldNames.IGNORE_FIELD_INDICATOR);
    setTimeZone("UTC");
    setTimestampPattern("yyyy-MM-dd'T'HH:mm:ss.SSSX");
    setIncludeContext(false);
    masking.addValueMasker(new RedactingValueMasker());
    setJsonGeneratorDecorator(masking);
  }

  /** Starts the secret masking, then the encoder. */
  @Override
  public void start() {
    if (getJsonGeneratorDecorator() == masking) {
      masking.start(); // Joran starts only the components it creates
    }
    super.start();
  }

  /** Stops the encoder, then the secret masking. */
  @Override
  public void stop() {
    super.stop();
    if (masking.isStarted()) {
      masking.stop();
    }
  }
}
