package dev.trinity.core.content.internal.offline;

import dev.trinity.api.Capability;
import dev.trinity.api.LlmProvider;
import dev.trinity.api.LlmRequest;
import dev.trinity.api.LlmResponse;
import dev.trinity.api.ProviderException;
import dev.trinity.api.content.SiteContent;
import dev.trinity.core.content.internal.ContentJson;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/**
 * The {@value OfflineExtractor#NAME} provider: answers with content JSON that the offline extractor
 * builds, without a model and without I/O. Fed a portfolio ({@link OfflineExtractor#answering}), it
 * answers from that portfolio and the theme's project limit whatever the request says; created by
 * {@link OfflineProviderFactory} for the LLM client, it reads the request's last message as the
 * portfolio and shows at most {@link SiteContent#MAX_REPOS} projects. Stateless and thread-safe.
 */
final class OfflineProvider implements LlmProvider {
  /**
   * None: its answer is always site-content JSON, whatever the request asks, so it cannot be held
   * to another schema (JSON_SCHEMA would be untrue) and does not stream.
   */
  private static final Set<Capability> CAPABILITIES = EnumSet.noneOf(Capability.class);

  private final Clock clock;
  private final @Nullable String portfolio;
  private final int maxRepos;

  private OfflineProvider(Clock clock, @Nullable String portfolio, int maxRepos) {
    this.clock = clock;
    this.portfolio = portfolio;
    this.maxRepos = maxRepos;
  }

  /** The provider {@code llm.provider: offline} creates: the request's last message is read. */
  static OfflineProvider reading(Clock clock) {
    return new OfflineProvider(clock, null, SiteContent.MAX_REPOS);
  }

  /** A provider that answers from the given portfolio and project limit. */
  static OfflineProvider fed(String portfolio, int maxRepos, Clock clock) {
    return new OfflineProvider(clock, portfolio, maxRepos);
  }

  @Override
  public String name() {
    return OfflineExtractor.NAME;
  }

  @Override
  public String endpoint() {
    return OfflineExtractor.NAME + ":" + OfflineExtractor.MODEL;
  }

  @Override
  public String defaultModel() {
    return OfflineExtractor.MODEL;
  }

  @Override
  public Set<Capability> capabilities() {
    return CAPABILITIES;
  }

  @Override
  public CompletableFuture<LlmResponse> generate(LlmRequest request) {
    Instant start = clock.instant();
    String text = portfolio != null ? portfolio : lastMessage(request);
    Extraction extraction = OfflineExtractor.extract(text);
    Optional<SiteContent> content = OfflineExtractor.content(extraction, maxRepos);
    if (content.isEmpty()) {
      return CompletableFuture.failedFuture(
          new ProviderException(
              name(),
              ProviderException.NO_STATUS,
              OfflineExtractor.noProjects(extraction),
              false,
              null));
    }
    Duration took = Duration.between(start, clock.instant());
    return CompletableFuture.completedFuture(
        LlmResponse.builder()
            .text(ContentJson.write(content.get()))
            .model(OfflineExtractor.MODEL)
            .provider(name())
            .latency(took.isNegative() ? Duration.ZERO : took)
            .finishReason("stop")
            .build());
  }

  private static String lastMessage(LlmRequest request) {
    List<dev.trinity.api.Message> messages = request.messages();
    return messages.get(messages.size() - 1).content();
  }
}
