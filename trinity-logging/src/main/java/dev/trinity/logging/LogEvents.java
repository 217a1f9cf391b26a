package dev.trinity.logging;

/**
 * The names of Trinity's structured log events and the keys they carry. Each event is logged as the
 * SLF4J message with its keys as SLF4J 2 key-value pairs, so log backends can index them.
 *
 * <p>This is the whole vocabulary: every event and key Trinity logs is one of these constants, each
 * key means one thing in every event that carries it, and {@code docs/logging.md} lists them all
 * with the keys of each event (a build test checks both).
 */
public final class LogEvents {
  private LogEvents() {}

  /** An attempt was sent to a provider. */
  public static final String LLM_REQUEST_SENT = "llm_request_sent";

  /** A request completed, from a provider or a cache tier. */
  public static final String LLM_REQUEST_COMPLETED = "llm_request_completed";

  /** A request failed for good. */
  public static final String LLM_REQUEST_FAILED = "llm_request_failed";

  /** An attempt failed and another was scheduled. */
  public static final String RETRY_SCHEDULED = "retry_scheduled";

  /** A circuit breaker changed state. */
  public static final String CIRCUIT_STATE_CHANGED = "circuit_state_changed";

  /** A cache tier failed and was skipped. */
  public static final String CACHE_TIER_UNAVAILABLE = "cache_tier_unavailable";

  /** A cache tier that had failed serves again. */
  public static final String CACHE_TIER_AVAILABLE = "cache_tier_available";

  /** A corrupt filesystem cache entry was moved to the quarantine directory; it is a miss. */
  public static final String CACHE_ENTRY_QUARANTINED = "cache_entry_quarantined";

  /** A model's answer failed validation. */
  public static final String CONTENT_VALIDATION_FAILED = "content_validation_failed";

  /** Content was generated. */
  public static final String CONTENT_GENERATED = "content_generated";

  /** A portfolio was cut to the model's input budget. */
  public static final String CONTENT_INPUT_TRIMMED = "content_input_trimmed";

  /** The model path failed and the content fallback answered. */
  public static final String CONTENT_FALLBACK_USED = "content_fallback_used";

  /** A page's layout was checked by a guardian (trinity-site). */
  public static final String LAYOUT_CHECKED = "layout_checked";

  /** A page's layout was healed: a component was fixed by a strategy (trinity-site). */
  public static final String LAYOUT_HEALED = "layout_healed";

  /**
   * The offline extractor read a portfolio: the shape it detected ({@link Keys#SHAPE}), whether it
   * fell back to plain text ({@link Keys#SHAPE_FALLBACK}) and how many projects it found and shows.
   */
  public static final String OFFLINE_EXTRACTED = "offline_extracted";

  /** A page's layout risk was predicted before its first render (trinity-site). */
  public static final String LAYOUT_PREDICTED = "layout_predicted";

  /** DEBUG: the prompt of an attempt, as sent (bodies are logged only at DEBUG). */
  public static final String LLM_PROMPT = "llm_prompt";

  /** DEBUG: the text of an answer, as received. */
  public static final String LLM_RESPONSE = "llm_response";

  /** A stored cache entry could not be decoded; it is deleted and the request goes on. */
  public static final String CACHE_ENTRY_UNREADABLE = "cache_entry_unreadable";

  /** A stored cache entry was refused by the caller's validator; it is deleted. */
  public static final String CACHE_ENTRY_REJECTED = "cache_entry_rejected";

  /** DEBUG: the validation errors of a rejected answer, with the answer itself. */
  public static final String CONTENT_VALIDATION_ERRORS = "content_validation_errors";

  /** A batch's progress listener threw; the batch goes on. */
  public static final String BATCH_PROGRESS_LISTENER_FAILED = "batch_progress_listener_failed";

  /**
   * WARN: the configuration's {@code logging:} settings ({@link Keys#SETTINGS}) were not applied
   * because SLF4J is not bound to Logback; the host's own backend configuration stays in charge.
   */
  public static final String LOGGING_SETTINGS_IGNORED = "logging_settings_ignored";

  /**
   * WARN: a request listener ({@link Keys#LISTENER}) threw; it is skipped for that event and the
   * call goes on.
   */
  public static final String REQUEST_LISTENER_FAILED = "request_listener_failed";

  /**
   * WARN: a provider of the fallback chain did not answer and the request goes on to the next one
   * ({@link Keys#FROM}, {@link Keys#TO}, {@link Keys#REASON}, {@link Keys#ERROR_TYPE}, {@link
   * Keys#ERROR}).
   */
  public static final String LLM_FALLBACK = "llm_fallback";

  /**
   * WARN, once per outage: fleet mode could not reach Redis ({@link Keys#ERROR}); requests go on
   * with single-JVM behaviour (local single flight) until Redis answers again.
   */
  public static final String FLEET_DEGRADED = "fleet_degraded";

  /** INFO: Redis answers fleet mode again after {@link #FLEET_DEGRADED}; sharing resumes. */
  public static final String FLEET_RESTORED = "fleet_restored";

  /** Keys carried by the events above. */
  public static final class Keys {
    private Keys() {}

    /** The MDC key of the correlation id. */
    public static final String CORRELATION_ID = "correlation_id";

    /** Milliseconds from submission to completion. */
    public static final String DURATION_MS = "duration_ms";

    /** Whether a cache tier served the answer. */
    public static final String CACHE_HIT = "cache_hit";

    /**
     * A cache tier's name ({@code memory}, {@code redis}, {@code filesystem}): the one that served
     * an answer, or the one an event is about.
     */
    public static final String CACHE_TIER = "cache_tier";

    /** The provider's name. */
    public static final String PROVIDER = "provider";

    /** The model's name. */
    public static final String MODEL = "model";

    /**
     * The attempt number, from 1. On an outcome ({@link #LLM_REQUEST_COMPLETED}, {@link
     * #LLM_REQUEST_FAILED}, {@link #CONTENT_GENERATED}) it is the last attempt's, which is also how
     * many calls were made ({@code 0} for content that needed no model call).
     */
    public static final String ATTEMPT = "attempt";

    /** Prompt tokens reported by the provider. */
    public static final String PROMPT_TOKENS = "prompt_tokens";

    /** Completion tokens reported by the provider. */
    public static final String COMPLETION_TOKENS = "completion_tokens";

    /** Milliseconds until the next attempt. */
    public static final String DELAY_MS = "delay_ms";

    /** Milliseconds an attempt may take before its deadline. */
    public static final String TIMEOUT_MS = "timeout_ms";

    /** The failure's exception type. */
    public static final String ERROR_TYPE = "error_type";

    /** The failure's message. */
    public static final String ERROR = "error";

    /** The HTTP status, when there was one. */
    public static final String STATUS = "status";

    /** Whether a retry could help. */
    public static final String RETRYABLE = "retryable";

    /** The circuit breaker's name, {@code provider@base-url}. */
    public static final String BREAKER = "breaker";

    /** The state a breaker left. */
    public static final String FROM = "from";

    /** The state a breaker entered. */
    public static final String TO = "to";

    /** The theme a page was rendered with. */
    public static final String THEME = "theme";

    /** The layout guardian that checked a page ({@code chromium}, {@code text-metrics}). */
    public static final String GUARDIAN = "guardian";

    /** How many element overflows a check found, over all viewports. */
    public static final String OVERFLOWS = "overflows";

    /** How many viewports a page was checked at. */
    public static final String VIEWPORTS = "viewports";

    /** A page component, such as {@code card_title[2]}. */
    public static final String COMPONENT = "component";

    /** The healing strategy that fixed a component. */
    public static final String STRATEGY = "strategy";

    /** How many renders healing a page took. */
    public static final String RENDERS = "renders";

    /** Whether a page ended with no overflow. */
    public static final String CLEAN = "clean";

    /** The shape the offline extractor read a portfolio as ({@code github_readme}, …). */
    public static final String SHAPE = "shape";

    /** Whether no known shape fitted and the offline extractor fell back to plain text. */
    public static final String SHAPE_FALLBACK = "shape_fallback";

    /** How many projects the offline extractor found. */
    public static final String PROJECTS_FOUND = "projects_found";

    /** How many projects the offline content shows (after the cut to the page's maximum). */
    public static final String PROJECTS_SHOWN = "projects_shown";

    /** The probability of a predicted class, 0 to 1. */
    public static final String CONFIDENCE = "confidence";

    /** Where a prediction came from ({@code model} or {@code heuristic}). */
    public static final String PREDICTOR = "predictor";

    /** A quarantined cache file, where it was moved to. */
    public static final String FILE = "file";

    /** The name of a portfolio (its file name, or the name the host gave it). */
    public static final String INPUT = "input";

    /** A portfolio's length in characters before it was cut. */
    public static final String ORIGINAL_CHARS = "original_chars";

    /** A portfolio's length in characters after it was cut. */
    public static final String KEPT_CHARS = "kept_chars";

    /** Where content came from: {@code llm}, {@code cache}, {@code offline} or {@code fallback}. */
    public static final String SOURCE = "source";

    /** Where content first came from; differs from {@link #SOURCE} only for cached content. */
    public static final String ORIGINAL_SOURCE = "original_source";

    /** The kind of content fallback that answered ({@code offline} or {@code static}). */
    public static final String FALLBACK = "fallback";

    /** How many repair rounds content took. */
    public static final String REPAIRS = "repairs";

    /** Whether a repair round follows a rejected answer. */
    public static final String REPAIR = "repair";

    /** How many repositories (projects) the content shows. */
    public static final String REPOS = "repos";

    /** How many validation errors an answer had. */
    public static final String ERRORS = "errors";

    /** DEBUG: the validation errors of an answer, as a list of messages. */
    public static final String VALIDATION_ERRORS = "validation_errors";

    /** DEBUG: the system prompt of an attempt. */
    public static final String SYSTEM = "system";

    /** DEBUG: the messages of an attempt. */
    public static final String MESSAGES = "messages";

    /** DEBUG: the raw text of a model's answer. */
    public static final String ANSWER = "answer";

    /** Configuration settings, as {@code key=value} pairs with where each came from. */
    public static final String SETTINGS = "settings";

    /** The class name of a request listener. */
    public static final String LISTENER = "listener";

    /**
     * Why the fallback chain went past a provider: {@code failed}, {@code circuit_open} or {@code
     * queue_full}.
     */
    public static final String REASON = "reason";
  }
}
